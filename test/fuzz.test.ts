// Bounded libFuzzer runs in `npm test`: every target of test/fuzz/targets.ts
// (the runtime's msgpack reader and chunk loop, JSON.parse, every example
// filter, every example output, network outputs on a canned transport) for a fixed number of
// inputs from the committed corpus, seed fixed, so a CI run is
// reproducible. Longer runs: `npm run fuzz`.
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { scratchDir } from "./support/plugins.js";
import { allTargets, fuzzerAvailable, runTarget } from "./fuzz/targets.js";

/** Inputs per target: seconds each on CI's two cores. */
const runs = Number(process.env.FLBC_FUZZ_RUNS ?? 20000);
const scratch = scratchDir("fuzz");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

const available = fuzzerAvailable();

for (const t of allTargets()) {
  test(`fuzz ${t.name}: ${runs} inputs without a crash, sanitizer report or leak`, async (tt) => {
    if (!available) {
      tt.log("clang's libFuzzer runtime is missing (apt-get install clang libclang-rt-dev): skipped");
      tt.pass();
      return;
    }
    const dir = path.join(scratch, t.name);
    fs.mkdirSync(dir, { recursive: true });
    const binary = await t.build(dir);
    const r = await runTarget(t, binary, scratch, { runs });
    tt.true(r.ok, `${r.output.split("\n").slice(-50).join("\n")}\ncrashing input: ${r.crash ?? "(none written)"}`);
    tt.log(r.summary);
  });
}
