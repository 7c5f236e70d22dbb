import { defineFilter } from "flbc";

/** length after push, pop, splice and index writes. */
export default defineFilter({
  name: "array_length",
  filter(record) {
    const xs: number[] = [];
    record.l0 = xs.length;
    xs.push(1, 2, 3);
    record.l1 = xs.length;
    xs.pop();
    record.l2 = xs.length;
    xs.splice(0, 1);
    record.l3 = xs.length;
    xs.unshift(0, 0);
    record.l4 = xs.length;
    record.xs = xs;
  },
});
