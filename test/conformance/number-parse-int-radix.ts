import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** parseInt with a radix: 2..36, 0 and absent, out of range, 16 with 0x. */
export default defineFilter({
  name: "number_parse_int_radix",
  filter(record) {
    record.r0 = num(parseInt("ff", 16));
    record.r1 = num(parseInt("0xff", 16));
    record.r2 = num(parseInt("0xff", 10));
    record.r3 = num(parseInt("101", 2));
    record.r4 = num(parseInt("777", 8));
    record.r5 = num(parseInt("zz", 36));
    record.r6 = num(parseInt("ZZ", 36));
    record.r7 = num(parseInt("10", 37));
    record.r8 = num(parseInt("10", 1));
    record.r9 = num(parseInt("10", 0));
    record.r10 = num(parseInt("12", NaN));
    record.r11 = num(parseInt("9", 8));
    record.r12 = num(parseInt("z", 35));
    record.r13 = num(parseInt("1010", 2.9));
    record.r14 = num(parseInt("11", -1));
    record.r15 = num(parseInt("11", 4294967298));
    record.r16 = num(parseInt("0x10", 0));
  },
});
