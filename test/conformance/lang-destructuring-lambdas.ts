import { defineFilter } from "flbc";

function greet(name: string, punct = "!"): string {
  return `hi ${name}${punct}`;
}

export default defineFilter({
  name: "lang_destructure",
  filter(record) {
    const { level, count = 0, user } = record;
    record.lv = level ?? "none";
    record.cnt = count;
    const isErr = (l: string) => l === "error" || l === "fatal";
    record.err = typeof level === "string" ? isErr(level) : false;
    const uname = typeof user === "object" && user !== null && !Array.isArray(user) ? user?.name : undefined;
    record.uname = uname ?? "anon";
    record.g1 = greet("bob");
    record.g2 = greet("amy", "?");
    const [first, second = "z"] = ["a"];
    record.fs = first + second;
    const clamp = (n: number, lo: number, hi: number): number => {
      if (n < lo) return lo;
      if (n > hi) return hi;
      return n;
    };
    record.c1 = clamp(15, 0, 10);
    record.c2 = clamp(-3, 0, 10);
    record.deep = record.user === undefined ? null : 1;
  },
});
