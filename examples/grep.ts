/**
 * grep: keeps only the records whose `msg` field matches a pattern, here an
 * HTTP access line that ended in a 5xx status (`GET /login -> 503 in 2ms`),
 * and drops the rest: what Fluent Bit's built-in `grep` filter does with
 * `Regex msg  -> 5\d\d `. A record without a string `msg` is dropped too.
 * The benchmark job of `npm run bench` (docs/performance.md).
 */
import { defineFilter } from "flbc";

export default defineFilter({
  name: "grep5xx",
  description: "Keeps records whose msg reports a 5xx status",
  config: {},
  filter(record) {
    const msg = record.msg;
    return typeof msg === "string" && / -> 5\d\d /.test(msg);
  },
});
