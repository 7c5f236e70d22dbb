import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.abs: signs, -0, NaN, infinities. */
export default defineFilter({
  name: "math_abs",
  filter(record) {
    record.r0 = num(Math.abs(-3.5));
    record.r1 = num(Math.abs(3));
    record.r2 = num(Math.abs(Number.MIN_VALUE));
    record.r3 = num(Math.abs(-Number.MAX_VALUE));
    record.r4 = num(Math.abs(0));
    record.r5 = num(Math.abs(-0));
    record.r6 = num(Math.abs(NaN));
    record.r7 = num(Math.abs(Infinity));
    record.r8 = num(Math.abs(-Infinity));
  },
});
