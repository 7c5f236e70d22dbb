// Opt-in: the examples inside a real Fluent Bit. Set
//   FLB_SRC=<Fluent Bit source tree>  FLB_BIN=<its build's bin/fluent-bit>
//   [FLB_BUILD=<the build directory>; default: the build directory FLB_BIN
//    is in (<build>/bin/fluent-bit), else $FLB_SRC/build]
// Each example is built with `flbc build --shared` against the tree and
// loaded into the binary. A filter is loaded every way (-e, the YAML
// plugins: list, a classic plugins file), fed its sample records through
// tail, and must print what the local host prints for the same records, tag
// and properties: as a filter, as a processor of the input and of the
// output, and in classic mode. An output gets its sample events (times and
// metadata included) from dummy inputs and must write what the example's
// expected output holds; an input feeds stdout and its first records must
// be the expected ones. Fluent Bit must also reject an unknown property and
// a bad value, and `-F/-o/-i <name> -h` must show the config map.
// FLB_BIN must be a binary without these plugins built in (a static build
// with EXT_*_PLUGINS would shadow the .so).
import test from "ava";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildUnit, type BuildResult } from "../../compiler/build/index.js";
import { kinds } from "../../compiler/build/kinds.js";
import { compileFile } from "../../compiler/compile.js";
import { formatDiagnostics } from "../../compiler/diagnostics/format.js";
import type { ConfigEntry, Unit } from "../../compiler/ir/ir.js";
import { buildHost, runHost } from "../../compiler/toolchain/index.js";
import { dummyEventArgs, forms, parseFluentBitRecords, parseRecords, plainLog, runFluentBit, tag, writePipeline } from "./pipeline.js";
import { startHttpServer } from "../support/netServer.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const { FLB_SRC, FLB_BIN, FLB_BUILD } = process.env;

/** A non-default property per example, so that properties reach the plugin. */
const exampleProps: Record<string, Record<string, string>> = {
  redact: { reveal: "3" },
  level_filter: { min_level: "warn" },
  enrich: { env: "staging" },
};

if (!FLB_SRC || !FLB_BIN) {
  test("real Fluent Bit", (t) => {
    t.log("FLB_SRC and FLB_BIN not set: real Fluent Bit tests skipped (docs/fluent-bit.md)");
    t.pass();
  });
} else {
  registerTests(FLB_SRC, FLB_BIN, FLB_BUILD ?? buildDirOf(FLB_BIN));
}

/** <build>/bin/fluent-bit -> <build>, when that is a cmake build directory. */
function buildDirOf(bin: string): string | undefined {
  const dir = path.dirname(path.dirname(path.resolve(bin)));
  return fs.existsSync(path.join(dir, "CMakeCache.txt")) ? dir : undefined;
}

function registerTests(flbSrc: string, flbBin: string, flbBuild: string | undefined): void {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-flb-test-"));
  test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const examples = fs
    .readdirSync(path.join(root, "examples"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.slice(0, -3))
    .sort();

  for (const example of examples) {
    const entry = path.join(root, "examples", `${example}.ts`);
    const records = path.join(root, "examples", `${example}.jsonl`);
    const dir = path.join(scratch, example);
    const props = exampleProps[example] ?? {};

    let built: Promise<Built> | undefined;
    const build = (): Promise<Built> =>
      (built ??= (async () => {
        const r = compileFile(entry);
        if (!r.ok) throw new Error(`${example}.ts does not compile:\n${formatDiagnostics(r.diagnostics, { color: false, cwd: root })}`);
        const unit = r.unit!;
        const result = await buildUnit(unit, r.c!, {
          outDir: path.join(dir, "plugin"),
          shared: true,
          flbSrc,
          flbBuild,
        });
        // The local host runs the very C file the shared object was built from.
        const { binary } = await buildHost({
          pluginC: result.plugin.cFile,
          symbol: result.plugin.names.symbol,
          kind: unit.kind,
          outDir: path.join(dir, "host"),
        });
        return { unit, build: result, hostBinary: binary };
      })());

    test(`${example}: builds as a shared object without warnings`, async (t) => {
      const { build: b, unit } = await build();
      t.is(b.shared?.warnings, "");
      t.true(fs.existsSync(path.join(dir, "plugin", b.plugin.names.sharedObject)));
      // A static build of the same plugin in FLB_BIN would shadow the .so.
      const builtIn = await runFluentBit(flbBin, [kinds[unit.kind].flag, unit.name, "-h"]);
      t.not(builtIn.code, 0, `${flbBin} already has '${unit.name}' built in: use a binary without it`);
    });

    if (kindOfExample(entry) === "output") {
      test(`${example}: as an output in fluent-bit writes the expected events`, async (t) => {
        const { unit, build: b } = await build();
        const spec = runSpec(example);
        const outFile = path.join(dir, "output.txt");
        const server = spec.server === "http" ? await startHttpServer() : undefined;
        const props = { ...spec.props, ...(spec.outputFile ? { [spec.outputFile]: outFile } : {}), ...(server ? { port: String(server.port) } : {}) };
        const args = [
          "-e", b.shared!.path,
          ...dummyEventArgs(fs.readFileSync(records, "utf8"), tag),
          "-o", unit.name, "-m", "*", ...Object.entries(props).flatMap(([k, v]) => ["-p", `${k}=${v}`]),
          "-f", "0.2",
        ];
        let received: string[] = [];
        const run = await runFluentBit(flbBin, args, 4_000).finally(async () => {
          if (server === undefined) return;
          received = (await server.received()).map((r) => r.toString("utf8"));
          await server.close();
        });
        if (server !== undefined) {
          // Each dummy input is its own chunk, so its own request, in no fixed
          // order: compare the events the requests carried, as a set.
          t.true(received.length > 0, "no request reached the server");
          t.deepEqual(received.flatMap(postedEvents).sort(), postedEvents(expectedText(example, spec)).sort());
          t.notRegex(plainLog(run.stderr), /\[(error|warn)\] \[output:/);
          return;
        }
        const written = spec.outputFile ? (fs.existsSync(outFile) ? fs.readFileSync(outFile, "utf8") : "") : run.stdout;
        // Each dummy input is its own chunk, flushed in no fixed order: compare the lines as a set.
        const sorted = (text: string): string[] => text.split("\n").filter((l) => l !== "").sort();
        t.deepEqual(sorted(written), sorted(expectedText(example, spec)).map((l) => l.replace(/^\[test\]/, `[${tag}]`)));
        t.notRegex(plainLog(run.stderr), /\[(error|warn)\] \[output:/);
      });
    }

    if (kindOfExample(entry) === "input") {
      test(`${example}: as an input in fluent-bit emits the expected records`, async (t) => {
        const { unit, build: b } = await build();
        const spec = runSpec(example);
        const count = spec.count ?? 1;
        const props = Object.entries(spec.props).flatMap(([k, v]) => ["-p", `${k}=${path.isAbsolute(v) || !v.startsWith("examples/") ? v : path.join(root, v)}`]);
        const args = ["-e", b.shared!.path, "-i", unit.name, ...props, "-o", "stdout", "-m", "*", "-p", "format=json_lines", "-p", "json_date_key=false", "-f", "0.2"];
        // Enough time for `count` collections at the example's interval, then SIGTERM.
        const run = await runFluentBit(flbBin, args, 1_500 + (count * unit.input!.intervalNs) / 1e6);
        const records = parseFluentBitRecords(run.stdout).slice(0, count);
        const expected = parseRecords(expectedText(example, spec)).map((r) => relocate(r));
        t.deepEqual(records, expected);
        t.notRegex(plainLog(run.stderr), /\[(error|warn)\] \[input:/);
      });
    }

    for (const form of kindOfExample(entry) === "filter" ? forms : []) {
      test(`${example}: ${form} in fluent-bit prints what the local host prints`, async (t) => {
        const { unit, build: b, hostBinary } = await build();
        const input = fs.readFileSync(records, "utf8");
        const hostArgs = ["--tag", tag, ...Object.entries(props).flatMap(([k, v]) => ["-p", `${k}=${v}`])];
        const host = await runHost(hostBinary, hostArgs, input);
        t.is(host.code, 0, host.stderr);
        const pipeline = writePipeline(form, {
          dir: path.join(dir, form),
          name: unit.name,
          records,
          props,
          sharedObject: b.shared!.path,
        });
        const run = await runFluentBit(flbBin, pipeline.args);
        t.is(run.code, 0, plainLog(run.stderr));
        t.deepEqual(parseFluentBitRecords(run.stdout), parseRecords(host.stdout.toString("utf8")));
        t.notRegex(plainLog(run.stderr), /\[(error|warn)\]/);
      });
    }

    test(`${example}: fluent-bit rejects an unknown property`, async (t) => {
      const { unit, build: b } = await build();
      const run = await runFluentBit(flbBin, initArgs(b.shared!.path, unit, ["-p", "no_such_property=1"]));
      t.not(run.code, 0);
      t.regex(plainLog(run.stderr), new RegExp(`${unit.name}: unknown configuration property 'no_such_property'`));
    });

    test(`${example}: fluent-bit rejects a bad value`, async (t) => {
      const { unit, build: b } = await build();
      const entry = unit.config.find((c) => badValue(c) !== undefined);
      if (!entry) {
        t.log("no integer or boolean property: nothing to reject");
        t.pass();
        return;
      }
      const run = await runFluentBit(flbBin, initArgs(b.shared!.path, unit, ["-p", `${entry.key}=${badValue(entry)}`]));
      t.not(run.code, 0);
      t.regex(plainLog(run.stderr), new RegExp(`\\[error\\] \\[${unit.kind}:[^\\]]+\\] (invalid value for property|unable to load configuration)`));
      t.regex(plainLog(run.stderr), new RegExp(`${unit.kind} initialization failed`));
    });

    test(`${example}: fluent-bit -e … -h shows the config map`, async (t) => {
      const { unit, build: b } = await build();
      const run = await runFluentBit(flbBin, ["-e", b.shared!.path, kinds[unit.kind].flag, unit.name, "-h"]);
      const help = plainLog(run.stdout + run.stderr).replace(/\s+/g, " ");
      t.true(help.includes(unit.description), `description missing:\n${help}`);
      for (const c of unit.config) {
        t.true(help.includes(` ${c.key} `), `property ${c.key} missing`);
        if (c.description) t.true(help.includes(c.description.replace(/\s+/g, " ")), `description of ${c.key} missing`);
      }
    });
  }
}

interface Built {
  unit: Unit;
  build: BuildResult;
  hostBinary: string;
}

/** A short pipeline that only has to get through the plugin's init, `props` given to the plugin. */
function initArgs(so: string, unit: Unit, props: string[]): string[] {
  if (unit.kind === "input") return ["-e", so, "-i", unit.name, ...props, "-o", "stdout", "-m", "*"];
  if (unit.kind === "output") return ["-e", so, "-i", "dummy", "-o", unit.name, "-m", "*", ...props];
  return ["-e", so, "-i", "dummy", "-F", unit.name, "-m", "*", ...props, "-o", "stdout", "-m", "*"];
}

/** The kind an example declares, read from its source (before anything is compiled). */
function kindOfExample(entry: string): Unit["kind"] {
  const m = /\bdefine(Filter|Output|Input)\(/.exec(fs.readFileSync(entry, "utf8"));
  return m ? (m[1]!.toLowerCase() as Unit["kind"]) : "filter";
}

/** The parts of <name>.run.json these tests use (test/examples.test.ts reads the same file). */
interface RunSpec {
  props: Record<string, string>;
  count?: number;
  text?: boolean;
  outputFile?: string;
  /** A network output: the test runs a server and the requests are the output. */
  server?: "http";
}

function runSpec(name: string): RunSpec {
  const file = path.join(root, "examples", `${name}.run.json`);
  const given = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<RunSpec>) : {};
  return { ...given, props: given.props ?? {} };
}

function expectedText(name: string, spec: RunSpec): string {
  return fs.readFileSync(path.join(root, "examples", `${name}.expected.${spec.text ? "txt" : "jsonl"}`), "utf8");
}

/**
 * The events in HTTP requests (raw, or the examples' transcript with the
 * blank line before each body): each body's JSON array elements, or its
 * JSON lines, as JSON text.
 */
function postedEvents(requests: string): string[] {
  const text = requests.replaceAll("\r\n", "\n");
  const starts = [...text.matchAll(/^[A-Z]+ \S+ HTTP\/1\.1$/gm)].map((m) => m.index!);
  return starts.flatMap((start, i) => {
    const request = text.slice(start, starts[i + 1] ?? text.length);
    const body = request.slice(request.indexOf("\n\n") + 2).trim();
    const values = body.startsWith("[") ? (JSON.parse(body) as unknown[]) : body.split("\n").map((l) => JSON.parse(l) as unknown);
    return values.map((v) => JSON.stringify(v));
  });
}

/** Expected records name repository-relative paths; fluent-bit was given absolute ones. */
function relocate(record: unknown): unknown {
  if (typeof record === "string") return record.startsWith("examples/") ? path.join(root, record) : record;
  if (Array.isArray(record)) return record.map(relocate);
  if (record !== null && typeof record === "object") return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, relocate(v)]));
  return record;
}

function badValue(c: ConfigEntry): string | undefined {
  if (c.mapType === "INT") return "12abc";
  if (c.mapType === "BOOL") return "maybe";
  return undefined;
}
