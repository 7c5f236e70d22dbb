import { defineFilter } from "flbc";

/** at(): negative indices, out of range, fractions. */
export default defineFilter({
  name: "array_at",
  filter(record) {
    record.r0 = String([1, 2, 3].at(0));
    record.r1 = String([1, 2, 3].at(-1));
    record.r2 = String([1, 2, 3].at(3));
    record.r3 = String([1, 2, 3].at(-4));
    record.r4 = String([1, 2, 3].at(1.5));
    record.r5 = String([1, 2, 3].at(NaN));
    record.r6 = String(["a", "b"].at(-2));
  },
});
