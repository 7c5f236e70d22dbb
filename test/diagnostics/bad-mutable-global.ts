import { defineFilter } from "flbc";

let seen = 0;

export default defineFilter({
  name: "bad_global",
  filter(record) {
    record.seen = seen;
  },
});
