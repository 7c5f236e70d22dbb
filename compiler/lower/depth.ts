// Recursion in plugin code is bounded: every plugin function enters the
// runtime's call-depth counter (flbc_enter) and leaves it on every return.
// Past FLBC_MAX_CALL_DEPTH the call returns a zero value at once and the
// runtime abandons the record (kept unchanged, logged), instead of letting
// the C stack overflow inside Fluent Bit.
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import { zeroOf } from "./function.js";
import { isPure } from "./kinds.js";

const rt: Expr = { k: "name", name: "rt", kind: "void" };
const leave: Stmt = { k: "expr", expr: { k: "call", fn: "flbc_leave", args: [rt], kind: "void" } };

export function guardRecursion(body: Stmt[], returns: Kind, result: string): Stmt[] {
  const zero = returns === "void" ? undefined : zeroOf(returns);
  const enter: Stmt = {
    k: "if",
    test: { k: "call", fn: "flbc_unlikely", args: [{ k: "unary", op: "!", arg: { k: "call", fn: "flbc_enter", args: [rt], kind: "bool" }, kind: "bool" }], kind: "bool" },
    then: [{ k: "return", value: zero }],
  };
  return [enter, ...body.map((s) => rewrite(s, returns, result))];
}

/** `return x;` -> `{ T result = x; flbc_leave(rt); return result; }`. */
function rewrite(s: Stmt, returns: Kind, result: string): Stmt {
  switch (s.k) {
    case "return":
      if (s.value === undefined) return { k: "block", body: [leave, { k: "return" }], line: s.line };
      // A constant or a variable needs no temporary: leave, then return it.
      if (isPure(s.value)) return { k: "block", body: [leave, s], line: s.line };
      return {
        k: "block",
        body: [{ k: "decl", name: result, kind: returns, init: s.value }, leave, { k: "return", value: { k: "name", name: result, kind: returns } }],
        line: s.line,
      };
    case "if":
      return { ...s, then: s.then.map((x) => rewrite(x, returns, result)), else: s.else?.map((x) => rewrite(x, returns, result)) };
    case "while":
    case "dowhile":
    case "for":
    case "block":
      return { ...s, body: s.body.map((x) => rewrite(x, returns, result)) };
    case "switch":
      return { ...s, cases: s.cases.map((c) => ({ ...c, body: c.body.map((x) => rewrite(x, returns, result)) })) };
    default:
      return s;
  }
}
