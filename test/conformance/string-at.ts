import { defineFilter } from "flbc";

/** at(): negative indices, out of range, halves of a surrogate pair. */
export default defineFilter({
  name: "string_at",
  filter(record) {
    record.r0 = String("abc".at(0));
    record.r1 = String("abc".at(-1));
    record.r2 = String("abc".at(3));
    record.r3 = String("abc".at(-4));
    record.r4 = String("abc".at(1.7));
    record.r5 = String("abc".at(NaN));
    record.r6 = String("日本".at(1));
    record.r7 = String("😀".at(0) === "\ud83d");
    record.r8 = String("😀".at(-1) === "\ude00");
    record.r9 = String("a😀".at(-2));
    record.r10 = String("".at(0));
  },
});
