import { defineFilter } from "flbc";

export default defineFilter({
  name: "lang_unused",
  filter(record) {
    let n = 0;
    for (const _x of [1, 2, 3]) n++;
    for (const _c of "héllo") n++;
    record.n = n;
    record.idx = ["a", "b"].map((_v, i) => i * 2);
    const ignore = (_a: number, b: number) => b + 1;
    record.two = ignore(1, 1);
    record.sorted = [3, 1, 2].sort((_a, _b) => 0);
  },
});
