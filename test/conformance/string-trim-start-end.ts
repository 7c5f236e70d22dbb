import { defineFilter } from "flbc";

/** trimStart() / trimEnd() keep the other side. */
export default defineFilter({
  name: "string_trim_start_end",
  filter(record) {
    record.r0 = "  a b  ".trimStart();
    record.r1 = "  a b  ".trimEnd();
    record.r2 = "\u00a0x\u00a0".trimStart();
    record.r3 = "\u00a0x\u00a0".trimEnd();
    record.r4 = "   ".trimStart();
    record.r5 = "   ".trimEnd();
    record.r6 = "".trimStart();
    record.r7 = "".trimEnd();
  },
});
