import { defineFilter } from "flbc";

/** reverse(): in place, returns the same array. */
export default defineFilter({
  name: "array_reverse",
  filter(record) {
    const xs = [1, 2, 3, 4];
    const ys = xs.reverse();
    ys.push(0);
    record.xs = xs;
    record.ys = ys;
    const odd = ["a", "b", "c"];
    odd.reverse();
    record.odd = odd;
    const e: number[] = [];
    record.e = e.reverse();
  },
});
