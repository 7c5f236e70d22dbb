import { defineFilter, type LogRecord } from "flbc";

export default defineFilter({
  name: "lang_results",
  filter(record) {
    const kind = record.kind;
    if (kind === "drop") return false;
    if (kind === "same") return record;
    if (kind === "replace") return { replaced: true, from: record.id ?? null };
    if (kind === "split") {
      const items = record.items;
      if (!Array.isArray(items)) return true;
      const out: LogRecord[] = [];
      for (const item of items) {
        out.push({ item, id: record.id ?? null });
      }
      return out;
    }
    if (kind === "none") return [];
    if (kind === "copy") {
      const copy: LogRecord = { ...record, copied: true };
      copy.extra = 1;
      return [copy, { original: record.id ?? null }];
    }
    record.seen = true;
    return true;
  },
});
