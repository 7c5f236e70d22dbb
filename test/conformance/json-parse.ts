import { defineFilter } from "flbc";

/** JSON.parse of scalars, arrays, objects, unicode escapes. */
export default defineFilter({
  name: "json_parse",
  filter(record) {
    record.r0 = JSON.parse("1");
    record.r1 = JSON.parse("-0.5e2");
    record.r2 = JSON.parse("\"a\\u00e9\\ud83d\\ude00\"");
    record.r3 = JSON.parse("[1, \"x\", null, true, {\"a\": []}]");
    record.r4 = JSON.parse(" {\"b\": {\"c\": [1.5, -0]}} ");
    record.r5 = JSON.parse("null");
    record.r6 = JSON.parse("false");
    record.r7 = JSON.parse("1e400");
  },
});
