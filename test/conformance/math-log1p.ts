import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.log1p: tiny arguments, -1. */
export default defineFilter({
  name: "math_log1p",
  filter(record) {
    record.r0 = num(Math.log1p(0));
    record.r1 = num(Math.log1p(-0));
    record.r2 = num(Math.log1p(1e-10));
    record.r3 = num(Math.log1p(-1));
    record.r4 = num(Math.log1p(-2));
    record.r5 = num(Math.log1p(1));
    record.r6 = num(Math.log1p(Infinity));
    record.r7 = num(Math.log1p(NaN));
  },
});
