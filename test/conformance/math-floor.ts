import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.floor: negatives, -0, tiny fractions. */
export default defineFilter({
  name: "math_floor",
  filter(record) {
    record.r0 = num(Math.floor(1.8));
    record.r1 = num(Math.floor(-1.2));
    record.r2 = num(Math.floor(-0.5));
    record.r3 = num(Math.floor(0.9999999999999999));
    record.r4 = num(Math.floor(-4503599627370495.5));
    record.r5 = num(Math.floor(5e-324));
    record.r6 = num(Math.floor(0));
    record.r7 = num(Math.floor(-0));
    record.r8 = num(Math.floor(NaN));
    record.r9 = num(Math.floor(Infinity));
    record.r10 = num(Math.floor(-Infinity));
  },
});
