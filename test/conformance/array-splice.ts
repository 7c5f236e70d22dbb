import { defineFilter } from "flbc";

/** splice(): removal counts, negative start, missing count, returns removed. */
export default defineFilter({
  name: "array_splice",
  filter(record) {
    const a = [1, 2, 3, 4, 5];
    record.r0 = a.splice(1, 2);
    record.a0 = a;
    const b = [1, 2, 3, 4, 5];
    record.r1 = b.splice(-2);
    record.b1 = b;
    const c = [1, 2, 3];
    record.r2 = c.splice(1, 0);
    record.c2 = c;
    const d = [1, 2, 3];
    record.r3 = d.splice(1, 100);
    record.d3 = d;
    const e = [1, 2, 3];
    record.r4 = e.splice(0, -1);
    record.e4 = e;
    const f = [1, 2, 3];
    record.r5 = f.splice(10, 1);
    record.f5 = f;
  },
});
