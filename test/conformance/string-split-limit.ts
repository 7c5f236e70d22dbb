import { defineFilter } from "flbc";

/** split() with a limit: 0, smaller than the pieces, NaN, huge, negative. */
export default defineFilter({
  name: "string_split_limit",
  filter(record) {
    record.r0 = "a,b,c".split(",", 2);
    record.r1 = "a,b,c".split(",", 0);
    record.r2 = "a,b,c".split(",", 10);
    record.r3 = "a,b,c".split(",", NaN);
    record.r4 = "a,b,c".split(",", -1);
    record.r5 = "a,b,c".split(",", 4294967297);
    record.r6 = "abc".split("", 2);
    record.r7 = "abc".split(undefined, 0);
  },
});
