import { defineFilter } from "flbc";

export default defineFilter({
  name: "lang_spread",
  filter(record) {
    const base = [1, 2];
    const more = [...base, 3, ...base];
    record.more = more;
    record.copy = [...more].length;
    const extra = { env: "prod", n: 1 };
    const merged = { ...extra, n: 2, tag: "x" };
    record.merged = merged;
    const user = record.user;
    if (typeof user === "object" && user !== null && !Array.isArray(user)) {
      record.user2 = { ...user, seen: true };
    }
    const pairs = [["a", 1], ["b", 2]];
    let total = 0;
    const names: string[] = [];
    for (const [k, v] of pairs) {
      names.push(String(k));
      total += typeof v === "number" ? v : 0;
    }
    record.total = total;
    record.names = names.join("+");
    for (const { id, label = "none" } of [{ id: 1 }, { id: 2, label: "two" }]) {
      names.push(`${id}:${label}`);
    }
    record.all = names;
    record.twice = double(21);
    record.fact = factorial(5);
    function double(x: number): number {
      return x * 2;
    }
    function factorial(n: number): number {
      let r = 1;
      for (let i = 2; i <= n; i++) r *= i;
      return r;
    }
  },
});
