// Sets of matching units as sorted, disjoint, inclusive ranges.
//
// A unit is what one step of the matcher consumes: a code point in `u`
// mode, a UTF-16 code unit otherwise (the runtime decodes an astral
// character as two surrogate units then), and INVALID for one byte that
// does not start a well-formed UTF-8 sequence. INVALID sorts last, so
// complements include it: it matches `.` and negated classes, no literal.

export const MAX_CP = 0x10ffff;
export const INVALID = 0x110000;
export const UNIVERSE_MAX = INVALID;

/** [lo0, hi0, lo1, hi1, ...], sorted, disjoint, non-adjacent. */
export type CharSet = readonly number[];

export const EMPTY: CharSet = [];
export const ALL: CharSet = [0, UNIVERSE_MAX];

export function single(c: number): CharSet {
  return [c, c];
}

export function range(lo: number, hi: number): CharSet {
  return lo <= hi ? [lo, hi] : [];
}

/** Normalizes any list of ranges (unsorted, overlapping). */
export function fromRanges(pairs: number[]): CharSet {
  const rs: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) rs.push([pairs[i]!, pairs[i + 1]!]);
  rs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[] = [];
  for (const [lo, hi] of rs) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) {
      if (hi > out[n - 1]!) out[n - 1] = hi;
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}

export function union(...sets: CharSet[]): CharSet {
  const all: number[] = [];
  for (const s of sets) all.push(...s);
  return fromRanges(all);
}

export function complement(s: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < s.length; i += 2) {
    if (s[i]! > next) out.push(next, s[i]! - 1);
    next = s[i + 1]! + 1;
  }
  if (next <= UNIVERSE_MAX) out.push(next, UNIVERSE_MAX);
  return out;
}

export function intersect(a: CharSet, b: CharSet): CharSet {
  return complement(union(complement(a), complement(b)));
}

export function has(s: CharSet, c: number): boolean {
  let lo = 0;
  let hi = s.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < s[2 * mid]!) hi = mid - 1;
    else if (c > s[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

export function isEmpty(s: CharSet): boolean {
  return s.length === 0;
}

export function isSingle(s: CharSet): boolean {
  return s.length === 2 && s[0] === s[1];
}

export function sameSet(a: CharSet, b: CharSet): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

// The character class escapes of ECMA-262 (22.2.2.9).
export const DIGIT: CharSet = [0x30, 0x39];
export const WORD: CharSet = fromRanges([0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]);
/** WordCharacters with `u` + `i`: also what canonicalizes into [A-Za-z0-9_]. */
export const WORD_UI: CharSet = union(WORD, single(0x17f), single(0x212a));
export const LINE_TERMINATOR: CharSet = fromRanges([0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029]);
export const SPACE: CharSet = fromRanges([
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a,
  0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff,
]);

/** Printable description for comments in the generated C. */
export function describe(s: CharSet): string {
  if (sameSet(s, ALL)) return "any";
  const parts: string[] = [];
  const neg = s.length > 0 && s[s.length - 1] === UNIVERSE_MAX && s.length > 8;
  const shown = neg ? complement(s) : s;
  for (let i = 0; i < shown.length && parts.length < 6; i += 2) {
    const lo = shown[i]!;
    const hi = shown[i + 1]!;
    parts.push(lo === hi ? unitName(lo) : `${unitName(lo)}-${unitName(hi)}`);
  }
  if (shown.length / 2 > 6) parts.push("...");
  return (neg ? "[^" : "[") + parts.join("") + "]";
}

export function unitName(c: number): string {
  if (c === INVALID) return "<bad byte>";
  if (c > 0x20 && c < 0x7f && c !== 0x2a && c !== 0x2f && c !== 0x5c && c !== 0x5d && c !== 0x2d) {
    return String.fromCharCode(c);
  }
  return c <= 0xffff ? `\\u${c.toString(16).padStart(4, "0")}` : `\\u{${c.toString(16)}}`;
}
