import { defineFilter } from "flbc";

function parseLevel(v: string): number {
  if (v === "debug") return 1;
  if (v === "info") return 2;
  throw new Error(`unknown level ${v}`);
}

function scaled(v: string): number {
  return parseLevel(v) * 10;
}

export default defineFilter({
  name: "lang_exc",
  filter(record) {
    const l = record.level;
    const steps: string[] = [];
    try {
      steps.push("try");
      record.rank = scaled(typeof l === "string" ? l : "none");
      steps.push("after");
    } catch (e) {
      steps.push("catch");
      record.rank = -1;
      record.why = e instanceof Error ? e.message : String(e);
      record.text = String(e);
    } finally {
      steps.push("finally");
    }
    try {
      if (record.raw === true) throw "plain string";
      throw 42;
    } catch (e) {
      record.thrown = typeof e === "string" ? e : typeof e === "number" ? e + 1 : null;
    }
    let n = 0;
    for (let i = 0; i < 5; i++) {
      try {
        if (i % 2 === 0) throw new Error("even");
        n += 10;
      } catch {
        n += 1;
      }
    }
    record.n = n;
    record.steps = steps.join(",");
  },
});
