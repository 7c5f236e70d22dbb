import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.cbrt: negatives, exact cubes. */
export default defineFilter({
  name: "math_cbrt",
  filter(record) {
    record.r0 = num(Math.cbrt(27));
    record.r1 = num(Math.cbrt(-8));
    record.r2 = num(Math.cbrt(2));
    record.r3 = num(Math.cbrt(1e-300));
    record.r4 = num(Math.cbrt(0.001));
    record.r5 = num(Math.cbrt(0));
    record.r6 = num(Math.cbrt(-0));
    record.r7 = num(Math.cbrt(NaN));
    record.r8 = num(Math.cbrt(Infinity));
    record.r9 = num(Math.cbrt(-Infinity));
  },
});
