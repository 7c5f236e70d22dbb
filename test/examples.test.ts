// Every example is a test case: its generated C is a golden file, compiles
// warning-free under gcc and clang, runs in the local host on its sample
// records with the expected output, agrees value by value with the Node
// reference run of the same source, and runs clean under ASan/UBSan.
import test from "ava";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { compileCheck, hostIncludeDir, sanitizerAvailable, writeRuntimeHeader } from "../compiler/toolchain/index.js";
import {
  buildPlugin,
  compileForTest,
  golden,
  parseLines,
  root,
  runC,
  runJs,
  scratchDir,
  staleGoldens,
} from "./support/plugins.js";

const examplesDir = path.join(root, "examples");
const goldenDir = path.join(root, "test", "golden", "examples");
const examples = fs
  .readdirSync(examplesDir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.slice(0, -3))
  .sort();
const scratch = scratchDir("examples");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

function compilerAvailable(cc: string): boolean {
  try {
    execFileSync(cc, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const compilers = ["gcc", "clang"].filter(compilerAvailable);

test("no golden file outlives its example", (t) => {
  t.deepEqual(
    staleGoldens(goldenDir, [".c", ".run.txt"], (base) => examples.includes(base)),
    [],
  );
});

for (const name of examples) {
  const entry = path.join(examplesDir, `${name}.ts`);
  const input = fs.readFileSync(path.join(examplesDir, `${name}.jsonl`), "utf8");
  const expected = parseLines(fs.readFileSync(path.join(examplesDir, `${name}.expected.jsonl`), "utf8"));

  test(`${name}: generated C matches its golden file`, (t) => {
    const result = compileForTest(entry);
    t.true(result.ok);
    const g = golden(path.join(goldenDir, `${name}.c`), result.c!);
    t.is(g.actual, g.expected);
  });

  test(`${name}: compiles with -std=c11 -Wall -Wextra -Werror (${compilers.join(", ")})`, async (t) => {
    const dir = path.join(scratch, `cc-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.c`);
    fs.writeFileSync(file, compileForTest(entry).c!);
    writeRuntimeHeader(dir);
    t.true(compilers.length > 0, "no C compiler found");
    for (const cc of compilers) {
      // -D_GNU_SOURCE: Fluent Bit builds in GNU mode, where libc declares more
      // names (on_exit, index...) that generated code must not clash with.
      const r = await compileCheck(file, ["-D_GNU_SOURCE", "-I", hostIncludeDir, "-I", dir, "-O2"], cc);
      t.true(r.ok, `${cc}:\n${r.stderr}`);
    }
  });

  test(`${name}: runs in the host with the expected output, the same as under Node`, async (t) => {
    const dir = path.join(scratch, `run-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    const { binary } = await buildPlugin(entry, dir);
    const c = await runC(binary, input);
    t.is(c.code, 0, c.stderr);
    t.deepEqual(parseLines(c.stdout), expected);
    const js = await runJs(entry, input);
    t.is(js.code, 0, js.stderr);
    t.deepEqual(parseLines(c.stdout), parseLines(js.stdout));
    const g = golden(path.join(goldenDir, `${name}.run.txt`), c.stdout + c.stderr.replace(/^(?=.)/gm, "# "));
    t.is(g.actual, g.expected);
  });

  test(`${name}: clean under AddressSanitizer and UBSan`, async (t) => {
    if (!(await sanitizerAvailable())) {
      t.log("sanitizers unavailable here: skipped");
      t.pass();
      return;
    }
    const dir = path.join(scratch, `asan-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    const { binary } = await buildPlugin(entry, dir, { sanitize: true });
    const c = await runC(binary, input, {}, ["--chunk-records", "3"]);
    t.is(c.code, 0, c.stderr);
    t.deepEqual(parseLines(c.stdout), expected);
    t.notRegex(c.stderr, /Sanitizer|runtime error/);
  });
}
