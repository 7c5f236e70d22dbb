// Resource limits: the arena cap (`arena_limit`, a property of every
// generated plugin), the call-depth limit of plugin functions, and
// out-of-memory on every allocation path (fault injection through the
// FLBC_MALLOC funnel). In each case the record at fault passes through
// unchanged with an error log, its neighbours are processed, nothing
// crashes and (under ASan) nothing leaks.
import test from "ava";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildHost, findCompiler, runHost, runtimeDir, sanitizeFlags, sanitizerAvailable, writeRuntimeHeader } from "../compiler/toolchain/index.js";
import { buildPlugin, compileForTest, hostEnv, parseLines, root, runC, scratchDir } from "./support/plugins.js";
import { exampleFilters } from "./fuzz/targets.js";

const scratch = scratchDir("limits");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

const doubler = `
import { defineFilter } from "flbc";
export default defineFilter({
  name: "doubler",
  filter(record) {
    const msg = record.msg;
    if (typeof msg === "string") record.twice = msg + "|" + msg;
  },
});
`;

let doublerBuilt: Promise<string> | undefined;
function doublerBinary(): Promise<string> {
  doublerBuilt ??= (async () => {
    const dir = path.join(scratch, "doubler");
    fs.mkdirSync(dir, { recursive: true });
    const entry = path.join(dir, "doubler.ts");
    fs.writeFileSync(entry, doubler);
    return (await buildPlugin(entry, dir, { sanitize: await sanitizerAvailable() })).binary;
  })();
  return doublerBuilt;
}

const big = "x".repeat(300_000);
const input = [{ msg: "a" }, { msg: big }, { msg: "b" }].map((r) => JSON.stringify(r)).join("\n") + "\n";

test("arena_limit: a record that needs more passes through unchanged, logged; its neighbours are processed", async (t) => {
  const r = await runC(await doublerBinary(), input, { arena_limit: "64k" });
  t.is(r.code, 0, r.stderr);
  t.deepEqual(parseLines(r.stdout), [{ msg: "a", twice: "a|a" }, { msg: big }, { msg: "b", twice: "b|b" }]);
  t.regex(r.stderr, /1 record\(s\) of this chunk passed through unchanged after an error \(arena_limit exceeded/);
  t.notRegex(r.stderr, /Sanitizer|runtime error/);
});

test("arena_limit: the default (64M) is enough for the same record", async (t) => {
  const r = await runC(await doublerBinary(), input);
  t.is(r.code, 0, r.stderr);
  t.is(parseLines(r.stdout).length, 3);
  t.deepEqual((parseLines(r.stdout)[1] as { twice: string }).twice.length, big.length * 2 + 1);
  t.is(r.stderr, "");
});

test("arena_limit: every generated plugin declares it (SIZE, default 64M)", (t) => {
  const c = compileForTest(path.join(root, "examples", "redact.ts")).c!;
  t.regex(c, /\.type = FLB_CONFIG_MAP_SIZE, \.name = "arena_limit", \.def_value = "64M"/);
  t.regex(c, /offsetof\(struct \w+, rt\.arena\.cap\)/);
});

test("call depth: a record whose plugin functions nest deeper than FLBC_MAX_CALL_DEPTH passes through unchanged", async (t) => {
  const dir = path.join(scratch, "depth");
  fs.mkdirSync(dir, { recursive: true });
  writeRuntimeHeader(dir);
  const { cc } = findCompiler();
  const bin = path.join(dir, "call_depth");
  const san = (await sanitizerAvailable()) ? sanitizeFlags : [];
  const build = spawnSync(cc, ["-std=c11", "-Wall", "-Wextra", "-Werror", "-D_DEFAULT_SOURCE", "-O1", ...san, "-I", dir,
    path.join(runtimeDir, "test", "fuzz", "call_depth.c"), "-o", bin, "-lm"], { encoding: "utf8" });
  t.is(build.status, 0, build.stderr);
  const r = spawnSync(bin, [], { encoding: "utf8" });
  t.is(r.status, 0, r.stdout + r.stderr);
  t.is(r.stdout, "ok\n");
  t.regex(r.stderr, /RangeError: maximum call depth \(\d+\) exceeded/);
});

// Out of memory: each example built with runtime-c/test/fuzz/failalloc.h,
// failing every Nth allocation of the runtime. Chunks go in and out as
// msgpack (the host's own JSON code shares the funnel), converted by an
// identity filter built normally.
let identityBuilt: Promise<string> | undefined;
function identity(): Promise<string> {
  identityBuilt ??= (async () => {
    const dir = path.join(scratch, "identity");
    fs.mkdirSync(dir, { recursive: true });
    const entry = path.join(dir, "identity.ts");
    fs.writeFileSync(entry, 'import { defineFilter } from "flbc";\nexport default defineFilter({ name: "identity", filter() {} });\n');
    return (await buildPlugin(entry, dir)).binary;
  })();
  return identityBuilt;
}

const failEvery = [1, 2, 3, 5, 8, 13];

for (const name of exampleFilters()) {
  test(`${name}: out of memory on every Nth allocation (N = ${failEvery.join(", ")}): no crash, no leak, records pass through`, async (t) => {
    const dir = path.join(scratch, `oom-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    const result = compileForTest(path.join(root, "examples", `${name}.ts`));
    const pluginC = path.join(dir, `${name}.c`);
    fs.writeFileSync(pluginC, result.c!);
    const { binary } = await buildHost({
      pluginC,
      symbol: `filter_${result.unit!.name}_plugin`,
      kind: "filter",
      outDir: dir,
      sanitize: await sanitizerAvailable(),
      extraFlags: ["-include", path.join(runtimeDir, "test", "fuzz", "failalloc.h")],
    });
    const jsonl = fs.readFileSync(path.join(root, "examples", `${name}.jsonl`), "utf8");
    const expected = parseLines(fs.readFileSync(path.join(root, "examples", `${name}.expected.jsonl`), "utf8")).map((v) => JSON.stringify(v));
    const inputs = parseLines(jsonl).map((v) => JSON.stringify(v));
    const toMp = await runHost(await identity(), ["--out", "msgpack"], jsonl, { env: hostEnv });
    t.is(toMp.code, 0, toMp.stderr);
    for (const n of failEvery) {
      const r = await runHost(binary, ["--in", "msgpack", "--out", "msgpack", "--chunk-records", "3"], toMp.stdout, {
        env: { ...hostEnv, FLBC_FAIL_EVERY: String(n) },
        timeoutMs: 60_000,
      });
      t.notRegex(r.stderr, /Sanitizer|runtime error|LeakSanitizer/, `N=${n}`);
      if (n === 1) t.regex(r.stderr, /\[error\]/, "N=1: the injected failures went unnoticed");
      if (r.code !== 0) {
        // Only a failed start is acceptable: cb_init could not allocate.
        t.regex(r.stderr, /initialize filter|out of memory/i, `N=${n}: exit ${r.code}\n${r.stderr}`);
        continue;
      }
      const back = await runHost(await identity(), ["--in", "msgpack"], r.stdout, { env: hostEnv });
      t.is(back.code, 0, back.stderr);
      const out = parseLines(back.stdout.toString("utf8")).map((v) => JSON.stringify(v));
      // Each record comes out processed or exactly as it went in; a record
      // the filter drops may survive (kept unchanged), never the reverse.
      t.true(out.length >= expected.length && out.length <= inputs.length, `N=${n}: ${out.length} records`);
      for (const o of out) t.true(expected.includes(o) || inputs.includes(o), `N=${n}: unexpected record ${o}`);
    }
  });
}
