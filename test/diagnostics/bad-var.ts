import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_var",
  filter(record) {
    var n = 1;
    record.n = n;
  },
});
