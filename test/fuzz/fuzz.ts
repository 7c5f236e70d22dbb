// `npm run fuzz`: every libFuzzer target (test/fuzz/targets.ts) for a
// bounded number of inputs, then rounds of the regex differential fuzzer
// (test/fuzz/regex.ts). A crash's input is copied into the target's
// regression corpus (test/fuzz/corpus/<corpus>/regressions/), which every
// later run, `npm test` included, replays: commit it with the fix.
//
//   node dist/test/fuzz/fuzz.js [--runs N] [--target NAME] [--regex-rounds N]
//                               [--compiler-cases N] [--seed N]
//
// Then mutated example programs through the compiler (test/fuzz/compiler.ts).
// Exits 1 when a target crashed, the regex fuzzer found a mismatch or the
// compiler crashed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { allTargets, fuzzerAvailable, runTarget } from "./targets.js";
import { fuzzRound } from "./regex.js";
import { fuzzCompiler } from "./compiler.js";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<number> {
  const runs = Number(option("--runs", "200000"));
  const only = option("--target", "");
  const rounds = Number(option("--regex-rounds", "10"));
  const compilerCases = Number(option("--compiler-cases", "1000"));
  const seed = Number(option("--seed", String(Date.now() % 1000000)));
  let failed = 0;

  if (!fuzzerAvailable()) {
    console.log("fuzz: clang's libFuzzer runtime is missing (install clang and libclang-rt-dev): libFuzzer targets skipped");
  } else {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-fuzz-"));
    try {
      for (const t of allTargets().filter((t) => only === "" || t.name === only)) {
        const dir = path.join(scratch, t.name);
        fs.mkdirSync(dir);
        const binary = await t.build(dir);
        const r = await runTarget(t, binary, scratch, { runs, seed, keepCrash: true });
        if (r.ok) {
          console.log(`fuzz ${t.name}: ok (${r.summary})`);
        } else {
          failed++;
          console.log(r.output.split("\n").slice(-60).join("\n"));
          console.log(`fuzz ${t.name}: CRASH, input kept as ${r.crash ?? "(none written)"}`);
        }
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }

  for (let i = 0; i < rounds && only === ""; i++) {
    const bad = fuzzRound(seed + i);
    if (bad.length > 0) {
      failed++;
      for (const m of bad.slice(0, 5)) {
        console.log(`/${m.pattern}/${m.flags} on ${JSON.stringify(m.input)}\n  node: ${JSON.stringify(m.node)}\n  flbc: ${JSON.stringify(m.flbc)}`);
      }
      console.log(`fuzz regex: ${bad.length} mismatches in round seed ${seed + i}`);
      break;
    }
    console.log(`fuzz regex: round seed ${seed + i} ok`);
  }
  if (only === "" && compilerCases > 0) {
    const crashes = fuzzCompiler(seed, compilerCases);
    for (const c of crashes.slice(0, 5)) console.log(`compiler crash, seed ${c.seed}:\n${c.error}\n--- source ---\n${c.source}\n---`);
    console.log(`fuzz compiler: ${compilerCases} mutants from seed ${seed}, ${crashes.length} crashes`);
    if (crashes.length > 0) failed++;
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
