import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.exp and Math.expm1. */
export default defineFilter({
  name: "math_exp",
  filter(record) {
    record.r0 = num(Math.exp(0));
    record.r1 = num(Math.exp(1));
    record.r2 = num(Math.exp(-1));
    record.r3 = num(Math.exp(710));
    record.r4 = num(Math.exp(-746));
    record.r5 = num(Math.exp(NaN));
    record.r6 = num(Math.exp(-Infinity));
    record.r7 = num(Math.exp(-0));
    record.m0 = num(Math.expm1(0));
    record.m1 = num(Math.expm1(-0));
    record.m2 = num(Math.expm1(1e-10));
    record.m3 = num(Math.expm1(-1));
    record.m4 = num(Math.expm1(-Infinity));
    record.m5 = num(Math.expm1(Infinity));
    record.m6 = num(Math.expm1(NaN));
  },
});
