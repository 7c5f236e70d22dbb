import { defineFilter } from "flbc";

/**
 * Arguments in JavaScript's left-to-right order when one assigns what
 * another reads: C leaves a call's arguments unordered (gcc evaluates them
 * right to left), and a later argument's statements (a call that may throw)
 * run before the call.
 */
function pair(a: number, b: number): string {
  return `${a},${b}`;
}

function tenfold(n: number): number {
  if (n > 100) throw new Error("too big");
  return n * 10;
}

function grow(xs: number[]): number {
  xs.push(9);
  return xs.length;
}

const COMMA = /,/;

export default defineFilter({
  name: "lang_argument_order",
  init() {
    return { n: 1 };
  },
  filter(record, ctx) {
    let i = 1;
    record.max = Math.max(i, i++);
    i = 1;
    record.min = Math.min(i++, i);
    i = 1;
    record.user = pair(i, (i = 5));
    i = 1;
    record.user_throwing = pair(i++, tenfold(i));
    i = 1;
    record.user_throwing_later = pair(i, tenfold(i++));
    const xs = [1, 2];
    record.mutated = pair(xs.length, grow(xs));
    const s = "abcdef";
    i = 1;
    record.slice = s.slice(i, ++i);
    let text = "abc";
    record.receiver = text.slice(0, (text = "wxyz").length);
    let x = 1;
    const pushed: number[] = [];
    pushed.push(x, (x += 1));
    record.push = pushed;
    let word = "ab";
    record.concat = word.concat(word, (word = "cd"), word);
    i = 1;
    record.array = [i, i++, i];
    i = 1;
    record.object = { a: i, b: (i = 4), c: i };
    let b = 5n;
    record.bigint = String(BigInt.asIntN(8, b++ + b));
    const m = new Map<string, number>();
    let k = "a";
    m.set(k, (k = "bb").length);
    record.map_keys = Array.from(m.keys());
    let key = "first";
    record[key] = (key = "second");
    i = 0;
    const slots = [0, 0, 0];
    slots[i] = (i = 2);
    record.slots = slots;
    let csv = "a,b,c";
    record.split = csv.split(COMMA, csv.length - (csv = "x").length - 1);
    record.state = Math.max(ctx.state.n, (ctx.state.n = 10), ctx.state.n);
    i = 1;
    try {
      record.caught = pair(i++, tenfold(200));
    } catch (e) {
      record.after_throw = i;
    }
  },
});
