import { defineFilter } from "flbc";

const KV = /(\w+)=("[^"]*"|\S+)/g;
const IP = new RegExp("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

export default defineFilter({
  name: "regex_syntax",
  filter(record) {
    const line = record.line;
    if (typeof line !== "string") return;
    record.pairs = line.match(KV);
    record.ci = /ERROR|WARN/i.test(line);
    record.multi = /^b/m.test(line);
    record.dot = /a.c/s.test(line);
    record.unicode = /\u{1F600}/u.test(line);
    record.sticky = /key/y.test(line);
    const ip = record.ip;
    if (typeof ip === "string") {
      const m = IP.exec(ip);
      record.octets = m === null ? null : m.slice(1).join("|");
    }
    record.swapped = line.replace(/(\w+)=(\w+)/, "$2=$1");
    record.named = line.replace(/(?<k>\w+)=/g, "<$<k>>");
    record.look = line.replace(/\d+(?=ms)/g, "N");
    record.back = /(\w)\1/.test(line);
    record.parts = line.split(/[=\s]+/, 3);
  },
});
