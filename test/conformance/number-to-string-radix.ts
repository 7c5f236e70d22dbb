import { defineFilter } from "flbc";

/** toString(radix): integers in bases 2..36, negatives, -0, default 10. */
export default defineFilter({
  name: "number_to_string_radix",
  filter(record) {
    record.r0 = (255).toString(16);
    record.r1 = (255).toString(2);
    record.r2 = (-255).toString(36);
    record.r3 = (0).toString(2);
    record.r4 = (-0).toString(16);
    record.r5 = (35).toString(36);
    record.r6 = (1e21).toString(36);
    record.r7 = (9007199254740993).toString(2);
    record.r8 = (1152921504606846976).toString(3);
    record.r9 = (123.5).toString();
    record.r10 = (123.5).toString(10);
    record.r11 = (NaN).toString(2);
    record.r12 = (-Infinity).toString(16);
    record.r13 = (1e300).toString(36);
    record.r14 = (4294967295).toString(16);
  },
});
