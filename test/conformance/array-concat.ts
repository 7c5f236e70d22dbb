import { defineFilter } from "flbc";

/** concat(): arrays spread one level, values appended, receiver unchanged. */
export default defineFilter({
  name: "array_concat",
  filter(record) {
    const xs = [1, 2];
    record.r0 = xs.concat([3, 4], 5);
    record.r1 = xs.concat();
    record.xs = xs;
    const v = record.v;
    if (Array.isArray(v)) {
      record.r2 = v.concat([9]);
    }
    record.r3 = ["a"].concat(["b", "c"], ["d"]);
  },
});
