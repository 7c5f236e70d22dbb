import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_dyn_import",
  filter(record) {
    record.m = import("flbc") === undefined;
  },
});
