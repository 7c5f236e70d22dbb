import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** parseInt: digits past 2^53 in every radix rounded as V8 does. */
export default defineFilter({
  name: "number_parse_int_large",
  filter(record) {
    record.r0 = num(parseInt("fffffffffffffffff", 16));
    record.r1 = num(parseInt("1fffffffffffff1", 16));
    record.r2 = num(parseInt("20000000000001", 16));
    record.r3 = num(parseInt("20000000000003", 16));
    record.r4 = num(parseInt("11111111111111111111111111111111111111111111111111111111", 2));
    record.r5 = num(parseInt("zzzzzzzzzzzzzzzz", 36));
    record.r6 = num(parseInt("12345678901234567890", 7));
    record.r7 = num(parseInt("9999999999999999999999", 3));
    record.r8 = num(parseInt("1" + "0".repeat(400), 10));
    record.r9 = num(parseInt("777777777777777777777", 8));
    record.r10 = num(parseInt("vvvvvvvvvvvvv", 32));
  },
});
