import { defineFilter } from "flbc";

/** Array.isArray narrows a Value to an array. */
export default defineFilter({
  name: "array_is_array",
  filter(record) {
    const v = record.v;
    record.is = Array.isArray(v);
    if (Array.isArray(v)) {
      record.len = v.length;
      record.first = v.length > 0 ? String(v[0]) : "none";
    }
  },
});
