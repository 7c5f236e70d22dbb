import { defineFilter } from "flbc";

/**
 * Keys named only as literals (records walked without an index): a set
 * keeps a key's place, a delete then a set moves it last, a new key set
 * twice stays once, `in` after a delete, keys longer than 8 and than 31
 * bytes; Object.keys shows the order.
 */
export default defineFilter({
  name: "record_keys_literal",
  filter(record) {
    record.a = record.a ?? null;
    delete record.b;
    record.b = "moved";
    record.c = 2;
    record.c = 3;
    const had = "d" in record;
    delete record.d;
    record.had_d = had && !("d" in record);
    record.a_key_of_eleven = record.a_key_of_twelve ?? "none";
    delete record.a_key_of_twelve;
    record.a_key_longer_than_thirty_one_bytes = "long";
    if ("msg" in record) {
      record.message = record.msg;
      delete record.msg;
    }
    record.env = "prod";
    record.order = Object.keys(record).join(",");
  },
});
