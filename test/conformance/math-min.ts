import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.min: no arguments, NaN, -0 below 0. */
export default defineFilter({
  name: "math_min",
  filter(record) {
    record.r0 = num(Math.min());
    record.r1 = num(Math.min(1, 2, 3));
    record.r2 = num(Math.min(3, -1, 2));
    record.r3 = num(Math.min(0, -0));
    record.r4 = num(Math.min(-0, 0));
    record.r5 = num(Math.min(1, NaN));
    record.r6 = num(Math.min(Infinity, -Infinity));
    record.r7 = num(Math.min(5));
  },
});
