// Differential conformance of the built-ins: every test/conformance/<area>-
// <feature>.ts is a small filter plugin that writes the results of one
// built-in (and its edge cases) into record fields. Each is compiled to C,
// built into the local host with AddressSanitizer and UBSan (leaks
// included; a plain build where the sanitizers are missing) and run on
// <same>.jsonl in chunks of two records, and the Node reference engine runs
// the same source on the same input: the outputs must be equal value by
// value (lines that are not JSON, from console.log, as text). Both runs
// must exit 0 and log no error, warning or sanitizer report.
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { sanitizerAvailable } from "../compiler/toolchain/index.js";
import { buildPlugin, root, runC, runJs, scratchDir } from "./support/plugins.js";

const casesDir = path.join(root, "test", "conformance");
const cases = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith(".ts"))
  .sort();

const scratch = scratchDir("conformance");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

// The C compiler is the expensive part: two builds at a time, whatever
// ava's concurrency (the machine is shared).
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Output lines as values: JSON where it parses (1.0 equals 1), else the text. */
function values(text: string): unknown[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        return l;
      }
    });
}

const problem = /\[\s*(error|warn)\]/;

test("every case has its input", (t) => {
  const missing = cases.filter((c) => !fs.existsSync(path.join(casesDir, c.replace(/\.ts$/, ".jsonl"))));
  t.deepEqual(missing, []);
  const stray = fs
    .readdirSync(casesDir)
    .filter((f) => f.endsWith(".jsonl") && !cases.includes(f.replace(/\.jsonl$/, ".ts")));
  t.deepEqual(stray, [], "inputs without a case");
});

for (const file of cases) {
  const name = file.replace(/\.ts$/, "");
  test(name, async (t) => {
    const entry = path.join(casesDir, file);
    const input = fs.readFileSync(path.join(casesDir, `${name}.jsonl`), "utf8");
    const dir = fs.mkdtempSync(path.join(scratch, `${name}-`));
    const c = await limited(async () => {
      const built = await buildPlugin(entry, dir, { sanitize: await sanitizerAvailable() });
      return runC(built.binary, input, {}, ["--chunk-records", "2"]);
    });
    const js = await runJs(entry, input);
    t.is(js.code, 0, `Node run failed:\n${js.stderr}`);
    t.is(c.code, 0, `C run failed:\n${c.stderr}`);
    t.notRegex(js.stderr, problem, "Node run logged an error");
    t.notRegex(c.stderr, problem, "C run logged an error");
    t.notRegex(c.stderr, /Sanitizer|runtime error/);
    const expected = values(js.stdout);
    t.true(expected.length > 0, "the case printed nothing");
    t.deepEqual(values(c.stdout), expected);
  });
}
