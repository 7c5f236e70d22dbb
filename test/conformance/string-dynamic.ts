import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** String methods on strings read from the record (ASCII and not). */
export default defineFilter({
  name: "string_dynamic",
  filter(record) {
    const s = record.s;
    if (typeof s === "string") {
      record.len = s.length;
      record.upper = s.toUpperCase();
      record.padded = s.padStart(8, ".");
      record.parts = s.split(" ");
      record.first = String(s.at(0));
      record.last = String(s.at(-1));
      record.replaced = s.replaceAll("a", "4");
      record.idx = s.lastIndexOf("a");
      record.sub = s.substring(1, 4);
      record.code = num(s.charCodeAt(1));
    }
  },
});
