import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Number(v) of booleans, null, numbers and arrays read from the record. */
export default defineFilter({
  name: "number_call_values",
  filter(record) {
    record.t = num(Number(true));
    record.f = num(Number(false));
    record.n = num(Number(null));
    const xs = record.xs;
    if (Array.isArray(xs)) {
      record.arr = num(Number(xs));
    }
    const v = record.v;
    record.v_num = num(Number(v));
  },
});
