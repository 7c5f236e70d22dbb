import { defineFilter } from "flbc";

/** Integer-like keys come first in ascending order, then insertion order. */
export default defineFilter({
  name: "object_keys_order",
  filter(record) {
    const m = record.m;
    if (typeof m === "object" && m !== null && !Array.isArray(m)) {
      record.keys = Object.keys(m);
      record.values = Object.values(m);
    }
  },
});
