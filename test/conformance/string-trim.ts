import { defineFilter } from "flbc";

/** trim(): ASCII and Unicode white space, line terminators. */
export default defineFilter({
  name: "string_trim",
  filter(record) {
    record.r0 = "  abc  ".trim();
    record.r1 = "\t\n\r\u000b\f abc \n".trim();
    record.r2 = "\u00a0abc\u3000".trim();
    record.r3 = "\ufeffabc\u2028".trim();
    record.r4 = "   ".trim();
    record.r5 = "".trim();
    record.r6 = "a b".trim();
    record.r7 = "\u200babc".trim();
  },
});
