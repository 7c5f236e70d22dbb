import { defineFilter } from "flbc";

/**
 * JSON.stringify(undefined) is the value undefined, not text; undefined
 * inside an array prints as null and an undefined property is left out.
 */
export default defineFilter({
  name: "json_stringify_undefined",
  filter(record) {
    const none = JSON.stringify(undefined);
    record.literal = none === undefined;
    record.literal_type = typeof JSON.stringify(undefined, null, 2);
    const missing = JSON.stringify(record.missing);
    record.missing_type = typeof missing;
    record.missing_or = missing ?? "absent";
    const present = JSON.stringify(record.v);
    record.present = present ?? "absent";
    record.in_array = JSON.stringify([1, undefined, record.missing]);
    record.in_object = JSON.stringify({ a: undefined, b: 1, c: record.missing });
    record.template = `${JSON.stringify(record.missing)}|${JSON.stringify(record.v)}`;
  },
});
