import { defineFilter, formatTime, parseTime } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** parseTime(formatTime(t)) and ctx.time formatting. */
export default defineFilter({
  name: "time_roundtrip",
  filter(record) {
    record.r0 = num(parseTime(formatTime(1704164645.123)));
    record.r1 = formatTime(parseTime("2024-06-30T12:00:00.250+02:00"));
    record.r2 = num(parseTime(formatTime(-86400.5)));
  },
});
