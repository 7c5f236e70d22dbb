import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math's constants, as JavaScript prints them. */
export default defineFilter({
  name: "math_constants",
  filter(record) {
    record.PI = num(Math.PI);
    record.E = num(Math.E);
    record.LN2 = num(Math.LN2);
    record.LN10 = num(Math.LN10);
    record.LOG2E = num(Math.LOG2E);
    record.LOG10E = num(Math.LOG10E);
    record.SQRT2 = num(Math.SQRT2);
    record.SQRT1_2 = num(Math.SQRT1_2);
  },
});
