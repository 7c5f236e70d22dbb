// The `flbc` command: arguments, --help and --version here; the commands
// themselves (and the TypeScript compiler they load) in commands.ts.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../toolchain/paths.js";
import { helpText, parseArgs, UsageError, type ParsedArgs } from "./args.js";
import { withoutOptimizer } from "./codeCache.js";

export async function main(argv: string[]): Promise<void> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`flbc: ${e.message}\nRun 'flbc --help' for usage.\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
  if (args.command === "help") {
    process.stdout.write(helpText + "\n");
    return;
  }
  if (args.command === "version") {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    process.stdout.write(`flbc ${pkg.version}\n`);
    return;
  }
  if (!args.watch && !(args.command === "run" && args.engine === "node")) withoutOptimizer();
  const { dispatch } = await import("./commands.js");
  process.exitCode = await dispatch(args);
}

