import { defineFilter } from "flbc";

/** padStart: fillers, cuts, lengths not above the string's, non-ASCII. */
export default defineFilter({
  name: "string_pad_start",
  filter(record) {
    record.a = "abc".padStart(6, "-");
    record.b = "abc".padStart(10, "123");
    record.c = "abc".padStart(2);
    record.d = "7".padStart(3, "0");
    record.e = "abc".padStart(6);
    record.f = "abc".padStart(5, "");
    record.g = "é".padStart(3, "日本");
    record.h = "x".padStart(4, "😀");
    record.i = "abc".padStart(-1, "x");
    record.j = "abc".padStart(5.9, "x");
  },
});
