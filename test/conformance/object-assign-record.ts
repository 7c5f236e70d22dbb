import { defineFilter } from "flbc";

/** Object.assign(record, ...): the pairs become edits of the record, in order. */
export default defineFilter({
  name: "object_assign_record",
  filter(record) {
    const extra = record.extra;
    Object.assign(record, { added: 1, b: "over" });
    if (typeof extra === "object" && extra !== null && !Array.isArray(extra)) {
      Object.assign(record, extra, { last: true });
    }
    delete record.extra;
  },
});
