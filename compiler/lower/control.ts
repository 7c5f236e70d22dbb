// Loops, switch, break and continue. Each JavaScript loop becomes exactly
// one C loop, so an unlabeled break/continue maps to C's own; a labeled one
// that crosses an inner loop becomes a goto to a label placed where
// JavaScript would resume.
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import type { FunctionLowerer } from "./function.js";
import { lowerForOfEvents } from "./outputs.js";
import { lineOf, skipParens } from "./function.js";
import { isPure } from "./kinds.js";
import { mayBeLifted } from "./closures.js";
import { equalityOf, lowerStored } from "./expressions.js";

const SK = ts.SyntaxKind;

export interface Breakable {
  labels: string[];
  loop: boolean;
  /** C labels, claimed when a jump needs them. */
  breakLabel?: string;
  continueLabel?: string;
  /** The loop's update is statements in its body (a bigint `i++` tests for overflow): C's continue would skip them. */
  continueByGoto?: boolean;
}

type Loop = ts.WhileStatement | ts.DoStatement | ts.ForStatement | ts.ForOfStatement | ts.ForInStatement;

export function isLoop(s: ts.Statement): s is Loop {
  return (
    ts.isWhileStatement(s) || ts.isDoStatement(s) || ts.isForStatement(s) || ts.isForOfStatement(s) || ts.isForInStatement(s)
  );
}

/** A loop or switch, with the JS labels written in front of it. */
export function lowerBreakable(f: FunctionLowerer, s: Loop | ts.SwitchStatement, labels: string[]): Stmt[] {
  const b: Breakable = { labels, loop: !ts.isSwitchStatement(s) };
  f.breakables.push(b);
  let out: Stmt[];
  try {
    out = ts.isSwitchStatement(s) ? lowerSwitch(f, s) : lowerLoop(f, s, b);
  } finally {
    f.breakables.pop();
  }
  if (b.breakLabel !== undefined) out.push({ k: "label", name: b.breakLabel });
  return out;
}

function lowerLoop(f: FunctionLowerer, s: Loop, b: Breakable): Stmt[] {
  const body = (): Stmt[] => {
    const stmts = f.block(ts.isBlock(s.statement) ? s.statement.statements : [s.statement]);
    if (b.continueLabel !== undefined) stmts.push({ k: "label", name: b.continueLabel });
    return stmts;
  };
  if (ts.isWhileStatement(s)) {
    const test = f.withPre(() => f.condition(s.expression));
    if (test.pre.length === 0) return [{ k: "while", test: test.value, body: body() }];
    return [{ k: "for", body: [...test.pre, exitUnless(test.value), ...body()] }];
  }
  if (ts.isDoStatement(s)) {
    const stmts = body();
    const test = f.withPre(() => f.condition(s.expression));
    if (test.pre.length > 0) {
      f.scope.sink.report("UnsupportedStatement", s.expression, "This do...while condition", "Compute the condition into a variable at the end of the body.");
    }
    return [{ k: "dowhile", body: stmts, test: test.value }];
  }
  if (ts.isForStatement(s)) {
    const init: Stmt[] = [];
    if (s.initializer !== undefined) {
      if (ts.isVariableDeclarationList(s.initializer)) {
        for (const d of s.initializer.declarations) {
          if (!declareCounter(f, s, d, init)) f.variable(d, (st) => init.push(st));
        }
      } else {
        f.expressionStatement(s.initializer, (st) => init.push(st));
      }
    }
    const test = s.condition === undefined ? undefined : f.withPre(() => f.condition(s.condition!));
    const update = s.incrementor === undefined ? undefined : f.withPre(() => f.expr(s.incrementor!).e);
    if (update !== undefined && update.pre.length > 0) {
      // The update needs statements: they end the body, and `continue` jumps to them.
      b.continueByGoto = true;
      const head = test === undefined ? [] : [...test.pre, exitUnless(test.value)];
      const tail: Stmt[] = [...update.pre, ...(isPure(update.value) ? [] : [{ k: "expr" as const, expr: update.value, line: lineOf(s.incrementor!) }])];
      return [{ k: "block", body: [...init, { k: "for", body: [...head, ...body(), ...tail] }] }];
    }
    const loop: Stmt =
      test === undefined || test.pre.length === 0
        ? { k: "for", test: test?.value, update: update?.value, body: body() }
        : { k: "for", update: update?.value, body: [...test.pre, exitUnless(test.value), ...body()] };
    return [{ k: "block", body: [...init, loop] }];
  }
  return lowerForOf(f, s, body);
}

/**
 * The integer fast path: `for (let i = 0; ...; i++)` where nothing but the
 * update writes `i` holds it in an int64_t. Starting from an integer and
 * stepping by one, it stays an integer far inside 2^53, so every read
 * converts it to the double it equals exactly, and `i % k` can use the C
 * remainder when it never goes below zero. A counter that a local function
 * captures stays a double (a lifted function holds a pointer to it).
 */
function declareCounter(f: FunctionLowerer, s: ts.ForStatement, d: ts.VariableDeclaration, out: Stmt[]): boolean {
  const list = s.initializer as ts.VariableDeclarationList;
  if ((list.flags & ts.NodeFlags.Let) === 0 || !ts.isIdentifier(d.name) || d.initializer === undefined) return false;
  if (d.type !== undefined && d.type.kind !== SK.NumberKeyword) return false;
  const start = integerLiteral(d.initializer);
  const sym = f.checker.getSymbolAtLocation(d.name);
  const step = s.incrementor === undefined ? undefined : skipParens(s.incrementor);
  if (start === undefined || sym === undefined || step === undefined) return false;
  if (!(ts.isPrefixUnaryExpression(step) || ts.isPostfixUnaryExpression(step))) return false;
  if (step.operator !== SK.PlusPlusToken && step.operator !== SK.MinusMinusToken) return false;
  if (!ts.isIdentifier(step.operand) || f.checker.getSymbolAtLocation(step.operand) !== sym) return false;
  if ([s.condition, s.statement].some((n) => n !== undefined && (writes(f.checker, n, sym) || inNestedFunction(f.checker, n, sym)))) return false;
  const cname = f.locals.claim(d.name.text, "v_");
  out.push({ k: "decl", name: cname, kind: "num", ctype: "int64_t", init: { k: "name", name: String(start), kind: "int" } });
  f.bind(d.name, { k: "local", cname, kind: "num", counter: { nonNegative: start >= 0 && step.operator === SK.PlusPlusToken } });
  return true;
}

function integerLiteral(e: ts.Expression): number | undefined {
  const x = skipParens(e);
  const value =
    ts.isNumericLiteral(x) ? Number(x.text)
    : ts.isPrefixUnaryExpression(x) && x.operator === SK.MinusToken && ts.isNumericLiteral(x.operand) ? -Number(x.operand.text)
    : undefined;
  return value !== undefined && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 ? value : undefined;
}

/** Whether anything under n assigns or updates the variable sym. */
function writes(checker: ts.TypeChecker, n: ts.Node, sym: ts.Symbol): boolean {
  const named = (x: ts.Node): boolean => {
    let found = false;
    const visit = (y: ts.Node): void => {
      if (ts.isIdentifier(y) && checker.getSymbolAtLocation(y) === sym) found = true;
      else ts.forEachChild(y, visit);
    };
    visit(x);
    return found;
  };
  let found = false;
  const visit = (x: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(x) && x.operatorToken.kind >= SK.FirstAssignment && x.operatorToken.kind <= SK.LastAssignment && named(x.left)) found = true;
    else if ((ts.isPrefixUnaryExpression(x) || ts.isPostfixUnaryExpression(x)) && (x.operator === SK.PlusPlusToken || x.operator === SK.MinusMinusToken) && named(x.operand)) found = true;
    else ts.forEachChild(x, visit);
  };
  visit(n);
  return found;
}

/** Whether a function that may be lifted, under n, names sym (an inline callback argument may). */
function inNestedFunction(checker: ts.TypeChecker, n: ts.Node, sym: ts.Symbol): boolean {
  let found = false;
  const visit = (x: ts.Node, nested: boolean): void => {
    if (found) return;
    if (nested && ts.isIdentifier(x) && checker.getSymbolAtLocation(x) === sym) {
      found = true;
      return;
    }
    ts.forEachChild(x, (c) => visit(c, nested || mayBeLifted(x)));
  };
  visit(n, false);
  return found;
}

function exitUnless(test: Expr): Stmt {
  return { k: "if", test: { k: "unary", op: "!", arg: test, kind: "bool" }, then: [{ k: "break" }] };
}

/** for...of over an array or a string, for...in over a record's keys. */
function lowerForOf(f: FunctionLowerer, s: ts.ForOfStatement | ts.ForInStatement, body: () => Stmt[]): Stmt[] {
  const decl = s.initializer;
  if (!ts.isVariableDeclarationList(decl) || decl.declarations.length !== 1) {
    f.scope.sink.report("UnsupportedStatement", s.initializer, "This loop variable", "Declare it in the loop: `for (const x of xs)`.");
    return [];
  }
  const name = decl.declarations[0]!.name;
  if (!ts.isIdentifier(name)) {
    // for (const [k, v] of pairs): each element destructured into locals.
    return lowerForOfPattern(f, s as ts.ForOfStatement, name, body);
  }
  const id = name;
  const source = f.expr(s.expression);
  if (source.kind === "events" && ts.isForOfStatement(s)) return lowerForOfEvents(f, id, source.e, body);
  const pre: Stmt[] = [];
  let items: Expr;
  if (ts.isForInStatement(s)) {
    if (source.kind !== "rec") {
      f.scope.sink.report("UnsupportedStatement", s, "for...in over this value", "Use `for (const k of Object.keys(obj))`.");
      return [];
    }
    f.usesRt = true;
    items = { k: "call", fn: "flbc_rec_keys", args: [{ k: "name", name: "rt", kind: "void" }, source.e], kind: "arr" };
  } else if (source.kind === "str") {
    return lowerForOfString(f, id, source.e, body);
  } else {
    const arr = source.kind === "arr" ? source.e : f.coerce(source.e, source.kind, "arr");
    if (arr === undefined) {
      f.scope.sink.report("UnsupportedStatement", s.expression, "for...of over this value", "Iterate over an array or a string.");
      return [];
    }
    items = arr;
  }
  const list = f.locals.claim("items");
  const index = f.locals.claim("i");
  pre.push({ k: "decl", name: list, kind: "arr", init: items });
  const kind = elementKind(f, id);
  const cname = f.locals.claim(id.text, "v_");
  f.bind(id, { k: "local", cname, kind });
  const element: Expr = { k: "call", fn: "flbc_arr_get", args: [{ k: "name", name: list, kind: "arr" }, { k: "name", name: index, kind: "int" }], kind: "val" };
  const value = f.coerce(element, "val", kind) ?? element;
  const loopBody: Stmt[] = [{ k: "decl" as const, name: cname, kind, init: value, line: lineOf(id) }, ...body()];
  pre.push({ k: "decl", name: index, kind: "int", ctype: "uint32_t", init: { k: "name", name: "0", kind: "int" } });
  const test: Expr = { k: "binary", op: "<", left: { k: "name", name: index, kind: "int" }, right: { k: "call", fn: "flbc_arr_len", args: [{ k: "name", name: list, kind: "arr" }], kind: "int" }, kind: "bool" };
  return [{ k: "block", body: [...pre, { k: "for", test, update: { k: "update", target: { k: "name", name: index, kind: "int" }, op: "++", prefix: false, kind: "int" }, body: loopBody }] }];
}

/** for (const ch of s): one code point at a time, as JavaScript's string iterator. */
function lowerForOfString(f: FunctionLowerer, id: ts.Identifier, s: Expr, body: () => Stmt[]): Stmt[] {
  const str = f.locals.claim("str");
  const pos = f.locals.claim("pos");
  const cname = f.locals.claim(id.text, "v_");
  f.bind(id, { k: "local", cname, kind: "str" });
  const next: Expr = { k: "call", fn: "flbc_str_next_char", args: [{ k: "name", name: str, kind: "str" }, { k: "name", name: `&${pos}`, kind: "int" }], kind: "str" };
  const test: Expr = { k: "binary", op: "<", left: { k: "name", name: pos, kind: "int" }, right: { k: "member", base: { k: "name", name: str, kind: "str" }, field: "len", kind: "int" }, kind: "bool" };
  return [
    {
      k: "block",
      body: [
        { k: "decl", name: str, kind: "str", init: s },
        { k: "decl", name: pos, kind: "int", ctype: "size_t", init: { k: "name", name: "0", kind: "int" } },
        { k: "while", test, body: [{ k: "decl", name: cname, kind: "str", init: next, line: lineOf(id) }, ...body()] },
      ],
    },
  ];
}

function elementKind(f: FunctionLowerer, id: ts.Identifier): Kind {
  const k = f.kindAt(id);
  return k === "void" ? "val" : k;
}

/**
 * switch: the case tests run in order (as in JavaScript, strict equality),
 * pick the index of the first match or of `default`, and a C switch on that
 * index runs the bodies with JavaScript's fall-through.
 */
function lowerSwitch(f: FunctionLowerer, s: ts.SwitchStatement): Stmt[] {
  // A string-literal union's member is switched on as its enum constant.
  const on = lowerStored(f, s.expression);
  const pre = [...f.pre];
  f.pre = [];
  const subject = f.locals.claim("subject");
  const choice = f.locals.claim("chosen");
  const stmts: Stmt[] = [...pre, { k: "decl", name: subject, kind: on.kind, init: on.e }];
  const clauses = s.caseBlock.clauses;
  const defaultIndex = clauses.findIndex((c) => ts.isDefaultClause(c));
  stmts.push({ k: "decl", name: choice, kind: "int", init: { k: "name", name: String(defaultIndex), kind: "int" } });
  // An else-if chain: a later case's test runs only when earlier ones failed.
  let tail: Stmt[] = stmts;
  clauses.forEach((c, i) => {
    if (!ts.isCaseClause(c)) return;
    const test = f.withPre(() => equalityOf(f, { e: { k: "name", name: subject, kind: on.kind }, kind: on.kind }, c.expression));
    const otherwise: Stmt[] = [];
    tail.push(...test.pre, {
      k: "if",
      test: test.value,
      then: [{ k: "expr", expr: { k: "assign", target: { k: "name", name: choice, kind: "int" }, op: "=", value: { k: "name", name: String(i), kind: "int" }, kind: "int" } }],
      else: otherwise,
    });
    tail = otherwise;
  });
  const cases = clauses.map((c, i) => ({ value: i, body: f.block(c.statements) }));
  stmts.push({ k: "switch", on: { k: "name", name: choice, kind: "int" }, cases });
  removeEmptyElse(stmts);
  return [{ k: "block", body: stmts }];
}

function removeEmptyElse(stmts: Stmt[]): void {
  for (const s of stmts) {
    if (s.k === "if") {
      if (s.else !== undefined && s.else.length === 0) delete s.else;
      else if (s.else !== undefined) removeEmptyElse(s.else);
    }
  }
}

/** The C statement for `break [label]` / `continue [label]`. */
export function lowerJump(f: FunctionLowerer, s: ts.BreakStatement | ts.ContinueStatement): Stmt {
  const isBreak = ts.isBreakStatement(s);
  const label = s.label?.text;
  const stack = f.breakables;
  let target: Breakable | undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    const b = stack[i]!;
    if (label !== undefined ? b.labels.includes(label) : isBreak || b.loop) {
      target = b;
      break;
    }
  }
  if (target === undefined) {
    f.scope.sink.report("UnsupportedStatement", s, `'${s.getText()}' outside a loop`, "break and continue work inside loops and switch.");
    return { k: "break" };
  }
  // C's own break/continue reach the innermost breakable / loop.
  const innermost = isBreak ? stack[stack.length - 1] : [...stack].reverse().find((b) => b.loop);
  if (target === innermost && (isBreak || target.continueByGoto !== true)) return { k: isBreak ? "break" : "continue" };
  if (isBreak) {
    target.breakLabel ??= f.locals.claim(`break_${label ?? "loop"}`);
    return { k: "goto", label: target.breakLabel };
  }
  target.continueLabel ??= f.locals.claim(`continue_${label ?? "loop"}`);
  return { k: "goto", label: target.continueLabel };
}

export function labelsOf(s: ts.LabeledStatement): { labels: string[]; inner: ts.Statement } {
  const labels: string[] = [];
  let inner: ts.Statement = s;
  while (ts.isLabeledStatement(inner)) {
    labels.push(inner.label.text);
    inner = inner.statement;
  }
  return { labels, inner };
}

function lowerForOfPattern(
  f: FunctionLowerer,
  s: ts.ForOfStatement,
  pattern: ts.ObjectBindingPattern | ts.ArrayBindingPattern,
  body: () => Stmt[],
): Stmt[] {
  const source = f.expr(s.expression);
  const arr = source.kind === "arr" ? source.e : f.coerce(source.e, source.kind, "arr");
  if (arr === undefined) {
    f.scope.sink.report("UnsupportedStatement", s.expression, "for...of over this value", "Iterate over an array.");
    return [];
  }
  const list = f.locals.claim("items");
  const index = f.locals.claim("i");
  const element: Expr = { k: "call", fn: "flbc_arr_get", args: [{ k: "name", name: list, kind: "arr" }, { k: "name", name: index, kind: "int" }], kind: "val" };
  const loopBody: Stmt[] = [];
  f.destructureFrom(pattern, { e: element, kind: "val" }, (st) => loopBody.push(st));
  loopBody.push(...body());
  const test: Expr = { k: "binary", op: "<", left: { k: "name", name: index, kind: "int" }, right: { k: "call", fn: "flbc_arr_len", args: [{ k: "name", name: list, kind: "arr" }], kind: "int" }, kind: "bool" };
  return [
    {
      k: "block",
      body: [
        { k: "decl", name: list, kind: "arr", init: arr },
        { k: "decl", name: index, kind: "int", ctype: "uint32_t", init: { k: "name", name: "0", kind: "int" } },
        { k: "for", test, update: { k: "update", target: { k: "name", name: index, kind: "int" }, op: "++", prefix: false, kind: "int" }, body: loopBody },
      ],
    },
  ];
}
