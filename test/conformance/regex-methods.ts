import { defineFilter } from "flbc";

const STATUS = /-> (\d{3}) /;

export default defineFilter({
  name: "regex_methods",
  filter(record) {
    const msg = record.msg;
    if (typeof msg !== "string") return false;
    if (!/ -> 5\d\d /.test(msg)) return false;
    const m = STATUS.exec(msg);
    record.status = m === null ? null : m[1] ?? null;
    record.words = msg.split(/\s+/);
    record.masked = msg.replace(/\d/g, "#");
    record.where = msg.search(/->/);
    record.all = msg.match(/\d+/g);
  },
});
