#!/usr/bin/env node
// The flbc command. The compiler is TypeScript built into dist/ by
// `npm install` (the prepare script).
import { createRequire } from "node:module";

// TypeScript is ~9 MB of CommonJS that V8 would compile on every run; a
// code cache of it (in the OS temp directory) saves a few hundred
// milliseconds of each compile.
createRequire(import.meta.url)("v8-compile-cache");

import("../dist/compiler/cli/main.js").then((m) => m.main(process.argv.slice(2)));
