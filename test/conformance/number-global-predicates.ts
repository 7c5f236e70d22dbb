import { defineFilter } from "flbc";

/** The global isNaN and isFinite on numbers. */
export default defineFilter({
  name: "number_global_predicates",
  filter(record) {
    record.nan0 = isNaN(NaN);
    record.nan1 = isNaN(1);
    record.nan2 = isNaN(Infinity);
    record.fin0 = isFinite(1);
    record.fin1 = isFinite(Infinity);
    record.fin2 = isFinite(NaN);
    record.fin3 = isFinite(-0);
  },
});
