import { defineFilter } from "flbc";

/**
 * console.log of bigints inside arrays and objects: JSON text with each
 * bigint as Node writes it (`[1n]`). JSON.stringify of a Map holding one is
 * `{}`, as a Map has no properties of its own: nothing there throws.
 */
export default defineFilter({
  name: "console_log_bigint",
  filter(record) {
    const id = BigInt(record.id === undefined ? 0 : String(record.id));
    console.log(id, [id], [1n, -2n, 9223372036854775807n]);
    console.log({ id: id, list: [id, "x", undefined], none: undefined, nested: { big: -5n } });
    const counts = new Map<string, bigint>();
    counts.set("seen", id);
    console.log(counts, { counts: counts, total: id * 2n });
    record.counts = JSON.stringify(counts);
    record.wrapped = JSON.stringify({ counts: counts });
  },
});
