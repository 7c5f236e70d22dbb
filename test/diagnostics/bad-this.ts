import { defineFilter } from "flbc";

function self() {
  return this;
}

export default defineFilter({
  name: "bad_this",
  filter(record) {
    record.x = 1;
  },
});
