import { defineFilter, formatTime } from "flbc";

/** formatTime(seconds) as ISO 8601 with milliseconds. */
export default defineFilter({
  name: "time_format_iso",
  filter(record) {
    record.r0 = formatTime(0);
    record.r1 = formatTime(1704164645.123);
    record.r2 = formatTime(1704164645.9999);
    record.r3 = formatTime(-1.5);
    record.r4 = formatTime(951782400);
    record.r5 = formatTime(253402300799.999);
    record.r6 = formatTime(253402300800);
    record.r7 = formatTime(-62167219200);
    record.r8 = formatTime(-62167219201);
    record.r9 = formatTime(NaN);
    record.r10 = formatTime(8.64e12);
    record.r11 = formatTime(8.64e12 + 1);
    record.r12 = formatTime(1704164645.123, "iso");
  },
});
