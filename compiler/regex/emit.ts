// Layout of one compiled regex as C: tables and two small wrappers around
// the shared matcher in runtime-c/flbc_re.c. No decisions are made here.

import { CharSet, describe, unitName } from "./charset.js";
import { Classes, Dfa } from "./dfa.js";
import { Inst, Program } from "./program.js";

export interface RegexParts {
  cName: string;
  pattern: string;
  flags: string;
  flagBits: string[];
  groupCount: number;
  groupNames: (string | undefined)[];
  classes?: Classes;
  search?: Dfa;
  anchored?: Dfa;
  program: Program;
  prefix: number[];
  rare: number;
  /** A literal every match contains, when there is no prefix. */
  required: number[];
  requiredRare: number;
  bolAnchored: boolean;
  /** No lookaround or backreference: the runtime may memoize failures. */
  memoizable: boolean;
  fold?: [number, number][];
}

export function emitRegex(p: RegexParts): string {
  const n = p.cName;
  const out: string[] = [];
  out.push(`/* ${commentText(`/${p.pattern}/${p.flags}`)} */`);
  if (p.classes) out.push(...emitClasses(n, p.classes));
  if (p.search) out.push(...emitDfa(n, "search", p.search, p.classes!, "unanchored search"));
  if (p.anchored) out.push(...emitDfa(n, "anchored", p.anchored, p.classes!, "match anchored at the start position"));
  out.push(...emitProgram(n, p.program));
  if (p.fold) {
    out.push(`/* Case-insensitive backreferences: (unit, canonical unit) pairs. */`);
    out.push(`static const uint32_t ${n}_fold[] = {`);
    out.push(...wrap(p.fold.map(([a, b]) => `0x${a.toString(16)}, 0x${b.toString(16)}`), 4));
    out.push(`};`);
  }
  const named = p.groupNames.some((x) => x !== undefined);
  if (named) {
    const names = p.groupNames.map((x) => (x === undefined ? "NULL" : cString(x)));
    out.push(`static const char *const ${n}_names[] = { ${names.join(", ")} };`);
  }
  const flags = p.flagBits.length ? p.flagBits.join(" | ") : "0";
  out.push(`static const flbc_re_prog ${n} = {`);
  out.push(`    .source = ${cString(p.pattern)},`);
  out.push(`    .flags = ${flags},`);
  out.push(`    .ngroups = ${p.groupCount},`);
  out.push(`    .nregs = ${p.program.regCount},`);
  out.push(`    .names = ${named ? `${n}_names` : "NULL"},`);
  out.push(`    .code = ${n}_code,`);
  out.push(`    .ncode = ${p.program.code.length},`);
  out.push(`    .memo = ${p.memoizable},`);
  out.push(`    .sets = ${p.program.sets.length ? `${n}_sets` : "NULL"},`);
  out.push(`    .search = ${p.search ? `&${n}_search` : "NULL"},`);
  out.push(`    .anchored = ${p.anchored ? `&${n}_anchored` : "NULL"},`);
  if (p.prefix.length > 0) {
    out.push(`    .prefix = ${cBytes(p.prefix)},`);
    out.push(`    .prefix_len = ${p.prefix.length},`);
    out.push(`    .prefix_rare = ${p.rare},`);
  }
  if (p.required.length > 0) {
    out.push(`    .required = ${cBytes(p.required)},`);
    out.push(`    .required_len = ${p.required.length},`);
    out.push(`    .required_rare = ${p.requiredRare},`);
  }
  out.push(`    .bol_anchored = ${p.bolAnchored},`);
  if (p.fold) {
    out.push(`    .fold = ${n}_fold,`);
    out.push(`    .nfold = ${p.fold.length},`);
  }
  out.push(`};`);
  out.push(``);
  out.push(`static __attribute__((unused)) bool ${n}_test(flbc_rt *rt, flbc_str s)`);
  out.push(`{`);
  if (p.anchored && p.prefix.length > 0 && !p.flagBits.includes("FLBC_RE_STICKY") && !p.bolAnchored) {
    out.push(`    (void) rt;`);
    out.push(`    return flbc_re_test_prefix(&${n}, s, 0);`);
  } else {
    out.push(`    return flbc_re_test(rt, &${n}, s, 0);`);
  }
  out.push(`}`);
  out.push(``);
  out.push(`static __attribute__((unused)) bool ${n}_exec(flbc_rt *rt, flbc_str s, size_t start_byte,`);
  out.push(`                                              flbc_re_match *m)`);
  out.push(`{`);
  out.push(`    return flbc_re_exec(rt, &${n}, s, start_byte, m);`);
  out.push(`}`);
  out.push(``);
  return out.join("\n");
}

function emitClasses(n: string, c: Classes): string[] {
  const out: string[] = [];
  // One line per few classes: "class: first unit of the class".
  const names = c.sample.map((s, i) => `${i} ${commentText(unitName(s))}..`);
  out.push(`/* Unit classes (each named by its first unit): */`);
  for (let i = 0; i < names.length; i += 8) out.push(`/*   ${names.slice(i, i + 8).join(", ")} */`);
  const ascii: number[] = [];
  for (let b = 0; b < 128; b++) ascii.push(classAt(c, b));
  out.push(`static const uint8_t ${n}_ascii[128] = {`);
  out.push(...wrap(ascii.map(String), 16));
  out.push(`};`);
  const firstHigh = c.starts.findIndex((s) => s >= 128);
  const starts = c.starts.slice(firstHigh);
  const classOf = c.classOf.slice(firstHigh);
  out.push(`/* Non-ASCII units: class of each run [start[i], start[i + 1]). */`);
  out.push(`static const uint32_t ${n}_run_start[] = {`);
  out.push(...wrap(starts.map((s) => `0x${s.toString(16)}`), 8));
  out.push(`};`);
  out.push(`static const uint8_t ${n}_run_class[] = {`);
  out.push(...wrap(classOf.map(String), 16));
  out.push(`};`);
  return out;
}

function classAt(c: Classes, unit: number): number {
  let lo = 0;
  let hi = c.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.starts[mid]! <= unit) lo = mid;
    else hi = mid - 1;
  }
  return c.classOf[lo]!;
}

function emitDfa(n: string, kind: string, d: Dfa, c: Classes, what: string): string[] {
  const name = `${n}_${kind}`;
  const out: string[] = [];
  const firstHigh = c.starts.findIndex((s) => s >= 128);
  const row = (state: number) => state * c.count;
  out.push(`/* DFA, ${what}. Entries are row offsets (state * ${c.count}); state 0 has failed, */`);
  out.push(`/* state 1 has matched. */`);
  out.push(`static const uint16_t ${name}_next[${d.next.length}][${c.count}] = {`);
  d.next.forEach((cells, i) => {
    out.push(`    /* ${i} (row ${row(i)}): ${commentText(d.members[i]!)} */`);
    const text = cells.map((x) => String(row(x)));
    if (text.length <= 16) {
      out.push(`    {${text.join(", ")}},`);
    } else {
      out.push(`    {`);
      out.push(...wrap(text, 16).map((l) => `    ${l}`));
      out.push(`    },`);
    }
  });
  out.push(`};`);
  out.push(`static const uint8_t ${name}_eof[${d.next.length}] = {`);
  out.push(...wrap(d.eofMatch.map((b) => (b ? "1" : "0")), 16));
  out.push(`};`);
  out.push(`static const flbc_re_dfa ${name} = {`);
  out.push(`    .ascii = ${n}_ascii,`);
  out.push(`    .run_start = ${n}_run_start,`);
  out.push(`    .run_class = ${n}_run_class,`);
  out.push(`    .nruns = ${c.starts.length - firstHigh},`);
  out.push(`    .nclasses = ${c.count},`);
  out.push(`    .next = &${name}_next[0][0],`);
  out.push(`    .eof = ${name}_eof,`);
  out.push(`    .init = { ${d.init.map(row).join(", ")} },`);
  out.push(`    .uses_ctx = ${d.init.some((x) => x !== d.init[0])},`);
  out.push(`};`);
  return out;
}

const OP_NAMES: Record<string, string> = {
  CHAR: "FLBC_RE_CHAR", SET: "FLBC_RE_SET", SPLIT: "FLBC_RE_SPLIT", JMP: "FLBC_RE_JMP",
  SAVE: "FLBC_RE_SAVE", RESET: "FLBC_RE_RESET", MARK: "FLBC_RE_MARK", CHECK: "FLBC_RE_CHECK",
  BOL: "FLBC_RE_BOL", EOL: "FLBC_RE_EOL", WORDB: "FLBC_RE_WORDB", NWORDB: "FLBC_RE_NWORDB",
  BREF: "FLBC_RE_BREF", LOOK: "FLBC_RE_LOOK", SUCCEED: "FLBC_RE_SUCCEED", MATCH: "FLBC_RE_MATCH",
};

function emitProgram(n: string, prog: Program): string[] {
  const out: string[] = [];
  prog.sets.forEach((s, i) => {
    const high = highRanges(s);
    if (high.length > 0) {
      out.push(`static const uint32_t ${n}_set${i}[] = { /* ${commentText(describe(s))} */`);
      out.push(...wrap(high.map((x) => `0x${x.toString(16)}`), 8));
      out.push(`};`);
    }
  });
  if (prog.sets.length > 0) {
    out.push(`static const flbc_re_set ${n}_sets[] = {`);
    prog.sets.forEach((s, i) => {
      const bits = asciiBits(s).map((w) => `0x${w.toString(16).padStart(8, "0")}`).join(", ");
      const high = highRanges(s);
      const ranges = high.length ? `${n}_set${i}, ${high.length / 2}` : "NULL, 0";
      out.push(`    /* ${i}: ${commentText(describe(s))} */`);
      out.push(`    { { ${bits} }, ${ranges} },`);
    });
    out.push(`};`);
  }
  out.push(`/* Backtracking program. */`);
  out.push(`static const flbc_re_inst ${n}_code[] = {`);
  prog.code.forEach((inst, i) => {
    const text = `{ ${OP_NAMES[inst.op]}, ${inst.back ? 1 : 0}, ${inst.a}, ${inst.b} },`;
    out.push(`    ${text.padEnd(36)} /* ${String(i).padStart(3)}: ${commentText(explain(inst, prog))} */`);
  });
  out.push(`};`);
  return out;
}

function explain(inst: Inst, prog: Program): string {
  const dir = inst.back ? " (backward)" : "";
  switch (inst.op) {
    case "CHAR": return `unit ${unitName(inst.a)}${dir}`;
    case "SET": return `unit in ${describe(prog.sets[inst.a]!)}${dir}`;
    case "SPLIT": return `try ${inst.a}, then ${inst.b}${inst.note ? ` (${inst.note})` : ""}`;
    case "JMP": return `go to ${inst.a}`;
    case "SAVE": return `capture slot ${inst.a}`;
    case "RESET": return `clear slots ${inst.a}..${inst.b}`;
    case "MARK": return `loop ${inst.a}: remember position`;
    case "CHECK": return `loop ${inst.a}: fail on an empty iteration`;
    case "BOL": return "^";
    case "EOL": return "$";
    case "WORDB": return "\\b";
    case "NWORDB": return "\\B";
    case "BREF": return `backreference \\${inst.a}${dir}`;
    case "LOOK": return `${["lookahead", "negative lookahead", "lookbehind", "negative lookbehind"][inst.a]}, then ${inst.b}`;
    case "SUCCEED": return "lookaround body matched";
    case "MATCH": return "match";
  }
}

function asciiBits(s: CharSet): number[] {
  const w = [0, 0, 0, 0];
  for (let i = 0; i < s.length; i += 2) {
    for (let c = s[i]!; c <= Math.min(s[i + 1]!, 127); c++) w[c >> 5] = (w[c >> 5]! | (1 << (c & 31))) >>> 0;
  }
  return w;
}

function highRanges(s: CharSet): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 2) {
    if (s[i + 1]! < 128) continue;
    out.push(Math.max(s[i]!, 128), s[i + 1]!);
  }
  return out;
}

function wrap(items: string[], perLine: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) {
    lines.push(`    ${items.slice(i, i + perLine).join(", ")},`);
  }
  return lines;
}

/** Text that is safe inside a C comment (and printable ASCII). */
function commentText(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= 0x20 && c < 0x7f ? ch : c <= 0xffff ? `\\u${c.toString(16).padStart(4, "0")}` : `\\u{${c.toString(16)}}`;
  }
  return out.replace(/\*\//g, "*\\/").replace(/\/\*/g, "/\\*");
}

/** A C string literal of the UTF-8 bytes of s. */
export function cString(s: string): string {
  return cBytes([...Buffer.from(s, "utf8")]);
}

function cBytes(bytes: number[]): string {
  let out = '"';
  let prev = -1;
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += "\\" + String.fromCharCode(b);
    else if (b === 0x3f && prev === 0x3f) out += "\\?"; // no trigraphs
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += "\\" + b.toString(8).padStart(3, "0"); // always 3 digits: unambiguous
    prev = b;
  }
  return out + '"';
}
