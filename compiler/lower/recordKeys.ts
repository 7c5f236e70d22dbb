// A plugin's record keys. The keys a filter's or an output's code names as
// string literals (`record.msg`, `"msg" in event.body`, `delete
// record.password`) go into one table, handed to the runtime in cb_init (a
// filter) or each flush (an output); every record's walk then notes where
// those keys are, and the record operations on them become flbc_rec_*_key
// calls that search nothing. Lowering wrote them as
// flbc_rec_get/has/set/delete with a string; this pass, run once the
// plugin's functions are lowered, rewrites the ones whose key is a literal.
import type { Expr, Func, RecordKeys, Stmt } from "../ir/ir.js";
import type { NameTable } from "./names.js";

/** The most keys a plugin's table holds (FLBC_REC_KEYS in the runtime). */
const maxKeys = 32;

const keyed: Record<string, string> = {
  flbc_rec_get: "flbc_rec_get_key",
  flbc_rec_has: "flbc_rec_has_key",
  flbc_rec_set: "flbc_rec_set_key",
  flbc_rec_delete: "flbc_rec_delete_key",
};

/** Runtime calls that look a record's key up by string: they want its pairs indexed. */
const byString = new Set(["flbc_rec_get", "flbc_rec_has", "flbc_rec_set", "flbc_rec_delete", "flbc_rec_assign"]);

export function assignRecordKeys(functions: Func[], names: NameTable): RecordKeys {
  const table = new Map<string, string>();
  let computed = false;
  const rewrite = (e: Expr): Expr => {
    if (e.k !== "call") return e;
    const key = e.args[1];
    const fn = keyed[e.fn];
    if (fn !== undefined && key?.k === "str" && (table.has(key.value) || table.size < maxKeys)) {
      let cname = table.get(key.value);
      if (cname === undefined) {
        // rkey_, not key_: key_t is a POSIX type (record.t).
        cname = names.claim(key.value, "rkey_");
        table.set(key.value, cname);
      }
      return { ...e, fn, args: [e.args[0]!, { k: "name", name: cname, kind: "int" }, ...e.args.slice(2)] };
    }
    if (byString.has(e.fn)) computed = true;
    return e;
  };
  for (const fn of functions) fn.body = fn.body.map((s) => mapStmt(s, rewrite));
  return { keys: [...table].map(([key, cname]) => ({ key, cname })), computed };
}

/** Applies fn to every expression of s, innermost first. */
function mapStmt(s: Stmt, fn: (e: Expr) => Expr): Stmt {
  const x = (e: Expr): Expr => mapExpr(e, fn);
  const xs = (body: Stmt[]): Stmt[] => body.map((b) => mapStmt(b, fn));
  switch (s.k) {
    case "decl":
      return s.init === undefined ? s : { ...s, init: x(s.init) };
    case "expr":
      return { ...s, expr: x(s.expr) };
    case "if":
      return { ...s, test: x(s.test), then: xs(s.then), else: s.else === undefined ? undefined : xs(s.else) };
    case "while":
    case "dowhile":
      return { ...s, test: x(s.test), body: xs(s.body) };
    case "for":
      return {
        ...s,
        test: s.test === undefined ? undefined : x(s.test),
        update: s.update === undefined ? undefined : x(s.update),
        body: xs(s.body),
      };
    case "switch":
      return { ...s, on: x(s.on), cases: s.cases.map((c) => ({ ...c, body: xs(c.body) })) };
    case "return":
      return s.value === undefined ? s : { ...s, value: x(s.value) };
    case "block":
      return { ...s, body: xs(s.body) };
    case "break":
    case "empty":
    case "continue":
    case "goto":
    case "label":
      return s;
    default:
      return unhandled(s);
  }
}

function mapExpr(e: Expr, fn: (e: Expr) => Expr): Expr {
  const x = (a: Expr): Expr => mapExpr(a, fn);
  switch (e.k) {
    case "call":
      return fn({ ...e, args: e.args.map(x) });
    case "member":
      return fn({ ...e, base: x(e.base) });
    case "unary":
    case "cast":
      return fn({ ...e, arg: x(e.arg) });
    case "binary":
      return fn({ ...e, left: x(e.left), right: x(e.right) });
    case "cond":
      return fn({ ...e, test: x(e.test), then: x(e.then), else: x(e.else) });
    case "assign":
      return fn({ ...e, target: x(e.target), value: x(e.value) });
    case "update":
      return fn({ ...e, target: x(e.target) });
    case "array":
    case "env":
      return fn({ ...e, items: e.items.map(x) });
    case "num":
    case "big":
    case "bool":
    case "str":
    case "name":
      return fn(e);
    default:
      return unhandled(e);
  }
}

/** A statement or expression kind this pass does not know: a compile error here. */
function unhandled(x: never): never {
  throw new Error(`internal: recordKeys does not handle ${JSON.stringify(x)}`);
}
