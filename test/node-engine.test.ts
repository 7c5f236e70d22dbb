// The Node reference engine (compiler/engine/) and the `flbc` module
// (stdlib/): examples against their expected output, properties, filter
// results, events mode, exceptions; and the declarations type-check as user
// programs see them (noLib + lib.flbc.d.ts).
import test from "ava";
import { ts } from "@ts-morph/bootstrap";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runNode, loadPluginDescriptor } from "../compiler/engine/node.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const examplesDir = path.join(root, "examples");
const apiFile = path.join(root, "stdlib", "flbc.d.ts");
const libFile = path.join(root, "stdlib", "lib.flbc.d.ts");
const examples = fs
  .readdirSync(examplesDir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => f.slice(0, -3))
  .sort();

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-node-engine-"));
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Writes a plugin source to the scratch dir; returns its path. */
function plugin(name: string, source: string): string {
  const file = path.join(scratch, `${name}.ts`);
  fs.writeFileSync(file, source);
  return file;
}

const jsonl = (...values: unknown[]): string => values.map((v) => `${JSON.stringify(v)}\n`).join("");

/* ---------------------------------------------------------------- examples */

test("there are at least three examples", (t) => {
  t.true(examples.length >= 3, examples.join(", "));
});

// Filters: outputs and inputs (out_*, in_*) need run settings (<name>.run.json)
// and are compared with their expected output by test/examples.test.ts.
for (const name of examples.filter((n) => !/^(out|in)_/.test(n))) {
  test(`example ${name}: output matches ${name}.expected.jsonl`, async (t) => {
    const input = fs.readFileSync(path.join(examplesDir, `${name}.jsonl`), "utf8");
    const expected = fs.readFileSync(path.join(examplesDir, `${name}.expected.jsonl`), "utf8");
    const result = await runNode({ entry: path.join(examplesDir, `${name}.ts`), props: {}, events: false, input });
    t.is(result.code, 0, result.stderr);
    t.is(result.stdout, expected);
  });
}

test("example redact: properties change the mask and what is revealed", async (t) => {
  const result = await runNode({
    entry: path.join(examplesDir, "redact.ts"),
    props: { MASK: "[hidden]", Reveal: "0", mask_non_strings: "on" },
    events: false,
    input: jsonl({ password: "hunter2" }, { password: 42 }, { password: null }, { other: 1 }),
  });
  t.is(result.code, 0, result.stderr);
  t.is(result.stdout, jsonl({ password: "[hidden]" }, { password: "[hidden]" }, { password: null }, { other: 1 }));
  t.is(result.stderr, "[info] [filter:redact:redact.0] masked 2 records\n");
});

test("example level_filter: min_level and keep_unknown from properties", async (t) => {
  const result = await runNode({
    entry: path.join(examplesDir, "level_filter.ts"),
    props: { min_level: "ERROR", keep_unknown: "off" },
    events: false,
    input: jsonl({ level: "warn" }, { level: "Error" }, { level: "fatal" }, { msg: "none" }),
  });
  t.is(result.code, 0, result.stderr);
  t.is(result.stdout, jsonl({ level: "Error" }, { level: "fatal" }));
});

test("example level_filter: a bad min_level is reported once and keeps every record", async (t) => {
  const result = await runNode({
    entry: path.join(examplesDir, "level_filter.ts"),
    props: { min_level: "loud" },
    events: false,
    input: jsonl({ level: "debug" }, { level: "trace" }),
  });
  t.is(result.stdout, jsonl({ level: "debug" }, { level: "trace" }));
  t.is(
    result.stderr.split("\n").filter((l) => l.startsWith("[error]")).join("\n"),
    "[error] [filter:level_filter:level_filter.0] unknown min_level 'loud': keeping every record",
  );
});

/* -------------------------------------------------------------- properties */

const configPlugin = plugin(
  "config_types",
  `import { defineFilter, int, double, size, time, list, optional } from "flbc";
export default defineFilter({
  name: "config_types",
  config: {
    text: "a", count: 64, ratio: 0.5, flag: false, whole: double(2), n: int(3),
    buffer: size("5M"), period: time("10s"), keys: list(["a", "b"]), maybe: optional("int"),
  },
  filter(record, ctx) {
    record.config = {
      text: ctx.config.text, count: ctx.config.count, ratio: ctx.config.ratio, flag: ctx.config.flag,
      whole: ctx.config.whole, n: ctx.config.n, buffer: ctx.config.buffer, period: ctx.config.period,
      keys: ctx.config.keys, maybe: ctx.config.maybe ?? null,
    };
  },
});
`,
);

async function configWith(props: Record<string, string>) {
  return runNode({ entry: configPlugin, props, events: false, input: "{}\n" });
}

test("properties: defaults, markers included", async (t) => {
  const result = await configWith({});
  t.is(result.code, 0, result.stderr);
  t.deepEqual(JSON.parse(result.stdout).config, {
    text: "a", count: 64, ratio: 0.5, flag: false, whole: 2, n: 3,
    buffer: 5000000, period: 10, keys: ["a", "b"], maybe: null,
  });
});

test("properties: keys are case-insensitive and values converted to the default's type", async (t) => {
  const result = await configWith({
    TEXT: "hello world", Count: "-12", ratio: "1.25", FLAG: "Yes", whole: "3",
    buffer: "1.5k", period: "2m", keys: " x , y,,z ", maybe: "7",
  });
  t.is(result.code, 0, result.stderr);
  t.deepEqual(JSON.parse(result.stdout).config, {
    text: "hello world", count: -12, ratio: 1.25, flag: true, whole: 3, n: 3,
    buffer: 1500, period: 120, keys: ["x", "y", "z"], maybe: 7,
  });
});

test("properties: Fluent Bit's booleans (true/on/yes, false/off/no; not 1/0)", async (t) => {
  for (const [text, value] of [["on", true], ["TRUE", true], ["no", false], ["Off", false]] as const) {
    const result = await configWith({ flag: text });
    t.is(JSON.parse(result.stdout).config.flag, value, text);
  }
  const result = await configWith({ flag: "1" });
  t.is(result.code, 1);
  t.is(result.stdout, "");
  t.is(result.stderr, "[error] [config map] invalid value for boolean property 'flag=1'\n");
});

test("properties: an unknown key is an error", async (t) => {
  const result = await configWith({ nope: "1" });
  t.is(result.code, 1);
  t.is(result.stdout, "");
  t.is(result.stderr, "[error] [config] config_types: unknown configuration property 'nope'\n");
});

test("properties: invalid values for their type are errors", async (t) => {
  const cases: Record<string, string> = {
    count: "12abc", ratio: "fast", buffer: "10b", period: "1.5h", n: "99999999999",
  };
  for (const [key, text] of Object.entries(cases)) {
    const result = await configWith({ [key]: text });
    t.is(result.code, 1, key);
    t.regex(result.stderr, new RegExp(`invalid value for \\w+ property '${key}=`), key);
  }
});

test("properties: the same key twice (in different case) is an error", async (t) => {
  const result = await configWith({ text: "a", TEXT: "b" });
  t.is(result.code, 1);
  t.regex(result.stderr, /is set 2 times/);
});

/* ---------------------------------------------------------- filter results */

const resultsPlugin = plugin(
  "results",
  `import { defineFilter } from "flbc";
export default defineFilter({
  name: "results",
  init() { return { calls: 0 }; },
  filter(record, ctx) {
    ctx.state.calls++;
    const action = record.action;
    if (action === "drop") return false;
    if (action === "keep") return true;
    if (action === "replace") return { replaced: true, calls: ctx.state.calls };
    if (action === "split") return [{ part: 1 }, { part: 2 }, { part: 3 }];
    if (action === "none") return [];
    if (action === "retime") { ctx.time = ctx.time + 0.25; return; }
    if (action === "throw") { record.touched = true; delete record.action; throw new Error("bad record " + ctx.tag); }
    if (action === "meta") { record.seen = ctx.metadata.source ?? null; return; }
    record.mutated = true;
  },
  exit(ctx) { ctx.log.warn("calls " + ctx.state.calls); },
});
`,
);

test("filter results: drop, keep, mutate, replace, split, empty split", async (t) => {
  const result = await runNode({
    entry: resultsPlugin,
    props: {},
    events: false,
    input: jsonl(
      { action: "keep", a: 1 },
      { action: "drop" },
      { action: "mutate" },
      { action: "replace" },
      { action: "split" },
      { action: "none" },
    ),
  });
  t.is(result.code, 0, result.stderr);
  t.is(
    result.stdout,
    jsonl(
      { action: "keep", a: 1 },
      { action: "mutate", mutated: true },
      { replaced: true, calls: 4 },
      { part: 1 },
      { part: 2 },
      { part: 3 },
    ),
  );
  t.is(result.stderr, "[warn] [filter:results:results.0] calls 6\n");
});

test("a thrown exception is logged and the record passes as it was before the call", async (t) => {
  const result = await runNode({
    entry: resultsPlugin,
    props: {},
    tag: "app.log",
    events: false,
    input: jsonl({ action: "throw", nested: { x: [1, 2] } }, { action: "keep" }),
  });
  t.is(result.code, 0);
  t.is(result.stdout, jsonl({ action: "throw", nested: { x: [1, 2] } }, { action: "keep" }));
  t.is(
    result.stderr,
    "[error] [filter:results:results.0] bad record app.log\n[warn] [filter:results:results.0] calls 2\n",
  );
});

test("events mode: time and metadata are preserved, ctx.time is assignable", async (t) => {
  const result = await runNode({
    entry: resultsPlugin,
    props: {},
    events: true,
    input: jsonl(
      [[1700000000.5, { source: "kube" }], { action: "meta" }],
      [[12, {}], { action: "retime" }],
      [[3, { m: [1] }], { action: "split" }],
      [7, { action: "keep" }],
    ),
  });
  t.is(result.code, 0, result.stderr);
  t.is(
    result.stdout,
    jsonl(
      [[1700000000.5, { source: "kube" }], { action: "meta", seen: "kube" }],
      [[12.25, {}], { action: "retime" }],
      [[3, { m: [1] }], { part: 1 }],
      [[3, { m: [1] }], { part: 2 }],
      [[3, { m: [1] }], { part: 3 }],
      [[7, {}], { action: "keep" }],
    ),
  );
});

test("input: blank lines are skipped; invalid JSON stops with its line number", async (t) => {
  const result = await runNode({
    entry: resultsPlugin,
    props: {},
    events: false,
    input: '\n{"action":"keep"}\n\n{not json}\n{"action":"keep"}\n',
  });
  t.is(result.code, 1);
  t.is(result.stdout, jsonl({ action: "keep" }));
  t.regex(result.stderr, /^line 4: invalid JSON/m);
});

test("input: a body must be an object; events must be [[time, metadata], body]", async (t) => {
  const bodies = await runNode({ entry: resultsPlugin, props: {}, events: false, input: "[1, {}]\n" });
  t.is(bodies.code, 1);
  t.regex(bodies.stderr, /^line 1: expected a JSON object/m);
  const events = await runNode({ entry: resultsPlugin, props: {}, events: true, input: '{"a":1}\n' });
  t.is(events.code, 1);
  t.regex(events.stderr, /^line 1: expected \[\[time, metadata\], body\]/m);
});

test("console.log writes a line to stdout, objects as JSON", async (t) => {
  const entry = plugin(
    "console",
    `import { defineFilter } from "flbc";
export default defineFilter({ name: "console", filter(record) { console.log("saw", record.n, record, undefined); } });
`,
  );
  const result = await runNode({ entry, props: {}, events: false, input: jsonl({ n: 1.5 }) });
  t.is(result.stdout, `saw 1.5 {"n":1.5} undefined\n${jsonl({ n: 1.5 })}`);
});

test("a module without a plugin default export is an error", async (t) => {
  const entry = plugin("not_a_plugin", "export default 42;\n");
  const result = await runNode({ entry, props: {}, events: false, input: "" });
  t.is(result.code, 1);
  t.regex(result.stderr, /the default export must be defineFilter/);
});

/* ------------------------------------------------------------------ stdlib */

test("define* return frozen descriptors with plain defaults and a typed config map", async (t) => {
  const descriptor = await loadPluginDescriptor(configPlugin);
  t.is(descriptor.kind, "filter");
  t.true(Object.isFrozen(descriptor));
  t.is(descriptor.config.buffer, 5000000);
  t.deepEqual(
    Object.fromEntries(Object.entries(descriptor.configMap).map(([k, e]) => [k, e.type])),
    {
      text: "str", count: "int", ratio: "double", flag: "bool", whole: "double", n: "int",
      buffer: "size", period: "time", keys: "clist", maybe: "int",
    },
  );
  t.true(descriptor.configMap.maybe!.optional);
});

test("config conversions follow Fluent Bit (sizes in powers of 1000, times with s/m/h/d)", async (t) => {
  const config = (await import(pathToFileURL(path.join(root, "stdlib", "config.js")).href)) as {
    parseSize(s: string): number | undefined;
    parseTime(s: string): number | undefined;
    parseList(s: string): string[];
  };
  t.is(config.parseSize("5M"), 5000000);
  t.is(config.parseSize("64k"), 64000);
  t.is(config.parseSize("2GB"), 2000000000);
  t.is(config.parseSize("512"), 512);
  t.is(config.parseSize("false"), 0);
  t.is(config.parseSize("5MiB"), undefined);
  t.is(config.parseTime("10s"), 10);
  t.is(config.parseTime("5M"), 300);
  t.is(config.parseTime("1h"), 3600);
  t.is(config.parseTime("2d"), 172800);
  t.is(config.parseTime("soon"), undefined);
  t.deepEqual(config.parseList("a, b ,, c"), ["a", "b", "c"]);
});

/* ------------------------------------------------------------ type checking */

/** Compiler options of user programs (mirrors compiler/program/loadProgram.ts). */
const userOptions: ts.CompilerOptions = {
  strict: true,
  noLib: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  noEmit: true,
  paths: { flbc: [apiFile] },
};

function typeCheck(files: string[]): { program: ts.Program; messages: string[] } {
  const program = ts.createProgram([libFile, ...files], userOptions);
  const messages = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  return { program, messages };
}

test("lib.flbc.d.ts and flbc.d.ts type-check under noLib with no diagnostics", (t) => {
  const entry = plugin("empty", `import type { Value } from "flbc";\nexport const v: Value = null;\n`);
  t.deepEqual(typeCheck([apiFile, entry]).messages, []);
});

for (const name of examples) {
  test(`example ${name} type-checks under noLib with no diagnostics`, (t) => {
    t.deepEqual(typeCheck([path.join(examplesDir, `${name}.ts`)]).messages, []);
  });
}

test("types: config and state are inferred; typos and unsupported built-ins are errors", (t) => {
  const entry = plugin(
    "inference",
    `import { defineFilter, size, optional } from "flbc";
export default defineFilter({
  name: "inference",
  config: { field: "password", max_len: 64, on: false, buf: size("1M"), maybe: optional("string") },
  init(config) { return { masked: 0, limit: config.max_len }; },
  filter(record, ctx) {
    ctx.state.masked++;
    const probe = [ctx.config.max_len, ctx.config.field, ctx.config.on, ctx.config.buf, ctx.config.maybe, ctx.state, record.x];
    ctx.config.feild;
    "x".normalize();
    ctx.tag = "other";
  },
});
`,
  );
  const { program, messages } = typeCheck([entry]);
  t.is(messages.length, 3, messages.join("\n"));
  t.regex(messages[0]!, /^inference\.ts:9 TS2551: Property 'feild' does not exist on type 'ConfigValues<.*Did you mean 'field'\?$/);
  t.regex(messages[1]!, /^inference\.ts:10 TS\d+: Property 'normalize' does not exist on type '"x"'/);
  t.is(messages[2], "inference.ts:11 TS2540: Cannot assign to 'tag' because it is a read-only property.");
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry)!;
  const probe = findArray(source);
  t.deepEqual(
    probe.elements.map((e) => checker.typeToString(checker.getTypeAtLocation(e))),
    ["number", "string", "boolean", "number", "string | undefined", "{ masked: number; limit: number; }", "Value | undefined"],
  );
});

test("types: without init the state is undefined; filter results are checked", (t) => {
  const entry = plugin(
    "results_types",
    `import { defineFilter } from "flbc";
export const a = defineFilter({ name: "a", filter(record, ctx) { const s: undefined = ctx.state; return [record, { b: 1 }]; } });
export const b = defineFilter({ name: "b", filter() { return 1; } });
`,
  );
  const { messages } = typeCheck([entry]);
  t.is(messages.length, 1, messages.join("\n"));
  t.regex(messages[0]!, /^results_types\.ts:3 TS2322: .*not assignable to type 'FilterResult'/s);
});

function findArray(node: ts.Node): ts.ArrayLiteralExpression {
  if (ts.isArrayLiteralExpression(node)) {
    return node;
  }
  const found = ts.forEachChild(node, (child) => findArrayOrUndefined(child));
  if (found === undefined) {
    throw new Error("no array literal");
  }
  return found;
}

function findArrayOrUndefined(node: ts.Node): ts.ArrayLiteralExpression | undefined {
  return ts.isArrayLiteralExpression(node) ? node : ts.forEachChild(node, findArrayOrUndefined);
}
