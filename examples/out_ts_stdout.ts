import { defineOutput, formatTime } from "flbc";

/** Prints each event as `[tag] time record`, like out_stdout's json_lines. */
export default defineOutput({
  name: "ts_stdout",
  config: {
    /** Time format: "iso", "epoch" or "double" (seconds with a fraction). */
    time_format: "iso",
  },
  flush(events, ctx) {
    for (const event of events) {
      const time = ctx.config.time_format === "double" ? String(event.time) : formatTime(event.time, ctx.config.time_format === "epoch" ? "epoch" : "iso");
      console.log(`[${event.tag}] ${time} ${JSON.stringify(event.body)}`);
    }
    return "ok";
  },
});
