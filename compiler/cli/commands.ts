// The commands behind `flbc`: loaded only when a command runs, so that
// --help and --version do not load the TypeScript compiler. What only
// run, build, init and --watch need is imported when they start, so that
// compiling a plugin (`flbc x.ts -o out.c`, `flbc check`) loads none of it.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pluginNames } from "../build/kinds.js";
import { compileFile, type CompileResult } from "../compile.js";
import { formatDiagnostics, wantColor } from "../diagnostics/format.js";
import type { HostEnd } from "../toolchain/index.js";
import { writeRuntimeHeader } from "../toolchain/runtime.js";
import { readsNoRecords, type ParsedArgs } from "./args.js";

export async function dispatch(args: ParsedArgs): Promise<number> {
  const file = args.file!;
  if (args.command === "init") return init(args);
  if (args.command === "run" && args.watch) {
    const run = () => runOnce(args);
    const { watchRun } = await import("./watch.js");
    return watchRun({ file, input: args.input, run, status: process.stderr, clear: process.stdout.isTTY === true });
  }
  if (args.command === "run" && args.engine === "node") return runUnderNode(args);
  if (args.command === "build") return build(args);
  const outputName = args.out !== undefined ? path.basename(args.out) : undefined;
  const result = compile(args, { checkOnly: args.command === "check", outputName });
  if (!result.ok) return 1;
  if (args.command === "check") return 0;
  if (args.command === "compile") {
    if (args.out === undefined) {
      process.stdout.write(result.c!);
      return 0;
    }
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    fs.writeFileSync(args.out, result.c!);
    const header = writeRuntimeHeader(path.dirname(path.resolve(args.out)));
    if (args.verbose) process.stderr.write(`flbc: wrote ${args.out} and ${path.relative(process.cwd(), header)}\n`);
    return 0;
  }
  return runCompiled(args, file, result);
}

function compile(args: ParsedArgs, opts: { checkOnly: boolean; outputName?: string }): CompileResult {
  const result = compileFile(args.file!, {
    lineDirectives: args.lineDirectives,
    checkOnly: opts.checkOnly,
    outputName: opts.outputName,
    onStage: args.verbose ? (stage, ms) => process.stderr.write(`flbc: ${stage.padEnd(8)} ${ms.toFixed(1)} ms\n`) : undefined,
  });
  if (result.diagnostics.length > 0) {
    const color = wantColor(process.stderr, args.color);
    process.stderr.write(formatDiagnostics(result.diagnostics, { color, cwd: process.cwd() }));
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    if (errors > 0) process.stderr.write(`\nFound ${errors} error${errors === 1 ? "" : "s"}.\n`);
  }
  return result;
}

/** One `flbc run` (a --watch run repeats it): under Node, or compiled. */
async function runOnce(args: ParsedArgs): Promise<number> {
  if (args.engine === "node") return runUnderNode(args);
  const result = compile(args, { checkOnly: false });
  if (!result.ok) return 1;
  return runCompiled(args, args.file!, result);
}

/** `flbc init`: a new plugin project. */
async function init(args: ParsedArgs): Promise<number> {
  const { InitError, initProject, initSummary } = await import("./init.js");
  try {
    const r = initProject({ dir: args.file!, kind: args.kind, name: args.name });
    process.stdout.write(initSummary(r, args.file!));
    return 0;
  } catch (e) {
    if (!(e instanceof InitError)) throw e;
    process.stderr.write(`flbc init: ${e.message}\n`);
    return 2;
  }
}

/** `flbc build`: the plugin directory, and the shared object with --shared. */
async function build(args: ParsedArgs): Promise<number> {
  const result = compile(args, { checkOnly: false });
  if (!result.ok) return 1;
  const { BuildError, buildUnit, describeBuild } = await import("../build/index.js");
  try {
    // Progress goes to stderr: stdout is what to run next, and may be piped.
    const progress = args.quiet ? undefined : (line: string) => process.stderr.write(`flbc: ${line}\n`);
    const r = await buildUnit(result.unit!, result.c!, { ...args, progress });
    process.stdout.write(describeBuild(r));
    if (r.shared?.warnings) process.stderr.write(r.shared.warnings);
    return 0;
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    process.stderr.write(`flbc: ${e.message}\n`);
    return 1;
  }
}

/** Builds the plugin into the local host and runs it with stdin/stdout passed through. */
async function runCompiled(args: ParsedArgs, file: string, result: CompileResult): Promise<number> {
  const { buildHost, hostExit, runAttached } = await import("../toolchain/index.js");
  const unit = result.unit!;
  const symbol = pluginNames(unit.kind, unit.name).symbol;
  const key = crypto.createHash("sha256").update(path.resolve(file)).digest("hex").slice(0, 12);
  const dir = path.join(os.tmpdir(), `flbc-run-${key}`);
  fs.mkdirSync(dir, { recursive: true });
  const pluginC = path.join(dir, `${unit.kind}_${unit.name}.c`);
  fs.writeFileSync(pluginC, result.c!);
  let binary: string;
  const start = performance.now();
  // A build that misses the cache takes seconds: say so on a terminal
  // rather than look stuck (pipes and tests get no such line).
  const progress = process.stderr.isTTY && !args.quiet
    ? setTimeout(() => process.stderr.write(`flbc: compiling ${path.basename(file)} to a native host with ${process.env.CC || "cc"}...\n`), 1000)
    : undefined;
  try {
    ({ binary } = await buildHost({ pluginC, symbol, kind: unit.kind, outDir: dir, sanitize: args.sanitize }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  } finally {
    clearTimeout(progress);
  }
  if (args.verbose) process.stderr.write(`flbc: cc       ${(performance.now() - start).toFixed(1)} ms\n`);
  const hostArgs: string[] = [];
  for (const [k, v] of args.props) hostArgs.push("-p", `${k}=${v}`);
  if (args.events) hostArgs.push("--events");
  if (args.tag !== undefined) hostArgs.push("--tag", args.tag);
  if (args.chunkRecords !== undefined) hostArgs.push("--chunk-records", String(args.chunkRecords));
  if (args.trace) hostArgs.push("--trace");
  if (args.count !== undefined) hostArgs.push("--count", String(args.count));
  if (args.duration !== undefined) hostArgs.push("--duration", String(args.duration));
  if (args.noWait) hostArgs.push("--no-wait");
  let stdin: number | "inherit" = "inherit";
  if (args.input !== undefined) {
    try {
      stdin = fs.openSync(args.input, "r");
    } catch (e) {
      process.stderr.write(`flbc: cannot read --input ${args.input}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  let end: HostEnd;
  try {
    end = await runAttached(binary, hostArgs, stdin);
  } catch (e) {
    process.stderr.write(`flbc: cannot run ${binary}: ${(e as Error).message}\n`);
    return 1;
  } finally {
    if (typeof stdin === "number") fs.closeSync(stdin);
  }
  // What the host printed before it died is already on stderr, above this.
  const exit = hostExit(end);
  if (exit.message !== undefined) {
    const hint = exit.crashed && !args.sanitize ? "; rerun with --sanitize for a report of where" : "";
    process.stderr.write(`flbc: ${exit.message}${hint}\n`);
  }
  return exit.code;
}

async function runUnderNode(args: ParsedArgs): Promise<number> {
  // Both engines take the same programs: one that would not compile does not run as JavaScript either.
  if (!compile(args, { checkOnly: true }).ok) return 1;
  let input = "";
  try {
    // An input plugin's run must not wait for stdin: under --watch it was read to its end by the first run.
    if (args.input !== undefined) input = fs.readFileSync(args.input, "utf8");
    else if (!readsNoRecords(args)) input = await readStdin();
  } catch (e) {
    process.stderr.write(`flbc: cannot read --input ${args.input}: ${(e as Error).message}\n`);
    return 1;
  }
  const { runNode } = await import("../engine/node.js");
  const r = await runNode({
    entry: args.file!,
    props: Object.fromEntries(args.props),
    events: args.events,
    input,
    tag: args.tag,
    chunkRecords: args.chunkRecords,
    count: args.count,
    duration: args.duration,
  });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  return r.code;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    if (process.stdin.isTTY) {
      resolve("");
      return;
    }
    const chunks: Buffer[] = [];
    process.stdin.on("data", (d: Buffer) => chunks.push(d));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}
