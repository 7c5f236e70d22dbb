// Fluent Bit chunks built byte by byte, and the malformed shapes a plugin
// must pass through untouched (test/malformed.test.ts, the fuzz seeds).
// msgpack is written by hand here so that every encoding is exact and a
// broken one is exactly as broken as intended.

/** One msgpack value, encoded the way Fluent Bit's encoder would. */
export function mp(v: unknown): Buffer {
  if (v === null || v === undefined) return Buffer.from([0xc0]);
  if (v === true) return Buffer.from([0xc3]);
  if (v === false) return Buffer.from([0xc2]);
  if (Buffer.isBuffer(v)) return v; // already encoded
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 0 && v < 128) return Buffer.from([v]);
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) {
      const b = Buffer.alloc(9);
      b[0] = 0xd3;
      b.writeBigInt64BE(BigInt(v), 1);
      return b;
    }
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeDoubleBE(v, 1);
    return b;
  }
  if (typeof v === "string") return str(v);
  if (Array.isArray(v)) return Buffer.concat([arrayHeader(v.length), ...v.map(mp)]);
  const entries = Object.entries(v as Record<string, unknown>);
  return Buffer.concat([mapHeader(entries.length), ...entries.flatMap(([k, x]) => [str(k), mp(x)])]);
}

export function str(s: string | Buffer): Buffer {
  const b = typeof s === "string" ? Buffer.from(s, "utf8") : s;
  if (b.length < 32) return Buffer.concat([Buffer.from([0xa0 | b.length]), b]);
  if (b.length < 256) return Buffer.concat([Buffer.from([0xd9, b.length]), b]);
  if (b.length < 65536) {
    const h = Buffer.from([0xda, 0, 0]);
    h.writeUInt16BE(b.length, 1);
    return Buffer.concat([h, b]);
  }
  const h = Buffer.from([0xdb, 0, 0, 0, 0]);
  h.writeUInt32BE(b.length, 1);
  return Buffer.concat([h, b]);
}

export function arrayHeader(n: number): Buffer {
  if (n < 16) return Buffer.from([0x90 | n]);
  const h = Buffer.from([0xdc, 0, 0]);
  h.writeUInt16BE(n, 1);
  return h;
}

export function mapHeader(n: number): Buffer {
  if (n < 16) return Buffer.from([0x80 | n]);
  const h = Buffer.from([0xde, 0, 0]);
  h.writeUInt16BE(n, 1);
  return h;
}

export function eventTime(sec: number, nsec = 0): Buffer {
  const b = Buffer.alloc(10);
  b[0] = 0xd7;
  b[1] = 0x00;
  b.writeUInt32BE(sec >>> 0, 2);
  b.writeUInt32BE(nsec, 6);
  return b;
}

/** [[time, metadata], body], each part already encoded. */
export function event(body: Buffer, time: Buffer = eventTime(1700000000, 1), meta: Buffer = mp({})): Buffer {
  return Buffer.concat([arrayHeader(2), arrayHeader(2), time, meta, body]);
}

export interface MalformedCase {
  name: string;
  /** Events before the bad one, the bad one, events after it. */
  chunk: Buffer;
  /** The well-formed events in the chunk (all must come out). */
  good: Buffer[];
  /** The byte offset of the bad event in the chunk. */
  badAt: number;
}

function nested(depth: number): Buffer {
  return Buffer.concat([...Array.from({ length: depth }, () => arrayHeader(1)), mp(1)]);
}

/**
 * Each shape between well-formed records (`records`: bodies as JSON
 * values). The chunk as a whole is what the plugin must hand back, byte
 * for byte.
 */
export function malformedCases(records: unknown[] = [{ user: "alice", password: "hunter2" }, { user: "bob", level: "debug" }]): MalformedCase[] {
  const good = records.map((r, i) => event(mp(r), eventTime(1700000000 + i, i)));
  const before = good.slice(0, 1);
  const after = good.slice(1);
  const hugeClaim = Buffer.from([0xdb, 0xff, 0xff, 0xff, 0xf0, 0x61, 0x62]); // str 32 of ~4 GB: 2 bytes present
  const bad: Array<[string, Buffer, boolean]> = [
    // [name, bad event, whether events after it are still there]
    ["truncated chunk", good[0]!.subarray(0, good[0]!.length - 3), false],
    ["body that is not a map", event(mp([1, 2, 3])), true],
    ["body that is a string", event(mp("just text")), true],
    ["timestamp that is a string", event(mp({ a: 1 }), mp("2024-01-01")), true],
    ["timestamp that is nil", event(mp({ a: 1 }), mp(null)), true],
    ["negative integer timestamp", event(mp({ a: 1 }), Buffer.from([0xd0, 0x9c])), true],
    ["metadata that is not a map", event(mp({ a: 1 }), eventTime(1), mp([1])), true],
    ["event that is not a 2-array", Buffer.concat([arrayHeader(3), eventTime(1), mp({}), mp({})]), true],
    ["event that is a map", mp({ time: 1, body: {} }), true],
    ["nesting deeper than the limit", event(mp({ deep: nested(200) })), true],
    ["string longer than the chunk", Buffer.concat([arrayHeader(2), arrayHeader(2), eventTime(1), mp({}), mapHeader(1), str("log"), hugeClaim]), false],
    ["map claiming more pairs than present", Buffer.concat([arrayHeader(2), arrayHeader(2), eventTime(1), mp({}), Buffer.from([0xdf, 0x7f, 0xff, 0xff, 0xff]), str("k"), str("v")]), false],
    ["reserved byte 0xc1", event(Buffer.concat([mapHeader(1), str("k"), Buffer.from([0xc1])])), true],
  ];
  return bad.map(([name, ev, rest]) => ({
    name,
    chunk: Buffer.concat([...before, ev, ...(rest ? after : [])]),
    good: [...before, ...(rest ? after : [])],
    badAt: Buffer.concat(before).length,
  }));
}
