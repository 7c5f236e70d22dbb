// Opt-in: the examples inside a real Fluent Bit. Set
//   FLB_SRC=<Fluent Bit source tree>  FLB_BIN=<its build's bin/fluent-bit>
//   [FLB_BUILD=<the build directory>; default: the build directory FLB_BIN
//    is in (<build>/bin/fluent-bit), else $FLB_SRC/build]
// Each example filter is built with `flbc build --shared` against the tree,
// loaded into the binary (-e, the YAML plugins: list, a classic plugins
// file), fed its sample records through tail, and must print what the local
// host prints for the same records, tag and properties: as a filter, as a
// processor of the input and of the output, and in classic mode. Fluent Bit must also reject an unknown
// property and a bad value, and `-F <name> -h` must show the config map.
// FLB_BIN must be a binary without these plugins built in (a static build
// with EXT_FILTER_PLUGINS would shadow the .so).
import test from "ava";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildUnit, type BuildResult } from "../../compiler/build/index.js";
import { compileFile } from "../../compiler/compile.js";
import { formatDiagnostics } from "../../compiler/diagnostics/format.js";
import type { ConfigEntry, Unit } from "../../compiler/ir/ir.js";
import { buildHost, runHost } from "../../compiler/toolchain/index.js";
import { forms, parseFluentBitRecords, parseRecords, plainLog, runFluentBit, tag, writePipeline } from "./pipeline.js";

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
      t.true(fs.existsSync(path.join(dir, "plugin", `flb-${unit.kind}_${unit.name}.so`)));
      // A static build of the same plugin in FLB_BIN would shadow the .so.
      const builtIn = await runFluentBit(flbBin, ["-F", unit.name, "-h"]);
      t.not(builtIn.code, 0, `${flbBin} already has '${unit.name}' built in: use a binary without it`);
    });

    for (const form of forms) {
      test(`${example}: ${form} in fluent-bit prints what the local host prints`, async (t) => {
        const { unit, build: b, hostBinary } = await build();
        if (unit.kind !== "filter") {
          t.log(`${unit.kind} plugins: not tested yet`);
          t.pass();
          return;
        }
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
      const run = await runFluentBit(flbBin, dummyArgs(b.shared!.path, unit.name, ["-p", "no_such_property=1"]));
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
      const run = await runFluentBit(flbBin, dummyArgs(b.shared!.path, unit.name, ["-p", `${entry.key}=${badValue(entry)}`]));
      t.not(run.code, 0);
      t.regex(plainLog(run.stderr), /\[error\] \[filter:[^\]]+\] (invalid value for property|unable to load configuration)/);
      t.regex(plainLog(run.stderr), /filter initialization failed/);
    });

    test(`${example}: fluent-bit -e … -F ${example} -h shows the config map`, async (t) => {
      const { unit, build: b } = await build();
      const run = await runFluentBit(flbBin, ["-e", b.shared!.path, "-F", unit.name, "-h"]);
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

/** A short pipeline that only has to get through filter init. */
function dummyArgs(so: string, name: string, props: string[]): string[] {
  return ["-e", so, "-i", "dummy", "-F", name, "-m", "*", ...props, "-o", "stdout", "-m", "*"];
}

function badValue(c: ConfigEntry): string | undefined {
  if (c.mapType === "INT") return "12abc";
  if (c.mapType === "BOOL") return "maybe";
  return undefined;
}
