import { defineFilter } from "flbc";

/** JSON.parse of a string field (an embedded JSON log line). */
export default defineFilter({
  name: "json_parse_record",
  filter(record) {
    const s = record.log;
    if (typeof s === "string") {
      const v = JSON.parse(s);
      record.parsed = v;
      if (typeof v === "object" && v !== null && !Array.isArray(v)) {
        record.level = String(v["level"]);
      }
    }
  },
});
