// IR expressions -> C text, with the fewest parentheses C's precedence
// allows, and literals spelled so that C reads them as JavaScript would.
import type { Expr } from "../ir/ir.js";

// C precedence, higher binds tighter.
const PRIMARY = 16;
const UNARY = 14;
const binaryPrec: Record<string, number> = {
  "*": 13,
  "/": 13,
  "%": 13,
  "+": 12,
  "-": 12,
  "<": 10,
  "<=": 10,
  ">": 10,
  ">=": 10,
  "==": 9,
  "!=": 9,
  "&": 8,
  "^": 7,
  "|": 6,
  "&&": 5,
  "||": 4,
};
const COND = 3;
const ASSIGN = 2;

export function emitExpr(e: Expr, minPrec = 0): string {
  const [text, prec] = render(e);
  return prec < minPrec ? `(${text})` : text;
}

function render(e: Expr): [string, number] {
  switch (e.k) {
    case "num":
      return [numberLiteral(e.value), e.value < 0 || Object.is(e.value, -0) ? UNARY : PRIMARY];
    case "big":
      return [bigLiteral(e.value), e.value < 0n ? UNARY : PRIMARY];
    case "bool":
      return [e.value ? "true" : "false", PRIMARY];
    case "str":
      return [`FLBC_STR(${stringLiteral(e.value)})`, PRIMARY];
    case "name":
      return [e.name, e.name.startsWith("&") ? UNARY : PRIMARY];
    case "call":
      return [`${e.fn}(${e.args.map((a) => emitExpr(a, ASSIGN + 1)).join(", ")})`, PRIMARY];
    case "member":
      return [`${emitExpr(e.base, PRIMARY)}.${e.field}`, PRIMARY];
    case "unary": {
      const arg = emitExpr(e.arg, UNARY);
      // "- -1.0" must not become the decrement operator.
      const sep = (e.op === "-" || e.op === "+") && arg.startsWith(e.op) ? " " : "";
      return [`${e.op}${sep}${arg}`, UNARY];
    }
    case "binary": {
      const p = binaryPrec[e.op]!;
      // Left-associative: the right operand needs parentheses at equal
      // precedence. gcc's -Wparentheses also wants them around a comparison
      // inside == / !=, around && inside ||, and around any operator inside
      // a bitwise one, where C does not need them; -Wlogical-not-parentheses
      // around a `!` on the left of a comparison.
      const bitwise = e.op === "&" || e.op === "|" || e.op === "^";
      const comparison = e.op === "==" || e.op === "!=" || e.op === "<" || e.op === "<=" || e.op === ">" || e.op === ">=";
      const clarify = (x: Expr, left: boolean): number =>
        (x.k === "binary" &&
          (((e.op === "==" || e.op === "!=") && binaryPrec[x.op]! >= 9 && binaryPrec[x.op]! <= 10) || (e.op === "||" && x.op === "&&") || bitwise)) ||
        (left && comparison && x.k === "unary" && x.op === "!")
          ? PRIMARY
          : 0;
      return [`${emitExpr(e.left, Math.max(p, clarify(e.left, true)))} ${e.op} ${emitExpr(e.right, Math.max(p + 1, clarify(e.right, false)))}`, p];
    }
    case "cond":
      return [`${emitExpr(e.test, COND + 1)} ? ${emitExpr(e.then, COND + 1)} : ${emitExpr(e.else, COND)}`, COND];
    case "assign":
      return [`${emitExpr(e.target, UNARY)} ${e.op} ${emitExpr(e.value, ASSIGN)}`, ASSIGN];
    case "update":
      return [e.prefix ? `${e.op}${emitExpr(e.target, UNARY)}` : `${emitExpr(e.target, PRIMARY)}${e.op}`, e.prefix ? UNARY : PRIMARY];
    case "cast":
      return [`(${e.to === "num" ? "double" : "int"}) ${emitExpr(e.arg, UNARY)}`, UNARY];
    case "array":
      return [`(${e.ctype}[]) { ${e.items.map((i) => emitExpr(i, ASSIGN + 1)).join(", ")} }`, PRIMARY];
    case "env":
      return [`&(struct ${e.tag}) { ${e.items.map((i) => emitExpr(i, ASSIGN + 1)).join(", ")} }`, UNARY];
  }
}

/** A double literal: integral values get ".0" so C never divides integers. */
export function numberLiteral(v: number): string {
  if (Number.isNaN(v)) return "NAN";
  if (v === Infinity) return "INFINITY";
  if (v === -Infinity) return "-INFINITY";
  if (Object.is(v, -0)) return "-0.0";
  const js = String(v);
  return /[.eE]/.test(js) ? js : `${js}.0`;
}

/** An int64_t literal; INT64_MIN has no literal form in C (its magnitude overflows). */
export function bigLiteral(v: bigint): string {
  if (v === -(2n ** 63n)) return "INT64_MIN";
  return `INT64_C(${v})`;
}

/**
 * A C string literal holding the string's UTF-8 bytes (lone surrogates as
 * WTF-8, as the runtime stores them). Printable ASCII stays readable;
 * everything else is a 3-digit octal escape, which cannot run into the
 * next character the way \x escapes can.
 */
export function stringLiteral(s: string): string {
  let out = '"';
  for (const byte of wtf8(s)) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += "\\\\";
    else if (byte === 0x0a) out += "\\n";
    else if (byte === 0x09) out += "\\t";
    else if (byte === 0x3f) out += "\\?"; // no trigraphs
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += "\\" + byte.toString(8).padStart(3, "0");
  }
  return out + '"';
}

function wtf8(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}
