import { defineFilter } from "flbc";

/** padEnd(): fillers, cuts through pairs, lengths. */
export default defineFilter({
  name: "string_pad_end",
  filter(record) {
    record.r0 = "abc".padEnd(6, "-");
    record.r1 = "abc".padEnd(10, "123");
    record.r2 = "abc".padEnd(2);
    record.r3 = "abc".padEnd(6);
    record.r4 = "abc".padEnd(5, "");
    record.r5 = "é".padEnd(3, "日本");
    record.r6 = "x".padEnd(4, "😀") === "x😀\ud83d";
    record.r7 = "abc".padEnd(NaN, "x");
    record.r8 = "".padEnd(3, "ab");
  },
});
