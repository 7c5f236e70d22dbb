// C rejects (under -Wall -Werror) a local that is declared and never read,
// which TypeScript allows: an unused `const`, a callback's or loop's
// parameter, a value whose only use was folded away. After a function is
// lowered, every declared local that no expression mentions gets a
// `(void) name;` right after its declaration.
import type { Expr, Stmt } from "../ir/ir.js";

export function markUnusedLocals(body: Stmt[]): void {
  const mentioned = new Set<string>();
  walkStmts(body, (s) => forEachExpr(s, (e) => collectNames(e, mentioned)));
  visitLists(body, (list) => {
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      if (s.k === "decl" && !mentioned.has(s.name)) {
        list.splice(i + 1, 0, { k: "expr", expr: { k: "name", name: `(void) ${s.name}`, kind: "void" } });
        i++;
      }
    }
  });
}

/** Every identifier-like word in a name node counts as a use. */
function collectNames(e: Expr, out: Set<string>): void {
  switch (e.k) {
    case "name":
      for (const w of e.name.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) out.add(w);
      return;
    case "call":
      e.args.forEach((a) => collectNames(a, out));
      return;
    case "member":
      collectNames(e.base, out);
      return;
    case "unary":
    case "cast":
      collectNames(e.arg, out);
      return;
    case "binary":
      collectNames(e.left, out);
      collectNames(e.right, out);
      return;
    case "cond":
      collectNames(e.test, out);
      collectNames(e.then, out);
      collectNames(e.else, out);
      return;
    case "assign":
      collectNames(e.target, out);
      collectNames(e.value, out);
      return;
    case "update":
      collectNames(e.target, out);
      return;
    case "array":
    case "env":
      e.items.forEach((i) => collectNames(i, out));
      return;
    default:
      return;
  }
}

function forEachExpr(s: Stmt, fn: (e: Expr) => void): void {
  switch (s.k) {
    case "decl":
      if (s.init !== undefined) fn(s.init);
      return;
    case "expr":
      fn(s.expr);
      return;
    case "if":
    case "while":
    case "dowhile":
      fn(s.test);
      return;
    case "for":
      if (s.test !== undefined) fn(s.test);
      if (s.update !== undefined) fn(s.update);
      return;
    case "return":
      if (s.value !== undefined) fn(s.value);
      return;
    case "switch":
      fn(s.on);
      return;
    default:
      return;
  }
}

function children(s: Stmt): Stmt[][] {
  switch (s.k) {
    case "if":
      return s.else === undefined ? [s.then] : [s.then, s.else];
    case "while":
    case "dowhile":
    case "for":
    case "block":
      return [s.body];
    case "switch":
      return s.cases.map((c) => c.body);
    default:
      return [];
  }
}

function walkStmts(list: Stmt[], fn: (s: Stmt) => void): void {
  for (const s of list) {
    fn(s);
    for (const c of children(s)) walkStmts(c, fn);
  }
}

function visitLists(list: Stmt[], fn: (list: Stmt[]) => void): void {
  fn(list);
  for (const s of list) for (const c of children(s)) visitLists(c, fn);
}
