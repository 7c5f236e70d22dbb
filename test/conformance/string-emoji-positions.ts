import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Positions around emoji: indexOf, slice and length agree in UTF-16 units. */
export default defineFilter({
  name: "string_emoji_positions",
  filter(record) {
    const s = record.s;
    if (typeof s === "string") {
      const at = s.indexOf("|");
      record.at = at;
      record.before = s.slice(0, at);
      record.after = s.slice(at + 1);
      record.before_len = s.slice(0, at).length;
      record.last = s.lastIndexOf("😀");
      record.code = num(s.charCodeAt(at - 1));
    }
  },
});
