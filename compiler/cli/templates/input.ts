// The input that `flbc init --kind input` scaffolds: a commented plugin
// that shows each part of an input once (config, interval, state, emit,
// tag, log), how it is run (a fixed number of records, no waiting between
// collects, so that a run is quick and its output fixed), and what the
// Node reference engine prints. test/init.test.ts checks that both engines
// print exactly `expected`.
import type { KindTemplate } from "./project.js";

/** Records a run emits: enough to show the every-third warning. */
const count = 5;

function inputSource(name: string): string {
  return `/**
 * ${name}: a Fluent Bit input written in TypeScript, compiled to a native
 * C plugin by flbc.
 *
 * Every interval it emits one record: a sequence number, a level (every
 * \`warn_every\`-th record is a warning) and a configurable message. Replace
 * it with your own source (\`readFileFrom\` follows a file, \`hostname()\`
 * names the machine):
 *
 *   npm run watch   recompile and rerun on every save
 *   npm test        the compiled C and the Node reference must agree
 *   npm run check   type-check and subset-check, fast
 *
 * \`npm run run\` stops after ${count} records and does not wait for the
 * interval between them (\`--count ${count} --no-wait\`); \`--duration 10\` runs
 * for ten seconds in real time instead.
 *
 * The language (what compiles, how types map to C) is described in
 * node_modules/flbc/docs/language.md; every error code in
 * node_modules/flbc/docs/diagnostics.md.
 */
import { defineInput } from "flbc";

export default defineInput({
  // What users write in Fluent Bit's configuration: \`name: ${name}\`.
  name: "${name}",
  description: "Emits a numbered record every interval",

  // Properties users can set, with their defaults. The default's type is the
  // property's type (string, integer, fraction, boolean; see size(), time()
  // and list() in the flbc module for the others). The comment above a key is
  // its description in Fluent Bit's config map. Every input also has
  // Fluent Bit's \`tag\` property.
  config: {
    /** Text of the \`message\` field. */
    message: "hello",
    /** Every how many records one is a warning; 0: none. */
    warn_every: 3,
  },

  // How often collect runs: seconds (a fraction is fine) or a duration,
  // "500ms", "10s", "1m".
  interval: "1s",

  // Runs once per instance when Fluent Bit starts. What it returns is
  // \`ctx.state\`: it lives as long as the instance.
  init() {
    return { seq: 0 };
  },

  // Runs every interval. ctx.emit appends a record, stamped with the current
  // time unless a time is passed; Fluent Bit routes it by ctx.tag.
  collect(ctx) {
    ctx.state.seq++;
    const warn = ctx.config.warn_every > 0 && ctx.state.seq % ctx.config.warn_every === 0;
    ctx.emit({ seq: ctx.state.seq, level: warn ? "warn" : "info", message: ctx.config.message, tag: ctx.tag });
  },

  // Runs once when Fluent Bit stops; ctx.log goes to Fluent Bit's log.
  exit(ctx) {
    ctx.log.info(\`emitted \${ctx.state.seq} records\`);
  },
});
`;
}

/** What a run prints with the default config: the tag defaults to the instance's name. */
function expected(name: string): string {
  return Array.from({ length: count }, (_, i) => {
    const seq = i + 1;
    return `{"seq":${seq},"level":"${seq % 3 === 0 ? "warn" : "info"}","message":"hello","tag":"${name}.0"}\n`;
  }).join("");
}

/** The input feeding Fluent Bit's stdout output. */
function pipeline(name: string): string {
  return `  inputs:
    - name: ${name}
      tag: ${name}
      # Every key of the plugin's config literal is a property:
      message: hello
      warn_every: 3

  outputs:
    - name: stdout
      match: '*'
      format: json_lines
`;
}

export function inputTemplate(name: string): KindTemplate {
  return {
    source: inputSource(name),
    expected: { file: "expected.jsonl", text: expected(name), what: `the ${count} records a run prints` },
    runArgs: ["--count", String(count), "--no-wait"],
    runs: `until it has emitted ${count} records`,
    pipeline: pipeline(name),
    propExample: "message=hi",
  };
}
