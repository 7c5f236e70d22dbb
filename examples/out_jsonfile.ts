import { defineOutput, toJsonLine, toKeyValue } from "flbc";

/** Appends each chunk's events to a file, one JSON line (or key=value line) per event. */
export default defineOutput({
  name: "jsonfile",
  config: {
    /** File to append to (created if missing). */
    path: "/tmp/flbc-out.jsonl",
    /** "json_lines" or "key_value". */
    format: "json_lines",
    /** JSON key of the time in json_lines; empty: no time. */
    date_key: "date",
  },
  flush(events, ctx) {
    let text = "";
    for (const event of events) {
      text += (ctx.config.format === "key_value" ? toKeyValue(event.body) : toJsonLine(event, ctx.config.date_key)) + "\n";
    }
    // An I/O error stops the flush here and the chunk is retried.
    ctx.file.append(ctx.config.path, text);
    return "ok";
  },
});
