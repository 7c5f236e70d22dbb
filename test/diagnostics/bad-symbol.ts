import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_symbol",
  filter(record) {
    record.s = String(Symbol("x"));
  },
});
