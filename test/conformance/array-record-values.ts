import { defineFilter } from "flbc";

/** Methods on arrays read from the record (raw msgpack). */
export default defineFilter({
  name: "array_record_values",
  filter(record) {
    const v = record.tags;
    if (Array.isArray(v)) {
      record.count = v.length;
      record.joined = v.join(";");
      record.has_b = v.includes("b");
      record.idx = v.indexOf("c");
      record.sorted = v.slice().sort();
      record.rev = v.slice().reverse();
      record.tail = v.slice(1);
    }
  },
});
