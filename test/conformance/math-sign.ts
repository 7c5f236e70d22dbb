import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.sign: -0, NaN, infinities. */
export default defineFilter({
  name: "math_sign",
  filter(record) {
    record.r0 = num(Math.sign(3));
    record.r1 = num(Math.sign(-3));
    record.r2 = num(Math.sign(0.001));
    record.r3 = num(Math.sign(-1e-300));
    record.r4 = num(Math.sign(0));
    record.r5 = num(Math.sign(-0));
    record.r6 = num(Math.sign(NaN));
    record.r7 = num(Math.sign(Infinity));
    record.r8 = num(Math.sign(-Infinity));
  },
});
