import { defineFilter } from "flbc";

/** Masking a secret: slice, repeat, Math.max on ASCII and non-ASCII text. */
export default defineFilter({
  name: "mixed_mask",
  filter(record) {
    const s = record.card;
    if (typeof s === "string") {
      record.masked = s.slice(0, 2) + "*".repeat(Math.max(0, s.length - 4)) + s.slice(-2);
      record.last4 = s.slice(-4).padStart(s.length, "#");
    }
  },
});
