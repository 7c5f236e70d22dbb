import { defineFilter } from "flbc";

/** replaceAll() with strings: overlapping runs, patterns, no match. */
export default defineFilter({
  name: "string_replace_all",
  filter(record) {
    record.r0 = "a-b-c".replaceAll("-", "+");
    record.r1 = "aaaa".replaceAll("aa", "b");
    record.r2 = "abc".replaceAll("x", "y");
    record.r3 = "a.b.c".replaceAll(".", "$&$&");
    record.r4 = "日本日本".replaceAll("日", "d");
    record.r5 = "abc".replaceAll("abc", "");
  },
});
