// Programs flbc must reject (test/diagnostics/bad-*.ts): each one's
// diagnostics, as printed, are a golden file (.errors.txt). A case that
// compiles, a crash, or a changed message fails the test.
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { compileForTest, diagnosticsText, golden, root, staleGoldens } from "./support/plugins.js";

const dir = path.join(root, "test", "diagnostics");
const cases = fs
  .readdirSync(dir)
  .filter((f) => /^bad-.*\.ts$/.test(f))
  .map((f) => f.slice(0, -3))
  .sort();

test("no .errors.txt outlives its case", (t) => {
  t.deepEqual(
    staleGoldens(dir, [".errors.txt"], (base) => cases.includes(base)),
    [],
  );
});

for (const name of cases) {
  test(`${name} is rejected with its diagnostics`, (t) => {
    const result = compileForTest(path.join(dir, `${name}.ts`));
    t.false(result.ok, "the program compiled");
    t.is(result.c, undefined);
    t.true(result.diagnostics.every((d) => d.file !== undefined || d.code.startsWith("FLBC")));
    const g = golden(path.join(dir, `${name}.errors.txt`), diagnosticsText(result));
    t.is(g.actual, g.expected);
  });
}
