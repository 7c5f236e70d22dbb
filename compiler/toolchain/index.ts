// The C toolchain driver: runtime amalgamation, compiler discovery, the
// local host build and run, compile-only checks.
export { repoRoot, runtimeDir, hostDir, hostIncludeDir } from "./paths.js";
export { amalgamateRuntime, writeRuntimeHeader, runtimeSources } from "./runtime.js";
export {
  buildHost,
  compileCheck,
  findCompiler,
  hostSources,
  runHost,
  sanitizerAvailable,
  sanitizeFlags,
  strictFlags,
} from "./cc.js";
export { fluentBitFlags } from "./fluentbit.js";
export { hostExit, runAttached, type HostEnd, type HostExit } from "./attached.js";
export type { BuildHostOptions, PluginKind, RunOptions, RunResult } from "./cc.js";
