// `flbc init`: for each kind (filter, output, input) the scaffolded project
// type-checks with its own tsconfig.json (plain tsc semantics, flbc's
// lib.flbc.d.ts under noLib), its plugin compiles without a diagnostic, its
// own test passes under both engines, its plugin runs clean under ASan/UBSan,
// and the CLI refuses what it cannot do. The project links this checkout as
// node_modules/flbc instead of running npm.
import test from "ava";
import { ts } from "@ts-morph/bootstrap";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { initProject, pluginNameOf } from "../compiler/cli/init.js";
import { compileFile } from "../compiler/compile.js";
import { formatDiagnostics } from "../compiler/diagnostics/format.js";
import { pluginCompilerOptions } from "../compiler/program/loadProgram.js";
import { sanitizerAvailable, type PluginKind } from "../compiler/toolchain/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const flbcBin = path.join(root, "bin", "flbc.js");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-init-test-"));
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

const kinds: PluginKind[] = ["filter", "output", "input"];

/** A scaffolded project with this checkout linked as its flbc dependency. */
function scaffold(dirName: string, kind: PluginKind = "filter"): string {
  const dir = path.join(scratch, dirName);
  initProject({ dir, kind, flbcDependency: `file:${root}` });
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(root, path.join(dir, "node_modules", "flbc"), "dir");
  return dir;
}

/** tsc -p dir: the diagnostics of the project its tsconfig.json describes. */
function typeCheck(dir: string): string[] {
  const configPath = path.join(dir, "tsconfig.json");
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error !== undefined) return [ts.flattenDiagnosticMessageText(read.error.messageText, "\n")];
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return [...parsed.errors, ...ts.getPreEmitDiagnostics(program)].map(
    (d) => `TS${d.code} ${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
  );
}

function flbc(args: string[], cwd: string, input = "") {
  return spawnSync(process.execPath, [flbcBin, ...args], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

test("writes the plugin, sample, expected output, test, package.json, tsconfig, fluent-bit.yaml", (t) => {
  const dir = path.join(scratch, "files");
  const r = initProject({ dir, kind: "filter", name: "files", flbcDependency: "file:../flbc" });
  t.deepEqual(r.files, [
    "files.ts",
    "records.jsonl",
    "expected.jsonl",
    "files.test.mjs",
    "package.json",
    "tsconfig.json",
    "fluent-bit.yaml",
    "README.md",
    ".gitignore",
  ]);
  for (const f of r.files) t.true(fs.statSync(path.join(dir, f)).size > 0, f);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  t.is(pkg.devDependencies.flbc, "file:../flbc");
  t.is(pkg.scripts.watch, "flbc run --watch files.ts --input records.jsonl");
  t.is(pkg.scripts.test, "node --test files.test.mjs");
  const yaml = fs.readFileSync(path.join(dir, "fluent-bit.yaml"), "utf8");
  t.regex(yaml, /^plugins:\n {2}- \.\/build\/flb-filter_files\.so$/m);
  t.regex(yaml, /^ {2}filters:\n {4}- name: files$/m);
});

test("an output project: sample events, the output under pipeline.outputs", (t) => {
  const dir = path.join(scratch, "out-files");
  const r = initProject({ dir, kind: "output", name: "lines", flbcDependency: "file:../flbc" });
  t.deepEqual(r.files.slice(0, 4), ["lines.ts", "records.jsonl", "expected.txt", "lines.test.mjs"]);
  t.regex(fs.readFileSync(path.join(dir, "lines.ts"), "utf8"), /export default defineOutput\(\{\n/);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  t.is(pkg.scripts.run, "flbc run lines.ts --events --input records.jsonl");
  t.is(pkg.scripts.compile, "flbc lines.ts -o build/output_lines.c");
  const yaml = fs.readFileSync(path.join(dir, "fluent-bit.yaml"), "utf8");
  t.regex(yaml, /^plugins:\n {2}- \.\/build\/flb-out_lines\.so$/m);
  t.regex(yaml, /^ {2}outputs:\n {4}- name: lines\n {6}match: '\*'$/m);
  t.regex(fs.readFileSync(path.join(dir, "README.md"), "utf8"), /-DEXT_OUT_PLUGINS/);
});

test("an input project: no sample, a bounded run, the input under pipeline.inputs", (t) => {
  const dir = path.join(scratch, "in-files");
  const r = initProject({ dir, kind: "input", name: "ticks", flbcDependency: "file:../flbc" });
  t.deepEqual(r.files.slice(0, 3), ["ticks.ts", "expected.jsonl", "ticks.test.mjs"]);
  t.regex(fs.readFileSync(path.join(dir, "ticks.ts"), "utf8"), /export default defineInput\(\{\n/);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  t.is(pkg.scripts.run, "flbc run ticks.ts --count 5 --no-wait");
  t.is(pkg.scripts.watch, "flbc run --watch ticks.ts --count 5 --no-wait");
  const yaml = fs.readFileSync(path.join(dir, "fluent-bit.yaml"), "utf8");
  t.regex(yaml, /^plugins:\n {2}- \.\/build\/flb-in_ticks\.so$/m);
  t.regex(yaml, /^ {2}inputs:\n {4}- name: ticks$/m);
  t.regex(fs.readFileSync(path.join(dir, "README.md"), "utf8"), /-DEXT_IN_PLUGINS/);
});

for (const kind of kinds) {
  test(`${kind}: the project type-checks with plain tsc and its tsconfig.json`, (t) => {
    const dir = scaffold(`typed-${kind}`, kind);
    t.deepEqual(typeCheck(dir), []);
  });

  test(`${kind}: the plugin compiles without a diagnostic, and flbc check passes`, (t) => {
    const dir = scaffold(`clean-${kind}`, kind);
    const file = path.join(dir, `clean_${kind}.ts`);
    const result = compileFile(file);
    t.true(result.ok);
    t.is(result.unit?.kind, kind);
    t.deepEqual(result.diagnostics, [], formatDiagnostics(result.diagnostics, { color: false, cwd: dir }));
    const check = flbc(["check", `clean_${kind}.ts`], dir);
    t.is(check.status, 0, check.stderr);
    t.is(check.stdout + check.stderr, "");
  });

  test(`${kind}: the scaffolded plugin prints the expected output under ASan/UBSan`, async (t) => {
    const dir = path.join(scratch, `sanitized-${kind}`);
    const { template, name } = initProject({ dir, kind, flbcDependency: `file:${root}` });
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(root, path.join(dir, "node_modules", "flbc"), "dir");
    // A plain build where the compiler has no sanitizers, as the conformance suite does.
    const sanitize = (await sanitizerAvailable()) ? ["--sanitize"] : [];
    const r = flbc(["run", `${name}.ts`, ...template.runArgs, ...sanitize], dir);
    t.is(r.status, 0, r.stderr);
    t.notRegex(r.stderr, /Sanitizer|runtime error:/);
    t.is(r.stdout, template.expected.text);
  });

  test(`${kind}: the scaffolded test passes, both engines print the expected output`, (t) => {
    const dir = scaffold(`both-engines-${kind}`, kind);
    const r = spawnSync(process.execPath, ["--test", `both_engines_${kind}.test.mjs`], { cwd: dir, encoding: "utf8" });
    t.is(r.status, 0, r.stdout + r.stderr);
    t.regex(r.stdout, /# pass 3/);
  });
}

test("the tsconfig.json has the options flbc checks plugins with", (t) => {
  const dir = path.join(scratch, "options");
  initProject({ dir, kind: "filter", name: "options", flbcDependency: "file:../flbc" });
  const json = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
  const { options, errors } = ts.convertCompilerOptionsFromJson(json.compilerOptions, dir);
  t.deepEqual(errors, []);
  // paths and allowJs are how flbc finds its module without node_modules; the rest must agree.
  const { paths: _paths, allowJs: _allowJs, ...expected } = pluginCompilerOptions;
  // An option left out of tsconfig.json takes its default, which is false for the flags flbc turns off.
  const actual = Object.fromEntries(
    Object.keys(expected).map((k) => [k, options[k] === undefined && expected[k] === false ? false : options[k]]),
  );
  t.deepEqual(actual, expected);
});

test("the tsconfig.json gives the subset's library: an unsupported built-in is a type error", (t) => {
  const dir = scaffold("nolib");
  const file = path.join(dir, "nolib.ts");
  fs.appendFileSync(file, `\nexport const normalized = "7".normalize("NFC");\n`);
  const errors = typeCheck(dir);
  t.is(errors.length, 1, errors.join("\n"));
  t.regex(errors[0]!, /^TS\d+ .*Property 'normalize' does not exist on type '"7"'/);
});

test("the CLI scaffolds into a new directory and names the plugin after it", (t) => {
  const r = flbc(["init", "My Filter!"], scratch);
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /Created My Filter!\/ with the filter 'my_filter'/);
  t.true(fs.existsSync(path.join(scratch, "My Filter!", "my_filter.ts")));
});

test("the CLI refuses to overwrite files", (t) => {
  const dir = path.join(scratch, "taken");
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "package.json"), "{}\n");
  const r = flbc(["init", "taken"], scratch);
  t.is(r.status, 2);
  t.regex(r.stderr, /taken already has package\.json; choose a new directory/);
  t.is(fs.readFileSync(path.join(dir, "package.json"), "utf8"), "{}\n");
});

test("the CLI scaffolds each kind and says which", (t) => {
  for (const kind of ["output", "input"]) {
    const r = flbc(["init", `cli-${kind}`, "--kind", kind], scratch);
    t.is(r.status, 0, r.stderr);
    t.regex(r.stdout, new RegExp(`^Created cli-${kind}/ with the ${kind} 'cli_${kind}':`));
    t.true(fs.existsSync(path.join(scratch, `cli-${kind}`, `cli_${kind}.ts`)));
  }
});

test("an unknown --kind is refused and writes nothing", (t) => {
  const r = flbc(["init", "k-parser", "--kind", "parser"], scratch);
  t.is(r.status, 2);
  t.is(r.stderr, "flbc init: unknown kind 'parser': --kind is filter, output or input\n");
  t.false(fs.existsSync(path.join(scratch, "k-parser")));
});

test("a bad --name is refused with the rule", (t) => {
  const r = flbc(["init", "badname", "--name", "Bad-Name"], scratch);
  t.is(r.status, 2);
  t.regex(r.stderr, /'Bad-Name' is not a plugin name: use lower case letters, digits and '_'/);
});

test("plugin names from directory names", (t) => {
  t.is(pluginNameOf("my-filter"), "my_filter");
  t.is(pluginNameOf("Redact.Secrets"), "redact_secrets");
  t.is(pluginNameOf("42-things"), "p_42_things");
});
