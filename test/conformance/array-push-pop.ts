import { defineFilter } from "flbc";

/** push() (variadic, returns the length) and pop(). */
export default defineFilter({
  name: "array_push_pop",
  filter(record) {
    const xs: number[] = [1];
    record.n1 = xs.push(2);
    record.n2 = xs.push(3, 4, 5);
    record.n3 = xs.push();
    record.popped = String(xs.pop());
    record.xs = xs;
    const e: number[] = [];
    record.empty_pop = String(e.pop());
    record.empty = e;
  },
});
