import { defineFilter } from "flbc";

/** String replacement patterns $&, $`, $', $$ (and $1, $<x> stay literal). */
export default defineFilter({
  name: "string_replace_patterns",
  filter(record) {
    record.r0 = "a-b-c".replace("-", "[$&]");
    record.r1 = "a-b-c".replace("-", "[$`]");
    record.r2 = "a-b-c".replace("-", "[$']");
    record.r3 = "a-b-c".replace("-", "$$");
    record.r4 = "a-b-c".replace("-", "$1$<x>$");
    record.r5 = "abc".replace("b", "$$&");
    record.r6 = "abc".replace("", "$'");
    record.r7 = "x".replace("x", "$");
    record.r8 = "a-b-c".replaceAll("-", "($`|$')");
  },
});
