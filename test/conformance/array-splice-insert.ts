import { defineFilter } from "flbc";

/** splice() with items to insert (more, fewer and as many as removed). */
export default defineFilter({
  name: "array_splice_insert",
  filter(record) {
    const a = ["a", "b", "c"];
    record.r0 = a.splice(1, 1, "x", "y", "z");
    record.a = a;
    const b = ["a", "b", "c", "d"];
    record.r1 = b.splice(1, 2, "x");
    record.b = b;
    const c = ["a", "b"];
    record.r2 = c.splice(2, 0, "end");
    record.c = c;
    const d = ["a", "b"];
    record.r3 = d.splice(-1, 1, "z");
    record.d = d;
  },
});
