import { defineFilter } from "flbc";

/** Object.values of maps and literals. */
export default defineFilter({
  name: "object_values",
  filter(record) {
    const m = record.m;
    if (typeof m === "object" && m !== null && !Array.isArray(m)) {
      record.values = Object.values(m);
    }
    record.lit = Object.values({ a: "x", b: 2, c: true });
    record.arr = Object.values(["p", "q"]);
  },
});
