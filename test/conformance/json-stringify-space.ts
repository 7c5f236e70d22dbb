import { defineFilter } from "flbc";

/** JSON.stringify with indentation: numbers, strings, capped at 10, empty containers. */
export default defineFilter({
  name: "json_stringify_space",
  filter(record) {
    const v = record.v;
    if (v === undefined) return;
    record.r0 = JSON.stringify(v, null, 2);
    record.r1 = JSON.stringify(v, null, "--");
    record.r2 = JSON.stringify(v, null, 0);
    record.r3 = JSON.stringify(v, null, 20);
    record.r4 = JSON.stringify(v, null, "abcdefghijklmn");
    record.r5 = JSON.stringify([], null, 2);
    record.r6 = JSON.stringify({}, null, 2);
    record.r7 = JSON.stringify("a:b,{c}", null, 2);
    record.r8 = JSON.stringify(v, null, 1.9);
  },
});
