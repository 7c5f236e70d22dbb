// Which test262 files make the slice, and why every other one is left out
// (docs/test262.md): the areas (AREAS), then in order
//   1. frontmatter: negative tests, flags, includes, features;
//   2. constructs the subset refuses, found on the parsed test;
//   3. valid strict TypeScript under TypeScript's own library (typeErrors);
// with the lexical renames of harness.ts RENAMES applied and reported.
// (Rule 4, the run under Node, is in run.ts.)
import { createProjectSync, ts } from "@ts-morph/bootstrap";
import fs from "node:fs";
import path from "node:path";

const STRING_METHODS = [
  "at", "charAt", "charCodeAt", "codePointAt", "concat", "endsWith", "includes", "indexOf", "lastIndexOf",
  "localeCompare", "match", "matchAll", "padEnd", "padStart", "repeat", "replace", "replaceAll", "search",
  "slice", "split", "startsWith", "substring", "toLowerCase", "toUpperCase", "trim", "trimEnd", "trimStart",
];
const ARRAY_METHODS = [
  "at", "concat", "every", "fill", "filter", "find", "findIndex", "flat", "forEach", "includes", "indexOf",
  "join", "lastIndexOf", "map", "pop", "push", "reduce", "reverse", "shift", "slice", "some", "sort",
  "splice", "unshift",
];
const OPERATORS = [
  "addition", "subtraction", "multiplication", "division", "modulus", "exponentiation", "bitwise-and",
  "bitwise-or", "bitwise-xor", "bitwise-not", "left-shift", "right-shift", "unsigned-right-shift",
  "logical-and", "logical-or", "logical-not", "coalesce", "conditional", "unary-minus", "unary-plus",
  "typeof", "strict-equals", "strict-does-not-equals", "greater-than", "less-than",
  "greater-than-or-equal", "less-than-or-equal", "prefix-increment", "prefix-decrement",
  "postfix-increment", "postfix-decrement", "compound-assignment", "template-literal",
];

/** The directories (and lone files' parents) of the slice, relative to TEST262_DIR. */
export const AREAS: readonly string[] = [
  ...STRING_METHODS.map((m) => `test/built-ins/String/prototype/${m}`),
  "test/built-ins/String/fromCharCode",
  "test/built-ins/String/fromCodePoint",
  ...ARRAY_METHODS.map((m) => `test/built-ins/Array/prototype/${m}`),
  "test/built-ins/Array/isArray",
  "test/built-ins/Array/from",
  "test/built-ins/Math",
  "test/built-ins/Number",
  "test/built-ins/parseInt",
  "test/built-ins/parseFloat",
  "test/built-ins/JSON/stringify",
  "test/built-ins/JSON/parse",
  "test/built-ins/Object/keys",
  "test/built-ins/Object/entries",
  "test/built-ins/Object/assign",
  ...OPERATORS.map((o) => `test/language/expressions/${o}`),
];

/** Number/prototype holds methods the subset lacks; only these are in. */
const NUMBER_PROTOTYPE_IN = new Set(["toFixed", "toString"]);

/** Lists the slice's files, sorted, relative to root. */
export function listSlice(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        const m = /^test\/built-ins\/Number\/prototype\/([^/]+)$/.exec(child);
        if (m !== null && !NUMBER_PROTOTYPE_IN.has(m[1] ?? "")) continue;
        walk(child);
      } else if (entry.name.endsWith(".js") && !entry.name.includes("_FIXTURE")) {
        out.push(child);
      }
    }
  };
  for (const area of AREAS) walk(area);
  return [...new Set(out)].sort();
}

export interface Frontmatter {
  flags: string[];
  features: string[];
  includes: string[];
  negative: boolean;
}

/** The YAML between /*--- and ---*\/, read for the keys the rules use. */
export function readFrontmatter(source: string): Frontmatter {
  const m = /\/\*---([\s\S]*?)---\*\//.exec(source);
  const yaml = m?.[1] ?? "";
  const list = (key: string): string[] => {
    const inline = new RegExp(`^${key}:\\s*\\[([^\\]]*)\\]`, "m").exec(yaml);
    if (inline !== null) {
      return (inline[1] ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
    }
    const block = new RegExp(`^${key}:\\s*\\n((?:\\s+-\\s*.*\\n?)+)`, "m").exec(yaml);
    if (block !== null) {
      return (block[1] ?? "").split("\n").map((l) => l.replace(/^\s*-\s*/, "").trim()).filter((s) => s !== "");
    }
    return [];
  };
  return { flags: list("flags"), features: list("features"), includes: list("includes"), negative: /^negative:/m.test(yaml) };
}

/** Flags a test may carry: onlyStrict suits flbc (an ES module is strict). */
const FLAGS_IN = new Set(["onlyStrict", "generated"]);
/** Harness files the subset harness provides. */
const INCLUDES_IN = new Set(["compareArray.js"]);
/** Language features inside the subset (test262's features.txt names). */
const FEATURES_IN = new Set([
  "arrow-function", "let", "const", "template", "exponentiation", "coalesce-expression", "optional-chaining",
  "numeric-separator-literal", "logical-assignment-operators", "destructuring-binding", "default-parameters",
  "String.prototype.at", "Array.prototype.at", "Array.prototype.flat", "Array.prototype.includes",
  "String.prototype.padEnd", "String.prototype.padStart", "String.prototype.trimEnd", "String.prototype.trimStart",
  "String.prototype.replaceAll", "String.prototype.matchAll", "String.prototype.endsWith",
  "String.prototype.includes", "String.fromCodePoint", "Object.entries", "Object.fromEntries",
  "json-superset", "well-formed-json-stringify", "u180e", "regexp-dotall", "regexp-named-groups",
  "regexp-lookbehind",
]);

/** Globals and constructors outside the subset. */
const GLOBALS_OUT = new Map<string, string>([
  ["Symbol", "Symbol"], ["Proxy", "Proxy"], ["Reflect", "Reflect"], ["WeakMap", "WeakMap"], ["WeakSet", "WeakSet"],
  ["Promise", "Promise"], ["BigInt", "BigInt"], ["globalThis", "the global object"], ["eval", "eval"],
  ["Function", "the Function constructor"], ["Boolean", "Boolean wrapper"], ["Date", "Date objects"],
  ["ArrayBuffer", "typed arrays"], ["DataView", "typed arrays"], ["Int8Array", "typed arrays"],
  ["Uint8Array", "typed arrays"], ["Float64Array", "typed arrays"], ["Int32Array", "typed arrays"],
  ["fnGlobalObject", "the global object"], ["$262", "host hooks ($262)"], ["$DONOTEVALUATE", "negative test"],
  ["arguments", "the arguments object"],
]);
/** Built-in namespaces: a test that assigns to their members is out. */
const BUILTINS = new Set(["Object", "Math", "JSON", "Number", "String", "Array", "RegExp", "Error", "Map", "Set"]);
/** Object.X that the subset has. */
const OBJECT_IN = new Set(["keys", "values", "entries", "fromEntries", "assign"]);
/** Constructors that may follow `new`. */
const NEW_IN = new Set(["Error", "Test262Error", "Map", "Set", "RegExp"]);

export interface Admission {
  /** The source to wrap, renames applied; undefined when excluded. */
  body?: string;
  /** Why the file is out of the slice. */
  excluded?: string;
  /** The renames applied, "from -> to xN". */
  renames: string[];
}

/** Applies the rules to one file. */
export function admit(rel: string, source: string): Admission {
  const fm = readFrontmatter(source);
  if (fm.negative) return { excluded: "negative test (syntax or early error)", renames: [] };
  const flag = fm.flags.find((f) => !FLAGS_IN.has(f));
  if (flag !== undefined) return { excluded: `flag ${flag}`, renames: [] };
  const inc = fm.includes.find((i) => !INCLUDES_IN.has(i));
  if (inc !== undefined) return { excluded: `includes ${inc}`, renames: [] };
  const feat = fm.features.find((f) => !FEATURES_IN.has(f));
  if (feat !== undefined) return { excluded: `feature ${feat}`, renames: [] };

  const sf = ts.createSourceFile(rel, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const edits: { start: number; end: number; text: string; label: string }[] = [];
  let reason: string | undefined;
  const out = (why: string): void => {
    reason ??= why;
  };

  // Functions declared by the test: calling one is fine, passing it is not.
  const declared = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name !== undefined) declared.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(sf);

  const visit = (node: ts.Node): void => {
    if (reason !== undefined) return;
    switch (node.kind) {
      case ts.SyntaxKind.ThisKeyword:
        return out("construct: this");
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression:
        return out("construct: class");
      case ts.SyntaxKind.GetAccessor:
      case ts.SyntaxKind.SetAccessor:
        return out("construct: accessor property");
      case ts.SyntaxKind.MethodDeclaration:
        return out("construct: object with methods (valueOf/toString coercion)");
      case ts.SyntaxKind.WithStatement:
        return out("construct: with");
      case ts.SyntaxKind.DeleteExpression:
        return out("construct: delete on an object or array");
      case ts.SyntaxKind.YieldExpression:
      case ts.SyntaxKind.AwaitExpression:
        return out("construct: generator or async");
      case ts.SyntaxKind.TaggedTemplateExpression:
        return out("construct: tagged template (a function as a value)");
      case ts.SyntaxKind.ComputedPropertyName:
        return out("construct: computed property name");
      case ts.SyntaxKind.FunctionExpression:
        return out("construct: function expression (a function as a value)");
      case ts.SyntaxKind.VoidExpression:
        return out("construct: void");
    }
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).asteriskToken !== undefined) {
      return out("construct: generator");
    }
    if (ts.isFunctionLike(node) && ts.getModifiers(node as ts.FunctionDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
      return out("construct: async function");
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      const target = node.left;
      if (op === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && BUILTINS.has(target.expression.text)) {
        return out("construct: replaces a built-in");
      }
      if (op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) {
        return out("construct: loose equality (== / !=)");
      }
      if (op === ts.SyntaxKind.InstanceOfKeyword) return out("construct: instanceof");
    }
    if (ts.isIdentifier(node)) {
      const g = GLOBALS_OUT.get(node.text);
      const isProp = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node;
      if (g !== undefined && !isProp) return out(`construct: ${g}`);
      if (declared.has(node.text) && !isProp && !ts.isFunctionDeclaration(node.parent)) {
        const called = ts.isCallExpression(node.parent) && node.parent.expression === node;
        if (!called) return out("construct: a function passed or stored as a value");
      }
      if (node.text === "prototype" || node.text === "__proto__") return out("construct: prototypes (methods as values)");
      if (isProp && ["call", "apply", "bind"].includes(node.text)) return out("construct: Function.prototype.call/apply/bind");
      if (node.text === "Test262Error" && !isProp) {
        edits.push({ start: node.getStart(sf), end: node.getEnd(), text: "Error", label: "Test262Error -> Error" });
      }
    }
    if (ts.isNewExpression(node)) {
      const callee = node.expression;
      if (!ts.isIdentifier(callee) || !NEW_IN.has(callee.text)) {
        return out(`construct: new ${callee.getText(sf)} (wrapper objects or constructors)`);
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Object") {
      return out("construct: Object() wrapper");
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const obj = node.expression.text;
      const name = node.name.text;
      if (obj === "Object" && !OBJECT_IN.has(name)) return out(`construct: Object.${name}`);
      if (obj === "assert") {
        if (name === "throws") return out("construct: assert.throws (a function as a value)");
        const rename = `assert_${name}`;
        if (!["sameValue", "notSameValue", "compareArray"].includes(name)) return out(`construct: assert.${name}`);
        edits.push({ start: node.getStart(sf), end: node.getEnd(), text: rename, label: `assert.${name} -> ${rename}` });
        return;
      }
    }
    if (ts.isPropertyAccessExpression(node) && ["length", "name"].includes(node.name.text) && ts.isPropertyAccessExpression(node.expression)) {
      const inner = node.expression;
      if (ts.isIdentifier(inner.expression) && ["Math", "JSON", "Number", "Object", "String", "Array"].includes(inner.expression.text)) {
        return out("construct: a property of a built-in function");
      }
    }
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.BlockScoped) === 0) {
      const start = node.getStart(sf);
      edits.push({ start, end: start + 3, text: "let", label: "var -> let" });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (reason !== undefined) return { excluded: reason, renames: [] };

  edits.sort((a, b) => b.start - a.start);
  let body = source;
  for (const e of edits) body = body.slice(0, e.start) + e.text + body.slice(e.end);
  const counts = new Map<string, number>();
  for (const e of edits) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const renames = [...counts].sort().map(([label, n]) => `${label} x${n}`);
  return { body, renames };
}

/** Removes the license comment and frontmatter (not needed by either engine). */
export function stripHeader(body: string): string {
  return body.replace(/\/\*---[\s\S]*?---\*\//, "").replace(/^(\s*\/\/[^\n]*\n)+/, "");
}

/**
 * Rule 5: the test, wrapped as it will run, must be valid strict TypeScript
 * under TypeScript's own ES2022 library (flbc's options otherwise). flbc
 * compiles a subset of TypeScript: a test that is not TypeScript at all
 * (calling `"abc".slice(true)` to test argument coercion, implicit `any`)
 * is outside it whatever the built-ins. One program checks every file.
 * Returns, per key, the first error's code and message (absent when none).
 */
export function typeErrors(files: Map<string, string>): Map<string, string> {
  const project = createProjectSync({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      lib: ["lib.es2022.d.ts"],
      types: [],
      noEmit: true,
    },
  });
  const names = new Map<string, string>();
  let i = 0;
  for (const [key, text] of files) {
    const name = `/t262/t${i++}.ts`;
    project.createSourceFile(name, `${text}\nexport {};\n`);
    names.set(name, key);
  }
  const program = project.createProgram();
  const out = new Map<string, string>();
  for (const [name, key] of names) {
    const sf = program.getSourceFile(name);
    if (sf === undefined) continue;
    const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    const first = diags.find((d) => d.category === ts.DiagnosticCategory.Error);
    if (first !== undefined) {
      out.set(key, `TS${first.code} ${ts.flattenDiagnosticMessageText(first.messageText, " ").slice(0, 120)}`);
    }
  }
  return out;
}
