import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** lastIndexOf(): from the end, positions, empty search, NaN position. */
export default defineFilter({
  name: "string_last_index_of",
  filter(record) {
    record.r0 = num("canal".lastIndexOf("a"));
    record.r1 = num("canal".lastIndexOf("a", 2));
    record.r2 = num("canal".lastIndexOf("a", 0));
    record.r3 = num("canal".lastIndexOf("x"));
    record.r4 = num("canal".lastIndexOf("c", -5));
    record.r5 = num("canal".lastIndexOf(""));
    record.r6 = num("canal".lastIndexOf("", 2));
    record.r7 = num("canal".lastIndexOf("a", NaN));
    record.r8 = num("日本語本".lastIndexOf("本"));
    record.r9 = num("😀a😀".lastIndexOf("😀"));
    record.r10 = num("😀a😀".lastIndexOf("a", 1));
    record.r11 = num("abab".lastIndexOf("ab", 1));
    record.r12 = num("abc".lastIndexOf("abcd"));
  },
});
