// bigint operators: arithmetic, division and remainder signs, powers,
// shifts (negative counts shift the other way), bitwise operators,
// comparisons with bigints and numbers, up to the int64 boundaries.
import { defineFilter } from "flbc";

const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;

export default defineFilter({
  name: "bigint_ops",
  filter(record) {
    const a = BigInt(typeof record.a === "string" ? record.a : "0");
    const b = BigInt(typeof record.b === "string" ? record.b : "1");
    record.sum = String(a + b);
    record.diff = String(a - b);
    record.prod = String(a * b);
    record.quot = String(a / b);
    record.rem = String(a % b);
    record.neg = String(-a);
    record.pow = [String(b ** 0n), String(b ** 1n), String(b ** 3n), String(0n ** 0n), String((-1n) ** MAX)];
    record.bits = [String(a & b), String(a | b), String(a ^ b), String(~a), String(~b)];
    record.shifts = [String(a >> 1n), String(a >> 70n), String(a << 0n), String(b << 2n), String(b >> -2n), String(a << -3n)];
    record.cmp = [a < b, a <= b, a > b, a >= b, a === b, a !== b];
    record.mixed = [a < 3, a >= -2.5, 2.5 < b, a > 1e300, a < NaN, a >= NaN, 9007199254740993n > 9007199254740992];
    record.edges = [String(MAX), String(MIN), String(MAX - 1n + 1n), String(MIN + MAX), String(MIN / 2n), String(MIN % 7n), String(MAX >> 62n)];
    let x = a % 1000n;
    x += 5n;
    x -= b;
    x *= 2n;
    x /= 3n;
    x %= 1000n;
    x **= 2n;
    x <<= 1n;
    x >>= 2n;
    x &= 0xffffn;
    x |= 1n;
    x ^= 3n;
    record.compound = String(x);
    let n = 0n;
    const steps: string[] = [];
    for (let i = -2n; i < 6n; i++) {
      if (i === 1n) continue;
      n += i;
      steps.push(String(n++), String(--n));
    }
    record.loop = steps;
  },
});
