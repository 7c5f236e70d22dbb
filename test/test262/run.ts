// `TEST262_DIR=path npm run test262`: flbc against the official ECMAScript
// conformance suite (tc39/test262), on the slice the subset can express.
// Per test: the selection rules (select.ts), the harness (harness.ts), a run
// under Node (a test Node fails is excluded and reported), then flbc alone
// (admission); admitted tests are then batched into plugins, built into the
// local host and run, one record per test. Prints the four numbers and a
// per-area table; writes the outcomes (paths and results only) to
// test/test262/baseline.json when UPDATE_BASELINE=1, else reports the
// differences from it. Nothing of test262 itself is written to the repo.
//
//   TEST262_FILTER=substr   only the paths containing substr
//   TEST262_BATCH=n         tests per C build (default 40)
//   TEST262_COMMIT=hash     the suite's commit when TEST262_DIR is no git tree
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileFile } from "../../compiler/compile.js";
import { runNode } from "../../compiler/engine/node.js";
import { buildHost, runHost } from "../../compiler/toolchain/index.js";
import { HARNESS } from "./harness.js";
import { admit, listSlice, stripHeader, typeErrors } from "./select.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const baselineFile = path.join(root, "test", "test262", "baseline.json");
const logFile = path.join(os.tmpdir(), "flbc-test262.log");

interface Baseline {
  test262Commit: string;
  results: Record<string, string>;
}

/** One test as a function: "pass", or "fail: " and what it threw. */
function wrap(body: string, i: number): string {
  return `function t_${i}(): string {
  try {
${body}
    return "pass";
  } catch (e) {
    return "fail: " + (e instanceof Error ? e.message : String(e));
  }
}
`;
}

/** The plugin source of a set of tests: t_<i> per test, `record.n` picks one. */
function assemble(name: string, bodies: string[]): string {
  const fns = bodies.map(wrap);
  const cases = bodies.map((_, i) => `      case ${i}:\n        record.r = t_${i}();\n        break;`).join("\n");
  return `import { defineFilter } from "flbc";
${HARNESS}
${fns.join("\n")}
export default defineFilter({
  name: "${name}",
  filter(record) {
    const n = record.n;
    switch (n) {
${cases}
      case -1:
        // Every harness function used once: flbc emits unused top-level
        // functions as static C functions, which -Werror refuses.
        assert(true);
        assert_sameValue(0, 0);
        assert_notSameValue(0, 1);
        assert_compareArray([], []);
        break;
    }
  },
});
`;
}

function inputFor(count: number): string {
  return Array.from({ length: count }, (_, i) => JSON.stringify({ n: i })).join("\n") + "\n";
}

/** `r` of each output line, by position; undefined where a line is missing. */
function resultsOf(stdout: string, count: number): (string | undefined)[] {
  const out: (string | undefined)[] = new Array<string | undefined>(count).fill(undefined);
  for (const line of stdout.split("\n")) {
    try {
      const v = JSON.parse(line) as { n?: unknown; r?: unknown };
      if (typeof v.n === "number" && typeof v.r === "string" && v.n >= 0 && v.n < count) out[v.n] = v.r;
    } catch {
      /* not a record line */
    }
  }
  return out;
}

function outcome(r: string | undefined): string {
  if (r === undefined) return "crash";
  return r === "pass" ? "pass" : "fail";
}

function areaOf(rel: string): string {
  const parts = rel.split("/").slice(1, -1);
  return parts.slice(0, parts[2] === "prototype" ? 4 : 3).join("/");
}

function suiteCommit(dir: string): string {
  if (process.env.TEST262_COMMIT) return process.env.TEST262_COMMIT;
  try {
    return execFileSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const dir = process.env.TEST262_DIR;
  if (dir === undefined || dir === "") {
    console.log("test262: TEST262_DIR is not set; skipped (see docs/test262.md)");
    return;
  }
  const filter = process.env.TEST262_FILTER ?? "";
  const batchSize = Number(process.env.TEST262_BATCH ?? "40");
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-test262-"));
  fs.writeFileSync(logFile, "");
  const log = { write: (s: string): void => fs.appendFileSync(logFile, s), end: (): void => undefined };
  const commit = suiteCommit(dir);
  const started = Date.now();

  const files = listSlice(dir).filter((f) => f.includes(filter));
  const results = new Map<string, string>();
  const bodies = new Map<string, string>();
  log.write(`test262 ${commit}, ${files.length} files\n`);

  // 1. Rules and renames.
  const candidates = new Map<string, string>();
  const renamed = new Map<string, number>();
  for (const rel of files) {
    const a = admit(rel, fs.readFileSync(path.join(dir, rel), "utf8"));
    if (a.body === undefined) {
      results.set(rel, `excluded: ${a.excluded ?? "?"}`);
      continue;
    }
    if (a.renames.length > 0) log.write(`${rel}: renamed ${a.renames.join(", ")}\n`);
    for (const r of a.renames) {
      const label = r.replace(/ x\d+$/, "");
      renamed.set(label, (renamed.get(label) ?? 0) + 1);
    }
    candidates.set(rel, stripHeader(a.body));
  }
  // 2. Valid strict TypeScript (TypeScript's own library), all at once.
  const typed = typeErrors(new Map([...candidates].map(([rel, body]) => [rel, HARNESS + wrap(body, 0)])));
  const renames = [...renamed].sort().map(([label, n]) => `${label} in ${n}`).join(", ");
  process.stderr.write(`test262: renames (tests touched): ${renames === "" ? "none" : renames}\n`);
  process.stderr.write(`test262: ${candidates.size} candidates, ${typed.size} not TypeScript (${Math.round((Date.now() - started) / 1000)} s)\n`);
  // 3. Node; 4. flbc alone.
  let done = 0;
  for (const [rel, body] of candidates) {
    if (++done % 100 === 0) process.stderr.write(`test262: ${done}/${candidates.size} checked (${Math.round((Date.now() - started) / 1000)} s)\n`);
    const tsError = typed.get(rel);
    if (tsError !== undefined) {
      results.set(rel, `excluded: not strict TypeScript: ${tsError.split(" ")[0] ?? ""}`);
      log.write(`${rel}: not TypeScript: ${tsError}\n`);
      continue;
    }
    const entry = path.join(scratch, "single.ts");
    fs.writeFileSync(entry, assemble("t262", [body]));
    const js = await runNode({ entry, props: {}, events: false, input: inputFor(1) });
    const jr = resultsOf(js.stdout, 1)[0];
    if (jr !== "pass") {
      const why = (jr ?? js.stderr.split("\n")[0] ?? "no output").slice(0, 160);
      results.set(rel, `excluded: fails under Node: ${why}`);
      log.write(`${rel}: Node: ${jr ?? js.stderr}\n`);
      continue;
    }
    const c = compileFile(entry, { checkOnly: true });
    if (!c.ok) {
      const first = c.diagnostics.find((d) => d.severity === "error") ?? c.diagnostics[0];
      const code = first?.code ?? "?";
      results.set(rel, code === "InternalError" ? "crash: compiler" : `rejected: ${code}`);
      log.write(`${rel}: ${code} ${first?.message ?? ""}\n`);
      continue;
    }
    bodies.set(rel, body);
  }

  // 5. Admitted tests, batched into C builds; a failing batch is split.
  const admitted = [...bodies.keys()];
  let builds = 0;
  const runBatch = async (batch: string[]): Promise<void> => {
    const id = `b${builds++}`;
    const bdir = path.join(scratch, id);
    fs.mkdirSync(bdir);
    const entry = path.join(bdir, "t262.ts");
    fs.writeFileSync(entry, assemble("t262", batch.map((r) => bodies.get(r) ?? "")));
    const split = async (why: string): Promise<void> => {
      if (batch.length === 1) {
        results.set(batch[0] ?? "", why);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await runBatch(batch.slice(0, half));
      await runBatch(batch.slice(half));
    };
    const c = compileFile(entry, { sourceName: "t262.ts", outputName: "filter_t262.c" });
    if (!c.ok || c.c === undefined) {
      log.write(`${id}: batch did not compile: ${c.diagnostics.map((d) => d.code + " " + d.message).join("; ")}\n`);
      return split("crash: compiler (batch only)");
    }
    const pluginC = path.join(bdir, "filter_t262.c");
    fs.writeFileSync(pluginC, c.c);
    let binary: string;
    try {
      binary = (await buildHost({ pluginC, symbol: "filter_t262_plugin", kind: "filter", outDir: bdir })).binary;
    } catch (e) {
      const message = (e as Error).message;
      log.write(`${id}: C build failed: ${message.slice(0, 2000)}\n`);
      // gcc names the function of each error: t_<i> is test i of the batch.
      const bad = new Set([...message.matchAll(/In function .fn_t_(\d+)/g)].map((m) => Number(m[1])));
      if (bad.size > 0 && batch.length > 1) {
        for (const i of bad) {
          results.set(batch[i] ?? "", "c-compile-error");
          log.write(`${batch[i] ?? ""}: C compile error in its batch ${id}\n`);
        }
        const rest = batch.filter((_, i) => !bad.has(i));
        return rest.length > 0 ? runBatch(rest) : undefined;
      }
      return split("c-compile-error");
    }
    const run = await runHost(binary, [], inputFor(batch.length), { env: { FLBC_HOST_LOG_NOTIME: "1" }, timeoutMs: 60_000 });
    const rs = resultsOf(run.stdout.toString("utf8"), batch.length);
    if (run.code !== 0 || rs.includes(undefined)) {
      log.write(`${id}: exit ${run.code}: ${run.stderr.slice(0, 500)}\n`);
      if (batch.length === 1) {
        results.set(batch[0] ?? "", run.code === 128 + 15 || run.code === 143 ? "timeout" : "crash");
        return;
      }
      return split("crash");
    }
    batch.forEach((rel, i) => {
      results.set(rel, outcome(rs[i]));
      if (rs[i] !== "pass") log.write(`${rel}: C: ${rs[i] ?? ""}\n`);
    });
  };
  const batches: string[][] = [];
  for (let i = 0; i < admitted.length; i += batchSize) batches.push(admitted.slice(i, i + batchSize));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const b = batches[next++] ?? [];
      await runBatch(b);
      process.stderr.write(`test262: batch ${next}/${batches.length} (${Math.round((Date.now() - started) / 1000)} s)\n`);
    }
  };
  await Promise.all([worker(), worker()]);

  report(files, results, commit, Date.now() - started);
  log.end();
  fs.rmSync(scratch, { recursive: true, force: true });
}

function report(files: string[], results: Map<string, string>, commit: string, ms: number): void {
  interface Row { files: number; slice: number; admitted: number; passed: number; broken: number }
  const rows = new Map<string, Row>();
  const total: Row = { files: 0, slice: 0, admitted: 0, passed: 0, broken: 0 };
  const causes = new Map<string, number>();
  for (const rel of files) {
    const r = results.get(rel) ?? "crash";
    const area = areaOf(rel);
    const row = rows.get(area) ?? { files: 0, slice: 0, admitted: 0, passed: 0, broken: 0 };
    rows.set(area, row);
    for (const x of [row, total]) {
      x.files++;
      if (r.startsWith("excluded:")) continue;
      x.slice++;
      if (r.startsWith("rejected:") || r === "crash: compiler") {
        if (r === "crash: compiler") x.broken++;
        continue;
      }
      x.admitted++;
      if (r === "pass") x.passed++;
      else if (r !== "fail") x.broken++;
    }
    const cause = r.startsWith("excluded: fails under Node") ? "excluded: fails under Node" : r.replace(/^(excluded: construct: new) .*/, "$1 X");
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }
  const pct = (a: number, b: number): string => (b === 0 ? "-" : `${((100 * a) / b).toFixed(1)}%`);
  console.log(`test262 @ ${commit.slice(0, 12)}: ${total.files} files in the areas, ${Math.round(ms / 1000)} s`);
  console.log(`  slice     ${total.slice}`);
  console.log(`  admitted  ${total.admitted} (${pct(total.admitted, total.slice)} of the slice)`);
  console.log(`  passed    ${total.passed} (${pct(total.passed, total.admitted)} of admitted)`);
  console.log(`  crashes, C compile errors, timeouts  ${total.broken}`);
  console.log("");
  console.log(`  ${"area".padEnd(44)} files slice admit  pass broken`);
  for (const [area, r] of [...rows].sort()) {
    if (r.slice === 0) continue;
    console.log(`  ${area.padEnd(44)} ${String(r.files).padStart(5)} ${String(r.slice).padStart(5)} ${String(r.admitted).padStart(5)} ${String(r.passed).padStart(5)} ${String(r.broken).padStart(6)}`);
  }
  console.log("");
  console.log("  outcomes other than pass:");
  for (const [cause, n] of [...causes].sort((a, b) => b[1] - a[1])) {
    if (cause !== "pass") console.log(`  ${String(n).padStart(5)}  ${cause}`);
  }
  console.log(`  (details: ${logFile})`);

  const current: Baseline = {
    test262Commit: commit,
    results: Object.fromEntries([...results].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  const old: Baseline | undefined = fs.existsSync(baselineFile)
    ? (JSON.parse(fs.readFileSync(baselineFile, "utf8")) as Baseline)
    : undefined;
  if (process.env.UPDATE_BASELINE === "1") {
    const merged = { ...(old?.test262Commit === commit ? old.results : {}), ...current.results };
    const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    fs.writeFileSync(baselineFile, JSON.stringify({ test262Commit: commit, results: sorted }, null, 1) + "\n");
    console.log(`\n  baseline written: ${path.relative(root, baselineFile)}`);
    return;
  }
  if (old === undefined) {
    console.log("\n  no baseline yet: UPDATE_BASELINE=1 writes one");
    return;
  }
  if (old.test262Commit !== commit) console.log(`\n  baseline is for test262 ${old.test262Commit}, this run ${commit}`);
  const changes: string[] = [];
  for (const [rel, r] of results) {
    const was = old.results[rel];
    if (was !== r) changes.push(`  ${rel}: ${was ?? "(new)"} -> ${r}`);
  }
  console.log(changes.length === 0 ? "\n  no change from the baseline" : `\n  ${changes.length} changes from the baseline:\n${changes.join("\n")}`);
  if (changes.length > 0) process.exitCode = 1;
}

await main();
