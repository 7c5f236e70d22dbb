import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.round: halves towards +Infinity, -0, the 0.49999999999999994 trap. */
export default defineFilter({
  name: "math_round",
  filter(record) {
    record.r0 = num(Math.round(2.5));
    record.r1 = num(Math.round(-2.5));
    record.r2 = num(Math.round(-0.5));
    record.r3 = num(Math.round(-0.4));
    record.r4 = num(Math.round(0.5));
    record.r5 = num(Math.round(1.5));
    record.r6 = num(Math.round(0.49999999999999994));
    record.r7 = num(Math.round(-0.49999999999999994));
    record.r8 = num(Math.round(4503599627370495.5));
    record.r9 = num(Math.round(-4503599627370495.5));
    record.r10 = num(Math.round(9007199254740993));
    record.r11 = num(Math.round(1e21));
    record.r12 = num(Math.round(0));
    record.r13 = num(Math.round(-0));
    record.r14 = num(Math.round(NaN));
    record.r15 = num(Math.round(Infinity));
    record.r16 = num(Math.round(-Infinity));
  },
});
