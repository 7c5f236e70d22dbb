import { defineFilter } from "flbc";

/** Object.keys/values/entries of a string; lastIndexOf from -0 gives +0. */
export default defineFilter({
  name: "string_keys_neg_zero",
  filter(record) {
    record.a = String(1 / [true].lastIndexOf(true, -0));
    record.a2 = String(1 / "abc".lastIndexOf("", -0));
    record.a3 = String(1 / "abc".lastIndexOf("a", -0.5));
    record.c = Object.keys("abc").join(",");
    record.c2 = Object.values("h\u00e9").join("|");
    record.c3 = JSON.stringify(Object.entries("ab"));
  },
});
