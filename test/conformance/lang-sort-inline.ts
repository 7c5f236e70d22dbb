import { defineFilter } from "flbc";

export default defineFilter({
  name: "lang_sort_inline",
  filter(record) {
    const order = ["error", "warn", "info", "debug"];
    const levels = ["info", "debug", "error", "info", "warn"];
    // The comparator reads a variable of the caller: inlined, no closure.
    levels.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    record.levels = levels;
    const words = ["b", "a", "c"];
    record.sorted = words.sort((x, y) => {
      if (x < y) return 1;
      if (x > y) return -1;
      return 0;
    });
    record.nums = [5, 1, 4].sort((p, q) => p - q).map((n) => n * 10);
  },
});
