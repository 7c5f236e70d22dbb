// Differential test of compiled regexes against Node's RegExp: test, exec
// (positions and captures in UTF-16 indices), global iteration, replace
// with a template, split; over ASCII, Latin-1, Greek, Cyrillic, CJK, emoji
// and invalid UTF-8. Every C harness compiles with -Wall -Wextra -Werror
// under cc and clang.

import test from "ava";
import { execFileSync } from "node:child_process";
import { compileRegex, isRegexDiagnostic } from "../compiler/regex/index.js";
import {
  CaseResult, HarnessCase, Input, decodeLikeRuntime, hasLoneSurrogate, inputBytes,
  nodeResult, replacementFor, runHarness,
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

function compilers(): string[] {
  const list = [process.env.CC ?? "cc"];
  try {
    execFileSync("clang", ["--version"], { stdio: "ignore" });
    if (!list.includes("clang")) list.push("clang");
  } catch {
    // clang is optional
  }
  return list;
}

function compare(t: import("ava").ExecutionContext, cases: HarnessCase[], got: CaseResult[]) {
  let k = 0;
  let failures = 0;
  for (const c of cases) {
    const compiled = compileRegex(c.pattern, c.flags, "x");
    const names = isRegexDiagnostic(compiled) ? [] : compiled.groupNames;
    for (const input of c.inputs) {
      const want = expected(c.pattern, c.flags, input, replacementFor(names));
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

for (const cc of compilers()) {
  test(`matches Node's RegExp on the corpus (${cc})`, (t) => {
    const cases = PATTERNS.map(([pattern, flags]) => ({ pattern, flags, inputs: INPUTS }));
    compare(t, cases, runHarness(cases, cc));
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

test("a catastrophic pattern gives up within its budget instead of hanging", (t) => {
  // Node itself would take minutes on this input; flbc stops at the budget.
  const cases: HarnessCase[] = [{ pattern: "(a+)+b", flags: "", inputs: ["a".repeat(40)] }, { pattern: "(a|a)*c", flags: "", inputs: ["a".repeat(40) + "c"] }];
  const got = runHarness(cases, process.env.CC ?? "cc");
  t.false(got[0]!.test);
  t.is(got[0]!.exec, null);
  t.true(got[1]!.test);
});
