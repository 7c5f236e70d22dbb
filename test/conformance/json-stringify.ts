import { defineFilter } from "flbc";

/** JSON.stringify of scalars, strings with escapes, arrays and maps. */
export default defineFilter({
  name: "json_stringify",
  filter(record) {
    record.r0 = JSON.stringify(1.5);
    record.r1 = JSON.stringify("a\"b\\c\n\u0001é😀");
    record.r2 = JSON.stringify([1, "x", null, true]);
    record.r3 = JSON.stringify({ a: 1, b: [1, 2], c: { d: "e" } });
    record.r4 = JSON.stringify(NaN);
    record.r5 = JSON.stringify(-0);
    record.r6 = JSON.stringify(null);
    record.r7 = JSON.stringify(1e21);
    const m = record.m;
    if (m !== undefined) record.r8 = JSON.stringify(m);
  },
});
