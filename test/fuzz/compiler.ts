// The compiler on broken and unusual TypeScript: mutants of the example
// programs (lines deleted, duplicated, swapped, cut short; tokens and
// snippets inserted) must give diagnostics, never an exception or an
// internal error (FLBC1099). Used by test/compiler-fuzz.test.ts (a bounded
// number of cases) and `npm run fuzz` (more).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileFile } from "../../compiler/compile.js";
import { repoRoot } from "../../compiler/toolchain/paths.js";

/** xorshift32: a case is reproducible from its seed. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

const SNIPPETS = [
  "{", "}", "(", ")", "[", "]", ";", ",", "=>", "?.", "...", "!", "?", ":", "=", "==", "+=", "<", ">",
  "any", "unknown", "never", "as unknown as string", "as any", "typeof", "instanceof", "in", "of", "void 0",
  "class X {}", "new Date()", "eval(\"1\")", "arguments", "this", "super()", "yield 1", "await 1", "async ",
  "function* g() {}", "label: ", "debugger;", "with (record) {}", "delete record.x;", "for (;;) { break; }",
  "while (true) { break; }", "do {} while (false);", "switch (1) { case 1: break; }", "try {} finally {}",
  "throw new Error(\"x\");", "return;", "return 1;", "return record;", "return [record];", "return null;",
  "record.x = record;", "record[1] = 2;", "record.y = [record.y];", "const z = record as any;",
  "let q: number = \"s\" as any;", "enum E { A }", "namespace N {}", "declare const d: any;", "import x from \"y\";",
  "export const e = 1;", "export default 1;", "1n", "0x1f", "1e999", "NaN", "/a(/", "/(?<n>a)\\k<n>/g", "`${record}`",
  "`${`${1}`}`", "\"\\u{110000}\"", "'\\", "/*", "*/", "//", "\u2028", "\uFEFF", "😀", "record?.a?.b?.()", "x!",
  "(record.a as string).length", "Math.random()", "JSON.parse(\"{\")", "new Map<string, number>()", "new Set()",
  "[].sort((a, b) => a - b)", "Object.keys(record)", "ctx.state", "ctx.config.nope", "ctx.log.info(1 as any)",
  "function f(): number { return f(); }", "const f = (): number => f();", "((x) => x)(1)", "<T>(x: T) => x",
];

type Mutation = (lines: string[], r: ReturnType<typeof rng>) => string[];

const mutations: Mutation[] = [
  (l, r) => l.filter((_, i) => i !== r.int(l.length)), // delete a line
  (l, r) => {
    const i = r.int(l.length);
    return [...l.slice(0, i), l[i]!, ...l.slice(i)]; // duplicate a line
  },
  (l, r) => {
    const a = r.int(l.length);
    const b = r.int(l.length);
    const out = [...l];
    [out[a], out[b]] = [out[b]!, out[a]!]; // swap two lines
    return out;
  },
  (l, r) => l.slice(0, r.int(l.length + 1)), // cut short
  (l, r) => {
    const i = r.int(l.length);
    const line = l[i]!;
    const at = r.int(line.length + 1);
    const out = [...l];
    out[i] = line.slice(0, at) + " " + r.pick(SNIPPETS) + " " + line.slice(at); // insert a snippet
    return out;
  },
  (l, r) => {
    const i = r.int(l.length);
    const line = l[i]!;
    const at = r.int(line.length + 1);
    const out = [...l];
    out[i] = line.slice(0, at) + line.slice(at + 1 + r.int(8)); // delete a few characters
    return out;
  },
  (l, r) => {
    const words = l.join("\n").match(/[A-Za-z_]\w*/g) ?? ["x"];
    const from = r.pick(words);
    const to = r.pick(words);
    return l.map((line) => line.replace(new RegExp(`\\b${from}\\b`), to)); // rename one identifier
  },
  (l, r) => {
    const i = r.int(l.length);
    const out = [...l];
    out.splice(i, 0, r.pick(SNIPPETS)); // a snippet on its own line
    return out;
  },
];

export interface CompilerCase {
  seed: number;
  source: string;
}

export function exampleSources(): string[] {
  const dir = path.join(repoRoot, "examples");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

/** One mutant: an example with 1 to 4 mutations. */
export function mutant(seed: number, sources: string[]): CompilerCase {
  const r = rng(seed);
  let lines = r.pick(sources).split("\n");
  const n = 1 + r.int(4);
  for (let i = 0; i < n && lines.length > 0; i++) lines = r.pick(mutations)(lines, r);
  return { seed, source: lines.join("\n") };
}

export interface CompilerCrash {
  seed: number;
  source: string;
  error: string;
}

/** Compiles the source from a scratch file; a crash is an exception or FLBC1099. */
export function compileCase(c: CompilerCase, dir: string): CompilerCrash | undefined {
  const file = path.join(dir, `case${c.seed}.ts`);
  fs.writeFileSync(file, c.source);
  try {
    const result = compileFile(file, { sourceName: "case.ts", outputName: "case.c" });
    const internal = result.diagnostics.find((d) => d.code === "FLBC1099");
    if (internal !== undefined) return { seed: c.seed, source: c.source, error: JSON.stringify(internal) };
    if (!result.ok && result.diagnostics.length === 0) {
      return { seed: c.seed, source: c.source, error: "failed without a diagnostic" };
    }
    return undefined;
  } catch (err) {
    return { seed: c.seed, source: c.source, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Runs `count` mutants from seed0 on; returns the crashes. */
export function fuzzCompiler(seed0: number, count: number): CompilerCrash[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-compiler-fuzz-"));
  const sources = exampleSources();
  const crashes: CompilerCrash[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const crash = compileCase(mutant(seed0 + i, sources), dir);
      if (crash !== undefined) crashes.push(crash);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return crashes;
}
