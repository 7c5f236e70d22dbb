import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_eval",
  filter(record) {
    record.x = eval("1 + 1");
  },
});
