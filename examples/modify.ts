/**
 * modify: removes the `password` field, renames `msg` to `message` and adds
 * `env: prod` to every record: what Fluent Bit's built-in `modify` filter
 * does with `Remove password`, `Rename msg message` and `Add env prod`.
 * As in JavaScript, a renamed or added key goes after the original ones.
 * The benchmark job of `npm run bench` (docs/performance.md).
 */
import { defineFilter } from "flbc";

export default defineFilter({
  name: "modify_fields",
  description: "Removes password, renames msg to message, adds env",
  config: {},
  filter(record) {
    delete record.password;
    if ("msg" in record) {
      record.message = record.msg;
      delete record.msg;
    }
    record.env = "prod";
  },
});
