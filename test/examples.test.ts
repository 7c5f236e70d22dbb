// Every example is a test case: its generated C is a golden file, compiles
// warning-free under gcc and clang, runs in the local host on its sample
// records with the expected output, agrees value by value with the Node
// reference run of the same source, and runs clean under ASan/UBSan.
import test from "ava";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runNode } from "../compiler/engine/node.js";
import { compileCheck, hostIncludeDir, sanitizerAvailable, writeRuntimeHeader } from "../compiler/toolchain/index.js";
import { startHttpServer, transcript } from "./support/netServer.js";
import {
  buildPlugin,
  compileForTest,
  golden,
  parseLines,
  root,
  runC,
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

/**
 * How an example runs, from <name>.run.json when there is one: properties,
 * --events input, an input's --count (collected without waiting), `text`
 * for an output that prints lines other than JSON (expected output then in
 * <name>.expected.txt), and a server for a network output.
 */
interface RunSpec {
  props: Record<string, string>;
  events: boolean;
  count?: number;
  text: boolean;
  /** An output that writes a file: this property gets a fresh path, and the file's text is the output. */
  outputFile?: string;
  /**
   * A network output: "http" starts an HTTP server answering 200 on
   * 127.0.0.1 and passes its port; the requests it received are the output.
   */
  server?: "http";
}

function runSpec(name: string): RunSpec {
  const file = path.join(examplesDir, `${name}.run.json`);
  const given = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<RunSpec>) : {};
  return { props: given.props ?? {}, events: given.events ?? false, count: given.count, text: given.text ?? false, outputFile: given.outputFile, server: given.server };
}

/** Runs `run` against a fresh server when the spec has one; stdout gets the requests it received. */
async function withServer<R extends { stdout: string }>(spec: RunSpec, props: Record<string, string>, run: (props: Record<string, string>) => Promise<R>): Promise<R> {
  if (spec.server === undefined) return run(props);
  const server = await startHttpServer();
  try {
    const r = await run({ ...props, port: String(server.port) });
    const requests = (await server.received()).map((req) => transcript(req, server.port));
    return { ...r, stdout: r.stdout + requests.join("") };
  } finally {
    await server.close();
  }
}

/** Runs `run` with spec.outputFile pointing at a new file; stdout gets that file's text. */
async function withOutputFile<R extends { stdout: string }>(spec: RunSpec, dir: string, run: (props: Record<string, string>) => Promise<R>): Promise<R> {
  if (spec.outputFile === undefined) return withServer(spec, spec.props, run);
  const file = path.join(dir, `out-${Math.random().toString(36).slice(2)}.txt`);
  const r = await withServer(spec, { ...spec.props, [spec.outputFile]: file }, run);
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  fs.rmSync(file, { force: true });
  return { ...r, stdout: r.stdout + text };
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
  const spec = runSpec(name);
  const inputFile = path.join(examplesDir, `${name}.jsonl`);
  const input = fs.existsSync(inputFile) ? fs.readFileSync(inputFile, "utf8") : "";
  const lines = (text: string): unknown[] => (spec.text ? text.split("\n").filter((l) => l !== "") : parseLines(text));
  const expected = lines(fs.readFileSync(path.join(examplesDir, `${name}.expected.${spec.text ? "txt" : "jsonl"}`), "utf8"));
  const hostArgs = [...(spec.events ? ["--events"] : []), ...(spec.count !== undefined ? ["--count", String(spec.count), "--no-wait"] : [])];

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
    const c = await withOutputFile(spec, dir, (props) => runC(binary, input, props, hostArgs));
    t.is(c.code, 0, c.stderr);
    t.deepEqual(lines(c.stdout), expected);
    const js = await withOutputFile(spec, dir, (props) => runNode({ entry, props, events: spec.events, input, count: spec.count }));
    t.is(js.code, 0, js.stderr);
    t.deepEqual(lines(c.stdout), lines(js.stdout));
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
    const c = await withOutputFile(spec, dir, (props) => runC(binary, input, props, [...hostArgs, "--chunk-records", "3"]));
    t.is(c.code, 0, c.stderr);
    t.deepEqual(lines(c.stdout), expected);
    t.notRegex(c.stderr, /Sanitizer|runtime error/);
  });
}
