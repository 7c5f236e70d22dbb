import { defineFilter } from "flbc";

/** shift() and unshift() (variadic, returns the length). */
export default defineFilter({
  name: "array_shift_unshift",
  filter(record) {
    const xs = ["a", "b", "c"];
    record.shifted = String(xs.shift());
    record.n = xs.unshift("x", "y");
    record.n0 = xs.unshift();
    record.xs = xs;
    const e: string[] = [];
    record.empty_shift = String(e.shift());
  },
});
