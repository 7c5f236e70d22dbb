import { defineFilter } from "flbc";

/** codePointAt(): whole pairs, a lone low half, out of range. */
export default defineFilter({
  name: "string_code_point_at",
  filter(record) {
    record.r0 = String("abc".codePointAt(1));
    record.r1 = String("😀".codePointAt(0));
    record.r2 = String("😀".codePointAt(1));
    record.r3 = String("a😀b".codePointAt(1));
    record.r4 = String("a😀b".codePointAt(3));
    record.r5 = String("é".codePointAt(0));
    record.r6 = String("abc".codePointAt(3));
    record.r7 = String("abc".codePointAt(-1));
    record.r8 = String("\ud83d".codePointAt(0));
  },
});
