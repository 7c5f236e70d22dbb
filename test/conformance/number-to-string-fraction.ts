import { defineFilter } from "flbc";

/** toString(radix) with fractions: V8's digits up to the double's precision. */
export default defineFilter({
  name: "number_to_string_fraction",
  filter(record) {
    record.r0 = (0.5).toString(2);
    record.r1 = (0.1).toString(2);
    record.r2 = (0.1).toString(3);
    record.r3 = (3.14159).toString(16);
    record.r4 = (-0.75).toString(4);
    record.r5 = (1 / 3).toString(3);
    record.r6 = (1 / 3).toString(7);
    record.r7 = (123.456).toString(36);
    record.r8 = (2e-7).toString(5);
    record.r9 = (5e-324).toString(2);
    record.r10 = (0.999999999999).toString(16);
    record.r11 = (1.1).toString(36);
  },
});
