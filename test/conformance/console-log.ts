import { defineFilter } from "flbc";

/** console.log: one line of strings, numbers, booleans, null, undefined, JSON. */
export default defineFilter({
  name: "console_log",
  filter(record) {
    console.log("text", 1, -0, 1.5, NaN, -Infinity, true, null, undefined);
    console.log([1, "a", null, [2]], { a: 1, b: { c: "d" } });
    console.log();
    console.log("only");
    const v = record.v;
    console.log("v =", v);
  },
});
