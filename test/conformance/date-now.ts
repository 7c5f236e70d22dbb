import { defineFilter } from "flbc";

/** Date.now(): an integer number of milliseconds, after 2024. */
export default defineFilter({
  name: "date_now",
  filter(record) {
    const now = Date.now();
    record.integer = Number.isInteger(now);
    record.after_2024 = now > 1704067200000;
    record.before_2100 = now < 4102444800000;
  },
});
