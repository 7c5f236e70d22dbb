import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_with",
  filter(record) {
    with (record) {
      record.x = 1;
    }
  },
});
