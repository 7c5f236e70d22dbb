// Case-insensitive matching (`i`) and Unicode property sets (`\p{...}`),
// computed at compile time with the JavaScript engine running the compiler
// as the oracle, so the generated tables agree with Node by construction.
//
// ECMA-262 Canonicalize: without `u`, toUpperCase of the code unit (kept
// only when it is one unit and does not map non-ASCII into ASCII); with
// `u`, simple case folding. Two units match under `i` when their canonical
// forms are equal; an "orbit" is such an equivalence class.

import { CharSet, MAX_CP, fromRanges, has } from "./charset.js";

type Orbits = Map<number, readonly number[]>;

let orbitsNonUnicode: Orbits | undefined;
let orbitsUnicode: Orbits | undefined;

function canonicalizeNonUnicode(c: number): number {
  const up = String.fromCharCode(c).toUpperCase();
  if (up.length !== 1) return c;
  const u = up.charCodeAt(0);
  if (c >= 128 && u < 128) return c;
  return u;
}

function buildNonUnicode(): Orbits {
  const byCanon = new Map<number, number[]>();
  for (let c = 0; c <= 0xffff; c++) {
    const k = canonicalizeNonUnicode(c);
    let list = byCanon.get(k);
    if (!list) byCanon.set(k, (list = []));
    list.push(c);
  }
  const orbits: Orbits = new Map();
  for (const list of byCanon.values()) {
    if (list.length > 1) for (const c of list) orbits.set(c, list);
  }
  return orbits;
}

function singleCodePoint(s: string): number | undefined {
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : undefined;
}

function buildUnicode(): Orbits {
  // Candidate edges from toLowerCase/toUpperCase, then each candidate
  // orbit is split by asking the engine's own /x/ui.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let p = parent.get(x) ?? x;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p)!;
    return p;
  };
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  for (let c = 0; c <= MAX_CP; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (c > 0x1ffff && c < 0xe0000) { c = 0xdffff; continue; }
    const s = String.fromCodePoint(c);
    const lo = singleCodePoint(s.toLowerCase());
    const up = singleCodePoint(s.toUpperCase());
    if (lo !== undefined && lo !== c) join(c, lo);
    if (up !== undefined && up !== c) join(c, up);
  }
  const groups = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const r = find(c);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = [r]));
    if (c !== r) g.push(c);
  }
  const orbits: Orbits = new Map();
  for (const g of groups.values()) {
    g.sort((a, b) => a - b);
    const rest = new Set(g);
    for (const c of g) {
      if (!rest.has(c)) continue;
      const re = new RegExp(`^\\u{${c.toString(16)}}$`, "ui");
      const orbit = [...rest].filter((d) => re.test(String.fromCodePoint(d)));
      for (const d of orbit) rest.delete(d);
      if (orbit.length > 1) for (const d of orbit) orbits.set(d, orbit);
    }
  }
  return orbits;
}

function orbits(unicode: boolean): Orbits {
  if (unicode) return (orbitsUnicode ??= buildUnicode());
  return (orbitsNonUnicode ??= buildNonUnicode());
}

/** Every unit that matches some member of `s` under `i`. */
export function caseClose(s: CharSet, unicode: boolean): CharSet {
  const extra: number[] = [];
  for (const [c, orbit] of orbits(unicode)) {
    if (has(s, c)) for (const d of orbit) extra.push(d, d);
  }
  if (extra.length === 0) return s;
  return fromRanges([...s, ...extra]);
}

/** The orbit of one unit (itself alone when it has no case variants). */
export function orbitOf(c: number, unicode: boolean): readonly number[] {
  return orbits(unicode).get(c) ?? [c];
}

/** Pairs (unit, canonical representative) for units with case variants. */
export function foldPairs(unicode: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (const [c, orbit] of orbits(unicode)) out.push([c, orbit[0]!]);
  return out.sort((a, b) => a[0] - b[0]);
}

const propertyCache = new Map<string, CharSet>();

/** \p{key=value} or \p{value}, as the engine defines it (`u` mode only). */
export function propertySet(key: string, value: string | null): CharSet {
  const name = value === null ? key : `${key}=${value}`;
  const cached = propertyCache.get(name);
  if (cached) return cached;
  const re = new RegExp(`^\\p{${name}}$`, "u");
  const pairs: number[] = [];
  let start = -1;
  for (let c = 0; c <= MAX_CP + 1; c++) {
    const inside = c <= MAX_CP && re.test(String.fromCodePoint(c));
    if (inside && start < 0) start = c;
    if (!inside && start >= 0) {
      pairs.push(start, c - 1);
      start = -1;
    }
  }
  const set = fromRanges(pairs);
  propertyCache.set(name, set);
  return set;
}
