import { defineFilter } from "flbc";

/** toFixed rounding: exact halves go up, binary values below a half go down. */
export default defineFilter({
  name: "number_to_fixed_ties",
  filter(record) {
    record.r0 = (2.5).toFixed(0);
    record.r1 = (-2.5).toFixed(0);
    record.r2 = (0.5).toFixed(0);
    record.r3 = (1.5).toFixed(0);
    record.r4 = (1.005).toFixed(2);
    record.r5 = (1.255).toFixed(2);
    record.r6 = (8.345).toFixed(2);
    record.r7 = (99.995).toFixed(2);
    record.r8 = (1.45).toFixed(1);
    record.r9 = (1.55).toFixed(1);
    record.r10 = (0.125).toFixed(2);
    record.r11 = (0.375).toFixed(2);
    record.r12 = (10.235).toFixed(2);
    record.r13 = (2.675).toFixed(2);
    record.r14 = (1.0000000000000002).toFixed(15);
    record.r15 = (999.9999).toFixed(3);
  },
});
