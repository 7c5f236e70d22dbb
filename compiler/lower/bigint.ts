// bigint -> int64_t. Comparisons, `&`, `|`, `^` and `~` are C operators;
// everything that can fail (overflow beyond 64 bits, division by zero, a
// negative exponent, BigInt("x")) is a runtime call in flbc_big.c that
// throws, kept in a temporary and followed by a test of the flag, as after
// a call of a plugin function that may throw.
import { ts } from "../program/typescript.cjs";
import type { BinaryOp, Expr } from "../ir/ir.js";
import { checkThrown } from "./exceptions.js";
import type { Lowered } from "./expressions.js";
import { lowerExpression, rtName } from "./expressions.js";
import type { FunctionLowerer } from "./function.js";
import { skipParens } from "./function.js";
import { inOrder } from "./order.js";
import type { PluginScope } from "./scope.js";

const SK = ts.SyntaxKind;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const call = (fn: string, args: Expr[], kind: "big" | "num" | "str"): Expr => ({ k: "call", fn, args, kind });

/** Whether a value of type `t` may be a bigint. */
export function mayBeBigint(t: ts.Type): boolean {
  const parts = t.isUnion() ? t.types : [t];
  return parts.some((p) => (p.flags & ts.TypeFlags.BigIntLike) !== 0);
}

/** Whether every value of type `t` is a bigint (its C kind is "big"). */
function isBigintType(t: ts.Type): boolean {
  const parts = t.isUnion() ? t.types : [t];
  return parts.every((p) => (p.flags & ts.TypeFlags.BigIntLike) !== 0);
}

/**
 * Whether code under `node` computes a bigint: every bigint a Value can
 * hold comes from such an expression (a record read gives numbers), and
 * every bigint operation that may throw has one as operand or result.
 */
export function computesBigint(checker: ts.TypeChecker, node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isExpression(n) && !ts.isTypeNode(n) && isBigintType(checker.getTypeAtLocation(n))) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * Whether the plugin can make a bigint at all: only a bigint literal or
 * BigInt makes one (a record read gives numbers, JSON.parse never gives
 * one), so without them no Value holds a bigint and no bigint operation
 * runs. Syntax only: asking the type of every expression costs a compile
 * tens of milliseconds.
 */
export function makesBigint(file: ts.SourceFile): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n.kind === SK.BigIntLiteral || (ts.isIdentifier(n) && n.text === "BigInt")) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

/** `123n`, `-5n` (a negated literal is one constant: -2^63 has no positive twin). */
export function bigintConstant(scope: PluginScope, e: ts.Expression): Expr | undefined {
  const x = skipParens(e);
  const negated = ts.isPrefixUnaryExpression(x) && x.operator === SK.MinusToken;
  const lit = negated ? skipParens(x.operand) : x;
  if (!ts.isBigIntLiteral(lit)) return undefined;
  const magnitude = BigInt(lit.text.slice(0, -1).replace(/_/g, ""));
  const value = negated ? -magnitude : magnitude;
  if (value < INT64_MIN || value > INT64_MAX) {
    scope.sink.report("BigIntRange", x, x.getText());
    return { k: "big", value: 0n };
  }
  return { k: "big", value };
}

/** A runtime call that may throw: its value in a temporary, the flag tested. */
export function checkedBig(f: FunctionLowerer, fn: string, args: Expr[], kind: "big" | "str" = "big"): Expr {
  const t = f.temp(kind, call(fn, [rtName(f), ...args], kind));
  f.pre.push(checkThrown(f));
  return { k: "name", name: t, kind };
}

const bitwiseOps: Partial<Record<ts.SyntaxKind, BinaryOp>> = {
  [SK.AmpersandToken]: "&",
  [SK.BarToken]: "|",
  [SK.CaretToken]: "^",
};

const checkedOps: Partial<Record<ts.SyntaxKind, string>> = {
  [SK.PlusToken]: "flbc_big_add",
  [SK.MinusToken]: "flbc_big_sub",
  [SK.AsteriskToken]: "flbc_big_mul",
  [SK.SlashToken]: "flbc_big_div",
  [SK.PercentToken]: "flbc_big_mod",
  [SK.AsteriskAsteriskToken]: "flbc_big_pow",
  [SK.LessThanLessThanToken]: "flbc_big_shl",
  [SK.GreaterThanGreaterThanToken]: "flbc_big_sar",
};

/** `left op right` on two bigints, for a binary or compound-assignment operator. */
export function bigintOp(f: FunctionLowerer, op: ts.SyntaxKind, left: Expr, right: Expr, at: ts.Node): Expr {
  const bit = bitwiseOps[op];
  if (bit !== undefined) return { k: "binary", op: bit, left, right, kind: "big" };
  const fn = checkedOps[op];
  if (fn !== undefined) return checkedBig(f, fn, [left, right]);
  // `>>>`: a TypeError in JavaScript, which tsc reports first.
  f.scope.sink.report("UnsupportedOperator", at, ts.tokenToString(op) ?? "?", "Use `>>` on a bigint.");
  return { k: "big", value: 0n };
}

/** An operand that must be a bigint: reported when it may be a number too. */
export function bigOperand(f: FunctionLowerer, e: ts.Expression, op: string): Expr {
  const l = lowerExpression(f, e);
  if (l.kind === "big") return l.e;
  f.scope.sink.report("BigIntMixed", e, e.getText().slice(0, 40), op);
  return { k: "big", value: 0n };
}

/** `-b` (a literal folds to a constant) and `~b`. */
export function bigintPrefix(f: FunctionLowerer, p: ts.PrefixUnaryExpression): Lowered {
  if (p.operator === SK.MinusToken) {
    const k = bigintConstant(f.scope, p);
    if (k !== undefined) return { e: k, kind: "big" };
    return { e: checkedBig(f, "flbc_big_neg", [bigOperand(f, p.operand, "-")]), kind: "big" };
  }
  return { e: { k: "unary", op: "~", arg: bigOperand(f, p.operand, "~"), kind: "big" }, kind: "big" };
}

/**
 * `a < b` with a bigint on either side: C's operator between two bigints,
 * the exact order (flbc_big_cmp_num) against a number, as JavaScript
 * compares them mathematically.
 */
export function bigintCompare(f: FunctionLowerer, op: BinaryOp, b: ts.BinaryExpression, l: Lowered, r: Lowered): Expr {
  if (l.kind === "big" && r.kind === "big") return { k: "binary", op, left: l.e, right: r.e, kind: "bool" };
  const zero: Expr = { k: "num", value: 0 };
  if (l.kind === "big" && r.kind === "num") {
    return { k: "binary", op, left: call("flbc_big_cmp_num", [l.e, r.e], "num"), right: zero, kind: "bool" };
  }
  if (l.kind === "num" && r.kind === "big") {
    // d < b is b > d: the order flipped.
    const flipped = ({ "<": ">", "<=": ">=", ">": "<", ">=": "<=" } as Record<string, BinaryOp>)[op]!;
    return { k: "binary", op: flipped, left: call("flbc_big_cmp_num", [r.e, l.e], "num"), right: zero, kind: "bool" };
  }
  const mixed = l.kind === "big" ? b.right : b.left;
  f.scope.sink.report("BigIntMixed", mixed, mixed.getText().slice(0, 40), ts.tokenToString(b.operatorToken.kind) ?? "?");
  return { k: "bool", value: false };
}

/** `b++`, `--b`: checked, the old or new value as JavaScript gives it. */
export function bigintUpdate(f: FunctionLowerer, target: Lowered, op: "++" | "--", isPrefix: boolean): Lowered {
  const one: Expr = { k: "big", value: 1n };
  const old = isPrefix ? undefined : f.temp("big", target.e);
  const next = checkedBig(f, op === "++" ? "flbc_big_add" : "flbc_big_sub", [target.e, one]);
  f.pre.push({ k: "expr", expr: { k: "assign", target: target.e, op: "=", value: next, kind: "big" } });
  return { e: old === undefined ? target.e : { k: "name", name: old, kind: "big" }, kind: "big" };
}

/** `BigInt(x)`, by the kind of x. */
export function bigintCall(f: FunctionLowerer, c: ts.CallExpression): Lowered {
  const arg = c.arguments[0];
  if (arg === undefined) {
    // BigInt() is BigInt(undefined): a TypeError, which tsc reports first.
    f.scope.sink.report("UnsupportedCall", c, "'BigInt' without its argument");
    return { e: { k: "big", value: 0n }, kind: "big" };
  }
  const l = lowerExpression(f, arg);
  switch (l.kind) {
    case "big":
      return l;
    case "bool":
      return { e: { k: "cond", test: l.e, then: { k: "big", value: 1n }, else: { k: "big", value: 0n }, kind: "big" }, kind: "big" };
    case "num":
      return { e: checkedBig(f, "flbc_big_from_num", [l.e]), kind: "big" };
    case "str":
      return { e: checkedBig(f, "flbc_big_from_str", [l.e]), kind: "big" };
    default:
      return { e: checkedBig(f, "flbc_big_from_val", [f.convert(l, "val", arg)]), kind: "big" };
  }
}

/** BigInt.asIntN / BigInt.asUintN. */
export function bigintStatic(f: FunctionLowerer, c: ts.CallExpression, method: string): Lowered | undefined {
  const fn = method === "asIntN" ? "flbc_big_as_int_n" : method === "asUintN" ? "flbc_big_as_uint_n" : undefined;
  const [bits, value] = c.arguments;
  if (fn === undefined || bits === undefined || value === undefined) return undefined;
  const args = inOrder(f, [() => ({ e: f.exprAs(bits, "num"), kind: "num" }), () => ({ e: f.exprAs(value, "big"), kind: "big" })]);
  return { e: checkedBig(f, fn, args.map((a) => a.e)), kind: "big" };
}

/** `b.toString(radix)`: a radix outside 2..36 throws, as in JavaScript. */
export function bigintMethod(f: FunctionLowerer, c: ts.CallExpression, method: string, receiver: Expr): Lowered | undefined {
  if (method !== "toString") return undefined;
  const radix = c.arguments[0];
  const r = (): Lowered => ({ e: radix === undefined ? { k: "name", name: "NAN", kind: "num" } : f.exprAs(radix, "num"), kind: "num" });
  const args = inOrder(f, [{ e: receiver, kind: "big" }, r]);
  return { e: checkedBig(f, "flbc_big_to_string", args.map((a) => a.e), "str"), kind: "str" };
}
