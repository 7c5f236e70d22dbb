// Randomized differential testing: records generated from a seed, with the
// keys each example reads and values of every JSON type (non-ASCII and
// emoji strings, integers, fractions, nested maps and arrays, null), go
// through each example compiled and under Node; the outputs must agree
// value by value. The plugins are built with ASan/UBSan where available,
// so a random record that reads out of bounds or leaks fails too. `npm
// test` runs a bounded number; differentialRound() is exported for longer
// runs (npm run fuzz).
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { sanitizerAvailable } from "../compiler/toolchain/index.js";
import { compileForTest, buildPlugin, parseLines, root, runC, runJs, scratchDir } from "./support/plugins.js";

const examplesDir = path.join(root, "examples");
const scratch = scratchDir("differential");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** mulberry32: small, seedable, good enough to pick test values. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const strings = ["", "info", "DEBUG", "error", "warn", "password", "hunter2", "émilie", "日本語", "😀🔥", "a\"b\\c", " spaced ", "GET /a -> 503 in 2.5ms", "x=1 y=2"];

function value(rnd: () => number, depth: number): unknown {
  const r = rnd();
  if (r < 0.3) return strings[Math.floor(rnd() * strings.length)]!;
  if (r < 0.45) return Math.floor(rnd() * 2000) - 1000;
  if (r < 0.55) return Math.round((rnd() * 200 - 100) * 1000) / 1000 || 0.5;
  if (r < 0.62) return rnd() < 0.5;
  if (r < 0.7) return null;
  if (depth > 2) return "leaf";
  if (r < 0.85) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(rnd, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rnd() * 4); i > 0; i--) o[`k${Math.floor(rnd() * 5)}`] = value(rnd, depth + 1);
  return o;
}

/** Keys the example's own sample records use: the fields its code reads. */
function keysOf(sample: string): string[] {
  const keys = new Set<string>(["extra", "nested"]);
  for (const r of parseLines(sample)) {
    if (typeof r === "object" && r !== null && !Array.isArray(r)) for (const k of Object.keys(r)) keys.add(k);
  }
  // Integer-like keys are a documented divergence (JavaScript reorders them).
  return [...keys].filter((k) => !/^\d+$/.test(k));
}

export function records(seed: number, count: number, keys: string[]): string {
  const rnd = random(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const rec: Record<string, unknown> = {};
    for (const k of keys) if (rnd() < 0.6) rec[k] = value(rnd, 0);
    lines.push(JSON.stringify(rec));
  }
  return lines.join("\n") + "\n";
}

/** One round: `count` random records through the compiled example and Node. */
export async function differentialRound(entry: string, binary: string, seed: number, count: number): Promise<{ c: unknown[]; js: unknown[]; input: string }> {
  const sample = fs.readFileSync(entry.replace(/\.ts$/, ".jsonl"), "utf8");
  const input = records(seed, count, keysOf(sample));
  const [c, js] = await Promise.all([runC(binary, input), runJs(entry, input)]);
  if (c.code !== 0 || js.code !== 0) throw new Error(`exit codes ${c.code}/${js.code}: ${c.stderr}${js.stderr}`);
  return { c: parseLines(c.stdout), js: parseLines(js.stdout), input };
}

const filters = fs
  .readdirSync(examplesDir)
  .filter((f) => f.endsWith(".ts") && fs.existsSync(path.join(examplesDir, f.replace(/\.ts$/, ".jsonl"))))
  .map((f) => path.join(examplesDir, f))
  .filter((f) => compileForTest(f).unit?.kind === "filter")
  .sort();

for (const entry of filters) {
  const name = path.basename(entry, ".ts");
  test(`${name}: 300 random records agree with Node`, async (t) => {
    const dir = path.join(scratch, name);
    fs.mkdirSync(dir, { recursive: true });
    const { binary } = await buildPlugin(entry, dir, { sanitize: await sanitizerAvailable() });
    for (const seed of [1, 2, 3]) {
      const r = await differentialRound(entry, binary, seed, 100);
      t.deepEqual(r.c, r.js, `seed ${seed}`);
    }
  });
}
