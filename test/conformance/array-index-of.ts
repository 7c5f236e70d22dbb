import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** indexOf(): ===, fromIndex (negative, past the end), NaN never found. */
export default defineFilter({
  name: "array_index_of",
  filter(record) {
    record.r0 = num([1, 2, 3, 2].indexOf(2));
    record.r1 = num([1, 2, 3, 2].indexOf(2, 2));
    record.r2 = num([1, 2, 3, 2].indexOf(2, -1));
    record.r3 = num([1, 2, 3].indexOf(4));
    record.r4 = num([1, 2, 3].indexOf(1, 10));
    record.r5 = num([1, 2, 3].indexOf(1, -10));
    record.r6 = num([NaN].indexOf(NaN));
    record.r7 = num([0].indexOf(-0));
    record.r8 = num(["a", "b"].indexOf("b"));
    record.r9 = num(["1"].indexOf("2"));
  },
});
