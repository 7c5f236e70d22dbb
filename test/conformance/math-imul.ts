import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.imul: 32-bit wraparound. */
export default defineFilter({
  name: "math_imul",
  filter(record) {
    record.r0 = num(Math.imul(2, 4));
    record.r1 = num(Math.imul(-1, 8));
    record.r2 = num(Math.imul(0xffffffff, 5));
    record.r3 = num(Math.imul(0x7fffffff, 2));
    record.r4 = num(Math.imul(1e10, 3));
    record.r5 = num(Math.imul(NaN, 2));
    record.r6 = num(Math.imul(2.9, 3.9));
  },
});
