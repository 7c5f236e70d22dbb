import { defineFilter } from "flbc";

/** sort() without comparator: by String(x) in UTF-16 order, stable. */
export default defineFilter({
  name: "array_sort_default",
  filter(record) {
    record.r0 = [3, 1, 10, 2, 21].sort();
    record.r1 = ["b", "a", "C", "é", "😀", "\uffff", "B"].sort();
    record.r2 = [-1, -2, 0, 5, -10].sort();
    record.r3 = [true, false, "true", "false"].sort();
    const e: number[] = [];
    record.r4 = e.sort();
    record.r5 = [1.5, 1e21, 1e-7, 100].sort();
    const v = record.v;
    if (Array.isArray(v)) {
      record.r6 = v.slice().sort();
    }
  },
});
