import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_reserved",
  config: {
    /** Collides with Fluent Bit's own property. */
    match: "*",
  },
  filter(record) {
    record.x = 1;
  },
});
