import { defineFilter } from "flbc";

/** Object.assign into a new object: sources in order, later keys win. */
export default defineFilter({
  name: "object_assign",
  filter(record) {
    const m = record.m;
    if (typeof m === "object" && m !== null && !Array.isArray(m)) {
      record.merged = Object.assign({}, m, { extra: true, a: "over" });
    }
    record.lit = Object.assign({ a: 1 }, { b: 2 }, { a: 3 });
  },
});
