import { defineFilter } from "flbc";

export default defineFilter({
  name: "lang_operators",
  filter(record) {
    const a = typeof record.a === "number" ? record.a : 0;
    const b = typeof record.b === "number" ? record.b : 0;
    record.mod = a % b;
    record.negmod = -a % b;
    record.pow = a ** b;
    record.and = a & b;
    record.or = a | b;
    record.xor = a ^ b;
    record.not = ~a;
    record.shl = a << b;
    record.sar = -a >> b;
    record.shr = -a >>> b;
    record.big = 4294967296 + a | 0;
    record.wrap = 2147483647 << 1;
    let x = a;
    x %= 3;
    x **= 2;
    x |= 8;
    x <<= 1;
    x >>>= 0;
    x ^= 5;
    x &= 255;
    x >>= 1;
    record.x = x;
    record.divzero = a / 0;
    record.nan = 0 / 0 === 0 / 0;
    record.negzero = 1 / (-0 * a);
  },
});
