import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.log: 0, negatives, powers of e and 10. */
export default defineFilter({
  name: "math_log",
  filter(record) {
    record.r0 = num(Math.log(1));
    record.r1 = num(Math.log(Math.E));
    record.r2 = num(Math.log(10));
    record.r3 = num(Math.log(0.5));
    record.r4 = num(Math.log(-1));
    record.r5 = num(Math.log(1e300));
    record.r6 = num(Math.log(0));
    record.r7 = num(Math.log(-0));
    record.r8 = num(Math.log(NaN));
    record.r9 = num(Math.log(Infinity));
    record.r10 = num(Math.log(-Infinity));
  },
});
