import { defineFilter } from "flbc";

/** replaceAll("", x) inserts before every code unit and at the end. */
export default defineFilter({
  name: "string_replace_all_empty",
  filter(record) {
    record.r0 = "abc".replaceAll("", "-");
    record.r1 = "".replaceAll("", "-");
    record.r2 = "日本".replaceAll("", "|");
    record.r3 = "ab".replaceAll("", "[$`]");
  },
});
