import { defineFilter } from "flbc";

/** Object.fromEntries: later pairs win and keep the first position. */
export default defineFilter({
  name: "object_from_entries",
  filter(record) {
    record.r0 = Object.fromEntries([["a", 1], ["b", 2], ["a", 3]]);
    const m = record.m;
    if (typeof m === "object" && m !== null && !Array.isArray(m)) {
      record.r1 = Object.fromEntries(Object.entries(m));
    }
    const e: [string, number][] = [];
    record.r2 = Object.fromEntries(e);
  },
});
