import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** lastIndexOf(): from the end, fromIndex, NaN fromIndex searches from 0. */
export default defineFilter({
  name: "array_last_index_of",
  filter(record) {
    record.r0 = num([1, 2, 3, 2].lastIndexOf(2));
    record.r1 = num([1, 2, 3, 2].lastIndexOf(2, 2));
    record.r2 = num([1, 2, 3, 2].lastIndexOf(2, -2));
    record.r3 = num([1, 2, 3, 2].lastIndexOf(2, -10));
    record.r4 = num([1, 2, 3, 2].lastIndexOf(2, 10));
    record.r5 = num([2, 1].lastIndexOf(2, NaN));
    record.r6 = num([1, 2].lastIndexOf(1, NaN));
    record.r7 = num([NaN].lastIndexOf(NaN));
    record.r8 = num(["a", "b", "a"].lastIndexOf("a"));
  },
});
