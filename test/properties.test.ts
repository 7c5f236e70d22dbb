// Property values at the edges of Fluent Bit's config map, through a
// generated plugin in the host and under Node: a string given an empty
// value is the empty string (Fluent Bit leaves its member NULL), and a
// typed property given an empty or half-numeric value is rejected by both
// engines instead of silently becoming 0 or 12; a list property reads as
// a read-only array of its items. The plugins are built with ASan/UBSan
// where available: a rejected value must not leak on its way out.
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { sanitizerAvailable } from "../compiler/toolchain/index.js";
import { buildPlugin, parseLines, runC, runJs, scratchDir } from "./support/plugins.js";

const scratch = scratchDir("properties");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

const entry = path.join(scratch, "props.ts");
fs.writeFileSync(
  entry,
  `import { defineFilter, size, time } from "flbc";
export default defineFilter({
  name: "props",
  config: { label: "default", count: 3, ratio: 0.5, enabled: true, limit: size("1K"), period: time("5s") },
  filter(record, ctx) {
    const c = ctx.config;
    record.seen = \`label=[\${c.label}] count=\${c.count} ratio=\${c.ratio} enabled=\${c.enabled} limit=\${c.limit} period=\${c.period}\`;
    return record;
  },
});
`,
);

let built: Promise<string> | undefined;
const binary = (): Promise<string> => (built ??= sanitizerAvailable().then((sanitize) => buildPlugin(entry, scratch, { sanitize })).then((b) => b.binary));
const input = '{"n":1}\n';

test("a string property given an empty value is the empty string in both engines", async (t) => {
  const c = await runC(await binary(), input, { label: "" });
  t.is(c.code, 0, c.stderr);
  const js = await runJs(entry, input, { label: "" });
  t.is(js.code, 0, js.stderr);
  const expected = [{ n: 1, seen: "label=[] count=3 ratio=0.5 enabled=true limit=1000 period=5" }];
  t.deepEqual(parseLines(c.stdout), expected);
  t.deepEqual(parseLines(js.stdout), expected);
});

for (const key of ["count", "ratio", "enabled", "limit", "period", "arena_limit"]) {
  test(`${key} given an empty value is rejected, not zero`, async (t) => {
    const c = await runC(await binary(), input, { [key]: "" });
    t.is(c.code, 1);
    t.regex(c.stderr, new RegExp(`invalid value for property '${key}': expected `));
    t.is(c.stdout, "");
    if (key === "arena_limit") return; // the runtime's own property: Node has no arena
    const js = await runJs(entry, input, { [key]: "" });
    t.not(js.code, 0);
    t.regex(js.stderr, new RegExp(`invalid value for \\w+ property '${key}='`));
  });
}

test("an INT or DOUBLE with trailing text is rejected, not read by atoi/atof", async (t) => {
  for (const [key, value] of [["count", "12abc"], ["ratio", "0.5x"]] as const) {
    const c = await runC(await binary(), input, { [key]: value });
    t.is(c.code, 1, `${key}=${value}`);
    t.regex(c.stderr, new RegExp(`invalid value for property '${key}'`));
    const js = await runJs(entry, input, { [key]: value });
    t.not(js.code, 0);
  }
});

const listEntry = path.join(scratch, "list.ts");
fs.writeFileSync(
  listEntry,
  `import { defineFilter, list } from "flbc";
export default defineFilter({
  name: "lists",
  config: { keys: list(["a", "b"]), drop: list([]) },
  init(config) {
    return { first: config.keys.at(0) ?? "" };
  },
  filter(record, ctx) {
    record.n = ctx.config.keys.length;
    for (const k of ctx.config.keys) record[k] = 1;
    record.joined = ctx.config.keys.map((k) => k.toUpperCase()).join("|");
    record.has_b = ctx.config.keys.includes("b");
    record.first = ctx.state.first;
    const { drop } = ctx.config;
    for (const k of drop) delete record[k];
  },
});
`,
);

let listBuilt: Promise<string> | undefined;
const listBinary = (): Promise<string> => (listBuilt ??= sanitizerAvailable().then((sanitize) => buildPlugin(listEntry, path.join(scratch, "list"), { sanitize })).then((b) => b.binary));

for (const [label, props, expected] of [
  ["its default", {}, { x: 1, y: 2, n: 2, a: 1, b: 1, joined: "A|B", has_b: true, first: "a" }],
  ["a comma-separated value, items trimmed, empty ones skipped", { keys: "p, q ,,r", drop: "x" }, { y: 2, n: 3, p: 1, q: 1, r: 1, joined: "P|Q|R", has_b: false, first: "p" }],
  ["an empty value (no items)", { keys: "" }, { x: 1, y: 2, n: 0, joined: "", has_b: false, first: "" }],
] as const) {
  test(`a list property is an array of strings in both engines: ${label}`, async (t) => {
    fs.mkdirSync(path.join(scratch, "list"), { recursive: true });
    const records = '{"x":1,"y":2}\n';
    const c = await runC(await listBinary(), records, props);
    t.is(c.code, 0, c.stderr);
    const js = await runJs(listEntry, records, props);
    t.is(js.code, 0, js.stderr);
    t.deepEqual(parseLines(c.stdout), [expected]);
    t.deepEqual(parseLines(js.stdout), [expected]);
  });
}
