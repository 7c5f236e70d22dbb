/**
 * level_filter: drops records below a minimum severity. Levels are ordered
 * trace < debug < info < warn < error < fatal and matched case-insensitively
 * ("WARN", "Warning" and "warn" are the same level; "err", "crit" and
 * "critical" are accepted aliases). The level is read from a configurable
 * key; records without a recognisable level are kept or dropped according
 * to `keep_unknown`. A `min_level` that is not a level is reported once in
 * the log and then every record is kept (fail open: never lose logs because
 * of a typo in the configuration).
 */
import { defineFilter } from "flbc";

export default defineFilter({
  name: "level_filter",
  description: "Drops records below a minimum level",
  config: {
    /** Record key holding the level, e.g. `level` or `severity`. */
    key: "level",
    /** Lowest level kept: trace, debug, info, warn, error or fatal (any case). */
    min_level: "info",
    /** Keep records whose level is missing, not a string, or not a known level. */
    keep_unknown: true,
  },
  init(config) {
    return { min: levelRank(config.min_level), dropped: 0, reported: false };
  },
  filter(record, ctx) {
    if (ctx.state.min < 0) {
      if (!ctx.state.reported) {
        ctx.log.error(`unknown min_level '${ctx.config.min_level}': keeping every record`);
        ctx.state.reported = true;
      }
      return true;
    }
    const value = record[ctx.config.key];
    const rank = typeof value === "string" ? levelRank(value) : -1;
    if (rank < 0) {
      return ctx.config.keep_unknown;
    }
    if (rank < ctx.state.min) {
      ctx.state.dropped++;
      return false;
    }
    return true;
  },
  exit(ctx) {
    ctx.log.info(`dropped ${ctx.state.dropped} records below ${ctx.config.min_level}`);
  },
});

/** The rank of a level name (trace 0 ... fatal 5), or -1 for anything else. */
function levelRank(name: string): number {
  const level = name.trim().toLowerCase();
  if (level === "trace") {
    return 0;
  } else if (level === "debug") {
    return 1;
  } else if (level === "info" || level === "information") {
    return 2;
  } else if (level === "warn" || level === "warning") {
    return 3;
  } else if (level === "error" || level === "err") {
    return 4;
  } else if (level === "fatal" || level === "crit" || level === "critical") {
    return 5;
  }
  return -1;
}
