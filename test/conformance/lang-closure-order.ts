// A lifted function writes what an earlier operand read: the earlier one is taken first.
import { defineFilter } from "flbc";
export default defineFilter({
  name: "lang_closure_order",
  filter(record) {
    let n = 0;
    function tick(k: number): number { n += 1; return k <= 0 ? n : tick(k - 1); }
    record.a = n * 100 + tick(2);
    record.b = [n, tick(0), n];
    function inner(k: number): number {
      return k <= 0 ? 0 : n - tick(0) + inner(k - 1);
    }
    record.c = inner(2);
  },
});
