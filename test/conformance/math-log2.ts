import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.log2: exact powers of two. */
export default defineFilter({
  name: "math_log2",
  filter(record) {
    record.r0 = num(Math.log2(8));
    record.r1 = num(Math.log2(1024));
    record.r2 = num(Math.log2(0.125));
    record.r3 = num(Math.log2(3));
    record.r4 = num(Math.log2(1));
    record.r5 = num(Math.log2(-1));
    record.r6 = num(Math.log2(0));
    record.r7 = num(Math.log2(-0));
    record.r8 = num(Math.log2(NaN));
    record.r9 = num(Math.log2(Infinity));
    record.r10 = num(Math.log2(-Infinity));
  },
});
