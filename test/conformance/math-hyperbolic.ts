import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.sinh, cosh, tanh. */
export default defineFilter({
  name: "math_hyperbolic",
  filter(record) {
    record.s0 = num(Math.sinh(0));
    record.s1 = num(Math.sinh(-0));
    record.s2 = num(Math.sinh(1));
    record.s3 = num(Math.sinh(-1));
    record.s4 = num(Math.sinh(Infinity));
    record.c0 = num(Math.cosh(0));
    record.c1 = num(Math.cosh(-0));
    record.c2 = num(Math.cosh(1));
    record.c3 = num(Math.cosh(-Infinity));
    record.t0 = num(Math.tanh(0));
    record.t1 = num(Math.tanh(-0));
    record.t2 = num(Math.tanh(1));
    record.t3 = num(Math.tanh(Infinity));
    record.t4 = num(Math.tanh(-Infinity));
    record.t5 = num(Math.tanh(50));
  },
});
