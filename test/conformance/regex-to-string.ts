import { defineFilter } from "flbc";

const WORD = /w(or)d\/x/i;
/** A regex converted to a string prints as its literal. */
export default defineFilter({
  name: "regex_to_string",
  filter(record) {
    record.s = String(/x/g);
    record.t = `${WORD}!`;
    record.u = "re: " + /a+b/;
    record.v = String(/(?:)/);
  },
});
