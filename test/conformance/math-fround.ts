import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.fround: float32 rounding. */
export default defineFilter({
  name: "math_fround",
  filter(record) {
    record.r0 = num(Math.fround(5.5));
    record.r1 = num(Math.fround(5.05));
    record.r2 = num(Math.fround(0.1));
    record.r3 = num(Math.fround(1e40));
    record.r4 = num(Math.fround(1e-50));
    record.r5 = num(Math.fround(16777217));
    record.r6 = num(Math.fround(-0));
    record.r7 = num(Math.fround(NaN));
  },
});
