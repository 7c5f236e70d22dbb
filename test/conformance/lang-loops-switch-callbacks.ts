import { defineFilter } from "flbc";

function sum(xs: number[]): number {
  let total = 0;
  for (const x of xs) {
    total += x;
  }
  return total;
}

export default defineFilter({
  name: "lang_loops",
  filter(record) {
    const xs = [1, 2, 3, 4.5];
    record.sum = sum(xs);
    let n = 0;
    let i = 0;
    while (i < 10) {
      i++;
      if (i % 2 === 0) {
        continue;
      }
      n += i;
    }
    record.odd = n;
    const words: string[] = [];
    outer: for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        if (b === 2) continue outer;
        if (a === 2) break outer;
        words.push(`${a}${b}`);
      }
    }
    record.words = words;
    record.joined = words.join("-");
    const level = record.level;
    let rank = -1;
    switch (level) {
      case "debug":
        rank = 0;
        break;
      case "info":
      case "notice":
        rank = 1;
        break;
      default:
        rank = 9;
    }
    record.rank = rank;
    const doubled = xs.map((x) => x * 2);
    record.doubled = doubled;
    record.big = xs.filter((x) => x > 2);
    record.any3 = xs.some((x) => x === 3);
    record.total = xs.reduce((acc, x) => acc + x, 0);
    record.idx = xs.findIndex((x) => { if (x > 2) { return true; } return false; });
    const tags = record.tags;
    if (Array.isArray(tags)) {
      record.ntags = tags.length;
      record.first = tags[0] ?? null;
    }
    const user = record.user;
    if (typeof user === "object" && user !== null && !Array.isArray(user)) {
      record.uname = user.name ?? "anon";
    }
    record.obj = { a: 1, b: "x", c: [true, null] };
    let s = "";
    for (const ch of "héllo😀") {
      s = ch + s;
    }
    record.rev = s;
    for (const k in record) {
      if (k === "level") {
        record.hasLevel = true;
      }
    }
    let d = 0;
    do {
      d++;
    } while (d < 5);
    record.d = d;
  },
});
