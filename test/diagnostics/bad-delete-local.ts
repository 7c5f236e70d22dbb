import { defineFilter } from "flbc";

export default defineFilter({
  name: "bad_delete",
  config: { key: "a" },
  filter(record, ctx) {
    const cfg = { a: 1 };
    delete cfg.a;
    record.x = ctx.config.key;
  },
});
