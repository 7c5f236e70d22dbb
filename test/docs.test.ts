// The documentation stays true: every FLBC code in
// compiler/diagnostics/messages.ts has a section in docs/diagnostics.md and
// every section a code; each section's "wrong" example, compiled by flbc,
// reports exactly the codes it claims, and its "right" example compiles
// cleanly. Every ```ts plugin block in docs/*.md compiles cleanly, and when
// ```jsonl input / ```jsonl output blocks follow it, the Node reference
// engine turns the one into the other. docs/api.md is what
// scripts/api-docs.js generates from stdlib/flbc.d.ts.
//
// Examples are fenced blocks with an info string:
//   ```ts wrong                 the plugin file; must report the section's code
//   ```ts wrong reports=TS2345  ...reports these codes instead (tsc gets there first)
//   ```ts right                 the plugin file; must compile with no diagnostic
//   ```ts wrong file=util.ts    another file beside the plugin (same for right)
//   <!-- no example: why -->    a code no plugin source triggers (a missing
//                               file, an internal error, a retired code)
import test from "ava";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileFile } from "../compiler/compile.js";
import { messages } from "../compiler/diagnostics/messages.js";
import { runNode } from "../compiler/engine/node.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const docsDir = path.join(root, "docs");
const diagnosticsDoc = fs.readFileSync(path.join(docsDir, "diagnostics.md"), "utf8");

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "flbc-docs-test-"));
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

interface Example {
  side: "wrong" | "right";
  /** Codes the example must report (wrong) — defaults to the section's. */
  reports?: string[];
  /** Undefined for the plugin file itself. */
  file?: string;
  source: string;
}

interface Section {
  code: string;
  examples: Example[];
  /** `<!-- no example: why -->` in the section: a code no source file triggers. */
  noExample: boolean;
}

/** `## FLBC1234: title` sections with their fenced ts examples. */
function parseSections(markdown: string): Section[] {
  const sections: Section[] = [];
  const fence = /^```ts (wrong|right)([^\n]*)\n([\s\S]*?)^```$/gm;
  for (const part of markdown.split(/^(?=## )/m)) {
    const head = /^## (FLBC\d{4})\b/.exec(part);
    if (head === null) continue;
    const examples: Example[] = [];
    for (const m of part.matchAll(fence)) {
      const attrs = new Map(
        m[2]!
          .trim()
          .split(/\s+/)
          .filter((a) => a !== "")
          .map((a) => a.split("=", 2) as [string, string]),
      );
      examples.push({
        side: m[1] as Example["side"],
        reports: attrs.get("reports")?.split(","),
        file: attrs.get("file"),
        source: m[3]!,
      });
    }
    sections.push({ code: head[1]!, examples, noExample: /<!-- no example: [^>]+ -->/.test(part) });
  }
  return sections;
}

const sections = parseSections(diagnosticsDoc);
const documented = new Set(sections.map((s) => s.code));
const defined = new Set(Object.values(messages).map((m) => `FLBC${m.code}`));


test("every code in messages.ts is documented in docs/diagnostics.md", (t) => {
  const missing = [...defined].filter((c) => !documented.has(c));
  t.deepEqual(missing, [], `add a '## <code>: ...' section to docs/diagnostics.md for: ${missing.join(", ")}`);
});

test("every code documented in docs/diagnostics.md exists in messages.ts", (t) => {
  const stale = [...documented].filter((c) => !defined.has(c));
  t.deepEqual(stale, [], `docs/diagnostics.md documents codes flbc no longer has: ${stale.join(", ")}`);
});

test("each code is documented once, in order", (t) => {
  const codes = sections.map((s) => s.code);
  t.deepEqual(codes, [...new Set(codes)].sort());
});

/** Writes an example's files into a fresh directory; returns the plugin path. */
function writeExample(name: string, examples: Example[]): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const e of examples) fs.writeFileSync(path.join(dir, e.file ?? "plugin.ts"), e.source);
  return path.join(dir, "plugin.ts");
}

for (const section of sections) {
  const wrong = section.examples.filter((e) => e.side === "wrong");
  const right = section.examples.filter((e) => e.side === "right");
  if (section.noExample) continue;

  test(`${section.code}: the wrong example reports it`, (t) => {
    const main = wrong.find((e) => e.file === undefined);
    if (main === undefined) return t.fail(`docs/diagnostics.md: ${section.code} has no \`\`\`ts wrong block`);
    const result = compileFile(writeExample(`${section.code}-wrong`, wrong));
    const codes = [...new Set(result.diagnostics.map((d) => d.code))].sort();
    t.deepEqual(codes, (main.reports ?? [section.code]).sort(), result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  });

  test(`${section.code}: the right example compiles cleanly`, (t) => {
    if (!right.some((e) => e.file === undefined)) {
      return t.fail(`docs/diagnostics.md: ${section.code} has no \`\`\`ts right block`);
    }
    const result = compileFile(writeExample(`${section.code}-right`, right));
    t.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.message}`), []);
    t.true(result.ok);
    t.true((result.c ?? "").length > 0);
  });
}

test("FLBC1000: a missing plugin file", (t) => {
  const result = compileFile(path.join(scratch, "no-such-plugin.ts"));
  t.deepEqual(
    result.diagnostics.map((d) => d.code),
    ["FLBC1000"],
  );
});

interface PluginBlock {
  doc: string;
  line: number;
  source: string;
  input?: string;
  output?: string;
}

/** ```ts plugin blocks, each with the jsonl input/output blocks after it. */
function pluginBlocks(doc: string, markdown: string): PluginBlock[] {
  const blocks: PluginBlock[] = [];
  for (const m of markdown.matchAll(/^```(ts plugin|jsonl input|jsonl output)\n([\s\S]*?)^```$/gm)) {
    const line = markdown.slice(0, m.index).split("\n").length;
    if (m[1] === "ts plugin") blocks.push({ doc, line, source: m[2]! });
    else if (blocks.length > 0) blocks[blocks.length - 1]![m[1] === "jsonl input" ? "input" : "output"] = m[2]!;
  }
  return blocks;
}

const docNames = fs.readdirSync(docsDir).filter((f) => f.endsWith(".md")).sort();
const plugins = docNames.flatMap((name) => pluginBlocks(name, fs.readFileSync(path.join(docsDir, name), "utf8")));

for (const block of plugins) {
  test(`docs/${block.doc}:${block.line}: the plugin compiles${block.output !== undefined ? " and prints its output" : ""}`, async (t) => {
    const file = writeExample(`${block.doc}-${block.line}`, [{ side: "right", source: block.source }]);
    const result = compileFile(file);
    t.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.message}`), []);
    t.true(result.ok && (result.c ?? "").length > 0);
    if (block.output !== undefined) {
      const r = await runNode({ entry: file, props: {}, events: false, input: block.input ?? "" });
      t.is(r.code, 0, r.stderr);
      t.is(r.stdout, block.output);
    }
  });
}

test("docs/language.md and docs/from-lua.md have plugin examples", (t) => {
  t.true(plugins.some((b) => b.doc === "language.md"));
  t.true(plugins.filter((b) => b.doc === "from-lua.md").length >= 5);
});

test("docs/api.md is what scripts/api-docs.js generates from stdlib/flbc.d.ts", (t) => {
  const generated = execFileSync(process.execPath, [path.join(root, "scripts", "api-docs.js"), "--stdout"], {
    encoding: "utf8",
  });
  const committed = fs.readFileSync(path.join(docsDir, "api.md"), "utf8");
  t.true(generated === committed, "docs/api.md is out of date: run `node scripts/api-docs.js`");
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to '-'. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(file, "utf8").replace(/^```[\s\S]*?^```$/gm, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

test("links into the docs point at headings that exist", (t) => {
  const broken: string[] = [];
  for (const name of docNames) {
    const text = fs.readFileSync(path.join(docsDir, name), "utf8");
    const base = name === "readme-intro.md" ? root : docsDir;
    for (const m of text.matchAll(/\]\(([^)#\s]*)#([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(m[1]!)) continue;
      const target = m[1] === "" ? path.join(docsDir, name) : path.resolve(base, m[1]!);
      if (!target.endsWith(".md") || !fs.existsSync(target)) continue;
      if (!anchorsOf(target).has(m[2]!)) broken.push(`${name}: ${m[1]}#${m[2]}`);
    }
  }
  t.deepEqual(broken, []);
});

test("the docs link only to files that exist", (t) => {
  const broken: string[] = [];
  for (const name of docNames) {
    const text = fs.readFileSync(path.join(docsDir, name), "utf8");
    // readme-intro.md is pasted into the README at the root: its links start there.
    const base = name === "readme-intro.md" ? root : docsDir;
    for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      if (!fs.existsSync(path.resolve(base, target))) broken.push(`${name}: ${target}`);
    }
  }
  t.deepEqual(broken, []);
});
