// What a compiled filter must not damage, checked byte for byte through the
// host in msgpack mode: untouched records are copied exactly, an edited
// record keeps every other pair's encoding, and what TypeScript cannot
// express (bin, ext, non-string keys, 64-bit integers, float 1.0, NUL in
// strings, invalid UTF-8, EventTime, metadata, group markers, the legacy
// [time, body] shape) passes through. The faults of Fluent Bit's Lua and WASM filters
// (1.0 -> 1, NUL cuts a string) are the reference for what to test.
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { buildPlugin, runC, scratchDir } from "./support/plugins.js";
import { runHost, sanitizerAvailable } from "../compiler/toolchain/index.js";

const scratch = scratchDir("fidelity");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

// A minimal msgpack writer for the cases: exact encodings, chosen by hand.
const u8 = (...b: number[]) => Buffer.from(b);
const str = (s: string | Buffer) => {
  const b = typeof s === "string" ? Buffer.from(s, "utf8") : s;
  return b.length < 32 ? Buffer.concat([u8(0xa0 | b.length), b]) : Buffer.concat([u8(0xd9, b.length), b]);
};
const map = (pairs: Buffer[][]) => Buffer.concat([u8(0x80 | pairs.length), ...pairs.flat()]);
const arr = (items: Buffer[]) => Buffer.concat([u8(0x90 | items.length), ...items]);
const int64 = (n: bigint) => {
  const b = Buffer.alloc(9);
  b[0] = 0xd3;
  b.writeBigInt64BE(n, 1);
  return b;
};
const float64 = (d: number) => {
  const b = Buffer.alloc(9);
  b[0] = 0xcb;
  b.writeDoubleBE(d, 1);
  return b;
};
const eventTime = (sec: number, nsec: number) => {
  const b = Buffer.alloc(10);
  b[0] = 0xd7;
  b[1] = 0x00;
  b.writeUInt32BE(sec >>> 0, 2);
  b.writeUInt32BE(nsec, 6);
  return b;
};
const event = (time: Buffer, meta: Buffer, body: Buffer) => arr([arr([time, meta]), body]);

const plugin = `
import { defineFilter } from "flbc";
export default defineFilter({
  name: "touch",
  filter(record) {
    if (record.touch === true) {
      record.touched = "yes";
    }
    if (record.drop === true) return false;
    const text = record.text;
    if (typeof text === "string") {
      record.upper = text.toUpperCase();
      record.lower = text.toLowerCase();
    }
  },
});
`;

let built: Promise<string> | undefined;
function binary(): Promise<string> {
  built ??= (async () => {
    const entry = path.join(scratch, "touch.ts");
    fs.writeFileSync(entry, plugin);
    // ASan/UBSan when available: a read past the chunk fails the case.
    return (await buildPlugin(entry, scratch, { sanitize: await sanitizerAvailable() })).binary;
  })();
  return built;
}

async function runMsgpack(input: Buffer): Promise<Buffer> {
  const r = await runHost(await binary(), ["--in", "msgpack", "--out", "msgpack"], input, { env: { FLBC_HOST_LOG_NOTIME: "1" } });
  if (r.code !== 0 || /Sanitizer|runtime error/.test(r.stderr)) throw new Error(r.stderr);
  return r.stdout;
}

// Everything a filter must carry through: one body with every awkward value.
const awkward = (extra: Buffer[][] = []) =>
  map([
    [str("big"), int64(9007199254740993n)], // 2^53 + 1: not a double
    [str("one"), float64(1.0)], // a float that looks like an integer
    [str("nul"), str(Buffer.from("a\u0000b"))], // NUL inside a string
    [str("bin"), u8(0xc4, 0x03, 0x00, 0xff, 0x10)], // bin 8
    [str("ext"), u8(0xd4, 0x05, 0x2a)], // fixext 1, type 5
    [u8(0x07), str("int key")], // a non-string key
    [str("f32"), u8(0xca, 0x3f, 0xc0, 0x00, 0x00)], // float32 1.5
    ...extra,
  ]);
const meta = map([[str("origin"), str("test")]]);

test("a chunk with no change comes back byte for byte (NOTOUCH)", async (t) => {
  const chunk = Buffer.concat([event(eventTime(1700000000, 123456789), meta, awkward()), event(eventTime(1, 0), map([]), map([]))]);
  const out = await runMsgpack(chunk);
  t.deepEqual(out, chunk);
});

test("an edited record keeps every other pair's bytes and its header", async (t) => {
  const before = awkward([[str("touch"), u8(0xc3)]]);
  const chunk = Buffer.concat([event(eventTime(1700000000, 5), meta, before), event(eventTime(2, 0), map([]), awkward())]);
  const out = await runMsgpack(chunk);
  // The edit appends one pair: the map header counts it, the rest is as it was.
  const pairs = before.subarray(1);
  const expectedBody = Buffer.concat([u8(0x80 | 9), pairs, str("touched"), str("yes")]);
  const expected = Buffer.concat([event(eventTime(1700000000, 5), meta, expectedBody), event(eventTime(2, 0), map([]), awkward())]);
  t.deepEqual(out, expected);
});

test("a dropped record leaves its neighbours and group markers intact", async (t) => {
  const groupStart = event(eventTime(0xffffffff, 0), map([[str("resource"), str("r")]]), map([[str("scope"), str("s")]]));
  const groupEnd = event(eventTime(0xfffffffe, 0), map([]), map([]));
  const kept = event(eventTime(10, 1), meta, awkward());
  const dropped = event(eventTime(11, 2), meta, map([[str("drop"), u8(0xc3)]]));
  const out = await runMsgpack(Buffer.concat([groupStart, kept, dropped, kept, groupEnd]));
  t.deepEqual(out, Buffer.concat([groupStart, kept, kept, groupEnd]));
});

test("the legacy [time, body] shape and integer or float timestamps pass through", async (t) => {
  const legacy = arr([u8(0xce, 0x65, 0x53, 0xf1, 0x00), awkward()]);
  const floatTime = event(float64(1700000000.25), map([]), map([[str("touch"), u8(0xc3)]]));
  const out = await runMsgpack(Buffer.concat([legacy, floatTime]));
  const edited = event(float64(1700000000.25), map([]), map([[str("touch"), u8(0xc3)], [str("touched"), str("yes")]]));
  t.deepEqual(out, Buffer.concat([legacy, edited]));
});

test("case mapping keeps invalid UTF-8 bytes as they are", async (t) => {
  // "a", a stray 0xff, "ß", a lead byte before "(", "A", 0xff, "Σ", a lone continuation byte.
  const text = u8(0x61, 0xff, 0xc3, 0x9f, 0xc3, 0x28, 0x41, 0xff, 0xce, 0xa3, 0x80);
  const out = await runMsgpack(event(eventTime(1, 0), map([]), map([[str("text"), str(text)]])));
  // The bytes around the letters are unchanged; the sigma after an invalid
  // byte is not final (JavaScript sees U+FFFD there, which has no case).
  const upper = u8(0x41, 0xff, 0x53, 0x53, 0xc3, 0x28, 0x41, 0xff, 0xce, 0xa3, 0x80);
  const lower = u8(0x61, 0xff, 0xc3, 0x9f, 0xc3, 0x28, 0x61, 0xff, 0xcf, 0x83, 0x80);
  t.deepEqual(out, event(eventTime(1, 0), map([]), map([[str("text"), str(text)], [str("upper"), str(upper)], [str("lower"), str(lower)]])));
});

test("JSON mode: integers stay integers and floats print as floats", async (t) => {
  const r = await runC(await binary(), '{"i":1,"f":1.0,"big":12345678901234567,"s":"x\\u0000y","touch":true}\n');
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout, '{"i":1,"f":1.0,"big":12345678901234567,"s":"x\\u0000y","touch":true,"touched":"yes"}\n');
});
