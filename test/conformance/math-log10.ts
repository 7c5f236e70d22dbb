import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.log10: exact powers of ten. */
export default defineFilter({
  name: "math_log10",
  filter(record) {
    record.r0 = num(Math.log10(1000));
    record.r1 = num(Math.log10(0.001));
    record.r2 = num(Math.log10(1e21));
    record.r3 = num(Math.log10(2));
    record.r4 = num(Math.log10(1));
    record.r5 = num(Math.log10(-1));
    record.r6 = num(Math.log10(0));
    record.r7 = num(Math.log10(-0));
    record.r8 = num(Math.log10(NaN));
    record.r9 = num(Math.log10(Infinity));
    record.r10 = num(Math.log10(-Infinity));
  },
});
