import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.asin, acos, atan, atan2 (signed zeros, quadrants). */
export default defineFilter({
  name: "math_inverse_trig",
  filter(record) {
    record.s0 = num(Math.asin(0));
    record.s1 = num(Math.asin(-0));
    record.s2 = num(Math.asin(1));
    record.s3 = num(Math.asin(-1));
    record.s4 = num(Math.asin(0.5));
    record.s5 = num(Math.asin(2));
    record.c0 = num(Math.acos(0));
    record.c1 = num(Math.acos(1));
    record.c2 = num(Math.acos(-1));
    record.c3 = num(Math.acos(0.5));
    record.c4 = num(Math.acos(2));
    record.t0 = num(Math.atan(0));
    record.t1 = num(Math.atan(-0));
    record.t2 = num(Math.atan(1));
    record.t3 = num(Math.atan(Infinity));
    record.t4 = num(Math.atan(-Infinity));
    record.a0 = num(Math.atan2(0, 0));
    record.a1 = num(Math.atan2(-0, 0));
    record.a2 = num(Math.atan2(0, -0));
    record.a3 = num(Math.atan2(-0, -0));
    record.a4 = num(Math.atan2(1, 1));
    record.a5 = num(Math.atan2(1, -1));
    record.a6 = num(Math.atan2(-1, -1));
    record.a7 = num(Math.atan2(Infinity, Infinity));
    record.a8 = num(Math.atan2(NaN, 1));
  },
});
