// The pipeline, one direction: program -> check -> plugin -> lower -> emit.
// Each stage stops the line when it reported errors, so nothing a stage
// rejected reaches the next one.
import path from "node:path";
import { checkProgram } from "./check/checkProgram.js";
import { DiagnosticSink, type Diagnostic } from "./diagnostics/diagnostic.js";
import { mergeTsDiagnostics } from "./diagnostics/tsDiagnostics.js";
import { emitUnit } from "./emit/emitUnit.js";
import type { Unit } from "./ir/ir.js";
import { lowerPlugin } from "./lower/lowerPlugin.js";
import { buildPlugin } from "./plugin/buildPlugin.js";
import { loadProgram } from "./program/loadProgram.js";

export interface CompileOptions {
  /** Emit #line directives (default true). */
  lineDirectives?: boolean;
  /** Name of the C file being written, for #line directives. */
  outputName?: string;
  /** Source path for the banner and #line (default: relative to the cwd). */
  sourceName?: string;
  /** Stop after checking: no C is produced. */
  checkOnly?: boolean;
  /** Called after each stage with its wall time in milliseconds. */
  onStage?: (stage: string, ms: number) => void;
}

export interface CompileResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  unit?: Unit;
  c?: string;
}

export function compileFile(entry: string, opts: CompileOptions = {}): CompileResult {
  const sink = new DiagnosticSink();
  const timed = <T>(stage: string, fn: () => T): T => {
    const start = performance.now();
    try {
      return fn();
    } finally {
      opts.onStage?.(stage, performance.now() - start);
    }
  };
  const done = (extra: Partial<CompileResult> = {}): CompileResult => ({
    ok: !sink.hasErrors,
    diagnostics: sink.items,
    ...extra,
  });

  // Guarded too: TypeScript's own parser overflows the stack on absurdly
  // deep nesting, which must be a diagnostic, not a crash.
  const loaded = timed("program", () => guarded(sink, () => loadProgram(entry, sink)));
  if (loaded === undefined || sink.hasErrors) return done();
  // The subset check runs even when tsc found errors: an unsupported
  // construct then gets flbc's located diagnostic instead of tsc's echo.
  timed("check", () => guarded(sink, () => checkProgram(loaded, sink)));
  mergeTsDiagnostics(sink, loaded.tsDiagnostics);
  if (sink.hasErrors) return done();
  const model = timed("plugin", () => guarded(sink, () => buildPlugin(loaded, sink)));
  if (model === undefined || sink.hasErrors) return done();
  const sourceName = opts.sourceName ?? path.relative(process.cwd(), path.resolve(entry)).split(path.sep).join("/");
  const unit = timed("lower", () => guarded(sink, () => lowerPlugin(loaded, model, sink, { sourceName })));
  if (unit === undefined || sink.hasErrors || opts.checkOnly) return done({ unit });
  const c = timed("emit", () =>
    emitUnit(unit, {
      lineDirectives: opts.lineDirectives ?? true,
      outputName: opts.outputName ?? `${unit.kind}_${unit.name}.c`,
    }),
  );
  return done({ unit, c });
}

/**
 * A bug in a stage must not take the user's build down with a stack trace:
 * it becomes a diagnostic that says so, and compilation stops.
 */
function guarded<T>(sink: DiagnosticSink, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    const err = e as Error;
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      sink.reportGlobal("NestingTooDeep");
      return undefined;
    }
    sink.reportGlobal("InternalError", err.message, (err.stack ?? "").split("\n").slice(1, 4).join(" | ").trim());
    return undefined;
  }
}
