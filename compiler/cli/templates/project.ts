// The files around the plugin in a project that `flbc init` scaffolds:
// package.json with scripts, a tsconfig.json that gives editors and plain
// `tsc` exactly the subset flbc compiles, a test that runs both engines, a
// Fluent Bit configuration that loads the built plugin, a README and a
// .gitignore.

export interface ProjectInfo {
  /** npm package name (the directory's name). */
  packageName: string;
  /** Plugin name: lower case letters, digits and `_`. */
  name: string;
  kind: "filter";
  /** How package.json depends on flbc: "^0.1.0" or "file:../flbc". */
  flbcDependency: string;
}

const file = (info: ProjectInfo): string => `${info.name}.ts`;

export function packageJson(info: ProjectInfo): string {
  const ts = file(info);
  const pkg = {
    name: info.packageName,
    version: "0.1.0",
    private: true,
    description: `The ${info.name} Fluent Bit ${info.kind}, written in TypeScript and compiled to C by flbc`,
    type: "module",
    scripts: {
      check: `flbc check ${ts}`,
      compile: `flbc ${ts} -o build/${info.kind}_${info.name}.c`,
      build: `flbc build ${ts} --out-dir build`,
      "build:so": `flbc build ${ts} --out-dir build --shared --flb-src "$FLB_SRC"`,
      run: `flbc run ${ts} --input records.jsonl`,
      "run:node": `flbc run ${ts} --engine node --input records.jsonl`,
      watch: `flbc run --watch ${ts} --input records.jsonl`,
      test: `node --test ${info.name}.test.mjs`,
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
  return `// Runs ${file(info)} on records.jsonl under both engines: the Node reference
// (the TypeScript itself, as JavaScript) and the compiled C plugin in flbc's
// local host. Both must print expected.jsonl. After changing the plugin,
// look at the new output and, when it is right, make it the expectation:
//
//   npx flbc run --engine node ${file(info)} --input records.jsonl > expected.jsonl
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
// The flbc package root: "flbc" resolves to <root>/stdlib/index.js.
const flbcRoot = path.resolve(path.dirname(fileURLToPath(import.meta.resolve("flbc"))), "..");
const records = fs.readFileSync(path.join(here, "records.jsonl"), "utf8");
const expected = fs.readFileSync(path.join(here, "expected.jsonl"), "utf8");

function flbc(...args) {
  return spawnSync(process.execPath, [path.join(flbcRoot, "bin", "flbc.js"), ...args], {
    cwd: here,
    input: records,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
}

test("flbc check: the plugin type-checks and is inside the subset", () => {
  const r = flbc("check", "${file(info)}");
  assert.equal(r.status, 0, r.stderr);
});

for (const engine of ["node", "c"]) {
  test(\`\${engine} engine: prints expected.jsonl\`, () => {
    const r = flbc("run", "${file(info)}", "--engine", engine);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, expected);
  });
}
`;
}

export function fluentBitYaml(info: ProjectInfo): string {
  return `# Fluent Bit with the ${info.name} ${info.kind}, loaded as a shared object.
# Build it first, against the Fluent Bit source tree your fluent-bit was
# built from (it writes build/flb-${info.kind}_${info.name}.so), then run Fluent Bit:
#   FLB_SRC=~/src/fluent-bit npm run build:so
#   fluent-bit -c fluent-bit.yaml
# The plugins path is resolved from the directory Fluent Bit starts in; use an
# absolute path when it runs elsewhere.
plugins:
  - ./build/flb-${info.kind}_${info.name}.so

service:
  flush: 1
  log_level: info

pipeline:
  inputs:
    - name: dummy
      tag: app
      dummy: '{"level": "info", "msg": "user logged in", "password": "hunter2"}'

  filters:
    - name: ${info.name}
      match: '*'
      # Every key of the plugin's config literal is a property:
      drop_level: debug
      secret_field: password
      env: dev

  outputs:
    - name: stdout
      match: '*'
      format: json_lines
`;
}

export function readme(info: ProjectInfo): string {
  const ts = file(info);
  return `# ${info.name}

A Fluent Bit ${info.kind} written in TypeScript and compiled to a native C
plugin by flbc (its docs: \`node_modules/flbc/docs/\`).

| File | What it is |
| --- | --- |
| \`${ts}\` | the plugin: start here |
| \`records.jsonl\` | sample input, one JSON record per line |
| \`expected.jsonl\` | what the plugin prints for it |
| \`${info.name}.test.mjs\` | runs the compiled C and the Node reference on the sample; both must print \`expected.jsonl\` |
| \`fluent-bit.yaml\` | a Fluent Bit pipeline that loads the built plugin |
| \`tsconfig.json\` | flbc's subset for your editor and \`tsc\`: only what compiles is completed |

## The edit-run loop

\`\`\`
npm install
npm run watch        # recompiles and reruns on records.jsonl on every save
\`\`\`

| Script | Does |
| --- | --- |
| \`npm run check\` | type-check and subset-check, no output |
| \`npm run run\` | compile to C, build and run on \`records.jsonl\` |
| \`npm run run:node\` | the same under Node (the reference semantics) |
| \`npm test\` | both engines against \`expected.jsonl\` |
| \`npm run compile\` | write the C to \`build/${info.kind}_${info.name}.c\` |
| \`npm run build\` | a plugin directory in \`build/\` for Fluent Bit's \`-DEXT_FILTER_PLUGINS\` |
| \`FLB_SRC=... npm run build:so\` | also \`build/flb-${info.kind}_${info.name}.so\` for \`plugins:\` / \`fluent-bit -e\` |
| \`npm run typecheck\` | plain \`tsc\`, as your editor sees it |

Properties: \`npx flbc run ${ts} -p drop_level=info --input records.jsonl\`.

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
