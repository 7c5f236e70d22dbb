// The files around the plugin in a project that `flbc init` scaffolds:
// package.json with scripts, a tsconfig.json that gives editors and plain
// `tsc` exactly the subset flbc compiles, a test that runs both engines, a
// Fluent Bit configuration that loads the built plugin, a README and a
// .gitignore. What differs between filters, outputs and inputs (the
// plugin, its sample, how it runs, where it sits in a pipeline) comes from
// the kind's KindTemplate (filter.ts, output.ts, input.ts).
import { kinds, type PluginNames } from "../../build/kinds.js";

/** One kind's part of a scaffolded project, for one plugin name. */
export interface KindTemplate {
  /** The plugin source. */
  source: string;
  /** Sample input the plugin runs on; inputs read none. */
  sample?: ProjectFile;
  /** What both engines print for the sample with the default config. */
  expected: ProjectFile;
  /** `flbc run` options after the plugin file: where the sample comes from, or when an input stops. */
  runArgs: string[];
  /** How the test runs the plugin, after "Runs <file> ": "on records.jsonl". */
  runs: string;
  /** The `pipeline:` section of fluent-bit.yaml, with the plugin in its place. */
  pipeline: string;
  /** A property to show in the README: `key=value`. */
  propExample: string;
}

export interface ProjectFile {
  file: string;
  text: string;
  /** One line for the summary and the README. */
  what: string;
}

export interface ProjectInfo {
  /** npm package name (the directory's name). */
  packageName: string;
  /** The names Fluent Bit derives from the plugin's kind and name. */
  names: PluginNames;
  template: KindTemplate;
  /** How package.json depends on flbc: "^0.1.0" or "file:../flbc". */
  flbcDependency: string;
}

const file = (info: ProjectInfo): string => `${info.names.name}.ts`;

/** The C file `npm run compile` writes, named as `flbc build` names it. */
const cFile = (info: ProjectInfo): string => `build/${info.names.kind}_${info.names.name}.c`;

/** `flbc run` options, as package.json's scripts and the test pass them. */
const runOptions = (info: ProjectInfo): string => info.template.runArgs.join(" ");

export function packageJson(info: ProjectInfo): string {
  const ts = file(info);
  const { kind, name } = info.names;
  const pkg = {
    name: info.packageName,
    version: "0.1.0",
    private: true,
    description: `The ${name} Fluent Bit ${kind}, written in TypeScript and compiled to C by flbc`,
    type: "module",
    scripts: {
      check: `flbc check ${ts}`,
      compile: `flbc ${ts} -o ${cFile(info)}`,
      build: `flbc build ${ts} --out-dir build`,
      "build:so": `flbc build ${ts} --out-dir build --shared --flb-src "$FLB_SRC"`,
      run: `flbc run ${ts} ${runOptions(info)}`,
      "run:node": `flbc run ${ts} --engine node ${runOptions(info)}`,
      watch: `flbc run --watch ${ts} ${runOptions(info)}`,
      test: `node --test ${name}.test.mjs`,
      typecheck: "tsc -p .",
    },
    devDependencies: {
      flbc: info.flbcDependency,
      typescript: "^5.9.0",
    },
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}

/**
 * The same options flbc checks a plugin with (compiler/program/loadProgram.ts
 * pluginCompilerOptions), so that the editor and `tsc` report what `flbc
 * check` reports: `noLib` plus flbc's lib.flbc.d.ts means only the built-ins
 * flbc compiles exist, and the editor completes nothing else.
 */
export function tsconfigJson(info: ProjectInfo): string {
  const config = {
    compilerOptions: {
      strict: true,
      noLib: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      types: [],
      noEmit: true,
    },
    files: [file(info), "node_modules/flbc/stdlib/lib.flbc.d.ts"],
  };
  return JSON.stringify(config, null, 2) + "\n";
}

export function testFile(info: ProjectInfo): string {
  const { expected, runArgs, runs } = info.template;
  return `// Runs ${file(info)} ${runs} under both engines: the Node reference
// (the TypeScript itself, as JavaScript) and the compiled C plugin in flbc's
// local host. Both must print ${expected.file}. After changing the plugin,
// look at the new output and, when it is right, make it the expectation:
//
//   npx flbc run --engine node ${file(info)} ${runOptions(info)} > ${expected.file}
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
// The flbc package root: "flbc" resolves to <root>/stdlib/index.js.
const flbcRoot = path.resolve(path.dirname(fileURLToPath(import.meta.resolve("flbc"))), "..");
const expected = fs.readFileSync(path.join(here, "${expected.file}"), "utf8");
// The options of \`npm run run\`.
const runArgs = ${JSON.stringify(runArgs)};

function flbc(...args) {
  return spawnSync(process.execPath, [path.join(flbcRoot, "bin", "flbc.js"), ...args], {
    cwd: here,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
}

test("flbc check: the plugin type-checks and is inside the subset", () => {
  const r = flbc("check", "${file(info)}");
  assert.equal(r.status, 0, r.stderr);
});

for (const engine of ["node", "c"]) {
  test(\`\${engine} engine: prints ${expected.file}\`, () => {
    const r = flbc("run", "${file(info)}", ...runArgs, "--engine", engine);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, expected);
  });
}
`;
}

export function fluentBitYaml(info: ProjectInfo): string {
  const { kind, name, sharedObject } = info.names;
  return `# Fluent Bit with the ${name} ${kind}, loaded as a shared object.
# Build it first, against the Fluent Bit source tree your fluent-bit was
# built from (it writes build/${sharedObject}), then run Fluent Bit:
#   FLB_SRC=~/src/fluent-bit npm run build:so
#   fluent-bit -c fluent-bit.yaml
# The plugins path is resolved from the directory Fluent Bit starts in; use an
# absolute path when it runs elsewhere.
plugins:
  - ./build/${sharedObject}

service:
  flush: 1
  log_level: info

pipeline:
${info.template.pipeline}`;
}

export function readme(info: ProjectInfo): string {
  const ts = file(info);
  const { kind, name, sharedObject } = info.names;
  const { sample, expected } = info.template;
  const input = sample ? ` on \`${sample.file}\`` : "";
  return `# ${name}

A Fluent Bit ${kind} written in TypeScript and compiled to a native C
plugin by flbc (its docs: \`node_modules/flbc/docs/\`).

| File | What it is |
| --- | --- |
| \`${ts}\` | the plugin: start here |
${sample ? `| \`${sample.file}\` | ${sample.what} |\n` : ""}| \`${expected.file}\` | ${expected.what} |
| \`${name}.test.mjs\` | runs the compiled C and the Node reference; both must print \`${expected.file}\` |
| \`fluent-bit.yaml\` | a Fluent Bit pipeline that loads the built plugin |
| \`tsconfig.json\` | flbc's subset for your editor and \`tsc\`: only what compiles is completed |

## The edit-run loop

\`\`\`
npm install
npm run watch        # recompiles and reruns${input} on every save
\`\`\`

| Script | Does |
| --- | --- |
| \`npm run check\` | type-check and subset-check, no output |
| \`npm run run\` | compile to C, build and run${input} (\`flbc run ${runOptions(info)}\`) |
| \`npm run run:node\` | the same under Node (the reference semantics) |
| \`npm test\` | both engines against \`${expected.file}\` |
| \`npm run compile\` | write the C to \`${cFile(info)}\` |
| \`npm run build\` | a plugin directory in \`build/\` for Fluent Bit's \`-D${kinds[kind].cmakeVar}\` |
| \`FLB_SRC=... npm run build:so\` | also \`build/${sharedObject}\` for \`plugins:\` / \`fluent-bit -e\` |
| \`npm run typecheck\` | plain \`tsc\`, as your editor sees it |

Properties: \`npx flbc run ${ts} -p ${info.template.propExample} ${runOptions(info)}\`.

## In Fluent Bit

\`\`\`
FLB_SRC=~/src/fluent-bit npm run build:so   # the tree your fluent-bit was built from
fluent-bit -c fluent-bit.yaml
\`\`\`
`;
}

export const gitignore = `node_modules/
build/
`;
