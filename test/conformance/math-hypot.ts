import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.hypot: variadic, V8's scaling, Infinity beats NaN. */
export default defineFilter({
  name: "math_hypot",
  filter(record) {
    record.r0 = num(Math.hypot(3, 4));
    record.r1 = num(Math.hypot(3, 4, 12));
    record.r2 = num(Math.hypot());
    record.r3 = num(Math.hypot(-5));
    record.r4 = num(Math.hypot(1e-300, 1e-300));
    record.r5 = num(Math.hypot(1e300, 1e300));
    record.r6 = num(Math.hypot(NaN, Infinity));
    record.r7 = num(Math.hypot(NaN, 1));
    record.r8 = num(Math.hypot(0, -0));
    record.r9 = num(Math.hypot(1, 2, 3, 4, 5, 6, 7));
    record.r10 = num(Math.hypot(0.1, 0.2));
  },
});
