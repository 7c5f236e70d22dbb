import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** parseFloat: longest decimal prefix, exponents, Infinity. */
export default defineFilter({
  name: "number_parse_float",
  filter(record) {
    record.r0 = num(parseFloat("3.14"));
    record.r1 = num(parseFloat("  3.14abc"));
    record.r2 = num(parseFloat("-.5e-3x"));
    record.r3 = num(parseFloat(".5"));
    record.r4 = num(parseFloat("5."));
    record.r5 = num(parseFloat("1e"));
    record.r6 = num(parseFloat("1e+"));
    record.r7 = num(parseFloat("1e5x"));
    record.r8 = num(parseFloat("-Infinityx"));
    record.r9 = num(parseFloat("Infinity"));
    record.r10 = num(parseFloat("infinity"));
    record.r11 = num(parseFloat("0x10"));
    record.r12 = num(parseFloat(""));
    record.r13 = num(parseFloat("-0"));
    record.r14 = num(parseFloat("+1.5e+2"));
    record.r15 = num(parseFloat("1.7976931348623159e308"));
    record.r16 = num(parseFloat("4.9e-324"));
    record.r17 = num(parseFloat("2.4703282292062328e-324"));
    record.r18 = num(parseFloat("0.1000000000000000055511151231257827"));
    record.r19 = num(parseFloat("  \\u2003 7"));
  },
});
