import { defineFilter } from "flbc";

/** repeat(): 0, 1, fractions, non-ASCII. */
export default defineFilter({
  name: "string_repeat",
  filter(record) {
    record.r0 = "ab".repeat(3);
    record.r1 = "ab".repeat(0);
    record.r2 = "ab".repeat(1);
    record.r3 = "ab".repeat(2.9);
    record.r4 = "".repeat(5);
    record.r5 = "日".repeat(2);
    record.r6 = "-".repeat(NaN);
    record.r7 = "😀".repeat(2).length;
  },
});
