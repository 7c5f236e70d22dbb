import { defineFilter, parseTime } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** parseTime of ISO 8601: dates, times, fractions, zones. */
export default defineFilter({
  name: "time_parse",
  filter(record) {
    const s = record.s;
    if (typeof s === "string") {
      record.t = num(parseTime(s));
    }
  },
});
