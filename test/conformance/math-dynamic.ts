import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math on numbers read from the record. */
export default defineFilter({
  name: "math_dynamic",
  filter(record) {
    const v = record.v;
    if (typeof v === "number") {
      record.floor = num(Math.floor(v));
      record.round = num(Math.round(v));
      record.abs = num(Math.abs(v));
      record.max = num(Math.max(v, 0));
      record.pow = num(Math.pow(v, 2));
    }
  },
});
