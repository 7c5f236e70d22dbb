import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_types",
  filter(record) {
    const n: number = "five";
    record.n = n;
  },
});
