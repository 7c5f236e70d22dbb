// Bad input at run time, end to end: a compiled example in the host with
// `--in msgpack --out msgpack`, one chunk holding well-formed records around
// one malformed event. The plugin must log the chunk once and hand it back
// byte for byte (NOTOUCH), so that every well-formed record comes out as it
// went in; nothing is dropped, cut or rewritten. Runs under ASan/UBSan when
// the sanitizers are available (a read past the chunk is then a failure).
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { runHost, sanitizerAvailable } from "../compiler/toolchain/index.js";
import { buildPlugin, hostEnv, root, scratchDir } from "./support/plugins.js";
import { event, eventTime, malformedCases, mp, str } from "./fuzz/chunks.js";

const scratch = scratchDir("malformed");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

const builds = new Map<string, Promise<string>>();
function binary(example: string): Promise<string> {
  let b = builds.get(example);
  if (b === undefined) {
    b = (async () => {
      const dir = path.join(scratch, example);
      fs.mkdirSync(dir, { recursive: true });
      const sanitize = await sanitizerAvailable();
      return (await buildPlugin(path.join(root, "examples", `${example}.ts`), dir, { sanitize })).binary;
    })();
    builds.set(example, b);
  }
  return b;
}

async function run(example: string, chunk: Buffer, chunkRecords = 1000) {
  const r = await runHost(await binary(example), ["--in", "msgpack", "--out", "msgpack", "--chunk-records", String(chunkRecords)], chunk, {
    env: hostEnv,
    timeoutMs: 60_000,
  });
  return { ...r, malformedLogs: r.stderr.split("\n").filter((l) => l.includes("malformed chunk")).length };
}

// redact masks `password`, level_filter drops debug records: the records
// around the bad event are ones each filter would change.
const records = [
  { user: "alice", password: "hunter2", level: "debug", msg: "login" },
  { user: "bob", password: "swordfish", level: "info", msg: "x".repeat(40) },
  { user: "carol", level: "debug", n: 1.5 },
];

for (const example of ["redact", "level_filter"]) {
  test(`${example}: the same records without a bad event are changed by the filter`, async (t) => {
    const chunk = Buffer.concat(records.map((r, i) => event(mp(r), eventTime(1700000000 + i))));
    const r = await run(example, chunk);
    t.is(r.code, 0, r.stderr);
    t.notDeepEqual(r.stdout, chunk);
    t.is(r.malformedLogs, 0, r.stderr);
  });

  for (const c of malformedCases(records)) {
    test(`${example}: ${c.name}: logged once, the chunk comes back byte for byte`, async (t) => {
      const r = await run(example, c.chunk);
      t.is(r.code, 0, r.stderr);
      t.notRegex(r.stderr, /Sanitizer|runtime error/);
      t.deepEqual(r.stdout, c.chunk);
      // Every well-formed event is in the output, in order.
      let at = 0;
      for (const g of c.good) {
        const i = r.stdout.indexOf(g, at);
        t.true(i >= 0, "a well-formed record is missing");
        at = i + g.length;
      }
      t.is(r.malformedLogs, 1, r.stderr);
    });
  }
}

// With one event per chunk the host cuts the input itself, decoding it as
// Fluent Bit's log event decoder does: the events before the bad one are
// chunks of their own, and everything from the bad one on is one chunk that
// no decoder can cut further, whatever the shape (metadata or a body that
// is not a map included). The filter changes the first and hands the rest
// back byte for byte.
for (const c of malformedCases(records)) {
  test(`redact, one event per chunk: ${c.name}: the events before it are filtered, the rest comes back byte for byte`, async (t) => {
    const rest = c.chunk.subarray(c.badAt);
    const before = await run("redact", c.chunk.subarray(0, c.badAt), 1);
    const r = await run("redact", c.chunk, 1);
    t.is(r.code, 0, r.stderr);
    t.notRegex(r.stderr, /Sanitizer|runtime error/);
    t.true(before.stdout.length > 0 && !before.stdout.equals(c.chunk.subarray(0, c.badAt)), "the record before was not filtered");
    t.deepEqual(r.stdout, Buffer.concat([before.stdout, rest]));
    t.is(r.malformedLogs, 1, r.stderr);
  });
}

test("redact: keys that are not strings are not an error; the record is still filtered around them", async (t) => {
  const odd: Buffer[][] = [
    [mp(7), str("int key")],
    [mp([1, 2]), str("array key")],
    [mp({ k: 1 }), str("map key")],
    [mp(null), str("nil key")],
    [Buffer.from([0xc4, 0x01, 0x00]), str("bin key")],
  ];
  const body = Buffer.concat([Buffer.from([0x80 | (odd.length + 2)]), ...odd.flat(), str("user"), str("alice"), str("password"), str("hunter2")]);
  const chunk = event(body);
  const r = await run("redact", chunk);
  t.is(r.code, 0, r.stderr);
  t.is(r.malformedLogs, 0, r.stderr);
  t.false(r.stdout.includes(Buffer.from("hunter2")), "the password was not masked");
  for (const pair of odd) t.true(r.stdout.includes(Buffer.concat(pair)), "a non-string pair was changed");
});

// Every timestamp Fluent Bit's decoder reads is an event, not a malformed
// one: it casts a float toward zero, so (-1, 0) is second 0 and a record,
// while a time that becomes a negative second (a group marker, or skipped)
// passes through untouched; EventTime may come in any ext encoding.
test("redact: times Fluent Bit decodes: records are filtered, negative seconds pass untouched, in one chunk or one per chunk", async (t) => {
  const f64 = (d: number) => {
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeDoubleBE(d, 1);
    return b;
  };
  const ext16EventTime = Buffer.concat([Buffer.from([0xc8, 0x00, 0x08, 0x00]), eventTime(1700000000, 5).subarray(2)]);
  const times: [string, Buffer, boolean][] = [
    ["float -0.5", f64(-0.5), true],
    ["float32 just below 0", Buffer.from([0xca, 0x80, 0x00, 0x01, 0x00]), true],
    ["float 5e9", f64(5e9), true],
    ["EventTime as ext 16", ext16EventTime, true],
    ["float Infinity", f64(Infinity), false],
    ["float -1.5 (group start)", f64(-1.5), false],
    ["float -7", f64(-7), false],
    ["uint64 max", Buffer.from([0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), false],
  ];
  const events = times.map(([name, time]) => event(mp({ name, password: "hunter2" }), time));
  for (const perChunk of [1000, 1]) {
    const r = await run("redact", Buffer.concat(events), perChunk);
    t.is(r.code, 0, r.stderr);
    t.is(r.malformedLogs, 0, r.stderr);
    t.notRegex(r.stderr, /Sanitizer|runtime error/);
    times.forEach(([name, , record], i) => {
      t.is(r.stdout.includes(events[i]!), !record, `${name}: ${record ? "not filtered" : "changed"} (${perChunk} per chunk)`);
    });
  }
});
