// A recursive local function in init: it captures a config read, a local and a loop variable.
import { defineFilter } from "flbc";
export default defineFilter({
  name: "lang_closures_init",
  config: { /** levels */ levels: 3 },
  init(config) {
    let made = "";
    const sep = (n: number) => (n % 2 === 0 ? "." : ":");
    function build(n: number): string {
      if (n <= 0) return made + String(config.levels);
      made += String(n) + sep(n);
      return build(n - 1);
    }
    for (const x of ["a", "b"]) {
      function tail(n: number): string { return n <= 0 ? x : x + tail(n - 1); }
      made += tail(2);
    }
    return { prefix: build(config.levels) };
  },
  filter(record, ctx) {
    record.prefix = ctx.state.prefix;
  },
});
