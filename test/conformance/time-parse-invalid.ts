import { defineFilter, parseTime } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** parseTime gives NaN on anything that is not ISO 8601. */
export default defineFilter({
  name: "time_parse_invalid",
  filter(record) {
    const s = record.s;
    if (typeof s === "string") {
      record.t = num(parseTime(s));
    }
  },
});
