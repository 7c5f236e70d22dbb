import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_async",
  filter(record) {
    record.x = 1;
  },
  async exit() {
    return;
  },
});
