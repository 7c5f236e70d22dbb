import { defineFilter } from "flbc";

function asc(a: number, b: number): number {
  return a - b;
}

function desc(a: number, b: number): number {
  return b - a;
}

function byLen(a: string, b: string): number {
  return a.length - b.length;
}

/** sort(cmp): numeric comparators, stability, descending. */
export default defineFilter({
  name: "array_sort_comparator",
  filter(record) {
    record.r0 = [3, 1, 10, 2, 21].sort(asc);
    record.r1 = [3, 1, 10, 2, 21].sort(desc);
    record.r2 = ["ccc", "a", "bb", "d", "ee", "f"].sort(byLen);
  },
});
