// `flbc build`: a compiled plugin as Fluent Bit takes it. Always a plugin
// directory for out-of-tree static builds (cmake -DEXT_<KIND>_PLUGINS=...);
// with --shared also the flb-<id>.so that `fluent-bit -e` loads.
import fs from "node:fs";
import path from "node:path";
import type { Unit } from "../ir/ir.js";
import { BuildError, resolveFluentBitTree, type FluentBitTree } from "./fluentBitTree.js";
import { kinds, pluginNames } from "./kinds.js";
import { writePluginDir, type PluginDir } from "./pluginDir.js";
import { buildSharedObject, type SharedObject } from "./sharedObject.js";

export { BuildError, minVersion, resolveFluentBitTree, type FluentBitTree } from "./fluentBitTree.js";
export { cmakeLists } from "./cmakeLists.js";
export { kinds, pluginNames, type KindInfo, type PluginNames } from "./kinds.js";
export { pluginCFileName, writePluginDir, type PluginDir } from "./pluginDir.js";
export { buildSharedObject, sharedFlags, type SharedObject } from "./sharedObject.js";

export interface BuildOptions {
  /** The plugin directory; default ./<kind prefix>_<name>. */
  outDir?: string;
  /** Also compile dir/flb-<id>.so. */
  shared?: boolean;
  /** Fluent Bit source tree (required with shared). */
  flbSrc?: string;
  /** Its build directory; default <flbSrc>/build. */
  flbBuild?: string;
  /** Told what the build is doing before and after each step that takes seconds. */
  progress?: (line: string) => void;
}

export interface BuildResult {
  plugin: PluginDir;
  tree?: FluentBitTree;
  shared?: SharedObject;
  /** An old dir/flb-<id>.so removed by a build without --shared. */
  staleSharedObject?: string;
}

/** Writes the plugin directory and, when asked, the shared object. Throws BuildError. */
export async function buildUnit(unit: Unit, c: string, opts: BuildOptions): Promise<BuildResult> {
  // Vet the Fluent Bit tree before writing anything.
  let tree: FluentBitTree | undefined;
  if (opts.shared) {
    if (opts.flbSrc === undefined) {
      throw new BuildError("--shared needs --flb-src <dir>: the Fluent Bit source tree your fluent-bit was built from");
    }
    tree = resolveFluentBitTree({ src: opts.flbSrc, build: opts.flbBuild, kind: unit.kind });
  }
  const dir = opts.outDir ?? pluginNames(unit.kind, unit.name).id;
  const plugin = writePluginDir({ dir, unit, c });
  let shared: SharedObject | undefined;
  if (tree) {
    // Fluent Bit's headers and the runtime at -O2 take seconds: say what is going on.
    const start = performance.now();
    opts.progress?.(`compiling ${shown(plugin.cFile)} against Fluent Bit ${tree.version}...`);
    shared = await buildSharedObject(plugin, tree);
    opts.progress?.(`compiled ${shown(shared.path)} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  }
  // A shared object from an earlier --shared build no longer matches the C.
  const staleSharedObject = tree ? undefined : removeStale(path.join(plugin.dir, plugin.names.sharedObject));
  return { plugin, tree, shared, staleSharedObject };
}

/** A path as the user would write it from cwd: relative below it, absolute elsewhere. */
function shown(p: string, cwd: string = process.cwd()): string {
  const r = path.relative(cwd, p);
  return r === "" ? "." : r.startsWith("..") ? p : r;
}

/** What to run next, for the command's output. */
export function describeBuild(r: BuildResult, cwd: string = process.cwd()): string {
  const { plugin } = r;
  const { names } = plugin;
  const files = [plugin.cFile, plugin.runtimeHeader, plugin.cmakeLists].map((f) => path.basename(f));
  const lines = [
    `flbc: wrote ${shown(plugin.dir, cwd)}/ (${files.join(", ")})`,
    `  static plugin: cmake -D${kinds[names.kind].cmakeVar}=${names.id}=${plugin.dir} <fluent-bit-src>`,
  ];
  if (r.staleSharedObject) {
    lines.push(`flbc: removed ${shown(r.staleSharedObject, cwd)}, built from the previous C (rebuild it with --shared)`);
  }
  if (r.shared && r.tree) {
    lines.push(`flbc: built ${shown(r.shared.path, cwd)} against Fluent Bit ${r.tree.version} (${r.tree.src})`);
    lines.push(`  load it:       fluent-bit -e ${r.shared.path} ${kinds[names.kind].flag} ${names.name} ...`);
  }
  return lines.join("\n") + "\n";
}

function removeStale(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  fs.rmSync(file, { force: true });
  return file;
}
