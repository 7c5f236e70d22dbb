/**
 * redact: masks one field of every record before it leaves the node, so
 * that secrets (passwords, tokens, card numbers) never reach an output. A
 * string value is replaced by the mask, optionally keeping its first few
 * characters visible ("hu***") so operators can still tell values apart;
 * other values are masked only when `mask_non_strings` is on, and `null`
 * and missing fields are left alone. The number of masked records is kept
 * in the instance state and logged when Fluent Bit stops.
 */
import { defineFilter } from "flbc";

export default defineFilter({
  name: "redact",
  description: "Masks a configured field of every record",
  config: {
    /** Name of the field to mask (top-level key of the record). */
    field: "password",
    /** Text that replaces the masked value. */
    mask: "***",
    /**
     * Number of leading characters of a string value left visible before
     * the mask; 0 hides it all. Values not longer than this are fully masked.
     */
    reveal: 2,
    /** Also mask numbers, booleans, objects and arrays (null always stays null). */
    mask_non_strings: false,
  },
  init() {
    return { masked: 0 };
  },
  filter(record, ctx) {
    const value = record[ctx.config.field];
    if (typeof value === "string") {
      record[ctx.config.field] = maskText(value, ctx.config.mask, ctx.config.reveal);
      ctx.state.masked++;
    } else if (value !== undefined && value !== null && ctx.config.mask_non_strings) {
      record[ctx.config.field] = ctx.config.mask;
      ctx.state.masked++;
    }
  },
  exit(ctx) {
    ctx.log.info(`masked ${ctx.state.masked} records`);
  },
});

/** The masked form of `text`: its first `reveal` characters, then `mask`. */
function maskText(text: string, mask: string, reveal: number): string {
  if (reveal <= 0 || text.length <= reveal) {
    return mask;
  }
  return text.slice(0, reveal) + mask;
}
