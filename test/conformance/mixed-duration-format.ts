import { defineFilter } from "flbc";

/** Formatting durations: toFixed, Math.floor, padStart together. */
export default defineFilter({
  name: "mixed_duration_format",
  filter(record) {
    const ms = record.ms;
    if (typeof ms === "number") {
      record.seconds = (ms / 1000).toFixed(3) + "s";
      const total = Math.floor(ms / 1000);
      record.clock = String(Math.floor(total / 3600)).padStart(2, "0") + ":" +
        String(Math.floor(total / 60) % 60).padStart(2, "0") + ":" + String(total % 60).padStart(2, "0");
      record.rounded = Math.round(ms / 100) / 10;
      record.hex = Math.trunc(ms).toString(16).padStart(8, "0");
    }
  },
});
