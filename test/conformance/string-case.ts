import { defineFilter } from "flbc";

/** toUpperCase() / toLowerCase() on ASCII, Latin-1, Greek, ß. */
export default defineFilter({
  name: "string_case",
  filter(record) {
    record.r0 = "Hello World".toUpperCase();
    record.r1 = "Hello World".toLowerCase();
    record.r2 = "éàü".toUpperCase();
    record.r3 = "ÉÀÜ".toLowerCase();
    record.r4 = "straße".toUpperCase();
    record.r5 = "ΣΑΣ".toLowerCase();
    record.r6 = "123-abc".toUpperCase();
    record.r7 = "".toLowerCase();
  },
});
