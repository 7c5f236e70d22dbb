import { defineFilter } from "flbc";

/** concat(): several arguments, none, non-ASCII. */
export default defineFilter({
  name: "string_concat",
  filter(record) {
    record.r0 = "a".concat("b", "c");
    record.r1 = "a".concat();
    record.r2 = "".concat("x");
    record.r3 = "日".concat("本", "語");
  },
});
