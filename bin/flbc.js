#!/usr/bin/env node
// The flbc command. The compiler is TypeScript built into dist/ by
// `npm install` (the prepare script).
import { installCodeCache } from "../dist/compiler/cli/codeCache.js";

// Before anything loads TypeScript: its compiled code comes from a cache.
installCodeCache();

import("../dist/compiler/cli/main.js").then((m) => m.main(process.argv.slice(2)));
