import { defineFilter } from "flbc";

/** includes(): SameValueZero (NaN found, -0 equals 0), fromIndex. */
export default defineFilter({
  name: "array_includes",
  filter(record) {
    record.r0 = [1, 2, 3].includes(2);
    record.r1 = [1, 2, 3].includes(4);
    record.r2 = [NaN].includes(NaN);
    record.r3 = [0].includes(-0);
    record.r4 = [1, 2, 3].includes(1, 1);
    record.r5 = [1, 2, 3].includes(3, -1);
    record.r6 = ["a"].includes("a");
    record.r7 = ["a"].includes("A");
  },
});
