// The plugin directory: what `flbc build` writes, and all that Fluent Bit's
// out-of-tree static plugin support needs: the generated C, the runtime
// header it includes and a CMakeLists.txt calling FLB_PLUGIN().
import fs from "node:fs";
import path from "node:path";
import type { Unit } from "../ir/ir.js";
import { writeRuntimeHeader } from "../toolchain/index.js";
import { cmakeLists } from "./cmakeLists.js";
import { BuildError } from "./fluentBitTree.js";
import { kinds, pluginNames, type PluginNames } from "./kinds.js";

export interface PluginDir {
  dir: string;
  names: PluginNames;
  cFile: string;
  runtimeHeader: string;
  cmakeLists: string;
}

/** The C file name compileFile's #line directives refer to. */
export function pluginCFileName(unit: Unit): string {
  return `${unit.kind}_${unit.name}.c`;
}

/**
 * Writes dir/<kind>_<name>.c, dir/flbc_rt.h and dir/CMakeLists.txt. Files
 * are rewritten only when their content changes, so a Fluent Bit build that
 * includes the directory rebuilds only what flbc changed.
 */
export function writePluginDir(opts: { dir: string; unit: Unit; c: string }): PluginDir {
  const { unit, c } = opts;
  const names = pluginNames(unit.kind, unit.name);
  checkExportedSymbol(c, names);
  const dir = path.resolve(opts.dir);
  fs.mkdirSync(dir, { recursive: true });
  const cName = pluginCFileName(unit);
  const cFile = path.join(dir, cName);
  writeIfChanged(cFile, c);
  const runtimeHeader = writeRuntimeHeader(dir);
  const cmakeFile = path.join(dir, "CMakeLists.txt");
  writeIfChanged(cmakeFile, cmakeLists({ names, cFile: cName, source: unit.sourceName }));
  return { dir, names, cFile, runtimeHeader, cmakeLists: cmakeFile };
}

/**
 * Fluent Bit finds the plugin only by its struct's name; a mismatch would
 * build and then fail at link or load time with a less helpful message.
 */
function checkExportedSymbol(c: string, names: PluginNames): void {
  const decl = new RegExp(`^struct ${kinds[names.kind].struct} ${names.symbol} =`, "m");
  if (!decl.test(c)) {
    throw new BuildError(
      `the generated C does not define 'struct ${kinds[names.kind].struct} ${names.symbol}', ` +
        "the symbol Fluent Bit registers the plugin by (an flbc bug: please report it)",
    );
  }
}

function writeIfChanged(file: string, text: string): void {
  try {
    if (fs.readFileSync(file, "utf8") === text) return;
  } catch {
    // absent: write it
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
