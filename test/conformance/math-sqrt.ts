import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.sqrt: exact squares, negatives, -0. */
export default defineFilter({
  name: "math_sqrt",
  filter(record) {
    record.r0 = num(Math.sqrt(4));
    record.r1 = num(Math.sqrt(2));
    record.r2 = num(Math.sqrt(-1));
    record.r3 = num(Math.sqrt(1e-310));
    record.r4 = num(Math.sqrt(1e300));
    record.r5 = num(Math.sqrt(0.01));
    record.r6 = num(Math.sqrt(0));
    record.r7 = num(Math.sqrt(-0));
    record.r8 = num(Math.sqrt(NaN));
    record.r9 = num(Math.sqrt(Infinity));
    record.r10 = num(Math.sqrt(-Infinity));
  },
});
