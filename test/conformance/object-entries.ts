import { defineFilter } from "flbc";

/** Object.entries: [key, value] pairs. */
export default defineFilter({
  name: "object_entries",
  filter(record) {
    const m = record.m;
    if (typeof m === "object" && m !== null && !Array.isArray(m)) {
      record.entries = Object.entries(m);
      record.pairs = Object.entries(m).map((e) => e[0] + "=" + String(e[1]));
    }
    record.lit = Object.entries({ k: 1 });
  },
});
