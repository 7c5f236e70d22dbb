// `flbc init <dir>`: scaffolds a plugin project (see templates/). There is
// a filter template only: `--kind output|input` is refused with a clear
// message rather than a project that would not show how to test them.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../toolchain/paths.js";
import { filterExpected, filterRecords, filterSource } from "./templates/filter.js";
import { fluentBitYaml, gitignore, packageJson, readme, testFile, tsconfigJson, type ProjectInfo } from "./templates/project.js";

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
  /** Relative paths of the files written, in order. */
  files: string[];
  /** package.json's dependency on flbc. */
  flbcDependency: string;
}

export function initProject(opts: InitOptions): InitResult {
  if (opts.kind !== "filter") {
    throw new InitError(
      `${opts.kind} plugins are not supported yet: flbc init scaffolds filter projects only for now. ` +
        `Scaffold a filter and replace defineFilter with define${opts.kind === "output" ? "Output" : opts.kind === "input" ? "Input" : "Output or defineInput"} ` +
        `(see node_modules/flbc/docs/api.md), or use --kind filter.`,
    );
  }
  const dir = path.resolve(opts.dir);
  const name = opts.name ?? pluginNameOf(path.basename(dir));
  if (!/^[a-z][a-z0-9_]*$/.test(name) || name.length > 31) {
    throw new InitError(
      `'${name}' is not a plugin name: use lower case letters, digits and '_', starting with a letter ` +
        `(at most 31 characters). Pass --name to choose one.`,
    );
  }
  const info: ProjectInfo = {
    packageName: packageNameOf(path.basename(dir)),
    name,
    kind: "filter",
    flbcDependency: opts.flbcDependency ?? defaultDependency(dir),
  };
  const files: [string, string][] = [
    [`${name}.ts`, filterSource(name)],
    ["records.jsonl", filterRecords],
    ["expected.jsonl", filterExpected],
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
  return { dir, name, files: files.map(([f]) => f), flbcDependency: info.flbcDependency };
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
  const lines = [
    `Created ${shownDir}/ with the filter '${result.name}':`,
    "",
    `  ${result.name}.ts`.padEnd(30) + "the plugin: start here",
    "  records.jsonl".padEnd(30) + "sample input (one JSON record per line)",
    "  expected.jsonl".padEnd(30) + "what the plugin prints for it",
    `  ${result.name}.test.mjs`.padEnd(30) + "runs both engines against expected.jsonl",
    "  fluent-bit.yaml".padEnd(30) + "a pipeline that loads the built plugin",
    "  package.json, tsconfig.json, README.md, .gitignore",
    "",
  ];
  if (dependency.startsWith("file:")) {
    lines.push(`package.json depends on this flbc checkout (${dependency}).`, "");
  }
  lines.push("Next:", `  cd ${shownDir}`, "  npm install", "  npm run watch", "");
  return lines.join("\n");
}
