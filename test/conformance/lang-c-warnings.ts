import { defineFilter } from "flbc";

export default defineFilter({
  name: "lang_c_warnings",
  filter(record) {
    const a = 1;
    const b = 2;
    record.cmp = (a > b) !== false;
    record.mix = (a > 0 && b > 0) || record.q === 5;
    let y;
    y = 1;
    y *= -1;
    record.y = y;
    const keys = Object.keys(record);
    record.isArr = Array.isArray(keys);
    const unused = 5;
    const re = /x/g;
    record.r = "axbx".replace(re, "y");
  },
});
function neverCalled(x: number): number {
  return helperOfUnused(x) + 1;
}
function helperOfUnused(x: number): number {
  return x * 2;
}
