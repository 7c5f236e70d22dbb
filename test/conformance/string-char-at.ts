import { defineFilter } from "flbc";

/** charAt(): out of range gives "", fractions truncate. */
export default defineFilter({
  name: "string_char_at",
  filter(record) {
    record.r0 = "abc".charAt(0);
    record.r1 = "abc".charAt(2);
    record.r2 = "abc".charAt(3);
    record.r3 = "abc".charAt(-1);
    record.r4 = "abc".charAt(1.9);
    record.r5 = "abc".charAt(NaN);
    record.r6 = "é日".charAt(1);
    record.r7 = "😀x".charAt(1) === "\ude00";
    record.r8 = "😀x".charAt(2);
  },
});
