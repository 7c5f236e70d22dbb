// Shared by the test suites: compile a plugin, build it into the local host,
// run it and the Node reference on the same input, compare value by value.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileFile, type CompileResult } from "../../compiler/compile.js";
import { formatDiagnostics } from "../../compiler/diagnostics/format.js";
import { runNode } from "../../compiler/engine/node.js";
import { pluginNames } from "../../compiler/build/kinds.js";
import { buildHost, runHost } from "../../compiler/toolchain/index.js";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const updateGolden = process.env.UPDATE_GOLDEN === "1";

/** Log lines without timestamps, so runs are comparable. */
export const hostEnv = { FLBC_HOST_LOG_NOTIME: "1" };

export function scratchDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `flbc-${name}-`));
}

/** Compiles with the names golden files use, independent of the cwd. */
export function compileForTest(entry: string): CompileResult {
  const sourceName = path.relative(root, entry).split(path.sep).join("/");
  return compileFile(entry, { sourceName, outputName: path.basename(entry, ".ts") + ".c" });
}

export function diagnosticsText(result: CompileResult): string {
  return formatDiagnostics(result.diagnostics, { color: false, cwd: root });
}

export interface Built {
  binary: string;
  pluginC: string;
  symbol: string;
}

/** Compiles `entry` and builds it into the host in `dir`; throws with the diagnostics. */
export async function buildPlugin(entry: string, dir: string, opts: { sanitize?: boolean } = {}): Promise<Built> {
  const result = compileForTest(entry);
  if (!result.ok || result.c === undefined || result.unit === undefined) {
    throw new Error(`${entry} did not compile:\n${diagnosticsText(result)}`);
  }
  const { kind, name } = result.unit;
  const pluginC = path.join(dir, `${kind}_${name}.c`);
  fs.writeFileSync(pluginC, result.c);
  const symbol = pluginNames(kind, name).symbol;
  const { binary } = await buildHost({ pluginC, symbol, kind, outDir: dir, sanitize: opts.sanitize });
  return { binary, pluginC, symbol };
}

export interface EngineRun {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * A report of AddressSanitizer, LeakSanitizer, ThreadSanitizer or UBSan.
 * Exit codes alone do not show one: ASan exits 1, the code of every
 * failed flush or rejected property, and a leak report comes after the
 * program's own exit.
 */
export const sanitizerReport = /ERROR: \w+Sanitizer|WARNING: ThreadSanitizer|: runtime error: /;

/**
 * Runs a host binary with properties and options; a sanitizer report on
 * stderr throws, so every test that runs a sanitized build fails on one
 * whatever else it checks.
 */
export async function runC(binary: string, input: string | Buffer, props: Record<string, string> = {}, extra: string[] = []): Promise<EngineRun> {
  const args = [...Object.entries(props).flatMap(([k, v]) => ["-p", `${k}=${v}`]), ...extra];
  const r = await runHost(binary, args, input, { env: hostEnv, timeoutMs: 60_000 });
  if (sanitizerReport.test(r.stderr)) {
    throw new Error(`${path.basename(binary)} ${args.join(" ")}: sanitizer report (exit ${r.code}):\n${r.stderr}`);
  }
  return { stdout: r.stdout.toString("utf8"), stderr: r.stderr, code: r.code };
}

export async function runJs(entry: string, input: string, props: Record<string, string> = {}, events = false): Promise<EngineRun> {
  return runNode({ entry, props, events, input });
}

/** JSON lines -> values, so 1.0 from the host equals 1 from Node. */
export function parseLines(text: string): unknown[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as unknown);
}

/** Compares a file with `actual`, or rewrites it under UPDATE_GOLDEN=1. */
export function golden(file: string, actual: string): { expected: string; actual: string } {
  if (updateGolden || !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    if (!updateGolden) throw new Error(`golden file ${path.relative(root, file)} was missing: written, review it and rerun`);
  }
  return { expected: fs.readFileSync(file, "utf8"), actual };
}

/** Golden files whose case is gone: a stale golden is a failure, not litter. */
export function staleGoldens(dir: string, exts: string[], caseExists: (base: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .filter((f) => !caseExists(f.slice(0, f.indexOf("."))));
}
