// A function declared without a body has no C function to call.
import { defineFilter } from "flbc";

declare function lookup(key: string): number;

export default defineFilter({
  name: "bad_declared_function",
  filter(record) {
    record.v = lookup("k");
  },
});
