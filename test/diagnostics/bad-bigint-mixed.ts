import { defineFilter } from "flbc";

export default defineFilter({
  name: "mixed",
  filter(record) {
    const n = record.n;
    if (typeof n === "number" || typeof n === "bigint") {
      record.small = n < 10;
    }
  },
});
