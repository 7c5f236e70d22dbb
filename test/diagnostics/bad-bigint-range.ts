import { defineFilter } from "flbc";

export default defineFilter({
  name: "range",
  filter(record) {
    record.id = String(18446744073709551615n);
    record.low = String(-9223372036854775809n);
  },
});
