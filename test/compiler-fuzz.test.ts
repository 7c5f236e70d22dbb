// The compiler never crashes on TypeScript input: mutants of the example
// programs (test/fuzz/compiler.ts) give diagnostics or C, never an exception
// or an internal error (FLBC1099). A fixed range of seeds, so a failure
// names its case; `npm run fuzz` tries more.
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { compileCase, exampleSources, mutant } from "./fuzz/compiler.js";
import { scratchDir } from "./support/plugins.js";

const cases = Number(process.env.FLBC_COMPILER_FUZZ_CASES ?? 150);
const scratch = scratchDir("compiler-fuzz");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

test(`${cases} mutated example programs: diagnostics, never a crash`, (t) => {
  const sources = exampleSources();
  for (let seed = 1; seed <= cases; seed++) {
    const crash = compileCase(mutant(seed, sources), scratch);
    if (crash !== undefined) {
      fs.writeFileSync(path.join(scratch, `crash-${seed}.ts`), crash.source);
      t.fail(`case seed ${seed} crashed the compiler:\n${crash.error}\n--- source ---\n${crash.source}`);
      return;
    }
  }
  t.pass();
});

const broken = [
  "",
  "\uFEFF",
  "import",
  'import { defineFilter } from "flbc";',
  'import { defineFilter } from "flbc";\nexport default defineFilter(',
  'import { defineFilter } from "flbc";\nexport default defineFilter({});',
  'import { defineFilter } from "flbc";\nexport default defineFilter({ name: 1, filter: 2 });',
  'import { defineFilter } from "flbc";\nexport default defineFilter({ name: "x", filter(record) { return record.x.y.z; } });',
  'import { defineFilter } from "flbc";\nexport default defineFilter({ name: "", filter() {} });',
  'import { defineFilter } from "flbc";\nexport default defineFilter({ name: "a b", config: { "x-y": 1 }, filter() {} });',
  'import { defineFilter } from "flbc";\nconst f = defineFilter;\nexport default f({ name: "x", filter() {} });',
  'import { defineFilter } from "flbc";\nexport default defineFilter({ name: "x", config: { arena_limit: 1 }, filter() {} });',
  'import { defineFilter } from "flbc";\nexport default defineFilter({ name: "x", filter(record) { record = {}; } });',
  'import { defineFilter } from "flbc";\nexport default [defineFilter({ name: "x", filter() {} })][0];',
  'import * as flbc from "flbc";\nexport default flbc.defineFilter({ name: "x", filter() {} });',
  'export default 42;',
  "}}}}(((([[[[",
  "/* unterminated",
  "`unterminated ${",
  "const x = 1;\n".repeat(2000),
  "const x = " + "(".repeat(300) + "1" + ")".repeat(300) + ";",
];

// TypeScript's own parser overflows the stack on ~700 nested brackets or
// ~900 nested parentheses: the compiler reports FLBC1098 instead.
const tooDeep = [
  "const x = " + "(".repeat(1000) + "1" + ")".repeat(1000) + ";",
  "const x = " + "[".repeat(1000) + "]".repeat(1000) + ";",
];

for (const [i, source] of broken.entries()) {
  test(`broken file #${i + 1} (${JSON.stringify(source.slice(0, 40))}...): diagnostics, never a crash`, (t) => {
    const crash = compileCase({ seed: 100000 + i, source }, scratch);
    t.is(crash, undefined, crash?.error);
  });
}

for (const [i, source] of tooDeep.entries()) {
  test(`deeply nested file #${i + 1} (${JSON.stringify(source.slice(0, 14))}...): diagnostics, never a crash`, (t) => {
    const crash = compileCase({ seed: 200000 + i, source }, scratch);
    t.is(crash, undefined, crash?.error.split("\n")[0]);
  });
}
