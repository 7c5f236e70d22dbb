// The filter that `flbc init` (`--kind filter`, the default) scaffolds: a
// commented plugin that shows each part of the API once (config, state,
// narrowing, drop, mutate, log), sample records that exercise every branch,
// and the output the Node reference engine prints for them.
// test/init.test.ts checks that both engines print exactly `expected` for
// `records`.
import type { KindTemplate } from "./project.js";

function filterSource(name: string): string {
  return `/**
 * ${name}: a Fluent Bit filter written in TypeScript, compiled to a native
 * C plugin by flbc.
 *
 * It drops records at a configurable level, masks a secret field and stamps
 * the rest with an \`env\` field. Replace it with your own logic:
 *
 *   npm run watch   recompile and rerun on records.jsonl on every save
 *   npm test        the compiled C and the Node reference must agree
 *   npm run check   type-check and subset-check, fast
 *
 * The language (what compiles, how types map to C) is described in
 * node_modules/flbc/docs/language.md; every error code in
 * node_modules/flbc/docs/diagnostics.md.
 */
import { defineFilter } from "flbc";

export default defineFilter({
  // What users write in Fluent Bit's configuration: \`name: ${name}\`.
  name: "${name}",
  description: "Drops records at one level, masks a secret, stamps env",

  // Properties users can set, with their defaults. The default's type is the
  // property's type (string, integer, fraction, boolean; see size(), time()
  // and list() in the flbc module for the others). The comment above a key is
  // its description in Fluent Bit's config map.
  config: {
    /** Records whose \`level\` is this (in any case) are dropped. */
    drop_level: "debug",
    /** Field whose string value is replaced by \`***\`. */
    secret_field: "password",
    /** Value of the \`env\` field added to every record; empty adds nothing. */
    env: "dev",
  },

  // Runs once per instance when Fluent Bit starts. What it returns is
  // \`ctx.state\`: it lives as long as the instance.
  init() {
    return { dropped: 0 };
  },

  // Runs for every record. Edit \`record\` in place and return nothing to
  // keep it; return false to drop it.
  filter(record, ctx) {
    // A field is a Value (string, number, boolean, null, array, object) or
    // undefined when missing: narrow it with typeof before using it.
    const level = record.level;
    if (typeof level === "string" && level.toLowerCase() === ctx.config.drop_level) {
      ctx.state.dropped++;
      return false;
    }
    if (typeof record[ctx.config.secret_field] === "string") {
      record[ctx.config.secret_field] = "***";
    }
    if (ctx.config.env !== "") {
      record.env = ctx.config.env;
    }
  },

  // Runs once when Fluent Bit stops; ctx.log goes to Fluent Bit's log.
  exit(ctx) {
    ctx.log.info(\`dropped \${ctx.state.dropped} records\`);
  },
});
`;
}

/** Sample input: one JSON record per line, covering each branch of the filter. */
const records = `{"level":"info","msg":"user logged in","user":"alice","password":"hunter2"}
{"level":"DEBUG","msg":"cache miss","key":"session:42"}
{"level":"warn","msg":"slow request","duration_ms":1234.5,"password":null}
{"msg":"no level here","tags":["a","b"]}
{"level":"error","msg":"payment failed","password":"s3cr3t","order":{"id":"o-17","total":42}}
`;

/** What the filter prints for `records` with the default config. */
const expected = `{"level":"info","msg":"user logged in","user":"alice","password":"***","env":"dev"}
{"level":"warn","msg":"slow request","duration_ms":1234.5,"password":null,"env":"dev"}
{"msg":"no level here","tags":["a","b"],"env":"dev"}
{"level":"error","msg":"payment failed","password":"***","order":{"id":"o-17","total":42},"env":"dev"}
`;

/** A Fluent Bit dummy input feeding the filter, whose records go to stdout. */
function pipeline(name: string): string {
  return `  inputs:
    - name: dummy
      tag: app
      dummy: '{"level": "info", "msg": "user logged in", "password": "hunter2"}'

  filters:
    - name: ${name}
      match: '*'
      # Every key of the plugin's config literal is a property:
      drop_level: debug
      secret_field: password
      env: dev

  outputs:
    - name: stdout
      match: '*'
      format: json_lines
`;
}

export function filterTemplate(name: string): KindTemplate {
  return {
    source: filterSource(name),
    sample: { file: "records.jsonl", text: records, what: "sample input, one JSON record per line" },
    expected: { file: "expected.jsonl", text: expected, what: "what the plugin prints for it" },
    runArgs: ["--input", "records.jsonl"],
    runs: "on records.jsonl",
    pipeline: pipeline(name),
    propExample: "drop_level=info",
  };
}
