import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_nonnull",
  filter(record) {
    const v = record.msg!;
    record.copy = v;
  },
});
