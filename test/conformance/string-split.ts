import { defineFilter } from "flbc";

/** split() with string separators: empty pieces, absent separator, multi-char. */
export default defineFilter({
  name: "string_split",
  filter(record) {
    record.r0 = "a,b,,c".split(",");
    record.r1 = "a,b,".split(",");
    record.r2 = ",".split(",");
    record.r3 = "".split(",");
    record.r4 = "abc".split();
    record.r5 = "a--b--c".split("--");
    record.r6 = "abc".split("abc");
    record.r7 = "abc".split("x");
    record.r8 = "日本,語".split(",");
    record.r9 = "key=value=x".split("=");
  },
});
