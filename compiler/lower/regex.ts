// Regular expressions: each literal (or `new RegExp("literal")`) is compiled
// by compiler/regex into C tables once, at build time, and becomes a
// constant `&re_N`; its methods and the String methods that take one call
// the matcher in runtime-c/flbc_re.c through flbc_regex.c.
import { ts } from "@ts-morph/bootstrap";
import type { Expr, Kind } from "../ir/ir.js";
import { compileRegex, isRegexDiagnostic } from "../regex/index.js";
import type { Lowered } from "./expressions.js";
import { lowerExpression, rtName } from "./expressions.js";
import type { FunctionLowerer } from "./function.js";
import { skipParens } from "./function.js";
import type { PluginScope } from "./scope.js";

const call = (fn: string, args: Expr[], kind: Kind): Expr => ({ k: "call", fn, args, kind });

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

const stringRegexMethods = new Set(["match", "replace", "replaceAll", "split", "search"]);

/** `s.replace(/x/, ...)` and friends: a String method whose first argument is a RegExp. */
export function isRegexMethod(f: FunctionLowerer, c: ts.CallExpression, method: string): boolean {
  const arg = c.arguments[0];
  return stringRegexMethods.has(method) && arg !== undefined && f.kindAt(arg) === "re";
}

export function regexMethod(f: FunctionLowerer, c: ts.CallExpression, method: string, recv: Lowered): Lowered | undefined {
  if (recv.kind === "re") {
    const arg = c.arguments[0];
    const s = arg === undefined ? ({ k: "str", value: "undefined" } as Expr) : f.exprAs(arg, "str");
    const direct = recv.e.k === "name" && recv.e.name.startsWith("&") ? recv.e.name.slice(1) : undefined;
    if (method === "test") {
      // The generated re_N_test takes the fastest path for that pattern.
      if (direct !== undefined) return { e: call(`${direct}_test`, [rtName(f), s], "bool"), kind: "bool" };
      return { e: call("flbc_re_test", [rtName(f), recv.e, s, { k: "name", name: "0", kind: "int" }], "bool"), kind: "bool" };
    }
    if (method === "exec") return narrowedVal(f, call("flbc_regex_exec", [rtName(f), recv.e, s], "val"), c);
    return undefined;
  }
  const re = lowerExpression(f, c.arguments[0]!);
  switch (method) {
    case "match":
      return narrowedVal(f, call("flbc_regex_match", [rtName(f), re.e, recv.e], "val"), c);
    case "search":
      return { e: call("flbc_regex_search", [rtName(f), re.e, recv.e], "num"), kind: "num" };
    case "split": {
      const limit = c.arguments[1] === undefined ? ({ k: "name", name: "NAN", kind: "num" } as Expr) : f.exprAs(c.arguments[1], "num");
      return { e: call("flbc_regex_split", [rtName(f), re.e, recv.e, limit], "arr"), kind: "arr" };
    }
    case "replace":
    case "replaceAll": {
      const repl = c.arguments[1];
      if (repl === undefined || f.kindAt(repl) !== "str") {
        f.scope.sink.report("UnsupportedCall", c, `'${method}' with a function replacer`);
        return { e: recv.e, kind: "str" };
      }
      return { e: call("flbc_re_replace", [rtName(f), re.e, recv.e, f.exprAs(repl, "str")], "str"), kind: "str" };
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
