// The output that `flbc init --kind output` scaffolds: a commented plugin
// that shows each part of an output once (config, state, the events of a
// flush, the flush result, file access, log), sample events with times and
// metadata, and what the Node reference engine prints for them.
// test/init.test.ts checks that both engines print exactly `expected` for
// `events`.
import type { KindTemplate } from "./project.js";

function outputSource(name: string): string {
  return `/**
 * ${name}: a Fluent Bit output written in TypeScript, compiled to a native
 * C plugin by flbc.
 *
 * It writes each event as one line, \`<time> [<tag>] <record>\`, with the
 * record as JSON or as key=value pairs, to standard output or appended to
 * a file. Replace it with your own delivery:
 *
 *   npm run watch   recompile and rerun on records.jsonl on every save
 *   npm test        the compiled C and the Node reference must agree
 *   npm run check   type-check and subset-check, fast
 *
 * The language (what compiles, how types map to C) is described in
 * node_modules/flbc/docs/language.md; every error code in
 * node_modules/flbc/docs/diagnostics.md.
 */
import { defineOutput, formatTime, toKeyValue } from "flbc";

export default defineOutput({
  // What users write in Fluent Bit's configuration: \`name: ${name}\`.
  name: "${name}",
  description: "Writes each event as a line: time, tag and record",

  // Properties users can set, with their defaults. The default's type is the
  // property's type (string, integer, fraction, boolean; see size(), time()
  // and list() in the flbc module for the others). The comment above a key is
  // its description in Fluent Bit's config map.
  config: {
    /** How a record is written: "json", or "kv" for key=value pairs. */
    format: "json",
    /** File the lines are appended to; empty writes them to standard output. */
    path: "",
  },

  // Runs once per instance when Fluent Bit starts. What it returns is
  // \`ctx.state\`: it lives as long as the instance.
  init() {
    return { flushes: 0, events: 0 };
  },

  // Runs for every chunk of records routed to this output. Each event has
  // the record (\`body\`), its \`time\` in seconds, \`tag\` and \`metadata\`.
  // The result tells Fluent Bit what became of the chunk: "ok" (delivered),
  // "retry" (try it again later) or "error" (give up on it).
  flush(events, ctx) {
    let text = "";
    for (const event of events) {
      const record = ctx.config.format === "kv" ? toKeyValue(event.body) : JSON.stringify(event.body);
      const line = \`\${formatTime(event.time, "iso")} [\${event.tag}] \${record}\`;
      if (ctx.config.path === "") {
        console.log(line);
      } else {
        text += line + "\\n";
      }
      ctx.state.events++;
    }
    ctx.state.flushes++;
    // A failed write throws: the flush stops here and the chunk is retried.
    if (text !== "") {
      ctx.file.append(ctx.config.path, text);
    }
    return "ok";
  },

  // Runs once when Fluent Bit stops; ctx.log goes to Fluent Bit's log.
  exit(ctx) {
    ctx.log.info(\`wrote \${ctx.state.events} events in \${ctx.state.flushes} flushes\`);
  },
});
`;
}

/** Sample events, `[[time, metadata], body]` per line (`flbc run --events`). */
const events = `[[1704164645.5, {}], {"level": "info", "msg": "user logged in", "user": "alice"}]
[[1704164646.25, {"source": "api"}], {"level": "warn", "msg": "slow request", "duration_ms": 1234.5}]
[[1704164647, {}], {"level": "error", "msg": "payment failed", "order": {"id": "o-17", "total": 42}}]
`;

/** What the output prints for `events` with the default config and tag. */
const expected = `2024-01-02T03:04:05.500Z [test] {"level":"info","msg":"user logged in","user":"alice"}
2024-01-02T03:04:06.250Z [test] {"level":"warn","msg":"slow request","duration_ms":1234.5}
2024-01-02T03:04:07.000Z [test] {"level":"error","msg":"payment failed","order":{"id":"o-17","total":42}}
`;

/** A Fluent Bit dummy input whose records the output writes. */
function pipeline(name: string): string {
  return `  inputs:
    - name: dummy
      tag: app
      dummy: '{"level": "info", "msg": "user logged in", "user": "alice"}'

  outputs:
    - name: ${name}
      match: '*'
      # Every key of the plugin's config literal is a property:
      format: json
      # path: /var/log/app.log    # append to a file instead of standard output
`;
}

export function outputTemplate(name: string): KindTemplate {
  return {
    source: outputSource(name),
    sample: { file: "records.jsonl", text: events, what: "sample events, one `[[time, metadata], record]` per line" },
    expected: { file: "expected.txt", text: expected, what: "what the plugin writes for them" },
    runArgs: ["--events", "--input", "records.jsonl"],
    runs: "on the events in records.jsonl",
    pipeline: pipeline(name),
    propExample: "format=kv",
  };
}
