import { defineFilter } from "flbc";

const WORD = /\w+/g;
const STICKY = /a/y;

export default defineFilter({
  name: "regex_last_index",
  filter(record) {
    const s = typeof record.s === "string" ? record.s : "";
    // The top-level regex keeps its index from record to record, as the
    // JavaScript object does.
    record.t1 = WORD.test(s);
    record.li1 = WORD.lastIndex;
    const m = WORD.exec(s);
    record.m = m === null ? null : m[0] ?? null;
    record.li2 = WORD.lastIndex;
    const local = /o/g;
    const hits: number[] = [];
    while (local.test(s)) {
      hits.push(local.lastIndex);
    }
    record.hits = hits;
    STICKY.lastIndex = 0;
    record.y1 = STICKY.test("aab");
    record.y2 = STICKY.test("aab");
    record.y3 = STICKY.test("aab");
    record.src = WORD.source;
  },
});
