// Shared by the regex tests and the regex fuzzer: builds a C program with
// compiled patterns plus flbc_re.c, runs it on inputs, and computes what
// Node's RegExp says for the same cases, in the same shape.

import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileRegex, isRegexDiagnostic } from "../compiler/regex/index.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type Input = string | number[]; // a string, or raw bytes (maybe invalid UTF-8)

export interface CaseResult {
  test: boolean;
  exec: (number | null)[] | null;   // UTF-16 [start, end] per group
  all: number[][] | null;           // global: every match [start, end]
  replace: string;
  split: (string | null)[];
}

export function inputBytes(input: Input): Buffer {
  return typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input);
}

/** The JS string the runtime sees: each byte that does not start
 * well-formed UTF-8 becomes one U+FFFD. */
export function decodeLikeRuntime(bytes: Buffer): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const n = seqLen(bytes, i);
    if (n === 0) {
      out += "\ufffd";
      i++;
    } else {
      out += bytes.subarray(i, i + n).toString("utf8");
      i += n;
    }
  }
  return out;
}

function seqLen(b: Buffer, i: number): number {
  const b0 = b[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

export function replacementFor(groupNames: (string | undefined)[]): string {
  const name = groupNames.find((n) => n !== undefined);
  return `[$&|$1|$\`|$'|$$${name ? `|$<${name}>` : ""}]`;
}

/** What Node does. */
export function nodeResult(pattern: string, flags: string, subject: string, replacement: string): CaseResult {
  const re = new RegExp(pattern, flags + "d");
  const m = re.exec(subject);
  const exec = m ? m.indices!.flatMap((span) => (span ? [span[0], span[1]] : [null, null])) : null;
  let all: number[][] | null = null;
  if (flags.includes("g")) {
    const g = new RegExp(pattern, flags);
    all = [...subject.matchAll(g)].map((x) => [x.index!, x.index! + x[0].length]);
  }
  return {
    test: new RegExp(pattern, flags).test(subject),
    exec,
    all,
    replace: subject.replace(new RegExp(pattern, flags), replacement),
    split: subject.split(new RegExp(pattern, flags)).map((x) => (x === undefined ? null : x)),
  };
}

const STUB = `/* Harness only: flbc_re.c alone, with the runtime pieces it calls. */
#define FLBC_API
#define FLBC_MALLOC(n) malloc(n)
#define FLBC_REALLOC(p, n) realloc((p), (n))
#define FLBC_FREE(p) free(p)
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "flbc.h"

static void *harness_blocks[1 << 16];
static size_t harness_nblocks;
int harness_warnings;

void *flbc_alloc(flbc_arena *a, size_t n)
{
    void *p = malloc(n ? n : 1);
    (void) a;
    if (harness_nblocks < sizeof(harness_blocks) / sizeof(harness_blocks[0])) {
        harness_blocks[harness_nblocks++] = p;
    }
    return p;
}

static __attribute__((unused)) void harness_reset(void)
{
    while (harness_nblocks > 0) {
        free(harness_blocks[--harness_nblocks]);
    }
}

void flbc_log(flbc_rt *rt, int level, const char *fmt, ...)
{
    (void) rt;
    (void) level;
    (void) fmt;
    harness_warnings++;
}

#include "flbc_re.c"

static __attribute__((unused)) void put_hex(flbc_str s)
{
    size_t i;
    putchar('"');
    for (i = 0; i < s.len; i++) {
        printf("%02x", (unsigned char) s.ptr[i]);
    }
    putchar('"');
}

static __attribute__((unused)) void run_case(flbc_rt *rt, const flbc_re_prog *re, const char *bytes, size_t len,
                     flbc_str repl)
{
    flbc_str s = { bytes, len };
    flbc_re_match m;
    flbc_val *parts;
    size_t n;
    size_t i;
    printf("{\\"test\\":%s,\\"exec\\":", flbc_re_test(rt, re, s, 0) ? "true" : "false");
    if (flbc_re_exec(rt, re, s, 0, &m)) {
        putchar('[');
        for (i = 0; i < 2 * m.ngroups; i++) {
            if (m.span[i] < 0) {
                printf("%snull", i ? "," : "");
            }
            else {
                printf("%s%.0f", i ? "," : "", flbc_re_u16_index(s, (size_t) m.span[i]));
            }
        }
        putchar(']');
    }
    else {
        printf("null");
    }
    printf(",\\"all\\":");
    if (re->flags & FLBC_RE_GLOBAL) {
        size_t pos = 0;
        bool first = true;
        putchar('[');
        while (flbc_re_next(rt, re, s, &pos, &m)) {
            printf("%s[%.0f,%.0f]", first ? "" : ",", flbc_re_u16_index(s, (size_t) m.span[0]),
                   flbc_re_u16_index(s, (size_t) m.span[1]));
            first = false;
        }
        putchar(']');
    }
    else {
        printf("null");
    }
    printf(",\\"replace\\":");
    put_hex(flbc_re_replace(rt, re, s, repl));
    printf(",\\"split\\":[");
    n = flbc_re_split(rt, re, s, -1, &parts);
    for (i = 0; i < n; i++) {
        if (i) {
            putchar(',');
        }
        if (parts[i].tag == FLBC_STR) {
            put_hex(parts[i].u.s);
        }
        else {
            printf("null");
        }
    }
    printf("]}\\n");
    harness_reset();
}
`;

export interface HarnessCase {
  pattern: string;
  flags: string;
  inputs: Input[];
  /** Replacement template; replacementFor(groupNames) when absent. */
  replacement?: string;
}

/** Compiles every pattern into one C program, with the strict flags plus
 * extraFlags; returns its JSON lines, in order pattern by pattern, input by
 * input. Throws when the program exits non-zero, which is how a sanitizer
 * report shows: ASan's error, LeakSanitizer's exit 23, UBSan halting. */
export function runHarness(cases: HarnessCase[], cc: string, extraFlags: string[] = []): CaseResult[] {
  const dir = mkdtempSync(path.join(tmpdir(), "flbc-re-"));
  const parts: string[] = [STUB];
  // Inputs and replacement templates as data, one loop in main: keeps the
  // C compiler's work proportional to the patterns, not the cases.
  const strings = new Map<string, number>();
  const stringDefs: string[] = [];
  const str = (bytes: number[]): string => {
    const key = bytes.join(",");
    let id = strings.get(key);
    if (id === undefined) {
      id = strings.size;
      strings.set(key, id);
      const body = bytes.length ? bytes.map((b) => `(char) 0x${b.toString(16)}`).join(", ") : "0";
      stringDefs.push(`static const char str_${id}[] = { ${body} };`);
    }
    return `{ str_${id}, ${bytes.length} }`;
  };
  const rows: string[] = [];
  cases.forEach((c, i) => {
    const r = compileRegex(c.pattern, c.flags, `re_${i}`);
    if (isRegexDiagnostic(r)) throw new Error(`/${c.pattern}/${c.flags}: ${r.message}`);
    parts.push(r.code);
    const repl = str([...Buffer.from(c.replacement ?? replacementFor(r.groupNames), "utf8")]);
    for (const input of c.inputs) rows.push(`    { &re_${i}, ${str([...inputBytes(input)])}, ${repl} },`);
  });
  const main = [
    ...stringDefs,
    "static const struct { const flbc_re_prog *re; flbc_str input; flbc_str repl; } cases[] = {",
    ...rows,
    "};",
    "int main(void)",
    "{",
    "    flbc_rt rt;",
    "    size_t i;",
    "    memset(&rt, 0, sizeof(rt));",
    "    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {",
    "        run_case(&rt, cases[i].re, cases[i].input.ptr, cases[i].input.len, cases[i].repl);",
    "    }",
    "    return 0;",
    "}",
  ];
  const file = path.join(dir, "harness.c");
  writeFileSync(file, parts.join("\n") + "\n" + main.join("\n") + "\n");
  const exe = path.join(dir, "harness");
  const flags = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-O2", ...extraFlags];
  execFileSync(cc, [...flags, "-I", path.join(repoRoot, "runtime-c"), file, "-o", exe, "-lm"], { stdio: ["ignore", "pipe", "pipe"] });
  const out = execFileSync(exe, { maxBuffer: 1 << 28, env: { ...process.env, UBSAN_OPTIONS: "halt_on_error=1:print_stacktrace=1" } }).toString("utf8");
  return out.trim().split("\n").filter((l) => l.length > 0).map((line) => {
    const j = JSON.parse(line) as { test: boolean; exec: (number | null)[] | null; all: number[][] | null; replace: string; split: (string | null)[] };
    const text = (hex: string) => decodeLikeRuntime(Buffer.from(hex, "hex"));
    return { test: j.test, exec: j.exec, all: j.all, replace: text(j.replace), split: j.split.map((x) => (x === null ? null : text(x))) };
  });
}

/** Builds and runs a C program: the harness preamble, the given patterns
 * (name -> [pattern, flags]) and a main body, with the strict flags plus
 * extraFlags; returns its stdout. Like runHarness, throws when the program
 * exits non-zero (a sanitizer's report included). */
export function runProgram(patterns: Record<string, [string, string]>, mainBody: string, cc: string, helpers = "", extraFlags: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), "flbc-re-"));
  const parts: string[] = [STUB];
  for (const [name, [pattern, flags]] of Object.entries(patterns)) {
    const r = compileRegex(pattern, flags, name);
    if (isRegexDiagnostic(r)) throw new Error(`/${pattern}/${flags}: ${r.message}`);
    parts.push(r.code);
  }
  parts.push(helpers);
  parts.push("int main(void)\n{\n    flbc_rt rt;\n    memset(&rt, 0, sizeof(rt));\n" + mainBody + "\n    return 0;\n}\n");
  const file = path.join(dir, "program.c");
  writeFileSync(file, parts.join("\n"));
  const exe = path.join(dir, "program");
  execFileSync(cc, ["-std=c11", "-Wall", "-Wextra", "-Werror", "-O2", ...extraFlags, "-I", path.join(repoRoot, "runtime-c"), file, "-o", exe, "-lm"], { stdio: ["ignore", "pipe", "pipe"] });
  return execFileSync(exe, { env: { ...process.env, UBSAN_OPTIONS: "halt_on_error=1:print_stacktrace=1" } }).toString("utf8");
}

/** Whether a JS string holds a lone surrogate (UTF-8 cannot carry it). */
export function hasLoneSurrogate(s: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}
