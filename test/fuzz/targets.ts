// libFuzzer targets of the runtime and of every example filter: building
// them (clang, -fsanitize=fuzzer,address,undefined; cached by content) and
// running them for a bounded number of inputs over the committed corpus.
//
//   msgpack          runtime-c/test/fuzz/fuzz_msgpack.c: arbitrary bytes as a chunk
//   json             runtime-c/test/fuzz/fuzz_json.c: JSON.parse and back
//   filter-<example> runtime-c/test/fuzz/fuzz_filter.c + the example + the host
//   output-<example> runtime-c/test/fuzz/fuzz_output.c + the example + the host:
//                    arbitrary bytes as a chunk to flush, written to /dev/null
//                    or, from a network output, to net_stub.c's canned server
//
// Corpus: test/fuzz/corpus/<corpus>/ (seeds, committed) and
// test/fuzz/corpus/<corpus>/regressions/ (inputs that once crashed: a crash
// found by `npm run fuzz` is copied there, and from then on every run
// replays it).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pluginNames } from "../../compiler/build/kinds.js";
import { compileFile } from "../../compiler/compile.js";
import { amalgamateRuntime, hostDir, hostIncludeDir, hostSources, runtimeDir, writeRuntimeHeader } from "../../compiler/toolchain/index.js";
import { repoRoot } from "../../compiler/toolchain/paths.js";

export const corpusRoot = path.join(repoRoot, "test", "fuzz", "corpus");
const targetsDir = path.join(runtimeDir, "test", "fuzz");
const examplesDir = path.join(repoRoot, "examples");

export interface Target {
  name: string;
  /** Which committed corpus it reads (filters share one). */
  corpus: string;
  /** Builds the binary into dir; returns its path. */
  build(dir: string): Promise<string>;
}

const fuzzFlags = [
  "-std=c11",
  "-Wall",
  "-Wextra",
  "-Werror",
  "-D_DEFAULT_SOURCE",
  "-O1",
  "-g",
  "-fsanitize=fuzzer,address,undefined",
  "-fno-sanitize-recover=undefined",
  "-fno-omit-frame-pointer",
];

const clang = process.env.FLBC_FUZZ_CC ?? "clang";

let probe: boolean | undefined;

/** Whether clang with libFuzzer's runtime is here (clang + libclang-rt-*-dev). */
export function fuzzerAvailable(): boolean {
  if (probe !== undefined) return probe;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-fuzzprobe-"));
  try {
    const src = path.join(dir, "p.c");
    fs.writeFileSync(src, "#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void) d; (void) n; return 0; }\n");
    const r = spawnSync(clang, ["-fsanitize=fuzzer,address", src, "-o", path.join(dir, "p")], { encoding: "utf8" });
    probe = r.status === 0;
  } catch {
    probe = false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return probe;
}

function cacheDir(): string {
  return path.join(process.env.FLBC_CACHE_DIR ?? path.join(os.tmpdir(), "flbc-cache"), "fuzz");
}

function run(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d: string) => (out += d));
    child.stderr.on("data", (d: string) => (out += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), out }));
  });
}

/** clang with fuzzFlags; cached under the hash of every input file. */
async function buildCached(name: string, dir: string, sources: string[], extra: string[]): Promise<string> {
  writeRuntimeHeader(dir);
  const hash = crypto.createHash("sha256");
  hash.update(JSON.stringify({ clang, fuzzFlags, extra, v: 1 }));
  hash.update(amalgamateRuntime());
  for (const f of sources) hash.update(`\0${path.basename(f)}\0`).update(fs.readFileSync(f));
  for (const f of fs.readdirSync(hostDir).filter((f) => f.endsWith(".h"))) hash.update(fs.readFileSync(path.join(hostDir, f)));
  const key = hash.digest("hex").slice(0, 32);
  const cached = path.join(cacheDir(), key, name);
  const binary = path.join(dir, name);
  if (!fs.existsSync(cached)) {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    const r = await run(clang, [...fuzzFlags, ...extra, "-I", dir, ...sources, "-o", tmp, "-lm"]);
    if (r.code !== 0) throw new Error(`building fuzz target ${name} failed:\n${r.out}`);
    fs.renameSync(tmp, cached);
  }
  fs.copyFileSync(cached, binary);
  fs.chmodSync(binary, 0o755);
  return binary;
}

function runtimeTarget(name: string): Target {
  return {
    name,
    corpus: name,
    build: (dir) => buildCached(`fuzz_${name}`, dir, [path.join(targetsDir, `fuzz_${name}.c`)], []),
  };
}

/** The examples one define call makes (filters or outputs), sorted. */
function examplesOf(define: "defineFilter" | "defineOutput"): string[] {
  return fs
    .readdirSync(examplesDir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.slice(0, -3))
    .filter((n) => new RegExp(`${define}\\s*\\(`).test(fs.readFileSync(path.join(examplesDir, `${n}.ts`), "utf8")))
    .sort();
}

/** Filters among the examples. */
export function exampleFilters(): string[] {
  return examplesOf("defineFilter");
}

/** Outputs among the examples, network outputs included. */
export function exampleOutputs(): string[] {
  return examplesOf("defineOutput");
}

function filterTarget(example: string): Target {
  return {
    name: `filter-${example}`,
    corpus: "filter",
    async build(dir) {
      const result = compileFile(path.join(examplesDir, `${example}.ts`), {});
      if (!result.ok || result.c === undefined || result.unit === undefined) {
        throw new Error(`examples/${example}.ts did not compile`);
      }
      const pluginC = path.join(dir, `${example}.c`);
      fs.writeFileSync(pluginC, result.c);
      const symbol = `filter_${result.unit.name}_plugin`;
      return buildCached(`fuzz_filter_${example}`, dir, [path.join(targetsDir, "fuzz_filter.c"), pluginC, ...hostSources()], [
        "-I",
        hostIncludeDir,
        "-I",
        hostDir,
        `-DFLBC_HOST_PLUGIN=${symbol}`,
        "-DFLBC_HOST_KIND=filter",
        // libFuzzer brings its own main.
        "-Dmain=flbc_host_main",
      ]);
    },
  };
}

/** The property an example writes its file to (its .run.json's outputFile), if it writes one. */
function outputFileProperty(example: string): string | undefined {
  const file = path.join(examplesDir, `${example}.run.json`);
  if (!fs.existsSync(file)) return undefined;
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { outputFile?: string }).outputFile;
}

function outputTarget(example: string): Target {
  return {
    name: `output-${example}`,
    corpus: "output",
    async build(dir) {
      const result = compileFile(path.join(examplesDir, `${example}.ts`), {});
      if (!result.ok || result.c === undefined || result.unit === undefined) {
        throw new Error(`examples/${example}.ts did not compile`);
      }
      const pluginC = path.join(dir, `${example}.c`);
      fs.writeFileSync(pluginC, result.c);
      const file = outputFileProperty(example);
      // The canned transport in place of the sockets: a network output
      // connects, sends and reads a "200 OK" without a server (the others
      // never call it).
      const host = hostSources().filter((f) => path.basename(f) !== "host_sock.c");
      const sources = [path.join(targetsDir, "fuzz_output.c"), path.join(targetsDir, "net_stub.c"), pluginC, ...host];
      return buildCached(`fuzz_output_${example}`, dir, sources, [
        "-I",
        hostIncludeDir,
        "-I",
        hostDir,
        `-DFLBC_HOST_PLUGIN=${pluginNames("output", result.unit.name).symbol}`,
        "-DFLBC_HOST_KIND=output",
        ...(file !== undefined ? [`-DFLBC_FUZZ_PROP="${file}=/dev/null"`] : []),
        "-Dmain=flbc_host_main",
      ]);
    },
  };
}

export function allTargets(): Target[] {
  return [
    runtimeTarget("msgpack"),
    runtimeTarget("json"),
    ...exampleFilters().map(filterTarget),
    ...exampleOutputs().map(outputTarget),
  ];
}

export interface FuzzRun {
  target: string;
  ok: boolean;
  /** libFuzzer's last status line ("Done 20000 runs in 3 second(s)"). */
  summary: string;
  /** The input that crashed, when one did. */
  crash?: string;
  output: string;
}

/**
 * Runs `runs` inputs (seed fixed, so a CI run is reproducible) starting
 * from the committed corpus; new coverage goes to a scratch corpus, never
 * into the repository. A crash's input is copied into the regression
 * corpus when `keepCrash` is set.
 */
export async function runTarget(t: Target, binary: string, scratch: string, opts: { runs: number; seed?: number; keepCrash?: boolean; maxLen?: number }): Promise<FuzzRun> {
  const seeds = path.join(corpusRoot, t.corpus);
  const regressions = path.join(seeds, "regressions");
  const work = fs.mkdtempSync(path.join(scratch, `${t.name}-`));
  const artifacts = path.join(work, "artifacts") + path.sep;
  fs.mkdirSync(artifacts);
  const corpus = path.join(work, "corpus");
  fs.mkdirSync(corpus);
  const dirs = [corpus, seeds, regressions].filter((d) => fs.existsSync(d));
  const r = await run(binary, [
    `-runs=${opts.runs}`,
    `-seed=${opts.seed ?? 1}`,
    `-max_len=${opts.maxLen ?? 4096}`,
    "-timeout=20",
    "-rss_limit_mb=2048",
    "-print_final_stats=0",
    `-artifact_prefix=${artifacts}`,
    ...dirs,
  ]);
  const summary = r.out.split("\n").filter((l) => /^Done \d+ runs/.test(l)).pop() ?? "";
  const crashFile = fs.readdirSync(artifacts).map((f) => path.join(artifacts, f))[0];
  let crash = crashFile;
  if (crashFile !== undefined && opts.keepCrash) {
    fs.mkdirSync(regressions, { recursive: true });
    crash = path.join(regressions, path.basename(crashFile));
    fs.copyFileSync(crashFile, crash);
  }
  return { target: t.name, ok: r.code === 0 && crashFile === undefined, summary, crash, output: r.out };
}
