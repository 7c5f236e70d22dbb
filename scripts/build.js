#!/usr/bin/env node
// Builds the compiler (compiler/, test/) into dist/ with the TypeScript that
// @ts-morph/bootstrap bundles: the same copy the compiler uses at run time,
// so the project never loads a second `typescript` package.
import { createProjectSync, ts } from "@ts-morph/bootstrap";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const project = createProjectSync({ tsConfigFilePath: path.join(root, "tsconfig.json") });
const program = project.createProgram();
const diagnostics = ts.getPreEmitDiagnostics(program);
const result = program.emit();
const all = [...diagnostics, ...result.diagnostics];
if (all.length > 0) {
  const host = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => "\n",
  };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(all, host));
  process.exit(1);
}

const dist = path.join(root, "dist");
const walk = (dir, visit) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, visit);
    else visit(p, e.name);
  }
};

// CommonJS written by hand (compiler/program/typescript.cjs) goes to dist
// as it is: tsc compiles only the .ts files.
walk(path.join(root, "compiler"), (p, name) => {
  if (name.endsWith(".cjs")) {
    const out = path.join(dist, path.relative(root, p));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.copyFileSync(p, out);
  }
});

// A source that was deleted or renamed leaves its old output behind, and ava
// would still run a stale dist/test/*.test.js: drop every output whose
// source is gone.
walk(dist, (p, name) => {
  const source = /\.js(\.map)?$/.test(name)
    ? path.join(root, path.relative(dist, p).replace(/\.js(\.map)?$/, ".ts"))
    : name.endsWith(".cjs")
      ? path.join(root, path.relative(dist, p))
      : undefined;
  if (source !== undefined && !fs.existsSync(source)) fs.rmSync(p, { force: true });
});
