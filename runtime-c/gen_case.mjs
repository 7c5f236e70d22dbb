// Writes flbc_case.c, the case mapping tables of toUpperCase/toLowerCase,
// from Node's own String.prototype.toUpperCase/toLowerCase over every code
// point: the compiled plugin maps case exactly as the Node (ICU) it was
// generated with.
//
//   node runtime-c/gen_case.mjs > runtime-c/flbc_case.c
//
// Regenerate when Node's Unicode version changes. Deterministic: the output
// depends on Node's Unicode data only. Before writing anything the script
// checks its tables against Node on every code point alone, in words, and on
// random strings (with the final-sigma rule), and fails if they disagree.

const MAX = 0x10ffff;
const chars = (s) => [...s].map((c) => c.codePointAt(0));
const hex = (c) => "0x" + c.toString(16).padStart(4, "0");

/** cp -> [code points] of its full case mapping, for those that change. */
function mapping(upper) {
  const single = new Map();
  const multi = new Map();
  for (let c = 0; c <= MAX; c++) {
    const s = String.fromCodePoint(c);
    const m = chars(upper ? s.toUpperCase() : s.toLowerCase());
    if (m.length === 1 && m[0] !== c) single.set(c, m[0]);
    else if (m.length > 1) multi.set(c, m);
  }
  return { single, multi };
}

/**
 * Runs of code points mapped by the same delta, every one (stride 1) or
 * every other one (stride 2, the alternating upper/lower pairs of Latin
 * Extended-A and others): [first, last, delta, stride].
 */
function ranges(single) {
  const cps = [...single.keys()].sort((a, b) => a - b);
  const out = [];
  let i = 0;
  while (i < cps.length) {
    const first = cps[i];
    const delta = single.get(first) - first;
    // The longer of the two runs starting here.
    let best = { last: first, stride: 1, next: i + 1 };
    for (const stride of [1, 2]) {
      let j = i + 1;
      let last = first;
      while (j < cps.length && cps[j] === last + stride && single.get(cps[j]) - cps[j] === delta) {
        last = cps[j];
        j++;
      }
      if (last > best.last) best = { last, stride, next: j };
    }
    out.push([first, best.last, delta, best.last === first ? 1 : best.stride]);
    i = best.next;
  }
  return out;
}

/**
 * What the final-sigma rule sees in a code point, as Node applies it: a
 * capital sigma lowers to ς after a cased letter and not before one, looking
 * through case-ignorable ones. 1: cased (and not case-ignorable), 2:
 * case-ignorable; Unicode's Cased minus Case_Ignorable, and Case_Ignorable.
 */
function sigmaContext() {
  const finalAt = (s, i) => s.toLowerCase()[i] === "\u03c2";
  const kinds = [];
  for (let c = 0; c <= MAX; c++) {
    const x = String.fromCodePoint(c);
    const lowered = ("1" + x + "\u03a3").toLowerCase();
    const cased = lowered.endsWith("\u03c2");
    const ignorable = !cased && ("A" + x + "\u03a3").toLowerCase().endsWith("\u03c2");
    // The same classes looking forward: Σ before x, x before a cased B.
    const casedAfter = !finalAt("A\u03a3" + x, 1);
    const ignorableAfter = !casedAfter && !finalAt("A\u03a3" + x + "B", 1);
    if (cased !== casedAfter || ignorable !== ignorableAfter) throw new Error(`final sigma: ${hex(c)} differs looking back and forward`);
    kinds.push(cased ? 1 : ignorable ? 2 : 0);
  }
  const out = [];
  for (let c = 0; c <= MAX; c++) {
    const k = kinds[c];
    if (k === 0) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && prev[1] === c - 1 && prev[2] === k) prev[1] = c;
    else out.push([c, c, k]);
  }
  return out;
}

// ------------------------------------------------------- the tables' model

function find(table, c) {
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid][0] <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : table[lo - 1];
}

/** The C lookup, in JavaScript: what flbc_case_full answers. */
function full(t, c) {
  const m = t.multi.get(c);
  if (m !== undefined) return m;
  const r = find(t.ranges, c);
  if (r !== undefined && c <= r[1] && (c - r[0]) % r[3] === 0) return [c + r[2]];
  return [c];
}

function kindOf(kinds, c) {
  const r = find(kinds, c);
  return r !== undefined && c <= r[1] ? r[2] : 0;
}

/** flbc_str.c's loop over a string's code points, in JavaScript. */
function model(tables, kinds, s, upper) {
  const cps = chars(s);
  const out = [];
  cps.forEach((c, i) => {
    if (!upper && c === 0x3a3) {
      let j = i - 1;
      while (j >= 0 && kindOf(kinds, cps[j]) === 2) j--;
      let k = i + 1;
      while (k < cps.length && kindOf(kinds, cps[k]) === 2) k++;
      const final = j >= 0 && kindOf(kinds, cps[j]) === 1 && !(k < cps.length && kindOf(kinds, cps[k]) === 1);
      out.push(final ? 0x3c2 : 0x3c3);
      return;
    }
    out.push(...full(upper ? tables.upper : tables.lower, c));
  });
  return String.fromCodePoint(...out);
}

function check(tables, kinds) {
  const utf8 = (cps) => Buffer.byteLength(String.fromCodePoint(...cps.map((c) => (c >= 0xd800 && c <= 0xdfff ? 0x800 : c))));
  let seed = 7;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pool = [0x41, 0x61, 0x3a3, 0x3c3, 0x20, 0x27, 0x2e, 0x301, 0x345, 0xdf, 0x130, 0x180e, 0x10400, 0x1e922, 0x2b0, 0xad, 0x31];
  const samples = [];
  for (let c = 0; c <= MAX; c++) {
    const x = String.fromCodePoint(c);
    samples.push(x, "a" + x + "b", "\u03a3" + x + "\u03a3", "A" + x + "\u03a3");
    for (const [name, t] of [["upper", tables.upper], ["lower", tables.lower]]) {
      // The runtime allocates three bytes of output per byte of input.
      if (utf8(full(t, c)) > 3 * utf8([c])) throw new Error(`${name} of ${hex(c)} grows more than threefold`);
    }
  }
  for (let n = 0; n < 200000; n++) {
    const len = 1 + rnd(8);
    let s = "";
    for (let i = 0; i < len; i++) s += String.fromCodePoint(rnd(4) === 0 ? rnd(0x30000) : pool[rnd(pool.length)]);
    samples.push(s);
  }
  for (const s of samples) {
    for (const upper of [true, false]) {
      const want = upper ? s.toUpperCase() : s.toLowerCase();
      if (model(tables, kinds, s, upper) !== want) {
        throw new Error(`to${upper ? "Upper" : "Lower"}Case(${JSON.stringify(s)}): the tables give another result than Node`);
      }
    }
  }
}

// ------------------------------------------------------------------ output

function runTable(name, rs) {
  const rows = rs.map(([first, last, value, stride]) => `    { ${hex(first)}, ${hex(last)}, ${String(value).padStart(6)}, ${stride} },`);
  return `static const flbc_case_run ${name}[] = {\n${rows.join("\n")}\n};\n`;
}

function multiTable(name, multi) {
  const rows = [...multi.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, m]) => `    { ${hex(c)}, ${m.length}, { ${m.map(hex).join(", ")} } },`);
  return `static const flbc_case_multi ${name}[] = {\n${rows.join("\n")}\n};\n`;
}

function kindTable(kinds) {
  const rows = kinds.map(([first, last, k]) => `    { ${hex(first)}, ${hex(last)}, ${k === 1 ? "FLBC_CASE_CASED" : "FLBC_CASE_IGNORABLE"}, 1 },`);
  return `static const flbc_case_run flbc_case_kinds[] = {\n${rows.join("\n")}\n};\n`;
}

const upper = mapping(true);
const lower = mapping(false);
const tables = {
  upper: { ranges: ranges(upper.single), multi: upper.multi },
  lower: { ranges: ranges(lower.single), multi: lower.multi },
};
const kinds = sigmaContext();
for (const m of [upper.multi, lower.multi]) {
  for (const [c, to] of m) {
    if (to.length > 3 || to.some((x) => x > 0xffff)) throw new Error(`${hex(c)}: a mapping the table cannot hold`);
  }
}
check(tables, kinds);

const v = process.versions;
process.stdout.write(`/*
 * flbc_case.c: toUpperCase / toLowerCase case mapping tables.
 *
 * Generated by runtime-c/gen_case.mjs from Node ${process.version} (ICU ${v.icu},
 * Unicode ${v.unicode}): every code point's String.prototype.toUpperCase and
 * toLowerCase. Do not edit; regenerate with
 *
 *     node runtime-c/gen_case.mjs > runtime-c/flbc_case.c
 */
#include "flbc.h"

/* Code points first..last (all of them, or every other one when stride is
 * 2) that share a value: in the case tables a delta (the case of c is the
 * one code point c + value), in flbc_case_kinds a final-sigma class. */
typedef struct {
    uint32_t first;
    uint32_t last;
    int32_t value;
    uint32_t stride;
} flbc_case_run;

/* A code point whose case is several code points (SpecialCasing.txt). */
typedef struct {
    uint32_t cp;
    uint32_t n;
    uint16_t to[3];
} flbc_case_multi;

${runTable("flbc_case_upper_runs", tables.upper.ranges)}
${runTable("flbc_case_lower_runs", tables.lower.ranges)}
${multiTable("flbc_case_upper_multi", upper.multi)}
${multiTable("flbc_case_lower_multi", lower.multi)}
/* Unicode's Cased minus Case_Ignorable (FLBC_CASE_CASED) and Case_Ignorable
 * (FLBC_CASE_IGNORABLE), as the final-sigma rule reads them. */
${kindTable(kinds)}
/* The run of a table (sorted by first) that holds c, or NULL. */
static const flbc_case_run *flbc_case_run_of(const flbc_case_run *t, size_t n, uint32_t c)
{
    size_t lo = 0;

    while (lo < n) {
        size_t mid = lo + (n - lo) / 2;
        if (t[mid].first <= c) {
            lo = mid + 1;
        }
        else {
            n = mid;
        }
    }
    if (lo == 0 || c > t[lo - 1].last || (c - t[lo - 1].first) % t[lo - 1].stride != 0) {
        return NULL;
    }
    return &t[lo - 1];
}

static const flbc_case_multi *flbc_case_multi_of(const flbc_case_multi *t, size_t n, uint32_t c)
{
    size_t lo = 0;

    while (lo < n) {
        size_t mid = lo + (n - lo) / 2;
        if (t[mid].cp == c) {
            return &t[mid];
        }
        if (t[mid].cp < c) {
            lo = mid + 1;
        }
        else {
            n = mid;
        }
    }
    return NULL;
}

#define FLBC_CASE_COUNT(t) (sizeof(t) / sizeof((t)[0]))

FLBC_API size_t flbc_case_full(uint32_t c, bool upper, uint32_t out[3])
{
    const flbc_case_multi *m = upper
        ? flbc_case_multi_of(flbc_case_upper_multi, FLBC_CASE_COUNT(flbc_case_upper_multi), c)
        : flbc_case_multi_of(flbc_case_lower_multi, FLBC_CASE_COUNT(flbc_case_lower_multi), c);
    const flbc_case_run *r = upper
        ? flbc_case_run_of(flbc_case_upper_runs, FLBC_CASE_COUNT(flbc_case_upper_runs), c)
        : flbc_case_run_of(flbc_case_lower_runs, FLBC_CASE_COUNT(flbc_case_lower_runs), c);

    if (m != NULL) {
        out[0] = m->to[0];
        out[1] = m->to[1];
        out[2] = m->to[2];
        return m->n;
    }
    out[0] = r == NULL ? c : (uint32_t) ((int32_t) c + r->value);
    return 1;
}

FLBC_API int flbc_case_kind(uint32_t c)
{
    const flbc_case_run *r = flbc_case_run_of(flbc_case_kinds, FLBC_CASE_COUNT(flbc_case_kinds), c);

    return r == NULL ? 0 : r->value;
}
`);
