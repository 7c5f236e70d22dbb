import { defineFilter, size } from "flbc";

/** ctx.config under another name and destructured, in filter and init. */
export default defineFilter({
  name: "config_alias",
  config: { prefix: "p-", count: 2, loud: false, limit: size("2K") },
  init(config) {
    const { count } = config;
    return { total: count * 10 };
  },
  filter(record, ctx) {
    const c = ctx.config;
    const { prefix, count: n, loud } = ctx.config;
    record.a = c.prefix + String(c.count);
    record.b = `${prefix}${n}${loud ? "!" : ""}`;
    record.limit = c.limit;
    record.total = ctx.state.total;
  },
});
