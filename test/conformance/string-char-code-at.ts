import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** charCodeAt(): code units, surrogates, NaN out of range. */
export default defineFilter({
  name: "string_char_code_at",
  filter(record) {
    record.r0 = num("abc".charCodeAt(0));
    record.r1 = num("abc".charCodeAt(5));
    record.r2 = num("abc".charCodeAt(-1));
    record.r3 = num("é".charCodeAt(0));
    record.r4 = num("日".charCodeAt(0));
    record.r5 = num("😀".charCodeAt(0));
    record.r6 = num("😀".charCodeAt(1));
    record.r7 = num("a😀".charCodeAt(2));
    record.r8 = num("\u0000".charCodeAt(0));
  },
});
