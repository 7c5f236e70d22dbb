import { byteLength, defineInput, readFileFrom } from "flbc";

/** Follows a file: each round turns the lines appended since the last one into records. */
export default defineInput({
  name: "tail_lines",
  config: {
    /** The file to follow. */
    path: "/var/log/app.log",
    /** Start at the end of the file (skip what is already there). */
    from_end: false,
  },
  interval: "500ms",
  init(config) {
    return { offset: config.from_end ? byteLength(readFileFrom(config.path, 0)) : 0 };
  },
  collect(ctx) {
    const text = readFileFrom(ctx.config.path, ctx.state.offset);
    const end = text.lastIndexOf("\n");
    if (end < 0) {
      return; // no complete line yet
    }
    const complete = text.slice(0, end + 1);
    ctx.state.offset += byteLength(complete);
    for (const line of complete.split("\n")) {
      if (line !== "") {
        ctx.emit({ log: line, file: ctx.config.path });
      }
    }
  },
});
