import { defineFilter } from "flbc";

/** fill(): whole array, ranges, negative indices, returns the array. */
export default defineFilter({
  name: "array_fill",
  filter(record) {
    const a = [1, 2, 3, 4];
    record.r0 = a.fill(0);
    const b = [1, 2, 3, 4];
    b.fill(9, 1, 3);
    record.r1 = b;
    const c = [1, 2, 3, 4];
    record.r2 = c.fill(7, -2);
    const d = [1, 2, 3, 4];
    record.r3 = d.fill(5, 1, NaN);
    const e = ["a", "b"];
    record.r4 = e.fill("z", 5);
  },
});
