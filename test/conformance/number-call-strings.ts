import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Number(string): trimming, empty, hex/octal/binary, Infinity, junk. */
export default defineFilter({
  name: "number_call_strings",
  filter(record) {
    record.r0 = num(Number("42"));
    record.r1 = num(Number("  12.5  "));
    record.r2 = num(Number(""));
    record.r3 = num(Number("   "));
    record.r4 = num(Number("0x1F"));
    record.r5 = num(Number("0o17"));
    record.r6 = num(Number("0b101"));
    record.r7 = num(Number("-0"));
    record.r8 = num(Number("Infinity"));
    record.r9 = num(Number("-Infinity"));
    record.r10 = num(Number("+Infinity"));
    record.r11 = num(Number("1e3"));
    record.r12 = num(Number(".5"));
    record.r13 = num(Number("5."));
    record.r14 = num(Number("12px"));
    record.r15 = num(Number("1_000"));
    record.r16 = num(Number("0x"));
    record.r17 = num(Number("\\t\\n 7 \\u00a0"));
    record.r18 = num(Number("\u0661\u0662"));
    record.r19 = num(Number("1e1000"));
    record.no_argument = num(Number());
    record.r20 = num(Number("-0x10"));
  },
});
