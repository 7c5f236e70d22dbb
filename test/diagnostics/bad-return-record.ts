import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_return",
  filter(record) {
    return record;
  },
});
