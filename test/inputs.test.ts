// Input plugins: the timer collector, ctx.emit through one
// flb_input_log_append per collect, the tag, --count/--duration, pause and
// resume, and the same records under the Node engine. The plugins are
// built with ASan/UBSan where available.
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { runNode } from "../compiler/engine/node.js";
import { sanitizerAvailable } from "../compiler/toolchain/index.js";
import { buildPlugin, compileForTest, diagnosticsText, parseLines, runC, scratchDir } from "./support/plugins.js";

const scratch = scratchDir("inputs");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

function plugin(name: string, source: string): string {
  const file = path.join(scratch, `${name}.ts`);
  fs.writeFileSync(file, source);
  return file;
}

const burst = plugin(
  "in_burst",
  `import { defineInput } from "flbc";
export default defineInput({
  name: "burst",
  config: { per_round: 3 },
  interval: "50ms",
  init() { return { round: 0 }; },
  collect(ctx) {
    ctx.state.round++;
    for (let i = 0; i < ctx.config.per_round; i++) {
      ctx.emit({ round: ctx.state.round, i, tag: ctx.tag }, 1700000000 + i / 4);
    }
  },
});
`,
);

/** The plugin built with ASan/UBSan where available, once for the tests that run it. */
let burstBuilt: Promise<string> | undefined;
const burstBinary = (): Promise<string> =>
  (burstBuilt ??= sanitizerAvailable().then((sanitize) => buildPlugin(burst, scratch, { sanitize })).then((b) => b.binary));

test("emit: several records per collect, explicit times, the instance tag; --count stops mid-round", async (t) => {
  const binary = await burstBinary();
  const c = await runC(binary, "", { tag: "bursts" }, ["--count", "4", "--events", "--no-wait", "--stats"]);
  t.is(c.code, 0, c.stderr);
  const expected = [
    [[1700000000, {}], { round: 1, i: 0, tag: "bursts" }],
    [[1700000000.25, {}], { round: 1, i: 1, tag: "bursts" }],
    [[1700000000.5, {}], { round: 1, i: 2, tag: "bursts" }],
    [[1700000000, {}], { round: 2, i: 0, tag: "bursts" }],
  ];
  t.deepEqual(parseLines(c.stdout), expected);
  t.regex(c.stderr, /stats: collects=2 records=4/);
  const js = await runNode({ entry: burst, props: { tag: "bursts" }, events: true, input: "", count: 4 });
  t.is(js.code, 0, js.stderr);
  t.deepEqual(parseLines(js.stdout), expected);
});

test("the interval comes from the definition: 50ms between collects", async (t) => {
  const binary = await burstBinary();
  const start = Date.now();
  const c = await runC(binary, "", { per_round: "1" }, ["--count", "5"]);
  t.is(c.code, 0, c.stderr);
  t.is(parseLines(c.stdout).length, 5);
  t.true(Date.now() - start >= 4 * 45, "four waits of the interval");
});

test("the generated collector registers 50ms and pauses/resumes its collector", (t) => {
  const c = compileForTest(burst).c!;
  t.regex(c, /flb_input_set_collector_time\(ins, cb_burst_collect,\s+0, 50000000, config\)/);
  t.true(c.includes("flb_input_collector_pause(ctx->coll_fd, ctx->ins);"));
  t.true(c.includes(".cb_resume    = cb_burst_resume,"));
});

test("diagnostic: an input needs an interval, and a sane one", (t) => {
  const none = plugin("bad_none", `import { defineInput } from "flbc";
export default defineInput({ name: "bad", collect() {} } as never);
`);
  t.false(compileForTest(none).ok);
  const bad = plugin("bad_interval", `import { defineInput } from "flbc";
export default defineInput({ name: "bad", interval: "soon", collect() {} });
`);
  const r = compileForTest(bad);
  t.false(r.ok);
  t.true(diagnosticsText(r).includes("`interval` must be a number of seconds above 0"), diagnosticsText(r));
});

test("in_tail_lines follows a growing file: lines appended while it runs become records, a partial line waits", async (t) => {
  const entry = path.join(process.cwd(), "examples", "in_tail_lines.ts");
  const dir = path.join(scratch, "tail");
  fs.mkdirSync(dir, { recursive: true });
  const log = path.join(dir, "app.log");
  fs.writeFileSync(log, "old\n");
  const { binary } = await buildPlugin(entry, dir, { sanitize: await sanitizerAvailable() });
  const timer = setTimeout(() => fs.appendFileSync(log, "new 1\nnew 2\npart"), 700);
  const c = await runC(binary, "", { path: log, from_end: "on" }, ["--duration", "1.6"]);
  clearTimeout(timer);
  t.is(c.code, 0, c.stderr);
  t.deepEqual(parseLines(c.stdout), [
    { log: "new 1", file: log },
    { log: "new 2", file: log },
  ]);
});
