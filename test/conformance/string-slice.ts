import { defineFilter } from "flbc";

/** slice(): negative and swapped indices, NaN, fractions. */
export default defineFilter({
  name: "string_slice",
  filter(record) {
    record.r0 = "secret".slice(0, 2);
    record.r1 = "secret".slice(-2);
    record.r2 = "secret".slice(2, -1);
    record.r3 = "secret".slice(4, 2);
    record.r4 = "secret".slice();
    record.r5 = "secret".slice(NaN);
    record.r6 = "secret".slice(1.8, 3.2);
    record.r7 = "secret".slice(-100, 100);
    record.r8 = "日本語".slice(1);
    record.r9 = "é-é".slice(1, 2);
  },
});
