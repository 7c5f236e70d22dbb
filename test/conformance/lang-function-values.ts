import { defineFilter } from "flbc";

// Functions passed as arguments: known at compile time, so a function that
// takes one is inlined with its parameter bound to the function passed.
function apply(fn: (x: number) => number, x: number): number {
  return fn(x);
}
function twice(fn: (x: number) => number, x: number): number {
  return apply(fn, apply(fn, x));
}
function countIf(xs: readonly string[], pred: (s: string) => boolean): number {
  let n = 0;
  for (const x of xs) if (pred(x)) n++;
  return n;
}
function each(xs: string[], visit: (s: string, i: number) => void): void {
  xs.forEach((x, i) => visit(x, i));
}
function inc(x: number): number {
  return x + 1;
}
function shout(s: string): string {
  return s.toUpperCase() + "!";
}
function byLength(a: string, b: string): number {
  return a.length - b.length;
}

export default defineFilter({
  name: "lang_function_values",
  filter(record) {
    const k = typeof record.k === "number" ? record.k : 3;
    const triple = (x: number) => x * k;
    record.a = apply(triple, 2);
    record.b = apply(inc, 41);
    record.c = twice((x) => x * x, 3);
    record.d = twice(inc, 0);
    const words = ["kiwi", "fig", "banana", "apple"];
    record.long = countIf(words, (w) => w.length > 3);
    record.withA = countIf(words, function (w) {
      return w.includes("a");
    });
    let seen = "";
    each(words, (w, i) => {
      seen += `${i}:${w} `;
    });
    record.seen = seen;
    // Functions by name where built-ins take callbacks.
    record.upper = words.map(shout);
    const short = (w: string) => w.length <= 4;
    record.short = words.filter(short);
    record.sorted = [...words].sort(byLength);
    const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
    record.desc = [...words].sort(desc);
    record.replaced = "a-b-c".replace(/-/g, shout);
    // Another name for a function.
    const f = triple;
    record.e = f(10);
    // A recursive local function passed down.
    function fact(n: number): number {
      return n <= 1 ? 1 : n * fact(n - 1);
    }
    record.fact = apply(fact, 6);
  },
});
