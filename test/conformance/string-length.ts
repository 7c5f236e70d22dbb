import { defineFilter } from "flbc";

/** length in UTF-16 code units: ASCII, é, 日本, emoji. */
export default defineFilter({
  name: "string_length",
  filter(record) {
    record.r0 = "".length;
    record.r1 = "abc".length;
    record.r2 = "é".length;
    record.r3 = "日本語".length;
    record.r4 = "😀".length;
    record.r5 = "a😀b".length;
    record.r6 = "👍🏽".length;
    record.r7 = "e\u0301".length;
  },
});
