import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Number methods on numbers read from the record. */
export default defineFilter({
  name: "number_dynamic",
  filter(record) {
    const v = record.v;
    if (typeof v === "number") {
      record.fixed = v.toFixed(2);
      record.hex = v.toString(16);
      record.int = Number.isInteger(v);
    }
    const s = record.s;
    if (typeof s === "string") {
      record.int_of = num(parseInt(s));
      record.float_of = num(parseFloat(s));
      record.num_of = num(Number(s));
    }
  },
});
