import { defineFilter } from "flbc";

/** String.fromCharCode / fromCodePoint: modulo 65536, pairs, astral code points. */
export default defineFilter({
  name: "string_from_char_code",
  filter(record) {
    record.r0 = String.fromCharCode(72, 105);
    record.r1 = String.fromCharCode();
    record.r2 = String.fromCharCode(0x10041);
    record.r3 = String.fromCharCode(0xe9, 0x65e5);
    record.r4 = String.fromCharCode(0xd83d, 0xde00);
    record.r5 = String.fromCharCode(65.9, -1) === "A\uffff";
    record.r6 = String.fromCodePoint(0x1f600);
    record.r7 = String.fromCodePoint(97, 0xe9, 0x65e5);
    record.r8 = String.fromCodePoint();
  },
});
