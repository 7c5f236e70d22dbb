import { defineFilter } from "flbc";

/** split("") gives code units: pairs are split in two. */
export default defineFilter({
  name: "string_split_empty",
  filter(record) {
    record.r0 = "abc".split("");
    record.r1 = "".split("");
    record.r2 = "日本".split("");
    record.r3 = "a😀".split("").length;
    record.r4 = "a😀".split("")[1] === "\ud83d";
    record.r5 = JSON.stringify("😀".split(""));
  },
});
