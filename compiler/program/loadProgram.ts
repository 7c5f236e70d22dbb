// Stage 1: load the entry file with the TypeScript compiler API and collect
// tsc's own diagnostics. The subset has its own standard library
// (stdlib/lib.flbc.d.ts) under `noLib`, so tsc itself rejects a built-in
// flbc does not implement, and set-up skips TypeScript's lib.es*.d.ts.
// One ts.createProgram on the real file system: a ts-morph project built
// the program twice and kept a document registry a compile never uses.
import { ts } from "./typescript.cjs";
import fs from "node:fs";
import path from "node:path";
import { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { repoRoot } from "../toolchain/paths.js";

export interface LoadedProgram {
  program: ts.Program;
  checker: ts.TypeChecker;
  entry: ts.SourceFile;
  /** The `flbc` module's declaration file, to recognise its symbols. */
  apiFile: ts.SourceFile;
  /** tsc's own diagnostics, merged with the subset's by the caller. */
  tsDiagnostics: readonly ts.Diagnostic[];
}

export const stdlibDir = path.join(repoRoot, "stdlib");
export const apiDeclarations = path.join(stdlibDir, "flbc.d.ts");
export const libDeclarations = path.join(stdlibDir, "lib.flbc.d.ts");

/** Options every plugin is checked with; `flbc init` writes the same. */
export const pluginCompilerOptions: ts.CompilerOptions = {
  strict: true,
  noLib: true,
  noUncheckedIndexedAccess: true,
  // flbc's own .d.ts files are checked by its tests, not on every compile.
  skipLibCheck: true,
  exactOptionalPropertyTypes: false,
  noImplicitReturns: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  noEmit: true,
  allowJs: false,
  paths: { flbc: [apiDeclarations] },
};

export function loadProgram(entryPath: string, sink: DiagnosticSink): LoadedProgram | undefined {
  const entry = path.resolve(entryPath);
  if (!fs.existsSync(entry)) {
    sink.reportGlobal("FileNotFound", entryPath);
    return undefined;
  }
  const host = ts.createCompilerHost(pluginCompilerOptions, true);
  const program = ts.createProgram({ rootNames: [libDeclarations, entry], options: pluginCompilerOptions, host });
  const entryFile = program.getSourceFile(entry);
  const apiFile = program.getSourceFile(apiDeclarations);
  if (entryFile === undefined || apiFile === undefined) {
    sink.reportGlobal("FileNotFound", entryFile === undefined ? entryPath : apiDeclarations);
    return undefined;
  }
  return {
    program,
    checker: program.getTypeChecker(),
    entry: entryFile,
    apiFile,
    tsDiagnostics: ts.getPreEmitDiagnostics(program),
  };
}
