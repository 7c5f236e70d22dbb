import { defineFilter } from "flbc";

/** startsWith() / endsWith() with positions and non-ASCII. */
export default defineFilter({
  name: "string_starts_ends_with",
  filter(record) {
    record.r0 = "error: x".startsWith("error");
    record.r1 = "error: x".startsWith("x", 7);
    record.r2 = "abc".startsWith("");
    record.r3 = "abc".startsWith("b", -3);
    record.r4 = "日本語".startsWith("本", 1);
    record.r5 = "app.log".endsWith(".log");
    record.r6 = "app.log".endsWith("app", 3);
    record.r7 = "abc".endsWith("c", 10);
    record.r8 = "abc".endsWith("", 0);
    record.r9 = "日本語".endsWith("本", 2);
    record.r10 = "😀".endsWith("😀");
    record.r11 = "😀x".startsWith("x", 2);
  },
});
