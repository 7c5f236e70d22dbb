import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** indexOf(): positions in UTF-16 units, empty search, clamped starts. */
export default defineFilter({
  name: "string_index_of",
  filter(record) {
    record.r0 = num("hello world".indexOf("o"));
    record.r1 = num("hello world".indexOf("o", 5));
    record.r2 = num("hello".indexOf(""));
    record.r3 = num("hello".indexOf("", 3));
    record.r4 = num("hello".indexOf("", 10));
    record.r5 = num("hello".indexOf("l", -5));
    record.r6 = num("hello".indexOf("z"));
    record.r7 = num("日本語本".indexOf("本"));
    record.r8 = num("😀a😀b".indexOf("b"));
    record.r9 = num("😀a😀b".indexOf("😀", 1));
    record.r10 = num("é=1".indexOf("="));
    record.r11 = num("".indexOf(""));
    record.r12 = num("aaa".indexOf("aa", 1));
  },
});
