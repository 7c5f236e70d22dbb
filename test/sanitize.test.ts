// Conformance cases under AddressSanitizer and UBSan (leaks included): an
// ASan build costs about three times a normal one, so `npm test` runs a
// fixed sample spread over the whole list (FLBC_SANITIZE_CASES, default 12;
// "all" for every case). The examples (test/examples.test.ts), the
// fidelity cases, malformed chunks and the limits tests always run
// sanitized.
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { sanitizerAvailable } from "../compiler/toolchain/index.js";
import { buildPlugin, root, runC, runJs, scratchDir } from "./support/plugins.js";

const casesDir = path.join(root, "test", "conformance");
const all = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith(".ts"))
  .sort();
const wanted = process.env.FLBC_SANITIZE_CASES ?? "12";
const count = wanted === "all" ? all.length : Math.min(all.length, Number(wanted));
const step = all.length / Math.max(1, count);
const sample = Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
const scratch = scratchDir("sanitize");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

for (const file of sample) {
  const name = file.replace(/\.ts$/, "");
  test(`${name}: clean under AddressSanitizer and UBSan, same output as Node`, async (t) => {
    if (!(await sanitizerAvailable())) {
      t.log("sanitizers unavailable here: skipped");
      t.pass();
      return;
    }
    const entry = path.join(casesDir, file);
    const input = fs.readFileSync(path.join(casesDir, `${name}.jsonl`), "utf8");
    const dir = fs.mkdtempSync(path.join(scratch, `${name}-`));
    const { binary } = await buildPlugin(entry, dir, { sanitize: true });
    const c = await runC(binary, input, {}, ["--chunk-records", "2"]);
    t.notRegex(c.stderr, /Sanitizer|runtime error/);
    t.is(c.code, 0, c.stderr);
    const js = await runJs(entry, input);
    const lenient = (text: string) => text.split("\n").filter((l) => l.trim() !== "").map((l) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        return l;
      }
    });
    t.deepEqual(lenient(c.stdout), lenient(js.stdout));
  });
}
