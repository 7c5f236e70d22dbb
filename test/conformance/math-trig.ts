import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.sin, cos, tan at simple points. */
export default defineFilter({
  name: "math_trig",
  filter(record) {
    record.s0 = num(Math.sin(0));
    record.s1 = num(Math.sin(-0));
    record.s2 = num(Math.sin(1));
    record.s3 = num(Math.sin(Math.PI / 2));
    record.s4 = num(Math.sin(-0.5));
    record.s5 = num(Math.sin(Infinity));
    record.s6 = num(Math.sin(NaN));
    record.c0 = num(Math.cos(0));
    record.c1 = num(Math.cos(-0));
    record.c2 = num(Math.cos(1));
    record.c3 = num(Math.cos(Math.PI));
    record.c4 = num(Math.cos(-0.5));
    record.c5 = num(Math.cos(Infinity));
    record.t0 = num(Math.tan(0));
    record.t1 = num(Math.tan(-0));
    record.t2 = num(Math.tan(1));
    record.t3 = num(Math.tan(-0.5));
    record.t4 = num(Math.tan(Infinity));
  },
});
