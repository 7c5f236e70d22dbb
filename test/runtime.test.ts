// The C runtime's own unit tests (runtime-c/test/*.c): compiled against the
// amalgamation flbc_rt.h exactly as plugins get it, with the strict flags
// and, where the compiler can link them, ASan + UBSan; under gcc and clang
// when both are installed. Each test binary asserts and exits 0 on success.
import test from "ava";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeRuntimeHeader } from "../compiler/toolchain/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const testDir = path.join(root, "runtime-c", "test");
const strict = ["-std=c11", "-Wall", "-Wextra", "-Werror"];
const sanitize = [
  "-fsanitize=address,undefined",
  "-fno-sanitize-recover=all",
  "-fno-omit-frame-pointer",
  "-g",
];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-runtime-test-"));
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));
const includeDir = path.dirname(writeRuntimeHeader(path.join(scratch, "include")));

/** `$CC` (may carry arguments, "ccache gcc") as program + leading args. */
function command(cc: string): [string, string[]] {
  const words = cc.trim().split(/\s+/);
  return [words[0] ?? "cc", words.slice(1)];
}

function works(cc: string): boolean {
  const [prog, pre] = command(cc);
  const r = spawnSync(prog, [...pre, "--version"], { encoding: "utf8" });
  return !r.error && r.status === 0;
}

/** Whether cc links and runs a sanitized program (not every toolchain can). */
function canSanitize(cc: string): boolean {
  const [prog, pre] = command(cc);
  const dir = fs.mkdtempSync(path.join(scratch, "probe-"));
  const src = path.join(dir, "probe.c");
  const bin = path.join(dir, "probe");
  fs.writeFileSync(src, "#include <stdlib.h>\nint main(void) { free(malloc(4)); return 0; }\n");
  const built = spawnSync(prog, [...pre, ...sanitize, src, "-o", bin], { encoding: "utf8" });
  return built.status === 0 && spawnSync(bin).status === 0;
}

// `$CC` (default cc, usually gcc); without $CC, clang as well when present.
const compilers = [process.env.CC ?? "cc"];
if (process.env.CC === undefined && works("clang")) {
  compilers.push("clang");
}

const sources = fs
  .readdirSync(testDir)
  .filter((f) => f.endsWith(".c"))
  .sort();

for (const cc of compilers) {
  for (const source of sources) {
    test(`${source} under ${cc}`, (t) => {
      if (!works(cc)) {
        t.fail(`no working C compiler '${cc}'`);
        return;
      }
      const [prog, pre] = command(cc);
      const sanitized = canSanitize(cc);
      if (!sanitized) {
        t.log(`${cc} cannot link ASan/UBSan here: running without sanitizers`);
      }
      const bin = path.join(scratch, `${path.basename(source, ".c")}-${prog.replace(/\W/g, "_")}`);
      const args = [
        ...pre,
        ...strict,
        ...(sanitized ? sanitize : ["-O1"]),
        "-I",
        includeDir,
        "-I",
        testDir,
        path.join(testDir, source),
        "-o",
        bin,
        "-lm",
      ];
      try {
        execFileSync(prog, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      } catch (e) {
        const err = e as { stderr?: string };
        t.fail(`${cc} failed:\n${err.stderr ?? String(e)}`);
        return;
      }
      const run = spawnSync(bin, [], {
        encoding: "utf8",
        env: { ...process.env, ASAN_OPTIONS: "detect_leaks=1", UBSAN_OPTIONS: "print_stacktrace=1" },
      });
      t.is(run.status, 0, `${run.stdout}\n${run.stderr}`);
      t.regex(run.stdout, /checks passed/);
    });
  }
}

// ------------------------------------------------------------ differential
// The same calls in C (runtime-c/test/diff/diff_runtime.c) and in Node, on
// seeded random inputs: number formatting and parsing, UTF-16 string
// operations, case mapping, JSON round trips.

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const view = new DataView(new ArrayBuffer(8));
const bitsOf = (d: number): string => {
  view.setFloat64(0, d);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
};

type Case = [unknown[], unknown];

function differentialCases(): Case[] {
  const rnd = seeded(20261125);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cases: Case[] = [];
  // Numbers: random bit patterns, decimal-looking values, specials.
  const specials = [0, -0, NaN, Infinity, -Infinity, 5e-324, 1e21, 1e-7, 2 ** 53, 0.1 + 0.2];
  for (const d of specials) cases.push([["num", bitsOf(d)], String(d)]);
  for (let i = 0; i < 3000; i++) {
    view.setUint32(0, Math.floor(rnd() * 2 ** 32));
    view.setUint32(4, Math.floor(rnd() * 2 ** 32));
    const raw = view.getFloat64(0);
    const digits = Number((rnd() * 1000).toPrecision(1 + Math.floor(rnd() * 17)));
    for (const d of [raw, digits * 10 ** Math.floor(rnd() * 60 - 30)]) {
      cases.push([["num", bitsOf(d)], String(d)]);
    }
  }
  // Number(string).
  const bits = ["0", "1", "7", "9", ".", "e", "E", "+", "-", "x", "b", "o", "f", " ", "\u00a0",
    "Infinity", "0x", "1e", "12", "_"];
  for (let i = 0; i < 3000; i++) {
    let s = "";
    const n = Math.floor(rnd() * 6);
    for (let k = 0; k < n; k++) s += pick(bits);
    const v = Number(s);
    cases.push([["tonum", s], Number.isNaN(v) ? "7ff8000000000000" : bitsOf(v)]);
  }
  // Strings: positions, searches, case, trim, order.
  const alpha = ["a", "b", "Z", " ", "1", "é", "ß", "ÿ", "Ā", "ı", "İ", "Σ", "σ", "ά", "Ж", "ё",
    "Ա", "ﬁ", "中", "😀", "𝒳", "\u00a0", "\u2028", "\ufeff", "\u3000", "\uff5e", "\t",
    // Case beyond the BMP, expansions, letters the final sigma rule reads through.
    "𐐀", "𐐨", "𞤢", "ᾳ", "ǅ", "ŉ", "Ꭰ", "ꭰ", "\u0301", "\u0345", "\u180e", "'"];
  const str = (max: number): string => {
    let s = "";
    const n = Math.floor(rnd() * max);
    for (let k = 0; k < n; k++) s += pick(alpha);
    return s;
  };
  const pos = (): number | null => (rnd() < 0.2 ? null : Math.floor(rnd() * 16) - 5);
  const opt = (p: number | null): number | undefined => (p === null ? undefined : p);
  for (let i = 0; i < 3000; i++) {
    const s = str(9);
    const from = Math.floor(rnd() * (s.length + 1));
    let t = rnd() < 0.5 ? s.slice(from, from + 1 + Math.floor(rnd() * 3)) : str(3);
    if (/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(t)) t = "a"; // searches are whole characters
    const p = pos();
    const q = pos();
    cases.push([["len", s], s.length]);
    cases.push([["slice", s, p, q], s.slice(opt(p), opt(q))]);
    cases.push([["indexOf", s, t, p], s.indexOf(t, opt(p))]);
    cases.push([["startsWith", s, t, p], s.startsWith(t, opt(p))]);
    cases.push([["endsWith", s, t, p], s.endsWith(t, opt(p))]);
    cases.push([["includes", s, t, p], s.includes(t, opt(p))]);
    cases.push([["upper", s], s.toUpperCase()]);
    cases.push([["lower", s], s.toLowerCase()]);
    cases.push([["trim", s], s.trim()]);
    cases.push([["cmp", s, t], s < t ? -1 : s > t ? 1 : 0]);
  }
  // JSON: random documents, compact or indented, through msgpack and back.
  const jsonStrChars = ["a", "\"", "\\", "\n", "\u0001", "é", "中", "😀", "\ud800", "/", "\u2028"];
  const value = (depth: number): unknown => {
    switch (Math.floor(rnd() * (depth > 3 ? 5 : 7))) {
      case 0: return null;
      case 1: return rnd() < 0.5;
      case 2: return Math.floor(rnd() * 2e6) - 1e6;
      case 3: return (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
      case 4: {
        let s = "";
        for (let k = Math.floor(rnd() * 5); k > 0; k--) s += pick(jsonStrChars);
        return s;
      }
      case 5: return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
      default: {
        const o: Record<string, unknown> = {};
        for (let k = Math.floor(rnd() * 4); k > 0; k--) o[String(value(5))] = value(depth + 1);
        return o;
      }
    }
  };
  for (let i = 0; i < 1500; i++) {
    const v = value(0);
    cases.push([["json", JSON.stringify(v, null, rnd() < 0.3 ? 2 : undefined)], JSON.stringify(v)]);
    cases.push([["tostr", JSON.stringify(v)], String(v)]);
  }
  return cases;
}

test("differential: runtime strings, numbers and JSON agree with Node", (t) => {
  const cc = compilers[0]!;
  if (!works(cc)) {
    t.fail(`no working C compiler '${cc}'`);
    return;
  }
  const [prog, pre] = command(cc);
  const bin = path.join(scratch, "diff_runtime");
  try {
    execFileSync(
      prog,
      [...pre, ...strict, "-O1", "-I", includeDir, path.join(testDir, "diff", "diff_runtime.c"),
        "-o", bin, "-lm"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (e) {
    t.fail(`${cc} failed:\n${(e as { stderr?: string }).stderr ?? String(e)}`);
    return;
  }
  const cases = differentialCases();
  const input = cases.map(([call]) => JSON.stringify(call)).join("\n") + "\n";
  const run = spawnSync(bin, [], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  t.is(run.status, 0, run.stderr);
  const answers = run.stdout.split("\n");
  const wrong: string[] = [];
  cases.forEach(([call, want], i) => {
    const line = answers[i] ?? "";
    let got: unknown;
    try {
      got = JSON.parse(line);
    } catch {
      got = `unparsable: ${line}`;
    }
    if (got !== want && wrong.length < 10) {
      wrong.push(`${JSON.stringify(call)}: C ${JSON.stringify(got)}, Node ${JSON.stringify(want)}`);
    }
  });
  t.deepEqual(wrong, [], wrong.join("\n"));
  t.is(answers.length, cases.length + 1);
});
