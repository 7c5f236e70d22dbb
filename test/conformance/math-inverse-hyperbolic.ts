import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.asinh, acosh, atanh. */
export default defineFilter({
  name: "math_inverse_hyperbolic",
  filter(record) {
    record.s0 = num(Math.asinh(0));
    record.s1 = num(Math.asinh(-0));
    record.s2 = num(Math.asinh(1));
    record.s3 = num(Math.asinh(-Infinity));
    record.c0 = num(Math.acosh(1));
    record.c1 = num(Math.acosh(0.5));
    record.c2 = num(Math.acosh(Infinity));
    record.t0 = num(Math.atanh(0));
    record.t1 = num(Math.atanh(-0));
    record.t2 = num(Math.atanh(1));
    record.t3 = num(Math.atanh(-1));
    record.t4 = num(Math.atanh(2));
  },
});
