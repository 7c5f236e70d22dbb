// Compiling a plugin directory into the shared object `fluent-bit -e`
// loads: dir/flb-<id>.so, against the headers and defines of the Fluent Bit
// tree the fluent-bit binary was built from.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findCompiler } from "../toolchain/index.js";
import { BuildError, type FluentBitTree } from "./fluentBitTree.js";
import type { PluginDir } from "./pluginDir.js";

/**
 * C11 like every flbc build; Fluent Bit's own warnings are silenced by
 * -isystem. Warnings are printed, not fatal (a newer compiler must not break
 * a user's build), except an undeclared function: in a shared object it
 * would only fail when fluent-bit loads it.
 */
export const sharedFlags = [
  "-std=c11",
  "-Wall",
  "-Wextra",
  "-Werror=implicit-function-declaration",
  "-O2",
  "-g",
  "-fPIC",
  "-shared",
];

export interface SharedObject {
  path: string;
  /** The compiler's warnings, if any (errors throw). */
  warnings: string;
}

export async function buildSharedObject(plugin: PluginDir, tree: FluentBitTree): Promise<SharedObject> {
  const { cc } = findCompiler();
  const out = path.join(plugin.dir, plugin.names.sharedObject);
  const tmp = `${out}.${process.pid}.tmp`;
  // Fluent Bit's symbols come from the fluent-bit executable at load time;
  // macOS's linker wants to be told so.
  const link = process.platform === "darwin" ? ["-undefined", "dynamic_lookup"] : [];
  const args = [...sharedFlags, ...tree.flags, "-I", plugin.dir, plugin.cFile, "-o", tmp, ...link, "-lm"];
  const r = await run(cc, args);
  if (r.code !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new BuildError(
      `compiling ${path.basename(plugin.cFile)} against Fluent Bit ${tree.version} (${tree.src}, ` +
        `build ${tree.build}) failed (${cc} exit ${r.code}):\n${r.stderr.trimEnd()}`,
    );
  }
  // A new inode: a fluent-bit that has the old file mapped keeps running.
  fs.renameSync(tmp, out);
  return { path: out, warnings: r.stderr };
}

function run(cc: string, args: string[]): Promise<{ code: number; stderr: string }> {
  const words = cc.trim().split(/\s+/);
  return new Promise((resolve, reject) => {
    const child = spawn(words[0] ?? "cc", [...words.slice(1), ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
}
