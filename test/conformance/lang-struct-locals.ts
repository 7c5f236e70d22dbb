// Locals of object types used only through their fields are C structs;
// the others (used whole, captured by a local function) stay Values.
import { defineFilter, type Value } from "flbc";

interface Stats {
  count: number;
  bytes: number;
  last: string;
  level: "info" | "warn";
  seen: boolean;
}

export default defineFilter({
  name: "lang_struct_locals",
  filter(record) {
    const stats: Stats = { count: 0, bytes: 0, last: "", level: "info", seen: false };
    const items: Value[] = Array.isArray(record.items) ? record.items : [];
    for (const it of items) {
      stats.count++;
      if (typeof it === "string") {
        stats.bytes += it.length;
        stats.last = it;
      }
      if (it === "warn") stats.level = "warn";
    }
    items.forEach((x) => {
      if (x === null) stats.seen = true;
    });
    record.count = stats.count;
    record.bytes = stats.bytes;
    record.last = stats.last.toUpperCase();
    record.level = stats.level;
    record.is_warn = stats.level === "warn";
    record.seen = stats.seen;
    // Used as a whole: stays a Value.
    const point = { x: 1, y: 2 };
    record.point = point;
    let pos = { line: 1, col: 0 };
    pos.col += 5;
    record.pos = `${pos.line}:${pos.col}`;
    const box = { w: 2, h: 3 };
    const area = (): number => box.w * box.h;
    record.area = area();
  },
});
