import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.trunc: towards zero, -0. */
export default defineFilter({
  name: "math_trunc",
  filter(record) {
    record.r0 = num(Math.trunc(4.7));
    record.r1 = num(Math.trunc(-4.7));
    record.r2 = num(Math.trunc(-0.2));
    record.r3 = num(Math.trunc(0.2));
    record.r4 = num(Math.trunc(1e21));
    record.r5 = num(Math.trunc(0));
    record.r6 = num(Math.trunc(-0));
    record.r7 = num(Math.trunc(NaN));
    record.r8 = num(Math.trunc(Infinity));
    record.r9 = num(Math.trunc(-Infinity));
  },
});
