// V8's compiled code of TypeScript (~9 MB of CommonJS), kept between runs.
// Without it every run compiles the module again, and every TypeScript
// function the run calls (the parser, the binder, the checker) on its first
// call. Node 20 has no built-in cache, and v8-compile-cache, which this
// replaces, keyed its cache by the working directory (one 8 MB file per
// directory flbc ran in) and saved the code before it ran, so without
// those functions.
//
// Here each large CommonJS module has one cache file, named after the
// module's path, size and mtime, Node's version and the V8 flags set here,
// written when the run that found none (or found it rejected by V8) exits:
// then it holds every function that run compiled. It lives in the OS temp
// directory, in a directory of the user's own.
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";

/** What of Node's CommonJS loader this hooks (not in @types/node). */
interface CjsModule {
  exports: unknown;
  /** Newer Nodes pass a third argument, the module's format. */
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}
type CompiledWrapper = (exports: unknown, require: NodeJS.Require, module: CjsModule, filename: string, dirname: string) => unknown;

const loader = Module as unknown as { prototype: CjsModule; wrap(content: string): string };

/** Modules smaller than this are compiled as Node does (TypeScript is ~9 MB). */
const minSize = 256 * 1024;

/** V8 flags set by this process, part of each cache file's name. */
let flags = "";

/**
 * Turns V8's optimizing compiler off, before TypeScript is loaded. A compile
 * ends before TurboFan's work pays for itself: without it a 200-line plugin
 * compiled in ~18% less CPU time here, a 1,300-line one in ~38% less. Not
 * for a process that runs a plugin's JavaScript (flbc run --engine node) or
 * stays (--watch). V8 rejects code cached under other flags, hence the
 * separate cache files.
 */
export function withoutOptimizer(): void {
  v8.setFlagsFromString("--no-opt");
  flags = "--no-opt";
}

export function installCodeCache(): void {
  const dir = cacheDir();
  if (dir === undefined) return;
  const toWrite: { file: string; script: vm.Script }[] = [];
  const compile = loader.prototype._compile;
  loader.prototype._compile = function (this: CjsModule, content: string, filename: string, ...rest: unknown[]): unknown {
    // A small module compiles in less time than its cache file takes to
    // find; an ES module loaded by require is not wrapped as CommonJS.
    if (content.length < minSize || (rest[0] !== undefined && rest[0] !== "commonjs")) {
      return compile.call(this, content, filename, ...rest);
    }
    const file = cacheFile(dir, filename);
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(loader.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) toWrite.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as CompiledWrapper;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    for (const { file, script } of toWrite) {
      // Aside, then renamed: a concurrent run reads a whole file or none.
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, file);
      } catch {
        fs.rmSync(tmp, { force: true });
      }
    }
  });
}

/** The cache directory, or undefined (no caching) when it is not the user's own. */
function cacheDir(): string | undefined {
  const uid = process.getuid?.() ?? 0;
  const dir = path.join(os.tmpdir(), `flbc-code-cache-${uid}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    // Another user's directory could hand this process code to run.
    return st.uid === uid && (st.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

function cacheFile(dir: string, filename: string): string {
  let stamp = "";
  try {
    const st = fs.statSync(filename);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    stamp = "";
  }
  const key = hash64(`${filename}\0${stamp}\0${process.version}\0${process.arch}\0${flags}`);
  return path.join(dir, `${path.basename(filename, ".js")}-${key}.v8`);
}

/**
 * Two 32-bit FNV-style hashes of s, as 16 hex digits: node:crypto would
 * start OpenSSL, ~15 ms of every compile.
 */
function hash64(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
