// `c[k] op= v` evaluates c and k once, reads the old element, then the right side.
import { defineFilter, type Value } from "flbc";
export default defineFilter({
  name: "lang_compound_element",
  filter(record) {
    let calls = 0;
    const k = (): string => { calls++; return "n"; };
    record.n = 1;
    record[k()] += "x";
    const xs = [1, 2];
    let i = 0;
    const ys: string[] = ["a", "b"]; ys[i++] += "!"; record.ys = ys;
    record.xs = xs;
    record.i = i;
    record.calls = calls;
    const m: Value = { a: "1" };
    let j = 0;
    const keys = ["a", "b"];
    if (typeof m === "object" && m !== null && !Array.isArray(m)) {
      const mm = m;
      mm[keys[j++] ?? "z"] += "?";
    }
    record.m = m;
    record.j = j;
  },
});
