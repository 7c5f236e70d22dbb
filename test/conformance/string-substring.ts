import { defineFilter } from "flbc";

/** substring(): swapped, negative and NaN arguments (NaN end is 0). */
export default defineFilter({
  name: "string_substring",
  filter(record) {
    record.r0 = "Mozilla".substring(1, 3);
    record.r1 = "Mozilla".substring(3, 1);
    record.r2 = "Mozilla".substring(-5, 2);
    record.r3 = "Mozilla".substring(2);
    record.r4 = "Mozilla".substring(2, NaN);
    record.r5 = "Mozilla".substring(NaN, 3);
    record.r6 = "Mozilla".substring(4, 100);
    record.r7 = "Mozilla".substring(1.5, 3.5);
    record.r8 = "日本語".substring(2, 0);
    record.r9 = "a😀".substring(1) === "😀";
  },
});
