import { defineFilter } from "flbc";

/** push/sort/splice on arrays read from the record: on the field itself, and on a local assigned back. */
export default defineFilter({
  name: "array_mutate_record",
  filter(record) {
    const tags = record.tags;
    if (Array.isArray(tags)) {
      tags.push("x");
      tags.sort();
      tags.splice(0, 1);
      record.tags = tags;
      record.n = tags.length;
    }
    if (Array.isArray(record.list)) {
      record.list.push(9);
      record.list.reverse();
      record.first = String(record.list.shift());
      record.list.unshift(0);
      record.list.fill(7, 2);
    }
  },
});
