// throw, try/catch/finally, and calls that may throw. An exception is a
// flag and a value in the runtime context (flbc_exc.c): `throw` sets them
// and jumps to the innermost handler, a call to a function that may throw
// is followed by a test of the flag, and a function's last handler returns
// (a plugin callback logs the exception and keeps its record unchanged).
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import { rtName } from "./expressions.js";
import type { FunctionLowerer } from "./function.js";
import { lineOf, zeroOf } from "./function.js";
import type { PluginScope } from "./scope.js";
import { computesBigint } from "./bigint.js";

const name = (n: string, kind: Kind): Expr => ({ k: "name", name: n, kind });
const thrownFlag: Expr = { k: "name", name: "rt->thrown", kind: "bool" };

/** `throw e`: store it, go to the handler. */
export function lowerThrow(f: FunctionLowerer, s: ts.ThrowStatement): Stmt[] {
  const value = f.exprAs(s.expression, "val");
  return [
    { k: "expr", expr: { k: "call", fn: "flbc_throw", args: [rtName(f), value], kind: "void" } },
    { k: "goto", label: f.handlerLabel() },
  ];
}

/** After a call that may throw: leave for the handler when it did. */
export function checkThrown(f: FunctionLowerer): Stmt {
  f.usesRt = true;
  return { k: "if", test: { k: "call", fn: "flbc_unlikely", args: [thrownFlag], kind: "bool" }, then: [{ k: "goto", label: f.handlerLabel() }] };
}

/**
 *   try { A } catch (e) { B } finally { C }
 * becomes
 *   A                      (a throw in A jumps to catch_N)
 *   goto end_N;
 *   catch_N:; { e = flbc_catch(rt); B }   (a throw in B jumps to finally_N)
 *   end_N:; finally_N:;
 *   pending = thrown; C; if (pending) rethrow to the outer handler
 * A return, break or continue inside a try that has a finally would skip
 * C, so it is reported instead.
 */
export function lowerTry(f: FunctionLowerer, s: ts.TryStatement): Stmt[] {
  const out: Stmt[] = [];
  const hasFinally = s.finallyBlock !== undefined;
  if (hasFinally) reportJumpsOut(f, s.tryBlock, s.catchClause?.block);
  const catchLabel = f.locals.claim("catch");
  const endLabel = f.locals.claim("try_end");
  const finallyLabel = hasFinally ? f.locals.claim("finally") : undefined;

  f.handlers.push(s.catchClause !== undefined ? catchLabel : finallyLabel!);
  try {
    out.push({ k: "block", body: f.block(s.tryBlock.statements), line: lineOf(s.tryBlock) });
  } finally {
    f.handlers.pop();
  }
  // A catch that nothing in the try can reach is dead code: left out.
  if (s.catchClause !== undefined && f.usedLabels.has(catchLabel)) {
    out.push({ k: "goto", label: endLabel }, { k: "label", name: catchLabel });
    const body: Stmt[] = [];
    const binding = s.catchClause.variableDeclaration;
    const caught: Expr = { k: "call", fn: "flbc_catch", args: [rtName(f)], kind: "val" };
    if (binding !== undefined && ts.isIdentifier(binding.name)) {
      const cname = f.locals.claim(binding.name.text, "v_");
      f.bind(binding.name, { k: "local", cname, kind: "val" });
      body.push({ k: "decl", name: cname, kind: "val", init: caught });
    } else {
      body.push({ k: "expr", expr: caught });
    }
    if (finallyLabel !== undefined) f.handlers.push(finallyLabel);
    try {
      body.push(...f.block(s.catchClause.block.statements));
    } finally {
      if (finallyLabel !== undefined) f.handlers.pop();
    }
    out.push({ k: "block", body, line: lineOf(s.catchClause) }, { k: "label", name: endLabel });
  }
  if (s.finallyBlock !== undefined) {
    // The finally block runs with no exception in flight, then rethrows.
    const pending = f.locals.claim("pending");
    const saved = f.locals.claim("pending_exc");
    if (f.usedLabels.has(finallyLabel!)) out.push({ k: "label", name: finallyLabel! });
    out.push(
      { k: "decl", name: pending, kind: "bool", init: thrownFlag },
      { k: "decl", name: saved, kind: "val", init: { k: "call", fn: "flbc_catch", args: [rtName(f)], kind: "val" } },
      { k: "block", body: f.block(s.finallyBlock.statements), line: lineOf(s.finallyBlock) },
      {
        k: "if",
        test: name(pending, "bool"),
        then: [
          { k: "expr", expr: { k: "call", fn: "flbc_throw", args: [rtName(f), name(saved, "val")], kind: "void" } },
          { k: "goto", label: f.handlerLabel() },
        ],
      },
    );
  }
  return [{ k: "block", body: out }];
}

function reportJumpsOut(f: FunctionLowerer, ...blocks: (ts.Block | undefined)[]): void {
  const visit = (n: ts.Node, inLoop: boolean): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) || ((ts.isBreakStatement(n) || ts.isContinueStatement(n)) && (!inLoop || n.label !== undefined))) {
      f.scope.sink.report("UnsupportedStatement", n, `'${n.getText()}' inside a try that has a finally`, "Set a flag and act on it after the try statement.");
      return;
    }
    const loop = inLoop || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n);
    ts.forEachChild(n, (c) => visit(c, loop));
  };
  for (const b of blocks) if (b !== undefined) visit(b, false);
}

/** The statements at a function's last handler, by what the function is. */
export function unwindTail(f: FunctionLowerer, returns: Kind, role: string): Stmt[] {
  if (f.unwindLabel === undefined) return [];
  const label: Stmt = { k: "label", name: f.unwindLabel };
  const log: Stmt = { k: "expr", expr: { k: "call", fn: "flbc_log_uncaught", args: [rtName(f)], kind: "void" } };
  switch (role) {
    case "user": {
      // The caller tests rt->thrown; the value returned is never used.
      const zero = zeroOf(returns);
      return [label, { k: "return", value: returns === "void" ? undefined : zero }];
    }
    case "filter":
      return [label, log, { k: "return", value: name("FLBC_FAIL", "int") }];
    case "init":
      return [label, log, { k: "return", value: name("-1", "int") }];
    case "flush":
      // Logged there: an I/O error retries the chunk, anything else is an error.
      return [label, { k: "return", value: { k: "call", fn: "flbc_flush_uncaught", args: [rtName(f)], kind: "int" } }];
    default:
      return [label, log, { k: "return", value: name("0", "int") }];
  }
}

/** `new Error("message")`. */
export function newError(f: FunctionLowerer, e: ts.NewExpression): Expr {
  const arg = e.arguments?.[0];
  const message: Expr = arg === undefined ? { k: "str", value: "" } : f.exprAs(arg, "str");
  return { k: "call", fn: "flbc_error_new", args: [rtName(f), { k: "str", value: "Error" }, message], kind: "val" };
}

/**
 * What a function body may throw by itself, and the functions it calls by
 * name (which may throw in turn): a `throw`, JSON.stringify of a Value that
 * may hold a bigint, bigint arithmetic, I/O (ctx.http, ctx.tcp, ctx.file).
 */
export function throwsDirectly(scope: PluginScope, body: ts.Node): { throws: boolean; callees: ts.Symbol[] } {
  const checker = scope.loaded.checker;
  const callees: ts.Symbol[] = [];
  let throws = false;
  const visit = (n: ts.Node): void => {
    if (ts.isThrowStatement(n)) throws = true;
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      // JSON.stringify throws on a bigint, which exists only if the plugin makes one.
      if (scope.usesBigint && callee.getText() === "JSON.stringify") throws = true;
      if (ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression) && ["http", "tcp", "file"].includes(callee.expression.name.text)) {
        throws = true;
      }
      if (ts.isIdentifier(callee)) {
        const sym = checker.getSymbolAtLocation(callee);
        if (sym !== undefined) callees.push(sym);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  // A bigint operation may overflow, divide by zero... and throw; none
  // runs in a plugin that makes no bigint.
  if (!throws && scope.usesBigint && computesBigint(checker, body)) throws = true;
  return { throws, callees };
}

/**
 * Which of the plugin's functions may throw: those that throw by
 * themselves, and those that call one that may (to a fixed point). Calls of
 * the others need no test after them.
 */
export function markThrowingFunctions(scope: PluginScope, decls: ts.FunctionDeclaration[]): void {
  const checker = scope.loaded.checker;
  const calls = new Map<ts.FunctionDeclaration, ts.Symbol[]>();
  const throwing = new Set<ts.FunctionDeclaration>();
  for (const d of decls) {
    if (d.body === undefined) {
      calls.set(d, []);
      continue;
    }
    const direct = throwsDirectly(scope, d.body);
    calls.set(d, direct.callees);
    if (direct.throws) throwing.add(d);
  }
  const bySymbol = new Map<ts.Symbol, ts.FunctionDeclaration>();
  for (const d of decls) {
    const sym = d.name === undefined ? undefined : checker.getSymbolAtLocation(d.name);
    if (sym !== undefined) bySymbol.set(sym, d);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of decls) {
      if (throwing.has(d)) continue;
      if (calls.get(d)!.some((s) => throwing.has(bySymbol.get(s)!))) {
        throwing.add(d);
        changed = true;
      }
    }
  }
  for (const [sym, d] of bySymbol) {
    const fn = scope.functions.get(sym);
    if (fn !== undefined) fn.throws = throwing.has(d);
  }
}
