import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** localeCompare() on same-case ASCII and equal strings (code unit order). */
export default defineFilter({
  name: "string_locale_compare",
  filter(record) {
    record.r0 = num("a".localeCompare("b"));
    record.r1 = num("b".localeCompare("a"));
    record.r2 = num("abc".localeCompare("abc"));
    record.r3 = num("abc".localeCompare("abd"));
    record.r4 = num("ab".localeCompare("abc"));
    record.r5 = num("".localeCompare("a"));
    record.r6 = num("10".localeCompare("9"));
  },
});
