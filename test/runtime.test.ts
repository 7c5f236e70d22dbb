// The C runtime's own unit tests (runtime-c/test/*.c): compiled against the
// amalgamation flbc_rt.h exactly as plugins get it, with the strict flags
// and, where the compiler can link them, ASan + UBSan; under gcc and clang
// when both are installed. Each test binary asserts and exits 0 on success.
import test from "ava";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeRuntimeHeader } from "../compiler/toolchain/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const testDir = path.join(root, "runtime-c", "test");
const strict = ["-std=c11", "-Wall", "-Wextra", "-Werror"];
const sanitize = [
  "-fsanitize=address,undefined",
  "-fno-sanitize-recover=all",
  "-fno-omit-frame-pointer",
  "-g",
];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-runtime-test-"));
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));
const includeDir = path.dirname(writeRuntimeHeader(path.join(scratch, "include")));

/** `$CC` (may carry arguments, "ccache gcc") as program + leading args. */
function command(cc: string): [string, string[]] {
  const words = cc.trim().split(/\s+/);
  return [words[0] ?? "cc", words.slice(1)];
}

function works(cc: string): boolean {
  const [prog, pre] = command(cc);
  const r = spawnSync(prog, [...pre, "--version"], { encoding: "utf8" });
  return !r.error && r.status === 0;
}

/** Whether cc links and runs a sanitized program (not every toolchain can). */
function canSanitize(cc: string): boolean {
  const [prog, pre] = command(cc);
  const dir = fs.mkdtempSync(path.join(scratch, "probe-"));
  const src = path.join(dir, "probe.c");
  const bin = path.join(dir, "probe");
  fs.writeFileSync(src, "#include <stdlib.h>\nint main(void) { free(malloc(4)); return 0; }\n");
  const built = spawnSync(prog, [...pre, ...sanitize, src, "-o", bin], { encoding: "utf8" });
  return built.status === 0 && spawnSync(bin).status === 0;
}

// `$CC` (default cc, usually gcc); without $CC, clang as well when present.
const compilers = [process.env.CC ?? "cc"];
if (process.env.CC === undefined && works("clang")) {
  compilers.push("clang");
}

const sources = fs
  .readdirSync(testDir)
  .filter((f) => f.endsWith(".c"))
  .sort();

for (const cc of compilers) {
  for (const source of sources) {
    test(`${source} under ${cc}`, (t) => {
      if (!works(cc)) {
        t.fail(`no working C compiler '${cc}'`);
        return;
      }
      const [prog, pre] = command(cc);
      const sanitized = canSanitize(cc);
      if (!sanitized) {
        t.log(`${cc} cannot link ASan/UBSan here: running without sanitizers`);
      }
      const bin = path.join(scratch, `${path.basename(source, ".c")}-${prog.replace(/\W/g, "_")}`);
      const args = [
        ...pre,
        ...strict,
        ...(sanitized ? sanitize : ["-O1"]),
        "-I",
        includeDir,
        "-I",
        testDir,
        path.join(testDir, source),
        "-o",
        bin,
        "-lm",
      ];
      try {
        execFileSync(prog, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      } catch (e) {
        const err = e as { stderr?: string };
        t.fail(`${cc} failed:\n${err.stderr ?? String(e)}`);
        return;
      }
      const run = spawnSync(bin, [], {
        encoding: "utf8",
        env: { ...process.env, ASAN_OPTIONS: "detect_leaks=1", UBSAN_OPTIONS: "print_stacktrace=1" },
      });
      t.is(run.status, 0, `${run.stdout}\n${run.stderr}`);
      t.regex(run.stdout, /checks passed/);
    });
  }
}
