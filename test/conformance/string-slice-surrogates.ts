import { defineFilter } from "flbc";

/** slice() through a surrogate pair leaves lone halves. */
export default defineFilter({
  name: "string_slice_surrogates",
  filter(record) {
    record.r0 = "😀".slice(0, 1) === "\ud83d";
    record.r1 = "😀".slice(1) === "\ude00";
    record.r2 = "a😀b".slice(1, 3);
    record.r3 = "a😀b".slice(2);
    record.r4 = "😀😀".slice(1, 3);
    record.r5 = JSON.stringify("😀".slice(1));
    record.r6 = JSON.stringify("x😀".slice(0, 2));
  },
});
