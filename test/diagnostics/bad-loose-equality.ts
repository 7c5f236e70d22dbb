import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_loose",
  filter(record) {
    if (record.level == "debug") {
      return false;
    }
  },
});
