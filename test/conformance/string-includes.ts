import { defineFilter } from "flbc";

/** includes(): positions, empty search, non-ASCII. */
export default defineFilter({
  name: "string_includes",
  filter(record) {
    record.r0 = "abc".includes("b");
    record.r1 = "abc".includes("b", 2);
    record.r2 = "abc".includes("");
    record.r3 = "abc".includes("", 10);
    record.r4 = "abc".includes("abcd");
    record.r5 = "日本語".includes("本語");
    record.r6 = "x😀y".includes("y", 3);
  },
});
