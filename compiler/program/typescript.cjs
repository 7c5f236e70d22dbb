// The TypeScript compiler API, the copy @ts-morph/bootstrap bundles (the
// same module, so the same SyntaxKind numbers, as the build and the tests
// use through @ts-morph/bootstrap). Required from CommonJS because an ES
// module importing TypeScript's 9 MB of CommonJS has Node scan all of it
// for export names first; loading it without ts-morph's project layer, its
// embedded lib files and their dependencies saves a compile ~60 ms more.
// typescript.d.cts gives it its types.
"use strict";
exports.ts = require("@ts-morph/common/dist/typescript.js");
