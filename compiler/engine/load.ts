// Loading a plugin under Node: transpile the user's TypeScript to CommonJS
// (no type check: `flbc` checks the program before running it), evaluate it
// with a `require` that knows "flbc" and the plugin's own files, and take the
// default export: the descriptor `define*` returned.
import { ts } from "../program/typescript.cjs";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import type { PluginDescriptor } from "./descriptor.js";

/** stdlib/index.js, from dist/compiler/engine/load.js. */
const stdlibEntry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../stdlib/index.js");

/** What evaluated code may print with console.log (a plugin has no other stdout). */
export interface ConsoleSink {
  log(...data: unknown[]): void;
}

/** A failure to load: the message is printed as is. */
export class LoadError extends Error {}

/** The `flbc` module's namespace (ESM), loaded once. */
async function loadStdlib(): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(stdlibEntry).href)) as Record<string, unknown>;
}

/**
 * Loads `entry` (a .ts file) and returns its default export, checked to be
 * a plugin descriptor.
 */
export async function loadPluginDescriptor(entry: string, console?: ConsoleSink): Promise<PluginDescriptor> {
  const flbc = await loadStdlib();
  const modules = new Map<string, { exports: Record<string, unknown> }>();
  const file = path.resolve(entry);
  const exports = evaluate(file, flbc, modules, console ?? globalThis.console);
  const plugin = exports.default;
  if (!isDescriptor(plugin)) {
    throw new LoadError(
      `${entry}: the default export must be defineFilter(...), defineOutput(...) or defineInput(...)`,
    );
  }
  return plugin;
}

function isDescriptor(value: unknown): value is PluginDescriptor {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const kind = (value as { kind?: unknown }).kind;
  return (kind === "filter" || kind === "output" || kind === "input") && "configMap" in value;
}

/** Evaluates one module (CommonJS wrapper), with a cache for cycles and reuse. */
function evaluate(
  file: string,
  flbc: Record<string, unknown>,
  modules: Map<string, { exports: Record<string, unknown> }>,
  console: ConsoleSink,
): Record<string, unknown> {
  const cached = modules.get(file);
  if (cached !== undefined) {
    return cached.exports;
  }
  let source: string;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch {
    throw new LoadError(`cannot read ${file}`);
  }
  const output = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      inlineSourceMap: false,
    },
  });
  const syntaxErrors = output.diagnostics ?? [];
  if (syntaxErrors.length > 0) {
    throw new LoadError(
      ts.formatDiagnostics(syntaxErrors, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => process.cwd(),
        getNewLine: () => "\n",
      }).trimEnd(),
    );
  }
  const module = { exports: {} as Record<string, unknown> };
  modules.set(file, module);
  const require = (specifier: string): unknown => {
    if (specifier === "flbc") {
      return flbc;
    }
    if (specifier.startsWith("./") || specifier.startsWith("../")) {
      return evaluate(resolveLocal(file, specifier), flbc, modules, console);
    }
    throw new LoadError(`${file}: cannot import '${specifier}': a plugin imports only "flbc" and its own files`);
  };
  const wrapper = vm.compileFunction(output.outputText, ["exports", "require", "module", "console"], {
    filename: file,
  });
  wrapper(module.exports, require, module, console);
  return module.exports;
}

/** "./util" or "./util.js" from a .ts file -> the .ts file beside it. */
function resolveLocal(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, ".ts"), `${base}.ts`, path.join(base, "index.ts")];
  for (const candidate of candidates) {
    if (candidate.endsWith(".ts") && fs.existsSync(candidate)) {
      return candidate;
    }
  }
  throw new LoadError(`${from}: cannot find '${specifier}'`);
}
