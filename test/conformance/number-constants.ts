import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Number's constants and the globals NaN and Infinity. */
export default defineFilter({
  name: "number_constants",
  filter(record) {
    record.r0 = num(Number.MAX_SAFE_INTEGER);
    record.r1 = num(Number.MIN_SAFE_INTEGER);
    record.r2 = num(Number.EPSILON);
    record.r3 = num(Number.MAX_VALUE);
    record.r4 = num(Number.MIN_VALUE);
    record.r5 = num(Number.POSITIVE_INFINITY);
    record.r6 = num(Number.NEGATIVE_INFINITY);
    record.r7 = num(Number.NaN);
    record.r8 = num(NaN);
    record.r9 = num(Infinity);
    record.r10 = num(-Infinity);
  },
});
