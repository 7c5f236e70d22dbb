// Where the C sources live. The toolchain runs from dist/compiler/toolchain/
// (built) or from an installed package; both keep runtime-c/ at the package
// root, so walk up from this file to the directory that has it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (
      fs.existsSync(path.join(dir, "package.json")) &&
      fs.existsSync(path.join(dir, "runtime-c", "flbc.h"))
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `flbc: cannot find runtime-c/flbc.h above ${fileURLToPath(import.meta.url)}`,
      );
    }
    dir = parent;
  }
}

/** The repository (or installed package) root. */
export const repoRoot = findRoot();
/** runtime-c/: flbc.h and the runtime's flbc_*.c. */
export const runtimeDir = path.join(repoRoot, "runtime-c");
/** runtime-c/host/: the local host program. */
export const hostDir = path.join(runtimeDir, "host");
/** The host's Fluent Bit API declarations (<fluent-bit/...>). */
export const hostIncludeDir = path.join(hostDir, "include");
