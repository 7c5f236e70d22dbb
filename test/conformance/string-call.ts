import { defineFilter } from "flbc";

/** String(x) of numbers, booleans, null and undefined. */
export default defineFilter({
  name: "string_call",
  filter(record) {
    record.r0 = String(1.5);
    record.r1 = String(-0);
    record.r2 = String(1e21);
    record.r3 = String(1e-7);
    record.r4 = String(123456789012345680000);
    record.r5 = String(0.1 + 0.2);
    record.r6 = String(true);
    record.r7 = String(null);
    record.r8 = String(undefined);
    record.r9 = String();
    record.r10 = String("x");
    record.r11 = String(NaN);
    record.r12 = String(-Infinity);
  },
});
