import { defineFilter } from "flbc";

/** toFixed: digits, padding, large numbers, negatives, -0, NaN. */
export default defineFilter({
  name: "number_to_fixed",
  filter(record) {
    record.r0 = (123.456).toFixed(2);
    record.r1 = (0).toFixed(2);
    record.r2 = (-0).toFixed(2);
    record.r3 = (-1.5).toFixed(0);
    record.r4 = (1e21).toFixed(2);
    record.r5 = (1e20).toFixed(2);
    record.r6 = (-0.0001).toFixed(2);
    record.r7 = (0.000001).toFixed(7);
    record.r8 = (NaN).toFixed(2);
    record.r9 = (Infinity).toFixed(1);
    record.r10 = (-Infinity).toFixed(0);
    record.r11 = (1.23).toFixed();
    record.r12 = (42).toFixed(20);
    record.r13 = (0.1).toFixed(20);
    record.r14 = (123.456).toFixed(100);
    record.r15 = (5e-324).toFixed(3);
    record.r16 = (-1e-7).toFixed(0);
  },
});
