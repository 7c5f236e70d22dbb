import { defineFilter, type Value } from "flbc";

// Local functions that call themselves are lifted to C functions; the
// variables they capture are shared with the enclosing callback.
export default defineFilter({
  name: "lang_closures_recursive",
  filter(record, ctx) {
    let calls = 0;
    function fib(n: number): number {
      calls++;
      return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
    record.fib = fib(12);
    record.calls = calls;

    // Mutual recursion through const arrows.
    const isEven = (n: number): boolean => (n === 0 ? true : isOdd(n - 1));
    const isOdd = (n: number): boolean => (n === 0 ? false : isEven(n - 1));
    record.even7 = isEven(7);
    record.odd7 = isOdd(7);

    // Walks a dynamic value; writes a captured string and array.
    let path = "";
    const leaves: string[] = [];
    function walk(v: Value, prefix: string): number {
      if (Array.isArray(v)) {
        let n = 0;
        v.forEach((x, i) => {
          n += walk(x, `${prefix}[${i}]`);
        });
        return n;
      }
      if (typeof v === "object" && v !== null) {
        let n = 0;
        for (const [k, x] of Object.entries(v)) n += walk(x, prefix === "" ? k : `${prefix}.${k}`);
        return n;
      }
      leaves.push(`${prefix}=${String(v)}`);
      path = prefix;
      return 1;
    }
    record.leaf_count = walk(record.data ?? null, "");
    record.leaves = leaves;
    record.last_path = path;

    // The record itself, captured and edited at each level.
    function mark(depth: number): void {
      if (depth === 0) return;
      record[`level_${depth}`] = depth * 10;
      mark(depth - 1);
    }
    mark(3);

    // The plugin context from inside a lifted function.
    const tagTimes = (n: number): string => (n <= 0 ? "" : ctx.tag + tagTimes(n - 1));
    record.tags = tagTimes(2);

    // A recursive function inside a recursive one, both capturing.
    let inner = 0;
    function outer(n: number): number {
      function count(k: number): number {
        inner++;
        return k <= 0 ? 0 : 1 + count(k - 1);
      }
      return n <= 0 ? 0 : count(n) + outer(n - 1);
    }
    record.outer = outer(4);
    record.inner = inner;

    // Throwing through recursive calls, caught by the caller.
    function down(n: number): number {
      if (n === 0) throw new Error("bottom reached");
      return down(n - 1) + 1;
    }
    try {
      record.down = down(3);
    } catch (e) {
      record.caught = e instanceof Error ? e.message : "other";
    }
    // Default parameters of a lifted function.
    function sum(n: number, acc = 0): number {
      return n === 0 ? acc : sum(n - 1, acc + n);
    }
    record.sum = sum(10);
  },
});
