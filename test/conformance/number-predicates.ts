import { defineFilter } from "flbc";

/** Number.isNaN / isFinite / isInteger / isSafeInteger. */
export default defineFilter({
  name: "number_predicates",
  filter(record) {
    record.nan0 = Number.isNaN(NaN);
    record.nan1 = Number.isNaN(0);
    record.nan2 = Number.isNaN(Infinity);
    record.nan3 = Number.isNaN(0 / 0);
    record.fin0 = Number.isFinite(1);
    record.fin1 = Number.isFinite(Infinity);
    record.fin2 = Number.isFinite(-Infinity);
    record.fin3 = Number.isFinite(NaN);
    record.fin4 = Number.isFinite(-0);
    record.int0 = Number.isInteger(1);
    record.int1 = Number.isInteger(1.5);
    record.int2 = Number.isInteger(-0);
    record.int3 = Number.isInteger(1e300);
    record.int4 = Number.isInteger(Infinity);
    record.int5 = Number.isInteger(NaN);
    record.int6 = Number.isInteger(5.0000000000000001);
    record.safe0 = Number.isSafeInteger(9007199254740991);
    record.safe1 = Number.isSafeInteger(9007199254740992);
    record.safe2 = Number.isSafeInteger(-9007199254740991);
    record.safe3 = Number.isSafeInteger(1.5);
    record.safe4 = Number.isSafeInteger(Infinity);
    record.safe5 = Number.isSafeInteger(-0);
  },
});
