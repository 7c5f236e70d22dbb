import { defineFilter } from "flbc";

/**
 * The same keys named as literals and computed from config: an edit under
 * one name is seen under the other, in either order, and a computed set
 * keeps the place of the literal key it names; Object.keys shows the order.
 */
export default defineFilter({
  name: "record_keys_computed",
  config: { field: "msg", other: "level" },
  filter(record, ctx) {
    const f = ctx.config.field;
    record.seen = "msg" in record ? "has" : "none";
    record.copy = record[f] ?? "absent";
    delete record[f];
    record.after = record.msg ?? "gone";
    if (record.level === "warn") {
      record.msg = "again";
      record[f] = "computed";
    }
    record[ctx.config.other] = "set by name";
    record.level_now = record.level ?? "none";
    delete record.level;
    record.order = Object.keys(record).join(",");
  },
});
