// Conversions to and from bigint: BigInt() of strings (white space, signs,
// 0x/0o/0b), numbers and record values, String/template/toString(radix),
// Number(), typeof, BigInt.asIntN/asUintN, and the errors JavaScript throws.
import { defineFilter } from "flbc";
import type { Value } from "flbc";


function fromValue(v: Value | undefined): string {
  try {
    return String(BigInt(v));
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : "?";
  }
}

function fromString(s: string): string {
  try {
    return String(BigInt(s));
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : "?";
  }
}

function fromNumber(n: number): string {
  try {
    return String(BigInt(n));
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : "?";
  }
}

function inRadix(b: bigint, radix: number): string {
  try {
    return b.toString(radix);
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : "?";
  }
}

function divide(a: bigint, b: bigint, rem: boolean): string {
  try {
    return String(rem ? a % b : a / b);
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : "?";
  }
}

function json(v: Value): string {
  try {
    return JSON.stringify(v);
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : "?";
  }
}

function asIntN(bits: number, b: bigint): string {
  try {
    return String(BigInt.asIntN(bits, b));
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : "?";
  }
}

function power(a: bigint, b: bigint): string {
  try {
    return String(a ** b);
  } catch (e) {
    // Node 20's message for a negative exponent is "undefined must be positive".
    return e instanceof Error ? e.name : "?";
  }
}

export default defineFilter({
  name: "bigint_convert",
  filter(record) {
    const v = record.v;
    record.fromValue = fromValue(v);
    if (typeof v === "string") record.fromString = fromString(v);
    if (typeof v === "number") record.fromNumber = fromNumber(v);
    const b = 255n;
    const n = -9007199254740993n;
    record.text = [String(b), `${n}`, b.toString(), b.toString(2), b.toString(16), n.toString(36), (0n).toString(7), "x" + b];
    record.radix = [inRadix(b, 37), inRadix(b, 1), inRadix(b, 2.9)];
    record.num = [Number(b), Number(n), Number(9223372036854775807n), Number(-0n)];
    record.types = [typeof b, typeof v];
    record.bool = [String(BigInt(true)), String(BigInt(false)), b ? "t" : "f", b - b ? "t" : "f"];
    record.asInt = [asIntN(8, 255n), asIntN(8, 127n), asIntN(64, n), asIntN(0, n), asIntN(1, 1n), asIntN(-1, 5n)];
    record.asUint = [String(BigInt.asUintN(8, -1n)), String(BigInt.asUintN(63, -1n)), String(BigInt.asUintN(64, 5n)), String(BigInt.asUintN(0, 5n))];
    const held: Value = typeof record.v === "string" ? b : 255;
    record.held = [typeof held === "bigint", held === 255n, held === 255];
    record.stored = b;
    record.storedNeg = n;
    record.joined = [b, 1n].join("-");
    record.div0 = [divide(b, 0n, false), divide(b, 0n, true)];
    record.json = [json({ x: [b] }), json({ x: String(b) })];
    record.pow = [power(2n, -1n), power(-3n, 3n)];
  },
});
