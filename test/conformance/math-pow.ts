import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.pow and **: JS edge cases (1 ** NaN, (-8) ** (1/3), (-0) ** -1). */
export default defineFilter({
  name: "math_pow",
  filter(record) {
    record.r0 = num(Math.pow(2, 10));
    record.r1 = num(Math.pow(2, 0.5));
    record.r2 = num(Math.pow(10, -2));
    record.r3 = num(Math.pow(1, NaN));
    record.r4 = num(Math.pow(NaN, 0));
    record.r5 = num(Math.pow(-8, 1 / 3));
    record.r6 = num(Math.pow(-0, -1));
    record.r7 = num(Math.pow(-0, -2));
    record.r8 = num(Math.pow(0, -1));
    record.r9 = num(Math.pow(-1, Infinity));
    record.r10 = num(Math.pow(1, -Infinity));
    record.r11 = num(Math.pow(2, -1074));
    record.r12 = num(Math.pow(-2, 3));
    record.r13 = num(Math.pow(-Infinity, 3));
    record.r14 = num(Math.pow(-Infinity, -3));
    record.r15 = num(Math.pow(0.5, Infinity));
    record.r16 = num(Math.pow(4, 0.5));
  },
});
