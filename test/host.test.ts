// The local host (runtime-c/host/) and the toolchain driver
// (compiler/toolchain/), exercised with a hand-written filter plugin,
// test/fixtures/host/filter_level.c: it drops records whose `level` is in
// `drop_levels` (default "debug") and sets `seen: true` on the others unless
// `mark` is off.
import test from "ava";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  amalgamateRuntime,
  buildHost,
  compileCheck,
  findCompiler,
  fluentBitFlags,
  hostExit,
  hostIncludeDir,
  runAttached,
  runHost,
  sanitizerAvailable,
  writeRuntimeHeader,
} from "../compiler/toolchain/index.js";
import { buildPlugin, runC } from "./support/plugins.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = path.join(root, "test", "fixtures", "host", "filter_level.c");
const symbol = "filter_level_plugin";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-host-test-"));
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

// Deterministic log lines: no timestamp.
const env = { FLBC_HOST_LOG_NOTIME: "1" };

let built: Promise<string> | undefined;
function host(): Promise<string> {
  built ??= buildHost({ pluginC: fixture, symbol, kind: "filter", outDir: scratch }).then(
    (r) => r.binary,
  );
  return built;
}

async function run(args: string[], input: string | Buffer, binary?: string) {
  return runHost(binary ?? (await host()), args, input, { env });
}

const lines = (...records: unknown[]): string =>
  records.map((r) => JSON.stringify(r)).join("\n") + "\n";

test("JSON bodies in and out: drops debug records, marks the others", async (t) => {
  const r = await run(
    [],
    lines({ level: "info", msg: "a" }, { level: "debug" }, { n: 1.5, list: [1, { x: null }] }) +
      "\n   \n",
  );
  t.is(r.code, 0, r.stderr);
  t.is(
    r.stdout.toString(),
    lines({ level: "info", msg: "a", seen: true }, { n: 1.5, list: [1, { x: null }], seen: true }),
  );
  t.is(r.stderr, "[ info] [filter:level:level.0] dropped 1 records\n");
});

test("floats stay floats: 1.0 prints as 1.0", async (t) => {
  const r = await run(["-p", "mark=off"], '{"a":1.0,"b":1}\n');
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout.toString(), '{"a":1.0,"b":1}\n');
});

test("--events round-trips time (to the nanosecond) and metadata", async (t) => {
  const input =
    '[[1700000000.123456789,{"trace":"x"}],{"level":"info"}]\n' +
    '[[1700000001,{}],{"level":"info","k":[1,2]}]\n' +
    '[[0.5,{"m":{"n":1}}],{"level":"debug"}]\n';
  const r = await run(["--events"], input);
  t.is(r.code, 0, r.stderr);
  t.is(
    r.stdout.toString(),
    '[[1700000000.123456789,{"trace":"x"}],{"level":"info","seen":true}]\n' +
      '[[1700000001,{}],{"level":"info","k":[1,2],"seen":true}]\n',
  );
});

test("--events accepts the older [time, body] form with empty metadata", async (t) => {
  const r = await run(["--events", "-p", "mark=off"], '[1.25,{"a":1}]\n[ 3.000000001 , {"c":1}]\n');
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout.toString(), '[[1.25,{}],{"a":1}]\n[[3.000000001,{}],{"c":1}]\n');
});

test("plain bodies get time 0 and empty metadata", async (t) => {
  const mp = await run(["--out", "msgpack", "-p", "mark=off"], '{"a":1}\n');
  t.is(mp.code, 0, mp.stderr);
  const ev = await run(["--in", "msgpack", "--events", "-p", "mark=off"], mp.stdout);
  t.is(ev.code, 0, ev.stderr);
  t.is(ev.stdout.toString(), '[[0,{}],{"a":1}]\n');
});

test("chunks are encoded as Fluent Bit's log event encoder writes them", async (t) => {
  const r = await run(["--out", "msgpack", "-p", "mark=off"], '{"a":1}\n');
  t.is(r.code, 0, r.stderr);
  // [[EventTime(0, 0), {}], {"a": 1}]: fixarray 2, fixarray 2, fixext8 type 0.
  t.deepEqual(
    [...r.stdout],
    [0x92, 0x92, 0xd7, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x81, 0xa1, 0x61, 0x01],
  );
});

test("NOTOUCH passes the input chunk through byte for byte (msgpack mode)", async (t) => {
  const records = Array.from({ length: 5 }, (_, i) => ({ i, level: "info", s: "é\u0000x" }));
  const mp = await run(["--out", "msgpack", "-p", "mark=off"], lines(...records));
  t.is(mp.code, 0, mp.stderr);
  const r = await run(
    ["--in", "msgpack", "--out", "msgpack", "-p", "mark=off", "--trace"],
    mp.stdout,
  );
  t.is(r.code, 0, r.stderr);
  t.true(r.stdout.equals(mp.stdout));
  t.regex(r.stderr, /^chunk 1: in=5 out=5 result=NOTOUCH$/m);
});

test("records are grouped into chunks of --chunk-records", async (t) => {
  const records = Array.from({ length: 10 }, (_, i) => ({ i, level: i === 4 ? "debug" : "info" }));
  const r = await run(["--chunk-records", "3", "--trace", "-p", "mark=off"], lines(...records));
  t.is(r.code, 0, r.stderr);
  t.is(
    r.stdout.toString(),
    lines(...records.filter((x) => x.level !== "debug")),
  );
  const trace = r.stderr.split("\n").filter((l) => l.startsWith("chunk "));
  t.deepEqual(trace, [
    "chunk 1: in=3 out=3 result=NOTOUCH",
    "chunk 2: in=3 out=2 result=MODIFIED",
    "chunk 3: in=3 out=3 result=NOTOUCH",
    "chunk 4: in=1 out=1 result=NOTOUCH",
  ]);
});

test("msgpack input is split on event boundaries into chunks", async (t) => {
  const records = Array.from({ length: 7 }, (_, i) => ({ i }));
  const mp = await run(["--out", "msgpack", "-p", "mark=off"], lines(...records));
  const r = await run(["--in", "msgpack", "--chunk-records", "2", "--trace"], mp.stdout);
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout.toString(), lines(...records.map((x) => ({ ...x, seen: true }))));
  t.is(r.stderr.split("\n").filter((l) => l.startsWith("chunk ")).length, 4);
});

test("properties: keys are case-insensitive, lists and ${VAR} are expanded", async (t) => {
  const r = await runHost(
    await host(),
    ["-p", "DROP_LEVELS= trace , info", "-p", "Mark_Key=${FLBC_TEST_KEY}", "-p", "alias=lv"],
    lines({ level: "info" }, { level: "trace" }, { level: "debug" }),
    { env: { ...env, FLBC_TEST_KEY: "checked" } },
  );
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout.toString(), lines({ level: "debug", checked: true }));
  t.is(r.stderr, "[ info] [filter:level:lv] dropped 2 records\n");
});

test("an unknown property fails like Fluent Bit", async (t) => {
  const r = await run(["-p", "colour=red"], lines({ a: 1 }));
  t.is(r.code, 1);
  t.is(r.stdout.length, 0);
  t.is(
    r.stderr,
    "[error] [config] level: unknown configuration property 'colour'. The following " +
      "properties are allowed: drop_levels, mark, mark_key, max_fields, and fail_init.\n",
  );
});

test("generic filter properties are accepted (match, alias, log_level, active)", async (t) => {
  const r = await run(
    ["-p", "match=*", "-p", "log_level=error", "-p", "log_suppress_interval=5s"],
    lines({ a: 1 }),
  );
  t.is(r.code, 0, r.stderr);
  t.is(r.stderr, ""); // the exit info line is below log_level=error
  const off = await run(["-p", "active=false", "--trace"], lines({ level: "debug" }));
  t.is(off.stdout.toString(), lines({ level: "debug" }));
  t.regex(off.stderr, /result=NOTOUCH/);
});

test("log_level=debug shows the plugin's debug lines", async (t) => {
  const r = await run(["-p", "log_level=debug"], lines({ a: 1 }));
  t.is(r.code, 0, r.stderr);
  t.is(
    r.stderr,
    "[debug] [filter:level:level.0] marking with 'seen'\n" +
      "[ info] [filter:level:level.0] dropped 0 records\n",
  );
});

test("a bad boolean is rejected; INT values go through atoi as in Fluent Bit", async (t) => {
  const bad = await run(["-p", "mark=maybe"], lines({ a: 1 }));
  t.is(bad.code, 1);
  t.is(
    bad.stderr,
    "[error] [config map] invalid value for boolean property 'mark=maybe'\n" +
      "[error] [filter:level:level.0] configuration error\n" +
      "[error] Failed initialize filter level.0\n" +
      "[error] [engine] filter initialization failed\n",
  );
  // Booleans accept true/false, on/off, yes/no in any case, but not 1/0.
  const one = await run(["-p", "mark=1"], lines({ a: 1 }));
  t.is(one.code, 1);
  const yes = await run(["-p", "mark=YES"], lines({ a: 1 }));
  t.is(yes.code, 0);
  // "abc" is 0 (no limit), "1abc" is 1: Fluent Bit's config map never fails an INT.
  const abc = await run(["-p", "max_fields=abc"], lines({ a: 1, b: 2 }));
  t.is(abc.stdout.toString(), lines({ a: 1, b: 2, seen: true }));
  const one1 = await run(["-p", "max_fields=1abc"], lines({ a: 1, b: 2 }, { a: 1 }));
  t.is(one1.stdout.toString(), lines({ a: 1, seen: true }));
});

test("an invalid log_level fails the property like Fluent Bit", async (t) => {
  const r = await run(["-p", "log_level=loud"], lines({ a: 1 }));
  t.is(r.code, 1);
  t.is(
    r.stderr,
    "[error] [config] could not configure property 'log_level' on filter plugin " +
      "with section name 'level'\n",
  );
});

test("cb_init failing exits 1 after the plugin's log lines, without cb_exit", async (t) => {
  const r = await run(["-p", "fail_init=true"], lines({ a: 1 }));
  t.is(r.code, 1);
  t.is(
    r.stderr,
    "[error] [filter:level:level.0] init failed on request (fail_init)\n" +
      "[error] Failed initialize filter level.0\n" +
      "[error] [engine] filter initialization failed\n",
  );
});

test("bad input lines: the line number and exit 1", async (t) => {
  const notJson = await run([], '{"a":1}\n\n{"a":\n');
  t.is(notJson.code, 1);
  t.regex(notJson.stderr, /^line 3: invalid JSON/);
  const notObject = await run([], '{"a":1}\n[1,2]\n');
  t.is(notObject.code, 1);
  t.is(notObject.stderr, "line 2: a record must be a JSON object\n");
  const badEvent = await run(["--events"], '[[1,{}],{"a":1}]\n[1,2,3]\n');
  t.is(badEvent.code, 1);
  t.regex(badEvent.stderr, /^line 2: an event must be/);
});

test("usage errors exit 2", async (t) => {
  const bad = [["--bogus"], ["-p", "novalue"], ["--chunk-records", "0"], ["--in", "xml"], ["-p"]];
  for (const args of bad) {
    const r = await run(args, "");
    t.is(r.code, 2, args.join(" "));
  }
});

// The soak test reports the arena figures of --stats, read from the flbc
// runtime inside the plugin's context.
test("--stats: a compiled filter's arena high water and kept blocks", async (t) => {
  const dir = path.join(scratch, "arena");
  fs.mkdirSync(dir);
  const { binary } = await buildPlugin(path.join(root, "examples", "redact.ts"), dir);
  const input = lines({ password: "hunter2" }, { password: "s3cr3t" });
  const r = await run(["--stats"], input, binary);
  t.is(r.code, 0, r.stderr);
  const m = /^stats: chunks=1 .* arena_high_water=(\d+) arena_kept=(\d+)$/m.exec(r.stderr);
  t.truthy(m, r.stderr);
  // One record's temporaries at most: the arena is rolled back after each.
  t.true(Number(m![1]) > 0 && Number(m![1]) <= Number(m![2]), r.stderr);
});

test("group markers pass through and are hidden from plain output", async (t) => {
  const input =
    '[[-1,{"group":1}],{"resource":{}}]\n' +
    '[[1,{}],{"level":"info"}]\n' +
    '[[-2,{}],{}]\n';
  const plain = await run(["--events", "--trace"], input);
  t.is(plain.code, 0, plain.stderr);
  t.is(
    plain.stdout.toString(),
    '[[-1,{"group":1}],{"resource":{}}]\n[[1,{}],{"level":"info","seen":true}]\n[[-2,{}],{}]\n',
  );
  t.regex(plain.stderr, /chunk 1: in=1 out=1 result=MODIFIED/);
  const mp = await run(["--events", "--out", "msgpack", "-p", "mark=off"], input);
  t.is(mp.code, 0, mp.stderr);
  const bodies = await run(["--in", "msgpack", "-p", "mark=off"], mp.stdout);
  t.is(bodies.stdout.toString(), lines({ level: "info" }));
});

test("amalgamateRuntime is deterministic and self-contained", (t) => {
  const a = amalgamateRuntime();
  t.is(a, amalgamateRuntime());
  t.true(a.startsWith("/*"));
  t.regex(a, /#ifndef FLBC_RT_H\n#define FLBC_RT_H\n/);
  t.notRegex(a, /#\s*include\s*"flbc\.h"/);
  t.regex(a, /\/\* =+ flbc\.h =+ \*\//);
  const file = writeRuntimeHeader(path.join(scratch, "rt"));
  t.is(fs.readFileSync(file, "utf8"), a);
});

test("the fixture compiles under gcc and clang with the strict flags", async (t) => {
  const dir = path.join(scratch, "rt");
  writeRuntimeHeader(dir);
  for (const cc of ["gcc", "clang"]) {
    const r = await compileCheck(fixture, ["-I", hostIncludeDir, "-I", dir], cc).catch(
      (e: Error) => ({ ok: false, stderr: e.message }),
    );
    if (r.stderr.includes("ENOENT")) {
      t.log(`${cc} not installed`);
      continue;
    }
    t.true(r.ok, `${cc}: ${r.stderr}`);
  }
});

// Opt-in: FLB_BUILD=<configured Fluent Bit build dir> (with
// compile_commands.json) checks the same plugin against the real headers.
test("the fixture compiles unchanged against real Fluent Bit headers (FLB_BUILD)", async (t) => {
  const buildDir = process.env.FLB_BUILD;
  if (!buildDir) {
    t.log("FLB_BUILD not set: skipped");
    t.pass();
    return;
  }
  const dir = path.join(scratch, "rt-real");
  writeRuntimeHeader(dir);
  for (const file of [fixture, "filter_config.c", "out_lines.c", "in_counter.c"]) {
    const c = path.resolve(path.dirname(fixture), file);
    const r = await compileCheck(c, [...fluentBitFlags(buildDir), "-I", dir]);
    t.true(r.ok, `${file}: ${r.stderr}`);
  }
});

test("build errors carry the compiler's message", async (t) => {
  const bad = path.join(scratch, "bad.c");
  fs.writeFileSync(bad, "int broken(void) { return }\n");
  const err = await t.throwsAsync(
    buildHost({ pluginC: bad, symbol: "filter_bad_plugin", kind: "filter", outDir: scratch }),
  );
  t.regex(err?.message ?? "", /bad\.c:1/);
});

test("ASan/UBSan build: same run, no leaks, no UB", async (t) => {
  if (!(await sanitizerAvailable())) {
    t.log("sanitizer runtime not available: skipped");
    t.pass();
    return;
  }
  const { binary } = await buildHost({
    pluginC: fixture,
    symbol,
    kind: "filter",
    outDir: scratch,
    sanitize: true,
  });
  const records = Array.from({ length: 40 }, (_, i) => ({
    i,
    level: i % 3 ? "info" : "debug",
    nested: { list: [i, i + 0.5, "s".repeat(i)] },
  }));
  const r = await run(
    ["--chunk-records", "7", "-p", "drop_levels=debug,trace"],
    lines(...records),
    binary,
  );
  t.is(r.code, 0, r.stderr);
  t.is(
    r.stdout.toString(),
    lines(...records.filter((x) => x.level !== "debug").map((x) => ({ ...x, seen: true }))),
  );
  // A chunk whose every record is dropped: MODIFIED with nothing left.
  const dropped = await run(
    ["--chunk-records", "1", "--trace"],
    lines({ level: "debug" }, { level: "info" }),
    binary,
  );
  t.is(dropped.code, 0, dropped.stderr);
  t.is(dropped.stdout.toString(), lines({ level: "info", seen: true }));
  t.regex(dropped.stderr, /chunk 1: in=1 out=0 result=MODIFIED/);
  const empty = await run(["--in", "msgpack"], "", binary);
  t.is(empty.code, 0, empty.stderr);
  const failed = await run(["-p", "fail_init=on"], lines({ a: 1 }), binary);
  t.is(failed.code, 1);
  t.notRegex(failed.stderr, /Sanitizer/);
  const malformed = await run(
    ["--in", "msgpack"],
    Buffer.from([0x92, 0x92, 0xd7, 0x00, 1, 2, 3]),
    binary,
  );
  t.notRegex(malformed.stderr, /Sanitizer/);

  // The output and input drivers too.
  const out = await buildHost({
    pluginC: outFixture,
    symbol: "out_lines_plugin",
    kind: "output",
    outDir: scratch,
    sanitize: true,
  });
  const flushed = await run(
    ["-p", "retries=1", "--chunk-records", "3"],
    lines(...records),
    out.binary,
  );
  t.is(flushed.code, 0, flushed.stderr);
  t.is(flushed.stdout.toString().split("\n").length - 1, records.length);
  const input = await buildHost({
    pluginC: inFixture,
    symbol: "in_counter_plugin",
    kind: "input",
    outDir: scratch,
    sanitize: true,
  });
  const collected = await run(["--count", "9", "--no-wait"], "", input.binary);
  t.is(collected.code, 0, collected.stderr);
  t.is(collected.stdout.toString().split("\n").length - 1, 9);
});

test("a sanitizer report fails runC, whatever the exit code: leak, heap overflow, UB", async (t) => {
  if (!(await sanitizerAvailable())) {
    t.log("sanitizer runtime not available: skipped");
    t.pass();
    return;
  }
  const { binary } = await buildHost({
    pluginC: path.join(root, "test", "fixtures", "host", "filter_faulty.c"),
    symbol: "filter_faulty_plugin",
    kind: "filter",
    outDir: scratch,
    sanitize: true,
  });
  const clean = await runC(binary, lines({ a: 1 }), {}, ["--tag", "fine"]);
  t.is(clean.code, 0, clean.stderr);
  for (const [tag, report] of [
    ["leak", /LeakSanitizer: detected memory leaks/],
    ["overflow", /AddressSanitizer: heap-buffer-overflow/],
    ["ub", /runtime error: signed integer overflow/],
  ] as const) {
    const err = await t.throwsAsync(runC(binary, lines({ a: 1 }), {}, ["--tag", tag]));
    t.regex(err?.message ?? "", /sanitizer report/, tag);
    t.regex(err?.message ?? "", report, tag);
  }
});

// ------------------------------------------------------------ outputs, inputs

const outFixture = path.join(root, "test", "fixtures", "host", "out_lines.c");
const inFixture = path.join(root, "test", "fixtures", "host", "in_counter.c");

let builtOut: Promise<string> | undefined;
function outputHost(): Promise<string> {
  builtOut ??= buildHost({
    pluginC: outFixture,
    symbol: "out_lines_plugin",
    kind: "output",
    outDir: scratch,
  }).then((r) => r.binary);
  return builtOut;
}

let builtIn: Promise<string> | undefined;
function inputHost(): Promise<string> {
  builtIn ??= buildHost({
    pluginC: inFixture,
    symbol: "in_counter_plugin",
    kind: "input",
    outDir: scratch,
  }).then((r) => r.binary);
  return builtIn;
}

test("output: one flush per chunk, the plugin's stdout goes straight through", async (t) => {
  const r = await run(
    ["--chunk-records", "2", "--tag", "app", "--trace"],
    lines({ a: 1 }, { b: 2.0 }, { c: "x" }),
    await outputHost(),
  );
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout.toString(), 'app {"a":1}\napp {"b":2}\napp {"c":"x"}\n');
  t.is(
    r.stderr,
    "chunk 1: records=2 attempt=1 result=OK\nchunk 2: records=1 attempt=1 result=OK\n",
  );
});

test("output: FLB_RETRY is retried up to retry_limit, then the chunk is dropped", async (t) => {
  const ok = await run(["-p", "retries=1"], lines({ a: 1 }), await outputHost());
  t.is(ok.code, 0, ok.stderr);
  t.is(ok.stdout.toString(), 'test {"a":1}\n');
  t.is(
    ok.stderr,
    "[ warn] [engine] failed to flush chunk '1', retry in 0 seconds: task_id=0, " +
      "input=host.0 > output=lines.0 (out_id=0)\n" +
      "[ info] [engine] flush chunk '1' succeeded at retry 1: task_id=0, " +
      "input=host.0 > output=lines.0 (out_id=0)\n",
  );
  const gaveUp = await run(
    ["-p", "retries=5", "-p", "retry_limit=2"],
    lines({ a: 1 }),
    await outputHost(),
  );
  t.is(gaveUp.code, 1);
  t.is(gaveUp.stdout.length, 0);
  t.regex(gaveUp.stderr, /\[error\] \[engine\] chunk '1' cannot be retried/);
  t.is(gaveUp.stderr.split("failed to flush").length - 1, 2);
  const none = await run(
    ["-p", "retries=1", "-p", "retry_limit=no_retries"],
    lines({ a: 1 }),
    await outputHost(),
  );
  t.is(none.code, 1);
});

test("output: FLB_ERROR fails the chunk; network and TLS properties are accepted", async (t) => {
  const r = await run(
    ["fail=on", "host=example.com", "port=443", "tls=off", "tls.verify=off"].flatMap((p) => [
      "-p",
      p,
    ]),
    lines({ a: 1 }),
    await outputHost(),
  );
  t.is(r.code, 1);
  t.is(r.stderr, "[error] [output:lines:lines.0] failing on request\n");
  // As in Fluent Bit, `tls on` needs a plugin with a TLS flag (FLB_IO_OPT_TLS); this one has none.
  const tls = await run(["-p", "tls=on"], lines({ a: 1 }), await outputHost());
  t.is(tls.code, 1);
  t.regex(tls.stderr, /\[config\] lines\.0 does not support TLS/);
});

test("input: collects until --count records, with the record times", async (t) => {
  const r = await run(["--count", "5", "--events", "--no-wait", "--trace"], "", await inputHost());
  t.is(r.code, 0, r.stderr);
  t.is(
    r.stdout.toString(),
    [0, 1, 2, 3, 4].map((n) => `[[1.5,{}],{"n":${n}}]\n`).join(""),
  );
  t.is(
    r.stderr,
    "[ info] [input:counter:counter.0] initializing\n" +
      "[ info] [input:counter:counter.0] storage_strategy='memory' (memory only)\n" +
      "collect 1: records=2\ncollect 2: records=2\ncollect 3: records=1\n",
  );
});

test("input: --duration runs the collector on its interval; DOUBLE uses atof", async (t) => {
  const r = await run(["--duration", "0.1", "-p", "time=2.25"], "", await inputHost());
  t.is(r.code, 0, r.stderr);
  const got = r.stdout.toString().trim().split("\n");
  // 10 ms interval over 100 ms: about 10 collects of 2 records, fewer on a
  // loaded machine, never more than the interval allows.
  t.true(got.length >= 2 && got.length <= 30 && got.length % 2 === 0, String(got.length));
  t.is(got[0], '{"n":0}');
  const events = await run(["--count", "1", "--events", "-p", "time=2.25"], "", await inputHost());
  t.is(events.stdout.toString(), '[[2.25,{}],{"n":0}]\n');
});

// ------------------------------------------------------------ config map

const configFixture = path.join(root, "test", "fixtures", "host", "filter_config.c");
let builtConfig: Promise<string> | undefined;
function configHost(): Promise<string> {
  builtConfig ??= buildHost({
    pluginC: configFixture,
    symbol: "filter_config_plugin",
    kind: "filter",
    outDir: scratch,
  }).then((r) => r.binary);
  return builtConfig;
}

/** The values filter_config printed at init. */
async function configValues(args: string[], extraEnv: Record<string, string> = {}) {
  const r = await runHost(await configHost(), args, "", { env: { ...env, ...extraEnv } });
  return { code: r.code, text: r.stderr.replace(/\[ info\] \[filter:config:config\.0\] /g, "") };
}

test("config map: defaults are parsed with each type's conversion", async (t) => {
  const r = await configValues([]);
  t.is(r.code, 0, r.text);
  t.is(
    r.text,
    "str=default nodef=(null) num=7 flag=0 dbl=0.25 size=1000 secs=120\n" +
      "clist=[a|b] slist=[x|y] clist2=[] multi=[]\n" +
      "get_property(NUM)=(null)\n",
  );
});

test("config map: given values convert as in Fluent Bit", async (t) => {
  const r = await configValues(
    [
      ["num", "12abc"], ["flag", "YES"], ["dbl", "1e3"], ["size", "2.5MB"], ["secs", "1.5h"],
      ["clist", " p ,, q r ,"], ["slist", 'one "two three" "a \\"q\\"" '],
      ["clist2", "k1, k2, rest, more"], ["multi", "m1"], ["MULTI", "m2"], ["str", "${FLBC_T}/x"],
    ].flatMap(([k, v]) => ["-p", `${k}=${v}`]),
    { FLBC_T: "/tmp" },
  );
  t.is(r.code, 0, r.text);
  t.is(
    r.text,
    "str=/tmp/x nodef=(null) num=12 flag=1 dbl=1000 size=2500000 secs=3600\n" +
      'clist=[p|q r] slist=[one|two three|a "q"] clist2=[k1|k2|rest, more] multi=[m1|m2]\n' +
      "get_property(NUM)=12abc\n",
  );
  // An invalid size is -1, i.e. SIZE_MAX; a time without digits is 0.
  const odd = await configValues(["-p", "size=12X", "-p", "secs=abc", "-p", "num=-3"]);
  t.regex(odd.text, /num=-3 .* size=18446744073709551615 secs=0/);
});

test("config map: a single-valued key given twice fails", async (t) => {
  const r = await configValues(["-p", "num=1", "-p", "num=2"]);
  t.is(r.code, 1);
  t.is(r.text, "[error] [config] config: configuration property 'num' is set 2 times\n");
});

// `flbc run` spawns the host with runAttached and exits with hostExit's code:
// a host killed by a signal gets a message and 128 + N, never a silent 1.
test("a host killed by a signal: 128 + N and a message naming the signal", async (t) => {
  const src = path.join(scratch, "crash.c");
  const bin = path.join(scratch, "crash");
  fs.writeFileSync(src, "#include <signal.h>\nint main(void) { raise(SIGSEGV); return 0; }\n");
  const cc = spawnSync(findCompiler().cc, [src, "-o", bin], { encoding: "utf8" });
  t.is(cc.status, 0, cc.stderr);
  const end = await runAttached(bin, [], "ignore");
  t.deepEqual(end, { code: null, signal: "SIGSEGV" });
  t.deepEqual(hostExit(end), { code: 128 + os.constants.signals.SIGSEGV, message: "host crashed: killed by SIGSEGV", crashed: true });
  t.deepEqual(hostExit({ code: null, signal: "SIGABRT" }), { code: 134, message: "host crashed: killed by SIGABRT", crashed: true });
  t.deepEqual(hostExit({ code: null, signal: "SIGTERM" }), { code: 143, message: "host killed by SIGTERM", crashed: false });
  t.deepEqual(hostExit({ code: 1, signal: null }), { code: 1, crashed: false });
  t.deepEqual(hostExit({ code: 0, signal: null }), { code: 0, crashed: false });
});
