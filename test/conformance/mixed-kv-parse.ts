import { defineFilter } from "flbc";

/** Parsing key=value pairs with split, indexOf, substring, trim and Object.fromEntries. */
export default defineFilter({
  name: "mixed_kv_parse",
  filter(record) {
    const s = record.kv;
    if (typeof s === "string") {
      const pairs = s.split(";").filter((p) => p.includes("=")).map((p) => {
        const at = p.indexOf("=");
        return [p.substring(0, at).trim(), p.substring(at + 1).trim()];
      });
      record.count = pairs.length;
      record.keys = pairs.map((p) => p[0] ?? "");
      record.values = pairs.map((p) => p[1] ?? "");
    }
  },
});
