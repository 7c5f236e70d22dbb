import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.ceil: -0 results for (-1, 0), halves, big numbers. */
export default defineFilter({
  name: "math_ceil",
  filter(record) {
    record.r0 = num(Math.ceil(1.2));
    record.r1 = num(Math.ceil(-1.2));
    record.r2 = num(Math.ceil(-0.5));
    record.r3 = num(Math.ceil(2.0000000000000004));
    record.r4 = num(Math.ceil(4503599627370495.5));
    record.r5 = num(Math.ceil(1e300));
    record.r6 = num(Math.ceil(0));
    record.r7 = num(Math.ceil(-0));
    record.r8 = num(Math.ceil(NaN));
    record.r9 = num(Math.ceil(Infinity));
    record.r10 = num(Math.ceil(-Infinity));
  },
});
