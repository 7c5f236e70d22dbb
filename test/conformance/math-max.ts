import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.max: no arguments, NaN, 0 above -0. */
export default defineFilter({
  name: "math_max",
  filter(record) {
    record.r0 = num(Math.max());
    record.r1 = num(Math.max(1, 2, 3));
    record.r2 = num(Math.max(3, -1, 2));
    record.r3 = num(Math.max(0, -0));
    record.r4 = num(Math.max(-0, 0));
    record.r5 = num(Math.max(-0, -0));
    record.r6 = num(Math.max(1, NaN));
    record.r7 = num(Math.max(Infinity, -Infinity));
    record.r8 = num(Math.max(5));
  },
});
