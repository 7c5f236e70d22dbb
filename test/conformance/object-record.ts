import { defineFilter } from "flbc";

/** Object.keys / values / entries and JSON.stringify of the record itself. */
export default defineFilter({
  name: "object_record",
  filter(record) {
    const keys = Object.keys(record);
    const values = Object.values(record);
    const pairs = Object.entries(record).map((e) => e[0] + ":" + JSON.stringify(e[1]));
    const text = JSON.stringify(record);
    record.keys = keys;
    record.values = values;
    record.pairs = pairs;
    record.text = text;
  },
});
