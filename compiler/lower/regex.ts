// Regular expressions: each literal (or `new RegExp("literal")`) is compiled
// by compiler/regex into C tables once, at build time, and becomes a
// constant `&re_N`; its methods and the String methods that take one call
// the matcher in runtime-c/flbc_re.c through flbc_regex.c.
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import { compileRegex, isRegexDiagnostic } from "../regex/index.js";
import type { Lowered } from "./expressions.js";
import { lowerExpression, rtName } from "./expressions.js";
import type { FunctionLowerer } from "./function.js";
import { skipParens } from "./function.js";
import { inOrder } from "./order.js";
import type { LocalFunction, PluginScope } from "./scope.js";
import { callbackFunction } from "./closures.js";

/** The C lvalue text of a lastIndex storage (a name: a local or rt->re_last[n]). */
function emitLvalue(e: Expr): string {
  return e.k === "name" ? e.name : "";
}

const call = (fn: string, args: Expr[], kind: Kind): Expr => ({ k: "call", fn, args, kind });

const isStateful = (flags: string): boolean => /[gy]/.test(flags);

/** rt->re_last[n] for a top-level g/y regex constant: JavaScript's object
 * keeps its lastIndex for the life of the plugin instance. */
export function regexLastIndexSlot(scope: PluginScope, re: Expr, at: ts.Node): Expr | undefined {
  const flags = re.k === "name" ? scope.regexFlags.get(re.name.slice(1)) ?? "" : "";
  if (!isStateful(flags)) return undefined;
  if (scope.regexSlots >= 64) {
    scope.sink.report("RegexLastIndex", at, "64");
    return undefined;
  }
  return { k: "name", name: `rt->re_last[${scope.regexSlots++}]`, kind: "num" };
}

/** Where the receiver regex keeps lastIndex, when it is a stored g/y one. */
export function lastIndexOf(f: FunctionLowerer, receiver: ts.Expression): Expr | undefined {
  const r = skipParens(receiver);
  if (!ts.isIdentifier(r)) return undefined;
  const b = f.lookup(r);
  if (b?.k === "const" && b.lastIndex !== undefined) f.usesRt = true;
  return b?.k === "local" || b?.k === "const" ? b.lastIndex : undefined;
}

/** `&re_N` for a regex literal, compiling it on first sight; undefined after a diagnostic. */
export function regexConstant(scope: PluginScope, e: ts.RegularExpressionLiteral | ts.NewExpression): Expr | undefined {
  const parts = regexSource(scope, e);
  if (parts === undefined) return undefined;
  const key = `/${parts.pattern}/${parts.flags}`;
  let cName = scope.regexes.get(key);
  if (cName === undefined) {
    cName = `re_${scope.regexes.size + 1}`;
    const compiled = compileRegex(parts.pattern, parts.flags, cName);
    if (isRegexDiagnostic(compiled)) {
      const sf = e.getSourceFile();
      scope.sink.reportAt("RegexSyntax", sf, parts.patternStart + compiled.offset, 1, compiled.message);
      return undefined;
    }
    scope.regexes.set(key, cName);
    scope.regexFlags.set(cName, parts.flags);
    scope.regexSource.set(cName, parts.pattern);
    scope.regexCode.push(compiled.code);
  }
  return { k: "name", name: `&${cName}`, kind: "re" };
}

function regexSource(
  scope: PluginScope,
  e: ts.RegularExpressionLiteral | ts.NewExpression,
): { pattern: string; flags: string; patternStart: number } | undefined {
  if (ts.isRegularExpressionLiteral(e)) {
    const text = e.text;
    const end = text.lastIndexOf("/");
    return { pattern: text.slice(1, end), flags: text.slice(end + 1), patternStart: e.getStart() + 1 };
  }
  const [p, fl] = e.arguments ?? [];
  const pattern = p === undefined ? undefined : skipParens(p);
  const flags = fl === undefined ? undefined : skipParens(fl);
  if (
    !ts.isIdentifier(e.expression) ||
    e.expression.text !== "RegExp" ||
    pattern === undefined ||
    !ts.isStringLiteralLike(pattern) ||
    (flags !== undefined && !ts.isStringLiteralLike(flags))
  ) {
    scope.sink.report("RegexNotLiteral", e);
    return undefined;
  }
  return { pattern: pattern.text, flags: flags === undefined ? "" : (flags as ts.StringLiteralLike).text, patternStart: pattern.getStart() + 1 };
}

const stringRegexMethods = new Set(["match", "matchAll", "replace", "replaceAll", "split", "search"]);

/** `s.replace(/x/, ...)` and friends: a String method whose first argument is a RegExp. */
export function isRegexMethod(f: FunctionLowerer, c: ts.CallExpression, method: string): boolean {
  const arg = c.arguments[0];
  return stringRegexMethods.has(method) && arg !== undefined && f.kindAt(arg) === "re";
}

export function regexMethod(f: FunctionLowerer, c: ts.CallExpression, method: string, receiver0: Lowered): Lowered | undefined {
  if (receiver0.kind === "re") {
    const arg = c.arguments[0];
    const subject = (): Lowered => ({ e: arg === undefined ? { k: "str", value: "undefined" } : f.exprAs(arg, "str"), kind: "str" });
    const [recv, { e: s }] = inOrder(f, [receiver0, subject]) as [Lowered, Lowered];
    const direct = recv.e.k === "name" && recv.e.name.startsWith("&") ? recv.e.name.slice(1) : undefined;
    const receiver = (c.expression as ts.PropertyAccessExpression).expression;
    // A g/y regex object carries lastIndex from one call to the next: a
    // literal written in place is a new object each time (index 0), a
    // stored one (top-level or local) reads and advances its index as
    // JavaScript's does.
    const li = method === "test" || method === "exec" ? lastIndexOf(f, receiver) : undefined;
    if (li !== undefined) {
      const at: Expr = { k: "name", name: `&${emitLvalue(li)}`, kind: "void" };
      if (method === "test") return { e: call("flbc_re_test_last", [rtName(f), recv.e, s, at], "bool"), kind: "bool" };
      return narrowedVal(f, call("flbc_regex_exec_last", [rtName(f), recv.e, s, at], "val"), c);
    }
    if (method === "test") {
      // The generated re_N_test takes the fastest path for that pattern.
      if (direct !== undefined) return { e: call(`${direct}_test`, [rtName(f), s], "bool"), kind: "bool" };
      return { e: call("flbc_re_test", [rtName(f), recv.e, s, { k: "name", name: "0", kind: "int" }], "bool"), kind: "bool" };
    }
    if (method === "exec") return narrowedVal(f, call("flbc_regex_exec", [rtName(f), recv.e, s], "val"), c);
    return undefined;
  }
  // The string, the regex, then a string replacement or split's limit, in JavaScript's order.
  const second = c.arguments[1] === undefined ? undefined : skipParens(c.arguments[1]);
  const replacer = second !== undefined && method !== "split" && f.kindAt(second) !== "str" ? callbackFunction(f, second) : undefined;
  const byFunction = replacer !== undefined;
  const operands: (Lowered | (() => Lowered))[] = [receiver0, () => lowerExpression(f, c.arguments[0]!)];
  if (method === "split") operands.push(() => ({ e: second === undefined ? { k: "name", name: "NAN", kind: "num" } : f.exprAs(second, "num"), kind: "num" }));
  else if (second !== undefined && !byFunction && f.kindAt(second) === "str") operands.push(() => ({ e: f.exprAs(second, "str"), kind: "str" }));
  const [recv, re, third] = inOrder(f, operands) as [Lowered, Lowered, Lowered | undefined];
  const flags = re.e.k === "name" ? f.scope.regexFlags.get(re.e.name.slice(1)) : undefined;
  if ((method === "replaceAll" || method === "matchAll") && flags !== undefined && !flags.includes("g")) {
    // JavaScript throws a TypeError here; the flags are known now.
    f.scope.sink.report("RegexNotGlobal", c.arguments[0]!, method);
    return { e: recv.e, kind: "str" };
  }
  switch (method) {
    case "matchAll":
      return { e: call("flbc_regex_match_all", [rtName(f), re.e, recv.e], "arr"), kind: "arr" };
    case "match":
      return narrowedVal(f, call("flbc_regex_match", [rtName(f), re.e, recv.e], "val"), c);
    case "search":
      return { e: call("flbc_regex_search", [rtName(f), re.e, recv.e], "num"), kind: "num" };
    case "split":
      return { e: call("flbc_regex_split", [rtName(f), re.e, recv.e, third!.e], "arr"), kind: "arr" };
    case "replace":
    case "replaceAll": {
      if (replacer !== undefined) return replaceWithFunction(f, recv.e, re.e, replacer, method === "replaceAll" || (flags ?? "").includes("g"));
      if (third === undefined) {
        f.scope.sink.report("UnsupportedCall", c, `'${method}' with a replacer that is not a string or a function`);
        return { e: recv.e, kind: "str" };
      }
      return { e: call("flbc_re_replace", [rtName(f), re.e, recv.e, third.e], "str"), kind: "str" };
    }
  }
  return undefined;
}

function narrowedVal(f: FunctionLowerer, e: Expr, at: ts.Node): Lowered {
  const want = f.kindAt(at);
  if (want !== "val" && want !== "void") {
    const c = f.coerce(e, "val", want);
    if (c !== undefined) return { e: c, kind: want };
  }
  return { e, kind: "val" };
}

/**
 * s.replace(re, (match, g1, ..., offset) => text): the matches are walked
 * in a loop in the caller, the replacer's body inlined for each (it reads
 * the caller's variables), and the pieces joined.
 */
function replaceWithFunction(f: FunctionLowerer, subject: Expr, re: Expr, fn: LocalFunction, global: boolean): Lowered {
  const name = (n: string, kind: Kind): Expr => ({ k: "name", name: n, kind });
  const s = f.temp("str", subject);
  const parts = f.temp("arr", call("flbc_arr_new", [rtName(f), name("0", "int")], "arr"));
  const pos = f.locals.claim("pos");
  const last = f.locals.claim("last");
  const m = f.locals.claim("m");
  const sv = name(s, "str");
  const span = (i: number): Expr => ({ k: "cast", to: "int", arg: name(`${m}.span[${i}]`, "int"), kind: "int" });
  const push = (e: Expr): Stmt => ({ k: "expr", expr: call("flbc_arr_push", [rtName(f), name(parts, "arr"), call("flbc_val_str", [e], "val")], "num") });
  const body: Stmt[] = [push(call("flbc_regex_between", [sv, name(last, "int"), span(0)], "str"))];
  // The replacer's parameters: the match, its groups, the match's offset.
  fn.parameters.forEach((p, i) => {
    if (!ts.isIdentifier(p.name)) return;
    let kind = f.kindAt(p);
    if (kind === "void") kind = "val";
    const group = call("flbc_regex_group_val", [sv, name(`&${m}`, "void"), name(String(i), "int")], "val");
    const cname = f.locals.claim(p.name.text, "v_");
    f.bind(p.name, { k: "local", cname, kind });
    body.push({ k: "decl", name: cname, kind, init: f.coerce(group, "val", kind) ?? group });
  });
  const ret = f.locals.claim("replacement");
  const done = f.locals.claim("replaced");
  body.push({ k: "decl", name: ret, kind: "str", init: { k: "name", name: "FLBC_STR_EMPTY", kind: "str" } });
  const inlined = f.inlineCallback(fn, { name: ret, kind: "str" }, done);
  body.push(...inlined.stmts);
  if (inlined.usedLabel) body.push({ k: "label", name: done });
  body.push(push(name(ret, "str")));
  body.push({ k: "expr", expr: { k: "assign", target: name(last, "int"), op: "=", value: span(1), kind: "int" } });
  if (!global) body.push({ k: "break" });
  f.pre.push(
    { k: "decl", name: pos, kind: "int", ctype: "size_t", init: name("0", "int") },
    { k: "decl", name: last, kind: "int", ctype: "size_t", init: name("0", "int") },
    { k: "decl", name: m, kind: "int", ctype: "flbc_re_match" },
    { k: "while", test: call("flbc_re_next", [rtName(f), re, sv, name(`&${pos}`, "void"), name(`&${m}`, "void")], "bool"), body },
    push(call("flbc_regex_between", [sv, name(last, "int"), name(`${s}.len`, "int")], "str")),
  );
  return { e: call("flbc_arr_join", [rtName(f), name(parts, "arr"), { k: "str", value: "" }], "str"), kind: "str" };
}
