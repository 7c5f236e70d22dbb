import { defineFilter } from "flbc";

export default defineFilter({
  name: "regex_replacer",
  filter(record) {
    const line = record.line;
    if (typeof line !== "string") return;
    let count = 0;
    record.upper = line.replace(/\b(\w)(\w*)/g, (all, first, rest) => {
      count++;
      return (first ?? "").toUpperCase() + (rest ?? "") + (all.length > 3 ? "!" : "");
    });
    record.count = count;
    record.once = line.replace(/o/, (m) => `[${m}]`);
    record.opt = line.replaceAll(/(x)?o/g, (m, x) => (x === undefined ? "0" : "X"));
    const pairs: string[] = [];
    for (const m of Array.from(line.matchAll(/(\w+)=(\w+)/g))) {
      pairs.push(`${m[2]}<-${m[1]}`);
    }
    record.pairs = pairs;
  },
});
