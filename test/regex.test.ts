// Differential test of compiled regexes against Node's RegExp: test, exec
// (positions and captures in UTF-16 indices), global iteration, replace
// with a template, split; over ASCII, Latin-1, Greek, Cyrillic, CJK, emoji
// and invalid UTF-8. Every C harness compiles with -Wall -Wextra -Werror
// under cc and clang, and runs with ASan/UBSan (leaks included) where the
// compiler has them.

import test from "ava";
import { execFileSync } from "node:child_process";
import { compileRegex, isRegexDiagnostic } from "../compiler/regex/index.js";
import { sanitizeFlags, sanitizerAvailable } from "../compiler/toolchain/index.js";
import {
  CaseResult, HarnessCase, Input, decodeLikeRuntime, hasLoneSurrogate, inputBytes,
  nodeResult, replacementFor, runHarness, runProgram,
} from "./regex-harness.js";

const PATTERNS: [string, string][] = [
  [" -> 5\\d\\d ", ""],
  ["abc", ""], ["a.c", ""], ["a.c", "s"], ["^abc$", "m"], ["^\\w+", "gm"], ["\\bfoo\\b", "g"],
  ["\\Bo\\B", "g"], ["(\\d+)-(\\d+)", "g"], ["(?<year>\\d{4})-(?<month>\\d{2})", ""],
  ["(?<year>\\d{4})-(?<month>\\d{2})", "g"],
  ["a|ab|abc", ""], ["(a|ab)(c|bcd)(d*)", ""], ["a*?b", "g"], ["(a*)*b", ""], ["(a|b)*c", ""],
  ["(?:a(b)?)+", ""], ["(z)((a+)?(b+)?(c))*", ""], ["x*", "g"], ["", "g"], ["\\s+", "g"], ["[^a-z]+", "g"],
  ["[\\u00e0-\\u00ff]+", "gi"], ["caf\\u00e9", "i"], ["\\u03a3+", "gi"], ["[а-я]+", "gi"], ["ß", "gi"],
  ["k", "giu"], ["k", "gi"], ["\\w+", "giu"], ["\\W", "giu"], ["s", "gi"], ["s", "giu"],
  ["^.$", ""], ["^.$", "u"], ["^..$", ""], ["[😀-😂]", "gu"], ["\\ud83d", "g"], ["😀", "g"], [".", "g"],
  [".", "gu"], ["[^x]", "g"], ["\\p{L}+", "gu"], ["\\p{Script=Han}+", "gu"], ["\\P{L}", "gu"],
  ["(\\w)\\1", "g"], ["(a)\\1", "gi"], ["(?<=a)b", "g"], ["(?<!a)b", "g"], ["(?<=(\\d+)(\\d+))$", ""],
  ["a(?=b)", "g"], ["a(?!b)", "g"], ["(?=(a+))a*b\\1", ""], ["(.)(?=(.))", "g"], ["(?<=\\$)\\d+(?!x)", "g"],
  ["\\d{2,4}", "g"], ["a{0,2}?b", ""], ["y", "y"], ["a", "gy"], ["foo|bar", "y"], ["^$", ""], ["$", "g"],
  ["\\n", ""], ["^b", "gm"], ["a$", "gm"], [".+", "s"], ["[\\s\\S]", "g"], ["(?:)", "g"], ["\\cJ", ""],
  ["[\\b]", ""], ["\\x41", "gi"], ["\\0", ""], ["ab*c", "y"], ["(\\d+)(?:px|em)", "g"],
  ["^(?:(\\w+)=(\\w*);?)+$", ""], ["[\\w.+-]+@[\\w-]+\\.[\\w.]+", "g"], ["\\b\\w", "gu"],
  ["(?<a>.)(?<b>.)?", "g"], ["[A-Z][a-z]*", "gi"], ["(?:ab|cd)+|ef", "gi"], ["σ", "gi"], ["Σ", "giu"],
  ["[^\\d\\s]+", "g"], ["\\S+", "g"], ["(a)|(b)", "g"], ["(?:(a)|b)+", ""], ["^(?!.*x).*$", ""],
  // More than 16 unit classes: DFA rows wrap in the generated C.
  ["[a-c]|[d-f]|[g-i]|[j-l]|[m-o]|[p-r]|[s-u]|[v-x][yz]|[0-2]|[3-5][6-8]|[9A]|[B-D]|[E-G]|[H-J]|[K-M]", "g"],
  ["\\p{Script=Greek}+|\\P{Lu}{2}", "gu"], ["[\\u{1F600}-\\u{1F64F}]+", "gu"], ["[^]", "g"], [".*?é", "g"],
];

const INPUTS: Input[] = [
  "", "abc", "xabcx", "aabc", "abcd", "foo bar foobar", "GET /api -> 503 (12ms)",
  "2024-01-15 and 1999-12-31", "ab\ncd\r\nef\u2028g", "ñandú Ñ ÀÉÎ àéî", "café CAFÉ",
  "ΣΑΣ σας ς", "Привет мир ПРИВЕТ", "straße STRASSE ẞ", "Kelvin \u212a k ſ s S",
  "日本語テキスト 漢字", "😀 smile 😂!", "a😀b", "aaab abab aab", "   spaces\t\there  ", "x",
  "b ab cb", "12345", "$45 $12x", "zaacbbbcac", "k=v;a=;b=c", "mail a.b+c@x-y.org now",
  "10px 2em 3pt", "a-b-c", "yes", "ya", "\u00a0\ufeff\u3000 ", "abba",
  [0x61, 0xff, 0x62], [0xe2, 0x82, 0x41], [0xc3], [0x80, 0x80, 0x61, 0x62, 0x63],
  [0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80, 0x20, 0x35], [0x20, 0x2d, 0x3e, 0x20, 0x35, 0x30, 0xff, 0x20],
];

function expected(pattern: string, flags: string, input: Input, repl: string): CaseResult {
  return nodeResult(pattern, flags, decodeLikeRuntime(inputBytes(input)), repl);
}

/** The compiler every harness is built with; the corpus also uses clang. */
const cc = process.env.CC ?? "cc";

function compilers(): string[] {
  const list = [cc];
  try {
    execFileSync("clang", ["--version"], { stdio: "ignore" });
    if (!list.includes("clang")) list.push("clang");
  } catch {
    // clang is optional
  }
  return list;
}

/** The sanitizer flags where cc can build and run with them, else none. */
async function sanitize(cc: string): Promise<string[]> {
  return (await sanitizerAvailable(cc)) ? sanitizeFlags : [];
}

function compare(t: import("ava").ExecutionContext, cases: HarnessCase[], got: CaseResult[]) {
  let k = 0;
  let failures = 0;
  for (const c of cases) {
    const compiled = compileRegex(c.pattern, c.flags, "x");
    const names = isRegexDiagnostic(compiled) ? [] : compiled.groupNames;
    for (const input of c.inputs) {
      const want = expected(c.pattern, c.flags, input, c.replacement ?? replacementFor(names));
      const have = got[k++]!;
      const label = `/${c.pattern}/${c.flags} on ${JSON.stringify(typeof input === "string" ? input : Buffer.from(input).toString("hex"))}`;
      const lone = hasLoneSurrogate(want.replace) || want.split.some((x) => x !== null && hasLoneSurrogate(x));
      const a = lone ? { ...have, replace: "", split: [] } : have;
      const b = lone ? { ...want, replace: "", split: [] } : want;
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        failures++;
        if (failures <= 30) t.log(`${label}\n  node: ${JSON.stringify(b)}\n  flbc: ${JSON.stringify(a)}`);
      }
    }
  }
  t.is(failures, 0);
}

for (const compiler of compilers()) {
  test(`matches Node's RegExp on the corpus (${compiler})`, async (t) => {
    const cases = PATTERNS.map(([pattern, flags]) => ({ pattern, flags, inputs: INPUTS }));
    compare(t, cases, runHarness(cases, compiler, await sanitize(compiler)));
  });
}

test("the grep benchmark pattern uses a literal prefix and the DFA", (t) => {
  const r = compileRegex(" -> 5\\d\\d ", "", "re_grep");
  if (isRegexDiagnostic(r)) return t.fail(r.message);
  t.true(r.usesDfa);
  t.regex(r.code, /\.prefix = " -> 5"/);
  t.regex(r.code, /static __attribute__\(\(unused\)\) bool re_grep_test\(flbc_rt \*rt, flbc_str s\)/);
});

test("output is deterministic", (t) => {
  for (const [p, f] of PATTERNS.slice(0, 20)) {
    const a = compileRegex(p, f, "re_1");
    const b = compileRegex(p, f, "re_1");
    t.deepEqual(a, b);
  }
});

test("syntax errors carry the offset in the pattern", (t) => {
  const bad: [string, string, number][] = [
    ["a(b", "", 3], ["ab)", "", 2], ["[b-a]", "", 4], ["x{2,1}", "", 6], ["a**", "", 3],
    ["(?<n>a)\\k<m>", "", 12], ["\\u{zz}", "u", 2], ["(?<a>x)(?<a>y)", "", 12], ["\\p{Nope}", "u", 7],
  ];
  for (const [pattern, flags, offset] of bad) {
    t.throws(() => new RegExp(pattern, flags));
    const r = compileRegex(pattern, flags, "re_x");
    t.true(isRegexDiagnostic(r), pattern);
    if (isRegexDiagnostic(r)) t.is(r.offset, offset, `${pattern}: ${r.message}`);
  }
  const flagsBad = compileRegex("a", "gg", "re_x");
  t.true(isRegexDiagnostic(flagsBad));
});

test("a catastrophic pattern gives up within its budget instead of hanging", async (t) => {
  // Node itself would take minutes on this input; flbc stops at the budget.
  const cases: HarnessCase[] = [
    { pattern: "(a+)+b", flags: "", inputs: ["a".repeat(40)] },
    { pattern: "(a|a)*c", flags: "", inputs: ["a".repeat(40) + "c"] },
    // The first alternative fails after 2^40 paths; memoized failures get
    // the backtracker to the second one (Node would not finish).
    { pattern: "(?:(a|a)*b)|a", flags: "", inputs: ["a".repeat(40)] },
    { pattern: "(?:(a|a)*b)|(a)", flags: "g", inputs: ["a".repeat(30)] },
    // Not memoizable (backreference): gives up at the budget, no hang.
    { pattern: "(?:(a|a)*\\1b)|a", flags: "", inputs: ["a".repeat(40)] },
  ];
  const got = runHarness(cases, cc, await sanitize(cc));
  t.false(got[0]!.test);
  t.is(got[0]!.exec, null);
  t.true(got[1]!.test);
  t.deepEqual(got[1]!.exec, [0, 41, 39, 40]);
  t.deepEqual(got[2]!.exec, [0, 1, null, null]);
  t.is(got[3]!.all!.length, 30);
  t.is(got[4]!.exec, null);
});

test("lastIndex, split limits, function replacers, match with g, named groups", async (t) => {
  const S = (s: string) => `(flbc_str) { ${JSON.stringify(s)}, ${Buffer.byteLength(s)} }`;
  const body = `
    flbc_re_match m;
    double li;
    int ok;
    flbc_val *parts;
    flbc_str *texts;
    size_t n, i;
    /* exec with g: lastIndex walks the matches, then resets to 0. */
    li = 0;
    while (flbc_re_exec_last(&rt, &re_g, ${S("a1 é22 😀333")}, &li, &m)) {
        printf("g %.0f;", li);
    }
    printf("g end %.0f\\n", li);
    /* y: only at lastIndex. */
    li = 1;
    ok = flbc_re_test_last(&rt, &re_y, ${S("xab")}, &li);
    printf("y %d %.0f;", ok, li);
    li = 0;
    ok = flbc_re_test_last(&rt, &re_y, ${S("xab")}, &li);
    printf("y %d %.0f\\n", ok, li);
    /* lastIndex past the end fails and resets. */
    li = 99;
    ok = flbc_re_exec_last(&rt, &re_g, ${S("a1")}, &li, &m);
    printf("past %d %.0f\\n", ok, li);
    /* u: lastIndex inside a surrogate pair means that code point. */
    li = 1;
    ok = flbc_re_exec_last(&rt, &re_dot_u, ${S("😀a")}, &li, &m);
    printf("mid %d %.0f %.0f\\n", ok, flbc_re_u16_index(${S("😀a")}, (size_t) m.span[0]), li);
    n = flbc_re_split(&rt, &re_comma, ${S("a,b,,c")}, 2, &parts);
    printf("split %zu", n);
    for (i = 0; i < n; i++) printf(" %.*s", (int) parts[i].u.s.len, parts[i].u.s.ptr);
    printf("\\n");
    n = flbc_re_match_all_text(&rt, &re_g, ${S("a1 é22 😀333")}, &texts);
    printf("match %zu", n);
    for (i = 0; i < n; i++) printf(" %.*s", (int) texts[i].len, texts[i].ptr);
    printf("\\n");
    {
        flbc_str r = flbc_re_replace_fn(&rt, &re_g, ${S("a1 é22")}, upper_digits, NULL);
        printf("fn %.*s\\n", (int) r.len, r.ptr);
    }
    printf("name %d %d\\n", flbc_re_group_by_name(&re_named, ${S("month")}),
           flbc_re_group_by_name(&re_named, ${S("nope")}));
    {
        flbc_str r = flbc_re_replace(&rt, &re_named, ${S("on 2024-05!")}, ${S("$<month>/$<year> $<nope>|$0|$10|$2")});
        printf("tpl %.*s\\n", (int) r.len, r.ptr);
    }
    printf("u16 %.0f %.0f %zu %zu\\n", flbc_re_u16_index(${S("é😀x")}, 6), flbc_re_u16_index(${S("é😀x")}, 4),
           flbc_re_byte_offset(${S("é😀x")}, 3), flbc_re_byte_offset(${S("é😀x")}, 9));
  `;
  const helper = `
static flbc_str upper_digits(flbc_rt *rt, flbc_str s, const flbc_re_match *m, void *env)
{
    (void) rt; (void) env;
    return (flbc_str) { "<#>", 3 + 0 * (size_t) (s.len + (size_t) m->span[0]) };
}
`;
  const out = runProgram(
    { re_g: ["\\d+", "g"], re_dot_u: [".", "gu"], re_y: ["ab", "y"], re_comma: [",", ""], re_named: ["(?<year>\\d{4})-(?<month>\\d\\d)", ""] },
    body,
    cc,
    helper,
    await sanitize(cc),
  );
  // What Node says for the same calls.
  const g = /\d+/g;
  let log = "";
  while (g.exec("a1 é22 😀333")) log += `g ${g.lastIndex};`;
  log += `g end ${g.lastIndex}\n`;
  const y = /ab/y;
  y.lastIndex = 1;
  log += `y ${Number(y.test("xab"))} ${y.lastIndex};`;
  y.lastIndex = 0;
  log += `y ${Number(y.test("xab"))} ${y.lastIndex}\n`;
  g.lastIndex = 99;
  log += `past ${Number(g.exec("a1") !== null)} ${g.lastIndex}\n`;
  const du = /./gu;
  du.lastIndex = 1;
  const dm = du.exec("😀a")!;
  log += `mid 1 ${dm.index} ${du.lastIndex}\n`;
  const sp = "a,b,,c".split(/,/, 2);
  log += `split ${sp.length} ${sp.join(" ")}\n`;
  const mt = "a1 é22 😀333".match(/\d+/g)!;
  log += `match ${mt.length} ${mt.join(" ")}\n`;
  log += `fn ${"a1 é22".replace(/\d+/g, () => "<#>")}\n`;
  log += `name 2 -1\n`;
  log += `tpl ${"on 2024-05!".replace(/(?<year>\d{4})-(?<month>\d\d)/, "$<month>/$<year> $<nope>|$0|$10|$2")}\n`;
  log += `u16 ${"é😀".length} ${"é".length + 1} ${Buffer.byteLength("é😀")} ${Buffer.byteLength("é😀x") + 1}\n`;
  t.is(out, log);
});

test("long subjects: the backtrack stack grows in the arena, results match Node", async (t) => {
  const long = "ab".repeat(5000);
  const cases: HarnessCase[] = [
    { pattern: "(?:a|b)*c", flags: "", inputs: [long + "c", long] },
    { pattern: "((a)|b)+$", flags: "", inputs: [long] },
    { pattern: "(?<x>b)(?=a)", flags: "g", inputs: [long.slice(0, 2000)] },
    { pattern: "[^c]*?b$", flags: "", inputs: [long] },
    { pattern: "(ab)+?c|\\w{3}", flags: "g", inputs: [long.slice(0, 3000)] },
  ];
  compare(t, cases, runHarness(cases, cc, await sanitize(cc)));
});

test("replacement templates: $n, $nn, $0, $<name>, stray $ as in Node", async (t) => {
  const templates = ["$0", "$00", "$1$2", "$10", "$12x", "$13", "$99", "$<a>", "$<", "$<a", "$", "a$", "$$$&$", "$`|$'", "$<zz>"];
  const patterns: [string, string][] = [
    ["b", "g"], ["(b)", ""], ["(?<a>a)(b)", "g"], ["(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)", ""],
  ];
  const cases: HarnessCase[] = [];
  for (const [pattern, flags] of patterns) {
    for (const replacement of templates) {
      cases.push({ pattern, flags, replacement, inputs: ["xabcdefghijkly", "abab", ""] });
    }
  }
  compare(t, cases, runHarness(cases, cc, await sanitize(cc)));
});
