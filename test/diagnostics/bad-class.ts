import { defineFilter } from "flbc";

class Base {}
class Counter extends Base {}

export default defineFilter({
  name: "bad_class",
  filter(record) {
    record.ok = true;
  },
});
