import { defineFilter } from "flbc";

/** slice(): negative indices, NaN end, copies. */
export default defineFilter({
  name: "array_slice",
  filter(record) {
    const xs = [1, 2, 3, 4, 5];
    record.r0 = xs.slice(1, 3);
    record.r1 = xs.slice(-2);
    record.r2 = xs.slice(2, -1);
    record.r3 = xs.slice();
    record.r4 = xs.slice(3, 1);
    record.r5 = xs.slice(1, NaN);
    record.r6 = xs.slice(NaN);
    record.r7 = xs.slice(-100, 100);
    const c = xs.slice();
    c.push(6);
    record.orig = xs;
    record.copy = c;
  },
});
