import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Number.parseInt and Number.parseFloat are the global ones. */
export default defineFilter({
  name: "number_parse_statics",
  filter(record) {
    record.r0 = num(Number.parseInt("12abc"));
    record.r1 = num(Number.parseInt("ff", 16));
    record.r2 = num(Number.parseFloat("1.5e3x"));
    record.r3 = num(Number.parseFloat("x"));
  },
});
