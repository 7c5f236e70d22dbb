// Driving the C compiler: building the local host around one generated
// plugin (cached by content), running it, and compile-only checks.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hostDir, hostIncludeDir } from "./paths.js";
import { amalgamateRuntime, writeRuntimeHeader } from "./runtime.js";

export type PluginKind = "filter" | "output" | "input";

/** Flags every flbc C file must pass (DESIGN.md, "Compile"). */
export const strictFlags = ["-std=c11", "-Wall", "-Wextra", "-Werror"];

/** ASan + UBSan, with UB fatal so a test sees a non-zero exit. */
export const sanitizeFlags = [
  "-fsanitize=address,undefined",
  "-fno-sanitize-recover=undefined",
  "-fno-omit-frame-pointer",
  "-g",
];

/** `$CC` split into the program and its leading arguments ("ccache gcc"). */
function splitCommand(cc: string): [string, string[]] {
  const words = cc.trim().split(/\s+/);
  return [words[0] ?? "cc", words.slice(1)];
}

const probed = new Set<string>();

/** The C compiler: `$CC`, else `cc`. Throws when it cannot be run. */
export function findCompiler(): { cc: string } {
  const cc = process.env.CC && process.env.CC.trim() !== "" ? process.env.CC : "cc";
  if (probed.has(cc)) {
    return { cc };
  }
  const [prog, args] = splitCommand(cc);
  const probe = spawnSync(prog, [...args, "--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `flbc: no working C compiler '${cc}' (${probe.error?.message ?? probe.stderr.trim()}); ` +
        "install gcc or clang, or set CC",
    );
  }
  probed.add(cc);
  return { cc };
}

interface CcResult {
  code: number;
  stderr: string;
}

function runCc(cc: string, args: string[]): Promise<CcResult> {
  const [prog, pre] = splitCommand(cc);
  return new Promise((resolve, reject) => {
    const child = spawn(prog, [...pre, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** The host's C files, sorted (they are compiled with every plugin). */
export function hostSources(): string[] {
  return fs
    .readdirSync(hostDir)
    .filter((f) => f.endsWith(".c"))
    .sort()
    .map((f) => path.join(hostDir, f));
}

function hostHeaders(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else if (e.name.endsWith(".h")) {
        out.push(p);
      }
    }
  };
  walk(hostDir);
  return out;
}

function cacheRoot(): string {
  return process.env.FLBC_CACHE_DIR ?? path.join(os.tmpdir(), "flbc-cache");
}

/** Builds kept in the cache; the least recently built go first. */
const cacheKeep = 256;

function pruneCache(): void {
  const root = cacheRoot();
  let entries: Array<{ dir: string; mtime: number }>;
  try {
    entries = fs.readdirSync(root).map((name) => {
      const dir = path.join(root, name);
      return { dir, mtime: fs.statSync(dir).mtimeMs };
    });
  } catch {
    return;
  }
  if (entries.length <= cacheKeep) {
    return;
  }
  entries.sort((a, b) => a.mtime - b.mtime);
  // Never what another build may be copying right now.
  const recent = Date.now() - 10 * 60 * 1000;
  for (const e of entries.slice(0, entries.length - cacheKeep)) {
    if (e.mtime < recent) {
      fs.rmSync(e.dir, { recursive: true, force: true });
    }
  }
}

export interface BuildHostOptions {
  /** The plugin's C file. */
  pluginC: string;
  /** Its exported plugin symbol, e.g. filter_redact_plugin. */
  symbol: string;
  kind: PluginKind;
  /** Where flbc_rt.h and the binary go. */
  outDir: string;
  /** ASan + UBSan build. */
  sanitize?: boolean;
  /** -O2, or -O1 with `sanitize` (default true; false gives -O0 -g for debugging). */
  optimize?: boolean;
  extraFlags?: string[];
}

/** The one host file compiled with each plugin: it binds the host to it. */
const pluginBinding = "host_plugin.c";

/** hostObjects builds under way in this process, by cache directory. */
const hostObjectBuilds = new Map<string, Promise<string[]>>();

/**
 * The host files every plugin shares, compiled once per compiler and flag
 * set into the cache (a sanitized host build is then mostly the plugin's
 * own C). Keyed like buildHost's binaries. Builds started while one of the
 * same key is under way in this process wait for it (a suite's tests start
 * their builds at once); concurrent first builds in different processes
 * both compile, and the first rename wins.
 */
async function hostObjects(cc: string, flags: string[]): Promise<string[]> {
  const sources = hostSources().filter((f) => path.basename(f) !== pluginBinding);
  const hash = crypto.createHash("sha256");
  hash.update(JSON.stringify({ cc, flags, v: 1 }));
  hash.update(amalgamateRuntime());
  for (const f of [...sources, ...hostHeaders()]) {
    hash.update(`\0${path.relative(hostDir, f)}\0`);
    hash.update(fs.readFileSync(f));
  }
  const dir = path.join(cacheRoot(), `host-${hash.digest("hex").slice(0, 32)}`);
  const objects = sources.map((f) => path.join(dir, `${path.basename(f, ".c")}.o`));
  if (fs.existsSync(dir)) {
    const now = new Date();
    fs.utimesSync(dir, now, now);
    return objects;
  }
  let build = hostObjectBuilds.get(dir);
  if (build === undefined) {
    build = compileHostObjects(cc, flags, sources, dir)
      .then(() => objects)
      .finally(() => hostObjectBuilds.delete(dir));
    hostObjectBuilds.set(dir, build);
  }
  return build;
}

/** Compiles the host's shared sources into dir (through a temporary directory). */
async function compileHostObjects(cc: string, flags: string[], sources: string[], dir: string): Promise<void> {
  const tmp = `${dir}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.mkdirSync(tmp, { recursive: true });
  writeRuntimeHeader(tmp);
  try {
    for (const f of sources) {
      const r = await runCc(cc, [...flags, "-I", hostIncludeDir, "-I", tmp, "-c", f, "-o", path.join(tmp, `${path.basename(f, ".c")}.o`)]);
      if (r.code !== 0) {
        const err = new Error(`flbc: C compilation of the host's ${path.basename(f)} failed (${cc} exit ${r.code}):\n${r.stderr}`) as Error & { stderr: string };
        err.stderr = r.stderr;
        throw err;
      }
    }
    fs.renameSync(tmp, dir);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(dir)) throw e;
  }
}

/**
 * Compiles the plugin with the host into outDir/<symbol>-host (or
 * -host-asan). Builds are cached under $FLBC_CACHE_DIR or
 * os.tmpdir()/flbc-cache, keyed by the compiler, the flags and the content
 * of every input, so an unchanged plugin costs a file copy; the host files
 * shared by all plugins are compiled once per flag set (hostObjects).
 * Throws an Error whose message holds the compiler's output on failure.
 */
export async function buildHost(opts: BuildHostOptions): Promise<{ binary: string }> {
  const { cc } = findCompiler();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(opts.symbol)) {
    throw new Error(`flbc: invalid plugin symbol '${opts.symbol}'`);
  }
  writeRuntimeHeader(opts.outDir);
  const pluginC = path.resolve(opts.pluginC);
  const flags = [
    ...strictFlags,
    // Fluent Bit builds in GNU mode, where libc declares its POSIX and BSD
    // extensions whatever the include order; the host's headers define
    // _DEFAULT_SOURCE too, but only take effect when included first.
    "-D_DEFAULT_SOURCE",
    // -O1 under the sanitizers, as ASan's documentation suggests and the
    // fuzz targets use: a plugin's C holds the whole runtime, which with
    // ASan compiles in 2.4 s of CPU at -O1 and 4.1 s at -O2 (grep.ts, gcc
    // 12); the plain builds keep -O2.
    ...(opts.optimize === false ? ["-O0", "-g"] : opts.sanitize ? ["-O1"] : ["-O2"]),
    ...(opts.sanitize ? sanitizeFlags : []),
    ...(opts.extraFlags ?? []),
  ];
  const binding = [`-DFLBC_HOST_PLUGIN=${opts.symbol}`, `-DFLBC_HOST_KIND=${opts.kind}`];
  const objects = await hostObjects(cc, flags);
  const bindingC = path.join(hostDir, pluginBinding);

  const hash = crypto.createHash("sha256");
  hash.update(JSON.stringify({ cc, flags, binding, v: 2 }));
  hash.update(amalgamateRuntime());
  // The objects' directory name is the hash of everything they are built from.
  hash.update(path.basename(path.dirname(objects[0] ?? "")));
  for (const f of [pluginC, bindingC]) {
    hash.update(`\0${path.basename(f)}\0`);
    hash.update(fs.readFileSync(f));
  }
  const key = hash.digest("hex").slice(0, 32);
  const name = `${opts.symbol}-host${opts.sanitize ? "-asan" : ""}`;
  const cached = path.join(cacheRoot(), key, name);
  const binary = path.join(path.resolve(opts.outDir), name);

  if (fs.existsSync(cached)) {
    // Mark it used: pruning removes the least recently used builds.
    const now = new Date();
    fs.utimesSync(path.dirname(cached), now, now);
  } else {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const tmp = `${cached}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    const args = [
      ...flags,
      ...binding,
      "-I",
      hostIncludeDir,
      "-I",
      path.resolve(opts.outDir),
      "-I",
      path.dirname(pluginC),
      pluginC,
      bindingC,
      ...objects,
      "-o",
      tmp,
      "-lm",
    ];
    const r = await runCc(cc, args);
    if (r.code !== 0) {
      fs.rmSync(tmp, { force: true });
      const err = new Error(
        `flbc: C compilation of ${opts.pluginC} failed (${cc} exit ${r.code}):\n${r.stderr}`,
      ) as Error & { stderr: string };
      err.stderr = r.stderr;
      throw err;
    }
    // rename is atomic: concurrent builds of the same key both succeed.
    fs.renameSync(tmp, cached);
    pruneCache();
  }
  if (cached !== binary) {
    const tmp = `${binary}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.copyFileSync(cached, tmp);
    fs.chmodSync(tmp, 0o755);
    fs.renameSync(tmp, binary);
  }
  return { binary };
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
  /** Exit code; 128 + n when killed by signal n. */
  code: number;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a host binary with input on stdin. */
export function runHost(
  binary: string,
  args: string[],
  input: string | Buffer,
  options: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
      timeout: options.timeoutMs,
    });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    // The host may exit before reading everything (usage errors).
    child.stdin.on("error", () => undefined);
    child.on("close", (code, signal) => {
      const signo = signal ? (os.constants.signals[signal] ?? 0) : 0;
      resolve({ stdout: Buffer.concat(out), stderr, code: code ?? 128 + signo });
    });
    child.stdin.end(input);
  });
}

/**
 * Compiles one C file without linking, with the strict flags plus `flags`
 * (include directories, defines). Resolves with the compiler's verdict.
 */
export async function compileCheck(
  cFile: string,
  flags: string[],
  cc: string = findCompiler().cc,
): Promise<{ ok: boolean; stderr: string }> {
  const obj = path.join(
    os.tmpdir(),
    `flbc-check-${process.pid}-${crypto.randomBytes(4).toString("hex")}.o`,
  );
  try {
    const r = await runCc(cc, [...strictFlags, ...flags, "-c", cFile, "-o", obj]);
    return { ok: r.code === 0, stderr: r.stderr };
  } finally {
    fs.rmSync(obj, { force: true });
  }
}

const sanitizerProbes = new Map<string, Promise<boolean>>();

/**
 * Whether ASan/UBSan binaries build and run here with `cc` (default: the
 * compiler findCompiler picks): the runtime libraries may be missing, or
 * LeakSanitizer may not work under a tracer. Cached per compiler.
 */
export function sanitizerAvailable(cc?: string): Promise<boolean> {
  const key = cc ?? "";
  let probe = sanitizerProbes.get(key);
  if (probe === undefined) {
    probe = probeSanitizers(cc);
    sanitizerProbes.set(key, probe);
  }
  return probe;
}

async function probeSanitizers(given: string | undefined): Promise<boolean> {
  let cc: string;
  try {
    cc = given ?? findCompiler().cc;
  } catch {
    return false;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-san-"));
  try {
    const src = path.join(dir, "probe.c");
    const bin = path.join(dir, "probe");
    fs.writeFileSync(
      src,
      "#include <stdlib.h>\nint main(void) { void *p = malloc(4); free(p); return 0; }\n",
    );
    const r = await runCc(cc, [...sanitizeFlags, src, "-o", bin]);
    if (r.code !== 0) {
      return false;
    }
    const run = await runHost(bin, [], "");
    return run.code === 0;
  } catch {
    return false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
