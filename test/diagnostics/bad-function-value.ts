import { defineFilter } from "flbc";

function inc(x: number): number {
  return x + 1;
}
function dbl(x: number): number {
  return x * 2;
}
function pick(up: boolean): (x: number) => number {
  return up ? inc : dbl;
}
function loop(fn: (x: number) => number, n: number): number {
  return n <= 0 ? 0 : fn(n) + loop(fn, n - 1);
}

export default defineFilter({
  name: "bad_function_value",
  filter(record) {
    const fs = [inc, dbl];
    record.n = fs.length;
    const chosen = record.up === true ? inc : dbl;
    record.a = chosen(1);
    record.b = loop(inc, 3);
    let h = inc;
    record.c = h(2);
  },
});
