import { defineFilter } from "flbc";

/** flat(): default depth 1, deeper, 0, Infinity, from the record. */
export default defineFilter({
  name: "array_flat",
  filter(record) {
    const v = record.v;
    if (Array.isArray(v)) {
      record.r0 = v.flat();
      record.r1 = v.flat(2);
      record.r2 = v.flat(0);
      record.r3 = v.flat(Infinity);
      record.r4 = v.flat(NaN);
      record.r5 = v.flat(-1);
    }
  },
});
