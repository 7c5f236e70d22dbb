// `flbc init <dir> [--kind filter|output|input]`: scaffolds a plugin
// project (see templates/): the same files for every kind, their content
// from the kind's template.
import fs from "node:fs";
import path from "node:path";
import { pluginNames } from "../build/kinds.js";
import type { PluginKind } from "../toolchain/index.js";
import { repoRoot } from "../toolchain/paths.js";
import { filterTemplate } from "./templates/filter.js";
import { inputTemplate } from "./templates/input.js";
import { outputTemplate } from "./templates/output.js";
import {
  fluentBitYaml,
  gitignore,
  packageJson,
  readme,
  testFile,
  tsconfigJson,
  type KindTemplate,
  type ProjectInfo,
} from "./templates/project.js";

const templates: Record<PluginKind, (name: string) => KindTemplate> = {
  filter: filterTemplate,
  output: outputTemplate,
  input: inputTemplate,
};

function isKind(kind: string): kind is PluginKind {
  return Object.hasOwn(templates, kind);
}

export class InitError extends Error {}

export interface InitOptions {
  /** The project directory to create (may exist if empty). */
  dir: string;
  kind: string;
  /** Plugin name; by default derived from the directory's name. */
  name?: string;
  /** package.json's dependency on flbc; by default see defaultDependency. */
  flbcDependency?: string;
}

export interface InitResult {
  dir: string;
  name: string;
  kind: PluginKind;
  template: KindTemplate;
  /** Relative paths of the files written, in order. */
  files: string[];
  /** package.json's dependency on flbc. */
  flbcDependency: string;
}

export function initProject(opts: InitOptions): InitResult {
  const kind = opts.kind;
  if (!isKind(kind)) {
    throw new InitError(`unknown kind '${kind}': --kind is filter, output or input`);
  }
  const dir = path.resolve(opts.dir);
  const name = opts.name ?? pluginNameOf(path.basename(dir));
  if (!/^[a-z][a-z0-9_]*$/.test(name) || name.length > 31) {
    throw new InitError(
      `'${name}' is not a plugin name: use lower case letters, digits and '_', starting with a letter ` +
        `(at most 31 characters). Pass --name to choose one.`,
    );
  }
  const template = templates[kind](name);
  const info: ProjectInfo = {
    packageName: packageNameOf(path.basename(dir)),
    names: pluginNames(kind, name),
    template,
    flbcDependency: opts.flbcDependency ?? defaultDependency(dir),
  };
  const files: [string, string][] = [
    [`${name}.ts`, template.source],
    ...(template.sample ? [[template.sample.file, template.sample.text] as [string, string]] : []),
    [template.expected.file, template.expected.text],
    [`${name}.test.mjs`, testFile(info)],
    ["package.json", packageJson(info)],
    ["tsconfig.json", tsconfigJson(info)],
    ["fluent-bit.yaml", fluentBitYaml(info)],
    ["README.md", readme(info)],
    [".gitignore", gitignore],
  ];
  // Never overwrite: a half-scaffolded directory is better than lost work.
  const existing = files.map(([f]) => f).filter((f) => fs.existsSync(path.join(dir, f)));
  if (existing.length > 0) {
    throw new InitError(`${opts.dir} already has ${existing.join(", ")}; choose a new directory.`);
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of files) fs.writeFileSync(path.join(dir, f), text);
  return { dir, name, kind, template, files: files.map(([f]) => f), flbcDependency: info.flbcDependency };
}

/** "my-filter" -> "my_filter"; the plugin name Fluent Bit users write. */
export function pluginNameOf(dirName: string): string {
  const name = dirName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(name) ? name : `p_${name}`;
}

function packageNameOf(dirName: string): string {
  const name = dirName.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+/, "");
  return name === "" ? "flbc-plugin" : name;
}

/**
 * An installed flbc (inside node_modules) is depended on by version; a
 * checkout, which is how flbc is used before it is published, by a file:
 * path so that `npm install` in the new project links the same compiler.
 */
function defaultDependency(projectDir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
  if (repoRoot.split(path.sep).includes("node_modules")) return `^${pkg.version}`;
  // Relative when the two are neighbours, so the pair can move together.
  const rel = path.relative(projectDir, repoRoot).split(path.sep).join("/");
  return `file:${rel.startsWith("../../") ? repoRoot : rel === "" ? "." : rel}`;
}

/** What `flbc init` prints when it is done. */
export function initSummary(result: InitResult, shownDir: string): string {
  const dependency = result.flbcDependency;
  const { sample, expected } = result.template;
  const row = (file: string, what: string): string => `  ${file}`.padEnd(30) + what;
  const lines = [
    `Created ${shownDir}/ with the ${result.kind} '${result.name}':`,
    "",
    row(`${result.name}.ts`, "the plugin: start here"),
    ...(sample ? [row(sample.file, sample.what)] : []),
    row(expected.file, expected.what),
    row(`${result.name}.test.mjs`, `runs both engines against ${expected.file}`),
    row("fluent-bit.yaml", "a pipeline that loads the built plugin"),
    "  package.json, tsconfig.json, README.md, .gitignore",
    "",
  ];
  if (dependency.startsWith("file:")) {
    lines.push(`package.json depends on this flbc checkout (${dependency}).`, "");
  }
  lines.push("Next:", `  cd ${shownDir}`, "  npm install", "  npm run watch", "");
  return lines.join("\n");
}
