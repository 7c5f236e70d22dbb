import { defineFilter } from "flbc";

/** Object.keys of maps from the record and of literals. */
export default defineFilter({
  name: "object_keys",
  filter(record) {
    const m = record.m;
    if (typeof m === "object" && m !== null && !Array.isArray(m)) {
      record.keys = Object.keys(m);
    }
    record.lit = Object.keys({ b: 1, a: 2, c: 3 });
    record.arr = Object.keys([5, 6, 7]);
    record.empty = Object.keys({});
  },
});
