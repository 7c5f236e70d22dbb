import { defineFilter } from "flbc";

/** replace() with a string: first occurrence only, empty search, absent. */
export default defineFilter({
  name: "string_replace",
  filter(record) {
    record.r0 = "a-b-c".replace("-", "+");
    record.r1 = "abc".replace("x", "y");
    record.r2 = "abc".replace("", "_");
    record.r3 = "abc".replace("abc", "");
    record.r4 = "日本語".replace("本", "x");
    record.r5 = "aaa".replace("a", "aa");
    record.r6 = "😀😀".replace("😀", "x");
  },
});
