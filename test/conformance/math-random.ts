import { defineFilter } from "flbc";

/** Math.random: numbers in [0, 1), different draws. */
export default defineFilter({
  name: "math_random",
  filter(record) {
    let ok = true;
    let distinct = 0;
    let last = -1;
    for (let i = 0; i < 100; i++) {
      const r = Math.random();
      if (!(r >= 0 && r < 1)) ok = false;
      if (r !== last) distinct++;
      last = r;
    }
    record.in_range = ok;
    record.varies = distinct > 90;
  },
});
