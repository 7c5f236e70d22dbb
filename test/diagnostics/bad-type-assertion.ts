import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_assert",
  filter(record) {
    const s = record.msg as string;
    record.len = s.length;
  },
});
