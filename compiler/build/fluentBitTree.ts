// Finding and vetting the Fluent Bit tree a shared object is compiled
// against. Fluent Bit loads a plugin .so by copying its registration struct
// (flb_plugin_load: dlopen, dlsym("<id>_plugin"), memcpy) with no version or
// ABI check of its own, and the plugin reads Fluent Bit's instance structs
// through its headers' macros. So the headers, and the FLB_HAVE_* defines
// that shape those structs, must be exactly the ones the fluent-bit binary
// was built with: the source tree plus its configured build directory.
import fs from "node:fs";
import path from "node:path";
import { fluentBitFlags } from "../toolchain/index.js";
import type { PluginKind } from "../toolchain/index.js";

/** A problem with the user's input, reported as one message (no stack). */
export class BuildError extends Error {}

/** Oldest Fluent Bit flbc supports: the 4.x/5.x plugin API (filters that also run as processors). */
export const minVersion = { major: 4, minor: 0 };

export interface FluentBitTree {
  /** Absolute source directory (holds include/fluent-bit/). */
  src: string;
  /** Absolute build directory (holds compile_commands.json). */
  build: string;
  /** From include/fluent-bit/flb_version.h, e.g. "5.1.1". */
  version: string;
  /** Compiler flags of the tree's own plugins: -isystem dirs and -D defines. */
  flags: string[];
}

const pluginHeader: Record<PluginKind, string> = {
  filter: "flb_filter_plugin.h",
  output: "flb_output_plugin.h",
  input: "flb_input_plugin.h",
};

/**
 * Resolves --flb-src and --flb-build (relative to cwd). Without a build
 * directory, <src>/build is used when it is a configured build of src.
 * Throws BuildError with what to pass instead.
 */
export function resolveFluentBitTree(opts: {
  src: string;
  build?: string;
  kind: PluginKind;
}): FluentBitTree {
  const src = path.resolve(opts.src);
  if (!isDir(src)) {
    throw new BuildError(`--flb-src ${opts.src}: no such directory; pass the root of a Fluent Bit source tree`);
  }
  const incDir = path.join(src, "include", "fluent-bit");
  const header = path.join(incDir, pluginHeader[opts.kind]);
  if (!fs.existsSync(header)) {
    throw new BuildError(
      `--flb-src ${opts.src} is not a Fluent Bit source tree (no include/fluent-bit/${pluginHeader[opts.kind]}); ` +
        "pass the directory that holds Fluent Bit's top-level CMakeLists.txt",
    );
  }
  const version = readVersion(src, opts.src);
  checkVersion(version, opts.src);
  checkPluginStruct(opts.kind, incDir);

  const build = findBuildDir(src, opts.src, opts.build);
  let flags: string[];
  try {
    flags = fluentBitFlags(build);
  } catch (e) {
    throw new BuildError(`${(e as Error).message.replace(/^flbc: /, "")}; pass --flb-build <dir> of a full Fluent Bit configure`);
  }
  return { src, build, version: version.text, flags };
}

interface Version {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

/** flb_version.h is written into the source tree by cmake. */
function readVersion(src: string, shown: string): Version {
  const file = path.join(src, "include", "fluent-bit", "flb_version.h");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new BuildError(
      `--flb-src ${shown} has not been configured (no include/fluent-bit/flb_version.h, which cmake generates): ` +
        "run cmake for it first, and pass that build directory as --flb-build",
    );
  }
  const num = (macro: string): number => {
    const m = new RegExp(`#define\\s+${macro}\\s+(\\d+)`).exec(text);
    if (!m) throw new BuildError(`${file}: no ${macro}; is this Fluent Bit's flb_version.h?`);
    return Number(m[1]);
  };
  const major = num("FLB_VERSION_MAJOR");
  const minor = num("FLB_VERSION_MINOR");
  const patch = num("FLB_VERSION_PATCH");
  return { major, minor, patch, text: `${major}.${minor}.${patch}` };
}

function checkVersion(v: Version, shown: string): void {
  if (v.major < minVersion.major || (v.major === minVersion.major && v.minor < minVersion.minor)) {
    throw new BuildError(
      `--flb-src ${shown} is Fluent Bit ${v.text}; flbc needs Fluent Bit ` +
        `${minVersion.major}.${minVersion.minor} or later: pass a newer source tree`,
    );
  }
}

/** The generated struct sets event_type: a header without it cannot match. */
function checkPluginStruct(kind: PluginKind, incDir: string): void {
  if (kind !== "filter") return;
  const text = fs.readFileSync(path.join(incDir, "flb_filter.h"), "utf8");
  const body = /struct\s+flb_filter_plugin\s*\{([^}]*)\}/.exec(text)?.[1] ?? "";
  if (!/\bevent_type\s*;/.test(body) || !/\bFLB_FILTER_LOGS\b/.test(text)) {
    throw new BuildError(
      `${path.join(incDir, "flb_filter.h")}: struct flb_filter_plugin has no event_type, which flbc's ` +
        "generated plugins set; this Fluent Bit is too old or modified: pass a Fluent Bit 4.x or 5.x tree",
    );
  }
}

function findBuildDir(src: string, shownSrc: string, given: string | undefined): string {
  if (given === undefined) {
    const guess = path.join(src, "build");
    if (isConfiguredBuild(guess)) {
      checkBuildSource(guess, src, path.join(shownSrc, "build"), shownSrc);
      return guess;
    }
    throw new BuildError(
      `no Fluent Bit build directory for --flb-src ${shownSrc} (${path.join(shownSrc, "build")} is not one): ` +
        "pass --flb-build <dir>, the directory where cmake was run for that tree (it has compile_commands.json)",
    );
  }
  const build = path.resolve(given);
  if (!isDir(build)) {
    throw new BuildError(`--flb-build ${given}: no such directory; pass the directory where cmake was run`);
  }
  if (!isConfiguredBuild(build)) {
    throw new BuildError(
      `--flb-build ${given} is not a configured Fluent Bit build directory (no CMakeCache.txt and ` +
        "compile_commands.json): pass the directory where cmake was run for --flb-src",
    );
  }
  checkBuildSource(build, src, given, shownSrc);
  return build;
}

function isConfiguredBuild(dir: string): boolean {
  return (
    fs.existsSync(path.join(dir, "CMakeCache.txt")) &&
    fs.existsSync(path.join(dir, "compile_commands.json"))
  );
}

/** The build directory must have been configured from this very source tree. */
function checkBuildSource(build: string, src: string, shownBuild: string, shownSrc: string): void {
  const cache = fs.readFileSync(path.join(build, "CMakeCache.txt"), "utf8");
  const home = /^CMAKE_HOME_DIRECTORY:INTERNAL=(.*)$/m.exec(cache)?.[1]?.trim();
  if (home === undefined) return;
  if (realpath(home) !== realpath(src)) {
    throw new BuildError(
      `--flb-build ${shownBuild} was configured from ${home}, not from --flb-src ${shownSrc}: ` +
        "its generated headers would not match; pass the matching pair",
    );
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
