// The one deliberate divergence of bigint: a result beyond 64 bits. Node
// goes on with a wider integer; the compiled plugin throws a RangeError
// ("bigint overflow: ... does not fit in 64 bits"), which a try/catch sees
// and which, uncaught, leaves the record as it was with the error logged.
// The conformance cases (test/conformance/bigint-*.ts) cover everything
// that fits, compared with Node; this test asserts both sides here. Built
// with the sanitizers where available: no overflow may reach C arithmetic.
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { sanitizerAvailable } from "../compiler/toolchain/index.js";
import { buildPlugin, parseLines, runC, runJs, scratchDir } from "./support/plugins.js";

const scratch = scratchDir("bigint");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

const plugin = `
import { defineFilter } from "flbc";
import type { Value } from "flbc";

function apply(op: Value | undefined, a: bigint, b: bigint): bigint {
  switch (op) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/": return a / b;
    case "**": return a ** b;
    case "<<": return a << b;
    case ">>": return a >> b;
    case "neg": return -a;
    case "inc": {
      let x = a;
      x++;
      return x;
    }
    case "number": return BigInt(Number(a) * 4);
    case "string": return BigInt(String(a) + "0");
    case "asUintN": return BigInt.asUintN(64, a);
  }
  return 0n;
}

export default defineFilter({
  name: "overflow",
  filter(record) {
    const a = BigInt(typeof record.a === "string" ? record.a : "0");
    const b = BigInt(typeof record.b === "string" ? record.b : "0");
    if (record.caught === true) {
      try {
        record.r = String(apply(record.op, a, b));
      } catch (e) {
        record.error = e instanceof Error ? e.name + ": " + e.message : "?";
      }
      return;
    }
    record.r = String(apply(record.op, a, b));
  },
});
`;

const MAX = "9223372036854775807";
const MIN = "-9223372036854775808";
/** [op, a, b, what Node computes, the C side's message]. */
const cases: [string, string, string, string, string][] = [
  ["+", MAX, "1", "9223372036854775808", `${MAX}n + 1n`],
  ["-", MIN, "1", "-9223372036854775809", `${MIN}n - 1n`],
  ["*", "4294967296", "4294967296", "18446744073709551616", "4294967296n * 4294967296n"],
  ["/", MIN, "-1", "9223372036854775808", `${MIN}n / -1n`],
  ["**", "2", "63", "9223372036854775808", "2n ** 63n"],
  ["**", "-3", "41", "-36472996377170786403", "-3n ** 41n"],
  ["<<", "1", "64", "18446744073709551616", "1n << 64n"],
  [">>", "3", "-62", "13835058055282163712", "3n >> -62n"],
  ["neg", MIN, "0", "9223372036854775808", `-(${MIN}n)`],
  ["inc", MAX, "0", "9223372036854775808", `${MAX}n + 1n`],
  ["number", MAX, "0", "36893488147419103232", "BigInt(36893488147419103000)"],
  ["string", MAX, "0", "92233720368547758070", `BigInt("${MAX}0")`],
  ["asUintN", "-1", "0", "18446744073709551615", "BigInt.asUintN(64, -1n)"],
];

test("a result beyond int64 throws a RangeError in C, where Node goes on", async (t) => {
  const dir = path.join(scratch, "overflow");
  fs.mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, "overflow.ts");
  fs.writeFileSync(entry, plugin);
  const { binary } = await buildPlugin(entry, dir, { sanitize: await sanitizerAvailable() });
  const records = cases.flatMap(([op, a, b]) => [{ op, a, b }, { op, a, b, caught: true }]);
  const input = records.map((r) => JSON.stringify(r)).join("\n") + "\n";
  const c = await runC(binary, input);
  const js = await runJs(entry, input);
  t.is(c.code, 0, c.stderr);
  t.is(js.code, 0, js.stderr);
  const cOut = parseLines(c.stdout) as Record<string, unknown>[];
  const jsOut = parseLines(js.stdout) as Record<string, unknown>[];
  cases.forEach(([op, a, b, exact, text], i) => {
    const message = `bigint overflow: ${text} does not fit in 64 bits`;
    // Uncaught: the record passes unchanged, the error is logged.
    t.deepEqual(cOut[2 * i], { op, a, b }, op);
    t.true(c.stderr.includes(`[error] [filter:overflow:overflow.0] ${message}`), `${op}: ${message} not logged`);
    t.deepEqual(cOut[2 * i + 1], { op, a, b, caught: true, error: `RangeError: ${message}` }, op);
    // Node: the exact, wider result.
    t.deepEqual(jsOut[2 * i], { op, a, b, r: exact }, op);
    t.deepEqual(jsOut[2 * i + 1], { op, a, b, caught: true, r: exact }, op);
  });
});
