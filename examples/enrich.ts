/**
 * enrich: adds deployment context to every record and tidies it up. It adds
 * `env` and `region` fields from the configuration (an empty value adds
 * nothing; existing fields are kept unless `overwrite` is on), renames one
 * field (by default `msg` to `message`), records the chunk's tag, and stamps
 * a one-line `summary` such as `[ERROR] api: connection refused`, built from
 * the level (or severity), the service and the message, shortened to
 * `summary_max` characters.
 */
import { defineFilter, type LogRecord, type Value } from "flbc";

export default defineFilter({
  name: "enrich",
  description: "Adds env/region, renames a field and stamps a summary",
  config: {
    /** Value of the `env` field added to every record; empty adds nothing. */
    env: "production",
    /** Value of the `region` field added to every record; empty adds nothing. */
    region: "eu-west-1",
    /** Replace `env`/`region` values the record already has. */
    overwrite: false,
    /** Field renamed to `rename_to`; empty renames nothing. */
    rename_from: "msg",
    /** New name of the `rename_from` field. */
    rename_to: "message",
    /** Field that receives the chunk's tag; empty adds nothing. */
    tag_key: "source_tag",
    /** Field that receives the computed summary; empty adds nothing. */
    summary_key: "summary",
    /** Longest summary message, in characters, before it is cut with "...". */
    summary_max: 32,
  },
  filter(record, ctx) {
    addField(record, "env", ctx.config.env, ctx.config.overwrite);
    addField(record, "region", ctx.config.region, ctx.config.overwrite);
    renameField(record, ctx.config.rename_from, ctx.config.rename_to);
    if (ctx.config.tag_key !== "") {
      record[ctx.config.tag_key] = ctx.tag;
    }
    if (ctx.config.summary_key !== "") {
      record[ctx.config.summary_key] = summarize(record, ctx.config.rename_to, ctx.config.summary_max);
    }
  },
});

/** Sets `record[key] = value` unless value is empty or the key exists (and not `overwrite`). */
function addField(record: LogRecord, key: string, value: string, overwrite: boolean): void {
  if (value === "") {
    return;
  }
  if (key in record && !overwrite) {
    return;
  }
  record[key] = value;
}

/** Moves `record[from]` to `record[to]` (replacing `to`), if `from` is there. */
function renameField(record: LogRecord, from: string, to: string): void {
  if (from === "" || to === "" || from === to) {
    return;
  }
  const value = record[from];
  if (value === undefined) {
    return;
  }
  record[to] = value;
  delete record[from];
}

/** `[LEVEL] service: message`, each part with a fallback. */
function summarize(record: LogRecord, messageKey: string, max: number): string {
  const levelValue = record.level ?? record.severity;
  const level = typeof levelValue === "string" && levelValue.length > 0 ? levelValue.toUpperCase() : "INFO";
  const service = typeof record.service === "string" ? record.service : "unknown";
  const message = record[messageKey];
  const text = typeof message === "string" ? shorten(message, max) : describe(message);
  return `[${level}] ${service}: ${text}`;
}

/** `text` cut to `max` characters, the last three replaced by "...". */
function shorten(text: string, max: number): string {
  if (max < 4 || text.length <= max) {
    return text;
  }
  return text.slice(0, max - 3) + "...";
}

/** A short description of a non-string message. */
function describe(value: Value | undefined): string {
  if (value === undefined) {
    return "(no message)";
  }
  if (value === null) {
    return "(null)";
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return `${value}`;
  }
  return typeof value === "object" ? "(structured)" : value;
}
