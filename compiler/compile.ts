// The pipeline, one direction: program -> check -> plugin -> lower -> emit.
// Each stage stops the line when it reported errors, so nothing a stage
// rejected reaches the next one.
import path from "node:path";
import { checkProgram } from "./check/checkProgram.js";
import { DiagnosticSink, type Diagnostic } from "./diagnostics/diagnostic.js";
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

  const loaded = timed("program", () => loadProgram(entry, sink));
  if (loaded === undefined || sink.hasErrors) return done();
  timed("check", () => checkProgram(loaded, sink));
  if (sink.hasErrors) return done();
  const model = timed("plugin", () => buildPlugin(loaded, sink));
  if (model === undefined || sink.hasErrors) return done();
  const sourceName = path.relative(process.cwd(), path.resolve(entry)).split(path.sep).join("/");
  const unit = timed("lower", () => lowerPlugin(loaded, model, sink, { sourceName }));
  if (sink.hasErrors || opts.checkOnly) return done({ unit });
  const c = timed("emit", () =>
    emitUnit(unit, {
      lineDirectives: opts.lineDirectives ?? true,
      outputName: opts.outputName ?? `${unit.kind}_${unit.name}.c`,
    }),
  );
  return done({ unit, c });
}
