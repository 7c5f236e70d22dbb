import { defineFilter } from "flbc";

function num(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Math.clz32: ToUint32 first. */
export default defineFilter({
  name: "math_clz32",
  filter(record) {
    record.r0 = num(Math.clz32(1));
    record.r1 = num(Math.clz32(0));
    record.r2 = num(Math.clz32(-1));
    record.r3 = num(Math.clz32(0.5));
    record.r4 = num(Math.clz32(4294967296));
    record.r5 = num(Math.clz32(2147483648));
    record.r6 = num(Math.clz32(1000));
    record.r7 = num(Math.clz32(NaN));
    record.r8 = num(Math.clz32(Infinity));
    record.r9 = num(Math.clz32(-0));
  },
});
