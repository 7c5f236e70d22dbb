import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** parseInt: whitespace, signs, junk after digits, 0x, -0. */
export default defineFilter({
  name: "number_parse_int",
  filter(record) {
    record.r0 = num(parseInt("42"));
    record.r1 = num(parseInt("  42px"));
    record.r2 = num(parseInt("-17"));
    record.r3 = num(parseInt("+5"));
    record.r4 = num(parseInt("-0"));
    record.r5 = num(parseInt("0x1F"));
    record.r6 = num(parseInt("0X1f"));
    record.r7 = num(parseInt("-0x10"));
    record.r8 = num(parseInt("3.99"));
    record.r9 = num(parseInt("1e3"));
    record.r10 = num(parseInt(""));
    record.r11 = num(parseInt("abc"));
    record.r12 = num(parseInt("  \\n\\t 9"));
    record.r13 = num(parseInt("0b11"));
    record.r14 = num(parseInt("08"));
    record.r15 = num(parseInt("9007199254740993"));
    record.r16 = num(parseInt("123456789012345678901234567890"));
    record.r17 = num(parseInt("-"));
    record.r18 = num(parseInt("0x"));
  },
});
