import { defineFilter, formatTime } from "flbc";

/** formatTime(seconds, "epoch" | "epoch_ms"). */
export default defineFilter({
  name: "time_format_epoch",
  filter(record) {
    record.r0 = formatTime(1704164645.123, "epoch");
    record.r1 = formatTime(1704164645.123, "epoch_ms");
    record.r2 = formatTime(-1.5, "epoch");
    record.r3 = formatTime(-1.5, "epoch_ms");
    record.r4 = formatTime(0, "epoch_ms");
    record.r5 = formatTime(Infinity, "epoch");
  },
});
