import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_object_assign_type",
  filter(record) {
    const target = { count: 1 };
    // The result keeps the target's type: `count` cannot become a string.
    const merged = Object.assign(target, { count: "many" });
    record.count = merged.count;
  },
});
