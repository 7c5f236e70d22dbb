import { defineFilter } from "flbc";

// `for (let i = 0; ...; i++)` counters are int64_t in C: every read must
// still be the number JavaScript has, and `%` must keep -0 where it exists.
export default defineFilter({
  name: "lang_loop_counters",
  filter(record) {
    const xs = Array.isArray(record.xs) ? record.xs : [];
    let sum = 0;
    let evens = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      if (typeof x === "number") sum += x * i;
      if (i % 2 === 0) evens++;
    }
    record.sum = sum;
    record.evens = evens;

    // Counting down past zero: the remainder of a negative even is -0.
    const signs: string[] = [];
    for (let i = 0; i > -5; i--) signs.push(String(1 / (i % 2)));
    record.signs = signs;

    // A big start and a step past 2^31.
    let last = 0;
    for (let i = 2147483640; i <= 2147483650; ++i) last = i % 7;
    record.big_mod = last;

    // Written in the body: an ordinary double.
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      if (i === 3) i += 2.5;
      seen.push(i);
    }
    record.seen = seen;

    // Read by an inline callback and a template; break and continue.
    let text = "";
    for (let i = 0; i < 6; i++) {
      if (i === 1) continue;
      if (i === 5) break;
      [10, 20].forEach((v) => {
        text += `${i * v}/`;
      });
    }
    record.text = text;

    // Captured by a recursive local function: stays a double it can point to.
    let depth = 0;
    for (let i = 3; i > 0; i--) {
      const down = (n: number): number => (n <= 0 ? i : down(n - 1));
      depth += down(i);
    }
    record.depth = depth;

    // Nested counters, and the counter as a record field and an index.
    const grid: string[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < r; c++) grid.push(`${r}${c}:${(r * 3 + c) % 4}`);
    record.grid = grid;
    const word = typeof record.word === "string" ? record.word : "";
    let codes = 0;
    for (let j = 0; j < word.length; j++) codes = (codes * 31 + word.charCodeAt(j)) | 0;
    record.codes = codes;
  },
});
