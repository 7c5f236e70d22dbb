import { defineFilter } from "flbc";

const SENSITIVE = new Set(["password", "token", "secret"]);
const SEVERITY = new Map([
  ["debug", 1],
  ["info", 2],
  ["error", 4],
]);

export default defineFilter({
  name: "lang_map_set",
  filter(record) {
    const seen = new Set<string>();
    const counts = new Map<string, number>();
    for (const key of Object.keys(record)) {
      if (SENSITIVE.has(key)) {
        seen.add(key);
      }
      const first = key.slice(0, 1);
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    record.sensitive = Array.from(seen.values());
    record.nsens = seen.size;
    record.initials = Array.from(counts.keys()).join("");
    record.pairs = Array.from(counts.entries()).map((e) => `${e[0]}=${e[1]}`);
    const level = record.level;
    record.sev = typeof level === "string" ? SEVERITY.get(level) ?? 0 : -1;
    record.hasInfo = SEVERITY.has("info");
    record.deleted = counts.delete("l");
    record.after = counts.size;
    record.str = String(seen);
    record.json = JSON.stringify(counts);
    counts.clear();
    record.cleared = counts.size;
  },
});
