import { defineFilter } from "flbc";

/** join(): default comma, separators, empty arrays, null elements, nesting. */
export default defineFilter({
  name: "array_join",
  filter(record) {
    record.r0 = [1, 2, 3].join();
    record.r1 = [1, 2, 3].join("-");
    record.r2 = [1, 2, 3].join("");
    const e: number[] = [];
    record.r3 = e.join();
    record.r4 = ["a"].join(", ");
    const v = record.v;
    if (Array.isArray(v)) {
      record.r5 = v.join("|");
      record.r6 = v.join();
    }
    record.r7 = [1.5, -0, NaN, 1e21].join(" ");
  },
});
