// Output plugins: flush results through FLB_OUTPUT_RETURN and the host's
// retrying scheduler, exceptions, malformed chunks, file errors, and the
// same outcomes under the Node engine; the definition's own diagnostics.
// The plugins are built with ASan/UBSan where available (the workers test
// with ThreadSanitizer, which cannot be combined with ASan).
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { runNode } from "../compiler/engine/node.js";
import { buildHost, sanitizerAvailable } from "../compiler/toolchain/index.js";
import { buildPlugin, compileForTest, diagnosticsText, runC, scratchDir } from "./support/plugins.js";

const scratch = scratchDir("outputs");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

function plugin(name: string, source: string): string {
  const file = path.join(scratch, `${name}.ts`);
  fs.writeFileSync(file, source);
  return file;
}

const records = [1, 2, 3, 4, 5].map((n) => JSON.stringify({ n })).join("\n") + "\n";

/** Prints each chunk's size and sum, then returns the `result` property (a string computed at run time). */
const resultPlugin = plugin(
  "out_result",
  `import { defineOutput } from "flbc";
export default defineOutput({
  name: "result",
  config: { result: "ok", throw_it: false },
  flush(events, ctx) {
    let n = 0;
    for (const event of events) {
      const v = event.body.n;
      if (typeof v === "number") n += v;
    }
    console.log(\`chunk of \${events.length}, sum \${n}\`);
    if (ctx.config.throw_it) throw new Error("boom");
    return ctx.config.result === "ok" ? "ok" : ctx.config.result === "retry" ? "retry" : "error";
  },
});
`,
);

let built: Promise<string> | undefined;
const binary = (): Promise<string> =>
  (built ??= sanitizerAvailable().then((sanitize) => buildPlugin(resultPlugin, scratch, { sanitize })).then((b) => b.binary));

async function both(props: Record<string, string>, extra: string[] = []) {
  const c = await runC(await binary(), records, props, ["--chunk-records", "2", "--stats", ...extra]);
  const js = await runNode({ entry: resultPlugin, props, events: false, input: records, chunkRecords: 2 });
  return { c, js };
}

test("ok: every chunk flushed once, delivered", async (t) => {
  const { c, js } = await both({});
  t.is(c.code, 0, c.stderr);
  t.is(c.stdout, "chunk of 2, sum 3\nchunk of 2, sum 7\nchunk of 1, sum 5\n");
  t.regex(c.stderr, /stats: chunks=3 delivered=3 failed=0 retries=0/);
  t.is(js.stdout, c.stdout);
  t.is(js.code, 0);
});

test("retry: each chunk tried again up to retry_limit, then given up", async (t) => {
  const { c, js } = await both({ result: "retry", retry_limit: "2" });
  t.is(c.code, 1);
  t.is(c.stdout.split("\n").filter((l) => l === "chunk of 2, sum 3").length, 3);
  t.regex(c.stderr, /stats: chunks=3 delivered=0 failed=3 retries=6/);
  t.regex(c.stderr, /failed to flush chunk '1', retry in/);
  t.is(js.stdout, c.stdout);
  t.is(js.code, 1);
});

test("error: not retried", async (t) => {
  const { c, js } = await both({ result: "error" });
  t.is(c.code, 1);
  t.regex(c.stderr, /stats: chunks=3 delivered=0 failed=3 retries=0/);
  t.is(js.stdout, c.stdout);
});

test("an uncaught exception is an error with a log line", async (t) => {
  const { c, js } = await both({ throw_it: "on" });
  t.is(c.code, 1);
  t.regex(c.stderr, /boom/);
  t.regex(c.stderr, /delivered=0 failed=3 retries=0/);
  t.regex(js.stderr, /boom/);
  t.is(js.stdout, c.stdout);
});

test("a malformed chunk is not delivered: FLB_ERROR with a log line, no crash", async (t) => {
  const junk = Buffer.from([0x92, 0x92, 0xd7, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 0x80, 0x81, 0xa1, 0x6e]);
  const r = await runC(await binary(), junk, {}, ["--in", "msgpack", "--stats"]);
  t.is(r.code, 1);
  t.regex(r.stderr, /malformed chunk \(tag 'test', 16 bytes, bad event at offset 0\): not delivered/);
  t.is(r.stdout, "");
});

test("ctx.file.append: an I/O error retries the chunk", async (t) => {
  const entry = path.join(process.cwd(), "examples", "out_jsonfile.ts");
  const dir = path.join(scratch, "file");
  fs.mkdirSync(dir, { recursive: true });
  const { binary: bin } = await buildPlugin(entry, dir, { sanitize: await sanitizerAvailable() });
  const bad = { path: path.join(scratch, "no-such-dir", "x.jsonl") };
  const c = await runC(bin, records, bad, ["--stats"]);
  t.is(c.code, 1);
  t.regex(c.stderr, /file.append: cannot open '.*x.jsonl': No such file or directory/);
  t.regex(c.stderr, /failed=1 retries=1/);
  const js = await runNode({ entry, props: bad, events: false, input: records });
  t.is(js.code, 1);
  t.regex(js.stderr, /file.append: cannot write/);
  const good = { path: path.join(scratch, "out.jsonl") };
  t.is((await runC(bin, records, good)).code, 0);
  t.is(fs.readFileSync(good.path, "utf8"), '{"date":0,"n":1}\n{"date":0,"n":2}\n{"date":0,"n":3}\n{"date":0,"n":4}\n{"date":0,"n":5}\n');
});

test("ctx.file.append: the I/O error can be caught, the same in C and under Node", async (t) => {
  const entry = plugin(
    "out_catch_file",
    `import { defineOutput } from "flbc";
export default defineOutput({
  name: "catch_file",
  config: { path: "" },
  flush(events, ctx) {
    try {
      ctx.file.append(ctx.config.path, String(events.length) + "\\n");
    } catch (e) {
      console.log(e instanceof Error ? \`caught \${e.name}\` : "caught");
      return "error";
    }
    return "ok";
  },
});
`,
  );
  const dir = path.join(scratch, "catch_file");
  fs.mkdirSync(dir, { recursive: true });
  const { binary: bin } = await buildPlugin(entry, dir, { sanitize: await sanitizerAvailable() });
  const bad = { path: path.join(scratch, "no-such-dir", "x.txt") };
  const c = await runC(bin, records, bad, ["--stats"]);
  t.is(c.stdout, "caught IoError\n");
  t.regex(c.stderr, /failed=1 retries=0/);
  const js = await runNode({ entry, props: bad, events: false, input: records });
  t.is(js.stdout, c.stdout);
});

test("record keys: a flush reads literal keys through the key table, computed ones by string, as Node does", async (t) => {
  const long = "a_key_longer_than_thirty_one_bytes_x";
  const entry = plugin(
    "out_keys",
    `import { defineOutput } from "flbc";
export default defineOutput({
  name: "keys",
  config: { field: "user" },
  flush(events, ctx) {
    for (const event of events) {
      const b = event.body;
      const level = b.level;
      console.log([typeof level === "string" ? level : "-", String("user" in b), String(b[ctx.config.field]),
        String(b.${long}), String(event.body.n)].join(" "));
    }
    return "ok";
  },
});
`,
  );
  const c = compileForTest(entry).c ?? "";
  t.regex(c, /flbc_rt_set_keys\(&rt, record_keys, 4, FLBC_KEYS_COMPUTED\);/);
  t.regex(c, /flbc_rec_get_key\(&v_event->body, rkey_n\)/);
  t.regex(c, /flbc_rec_get\(v_b, ctx->field_str\)/);
  const input = [
    { level: "info", user: "ann", n: 1 },
    { n: 2, [long]: "far", level: 7 },
    { user: null, level: "warn", level2: "x", n: 3 },
    {},
  ].map((r) => JSON.stringify(r)).join("\n") + "\n";
  const dir = path.join(scratch, "keys");
  fs.mkdirSync(dir, { recursive: true });
  const { binary: bin } = await buildPlugin(entry, dir);
  const out = await runC(bin, input, {}, ["--chunk-records", "3"]);
  t.is(out.code, 0, out.stderr);
  t.is(out.stdout, "info true ann undefined 1\n- false undefined far 2\nwarn true null undefined 3\n- false undefined undefined undefined\n");
  const js = await runNode({ entry, props: {}, events: false, input, chunkRecords: 3 });
  t.is(js.stdout, out.stdout);
});

for (const [what, def, message] of [
  ["workers must be a literal integer", "workers: 2.5,", "`workers` must be an integer from 0 to 64."],
  ["net must be a literal boolean", "net: 1 === 1,", "`net` must be true or false."],
] as const) {
  test(`diagnostic: ${what}`, (t) => {
    const file = plugin(`bad_${what.split(" ")[0]}`, `import { defineOutput } from "flbc";
export default defineOutput({ name: "bad", ${def} flush() { return "ok"; } });
`);
    const r = compileForTest(file);
    t.false(r.ok);
    t.true(diagnosticsText(r).includes(message), diagnosticsText(r));
  });
}

const workersPlugin = plugin(
  "out_workers",
  `import { defineOutput, toJsonLine } from "flbc";
export default defineOutput({
  name: "pool",
  workers: 4,
  config: { prefix: "w" },
  init(config) { return { label: config.prefix + "-" + "pool" }; },
  flush(events, ctx) {
    let lines = "";
    for (const event of events) {
      lines += ctx.state.label + " " + toJsonLine(event) + "\\n";
    }
    if (lines.length > 0) console.log(lines.slice(0, lines.length - 1));
    return "ok";
  },
});
`,
);

test("workers: 4 flushes at once, every chunk delivered once, same records as Node; ThreadSanitizer finds nothing", async (t) => {
  const input = Array.from({ length: 400 }, (_, i) => JSON.stringify({ i, msg: "x".repeat(i % 50) })).join("\n") + "\n";
  const dir = path.join(scratch, "workers");
  fs.mkdirSync(dir, { recursive: true });
  const result = compileForTest(workersPlugin);
  t.regex(result.c!, /\.workers\s+= 4,/);
  const pluginC = path.join(dir, "out_pool.c");
  fs.writeFileSync(pluginC, result.c!);
  const sorted = (text: string) => text.split("\n").filter((l) => l !== "").sort();
  const js = await runNode({ entry: workersPlugin, props: {}, events: false, input, chunkRecords: 1 });
  let built: { binary: string };
  try {
    built = await buildHost({ pluginC, symbol: "out_pool_plugin", kind: "output", outDir: dir, optimize: false, extraFlags: ["-fsanitize=thread", "-pthread"] });
  } catch (e) {
    t.log(`ThreadSanitizer unavailable: ${(e as Error).message.split("\n")[0]}; plain build`);
    built = await buildHost({ pluginC, symbol: "out_pool_plugin", kind: "output", outDir: dir });
  }
  const c = await runC(built.binary, input, {}, ["--chunk-records", "1", "--stats"]);
  t.is(c.code, 0, c.stderr);
  t.notRegex(c.stderr, /ThreadSanitizer|data race/);
  t.regex(c.stderr, /stats: chunks=400 delivered=400 failed=0/);
  t.deepEqual(sorted(c.stdout), sorted(js.stdout));
  t.is(sorted(c.stdout).length, 400);
});

test("diagnostic: workers above 1 and a flush that changes ctx.state", (t) => {
  const file = plugin("bad_state", `import { defineOutput } from "flbc";
export default defineOutput({
  name: "bad", workers: 2,
  init() { return { n: 0 }; },
  flush(events, ctx) { ctx.state.n += events.length; return "ok"; },
});
`);
  const r = compileForTest(file);
  t.false(r.ok);
  t.true(diagnosticsText(r).includes("FLBC1221"), diagnosticsText(r));
});
