// String-literal unions are stored as enum constants: switch, ===, reads as
// strings, state fields, conversions from a narrowed Value and to JSON.
import { defineFilter, type Value } from "flbc";

type Level = "debug" | "info" | "warn" | "error";
type Mode = "strict" | "lax";

function rank(level: Level): number {
  switch (level) {
    case "debug": return 0;
    case "info": return 1;
    case "warn": return 2;
    default: return 3;
  }
}
function levelOf(v: Value): Level {
  if (v === "debug" || v === "info" || v === "warn" || v === "error") return v;
  return "info";
}
function louder(level: Level): Level {
  return level === "debug" ? "info" : level === "info" ? "warn" : "error";
}

export default defineFilter({
  name: "lang_literal_unions",
  config: { /** strict or lax */ mode: "lax" },
  init(config) {
    const mode: Mode = config.mode === "strict" ? "strict" : "lax";
    return { mode, count: 0 };
  },
  filter(record, ctx) {
    const level = levelOf(record.level ?? null);
    let up: Level = louder(level);
    record.rank = rank(level);
    record.up = up;
    record.same = up === level;
    record.is_warn = up === "warn";
    record.text = `${level}->${up}`;
    record.upper = up.toUpperCase();
    record.len = up.length;
    record.mode = ctx.state.mode;
    record.strict = ctx.state.mode === "strict";
    const pair: Level[] = [level, up];
    record.pair = pair;
    up = "debug";
    record.down = up;
    record.json = JSON.stringify({ level, up });
    const m: Mode = record.strict === true ? "strict" : "lax";
    record.m = m;
    if (up) record.truthy = true;
  },
});
