import { defineFilter, type Value } from "flbc";

// Rest parameters and rest elements in destructuring.
function sum(...xs: number[]): number {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}
function label(prefix: string, ...parts: string[]): string {
  return `${prefix}(${parts.length}):${parts.join(",")}`;
}

export default defineFilter({
  name: "lang_rest",
  filter(record) {
    record.none = sum();
    record.some = sum(1, 2, 3.5);
    record.l0 = label("p");
    record.l2 = label("p", "x", "y");
    const join = (sep: string, ...ws: string[]): string => ws.join(sep);
    record.j = join("-", "a", "b", "c");
    function count(n: number, ...seen: number[]): number {
      return n <= 0 ? seen.length : count(n - 1, n, ...seen) + seen.length;
    }
    record.count = count(3, 9, 9);
    const nums = [4, 5];
    record.spread = sum(...nums, 1, ...nums);
    record.spread_label = label("s", ..."ab".split(""));

    const [head, ...tail] = [1, 2, 3];
    record.head = head;
    record.tail = tail;
    const [, , ...far] = ["a", "b"];
    record.far = far;
    const items: Value = Array.isArray(record.items) ? record.items : [];
    const [first = "none", ...others] = Array.isArray(items) ? items : [];
    record.first = first;
    record.others = others;

    const { level, msg: message = "", ...fields } = record;
    record.level_seen = level ?? null;
    record.message = message;
    record.fields = Object.keys(fields);
    const obj: Value = { b: 1, a: 2, 10: "ten", 2: "two" };
    if (typeof obj === "object" && obj !== null && !Array.isArray(obj)) {
      const { a, ...rest } = obj;
      record.a = a ?? null;
      record.rest = rest;
    }
    for (const [k, ...vs] of [["x", 1, 2], ["y"]]) record[`row_${String(k)}`] = vs.length;
  },
});
