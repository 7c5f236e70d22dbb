import { defineFilter } from "flbc";

/** JSON.parse(JSON.stringify(x)) of record values. */
export default defineFilter({
  name: "json_roundtrip",
  filter(record) {
    const v = record.v;
    if (v === undefined) return;
    record.back = JSON.parse(JSON.stringify(v));
    record.text = JSON.stringify(JSON.parse(JSON.stringify(v)));
  },
});
