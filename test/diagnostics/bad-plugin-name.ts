import { defineFilter } from "flbc";

export default defineFilter({
  name: "Bad-Name",
  filter(record) {
    record.x = 1;
  },
});
