// Calls: the plugin's own functions, ctx.log, built-ins from the table in
// builtins.ts, and array methods that take a callback (inlined as loops, so
// the callback sees the caller's variables without a closure).
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind } from "../ir/ir.js";
import { arrayMethods, globalFunctions, logLevels, moduleFunctions, numberMethods, staticFunctions, stringMethods, type Builtin } from "./builtins.js";
import { inlineArrayCallback, inlineSort, isCallbackMethod } from "./callbacks.js";
import { collectionKind, collectionMethod } from "./collections.js";
import { checkThrown } from "./exceptions.js";
import { bigintCall, bigintMethod, bigintStatic } from "./bigint.js";
import { isRegexMethod, regexMethod } from "./regex.js";
import type { Lowered } from "./expressions.js";
import { contextPath, lowerExpression, rtName, toStr } from "./expressions.js";
import type { FunctionLowerer } from "./function.js";
import { contextCall } from "./outputs.js";
import { environment, isFunctionType, lift, resolveFunctionValue } from "./closures.js";
import type { LocalFunction, UserFunction } from "./scope.js";
import { inOrder } from "./order.js";
import { structArgument, structParam } from "./structs.js";
import { skipParens, zeroOf } from "./function.js";
import { cTypeOfKind } from "../ir/ir.js";

const call = (fn: string, args: Expr[], kind: Kind): Expr => ({ k: "call", fn, args, kind });

export function lowerCall(f: FunctionLowerer, c: ts.CallExpression): Lowered {
  const callee = skipParens(c.expression);
  if (ts.isPropertyAccessExpression(callee)) return methodCall(f, c, callee);
  if (ts.isIdentifier(callee)) {
    if (f.lookup(callee) === undefined && isGlobal(f, callee)) {
      if (callee.text === "String") {
        const arg = c.arguments[0];
        if (arg === undefined) return { e: { k: "str", value: "" }, kind: "str" };
        return { e: toStr(f, lowerExpression(f, arg), arg), kind: "str" };
      }
      if (callee.text === "BigInt") return bigintCall(f, c);
      const arg = c.arguments[0];
      // Number() with no argument is 0, not Number(undefined).
      if (callee.text === "Number" && arg === undefined) return { e: { k: "num", value: 0 }, kind: "num" };
      if (callee.text === "Number" && arg !== undefined && f.kindAt(arg) === "big") {
        // int64 -> double rounds to nearest, ties to even: Number(b) exactly.
        return { e: { k: "cast", to: "num", arg: f.exprAs(arg, "big"), kind: "num" }, kind: "num" };
      }
      const g = globalFunctions[callee.text];
      if (g !== undefined) return callBuiltin(f, g, undefined, c);
    }
    const local = f.lookup(callee);
    if (local?.k === "lambda") return inlineLambda(f, c, local.fn);
    if (local?.k === "lifted") {
      const entry = lift(f, local.fn);
      return callFunction(f, c, entry, local.fn, environment(f, entry, f.lifting === entry));
    }
    let sym = local?.k === "func" ? local.sym : f.checker.getSymbolAtLocation(callee);
    if (sym !== undefined && (sym.flags & ts.SymbolFlags.Alias) !== 0) sym = f.checker.getAliasedSymbol(sym);
    // formatTime, parseTime: functions of the flbc module itself.
    const m = sym === undefined ? undefined : moduleFunctions[sym.getName()];
    if (m !== undefined && (sym!.getDeclarations() ?? []).some((d) => /[\\/]stdlib[\\/]flbc\.d\.ts$/.test(d.getSourceFile().fileName))) {
      return callBuiltin(f, m, undefined, c);
    }
    const fn = sym === undefined ? undefined : f.scope.functions.get(sym);
    // The implementation's parameters (not an overload signature's) are the C function's.
    const body = sym?.getDeclarations()?.find((d): d is ts.FunctionDeclaration => ts.isFunctionDeclaration(d) && d.body !== undefined);
    if (fn !== undefined) return callFunction(f, c, fn, body, []);
  }
  return unsupportedCall(f, callee);
}

function unsupportedCall(f: FunctionLowerer, callee: ts.Expression): Lowered {
  f.scope.sink.report("UnsupportedCall", callee, `'${callee.getText()}'`);
  return { e: { k: "num", value: 0 }, kind: "num" };
}

/** A call of a plugin function compiled to C (top-level, or a lifted local one). */
function callFunction(f: FunctionLowerer, c: ts.CallExpression, fn: UserFunction, decl: LocalFunction | undefined, env: Expr[]): Lowered {
  const operands = fn.params.map((kind, i) => (): Lowered => {
    if (decl?.parameters[i]?.dotDotDotToken !== undefined) return { e: restArray(f, c.arguments.slice(i)), kind: "arr" };
    const arg = c.arguments[i];
    const def = decl?.parameters[i] === undefined ? undefined : structParam(f, decl.parameters[i]!);
    if (def !== undefined) return { e: structArgument(f, arg!, def), kind: "void" };
    const dflt = decl?.parameters[i]?.initializer;
    // A missing argument takes the parameter's default (a literal).
    if (arg !== undefined) return { e: f.exprAs(arg, kind), kind };
    if (dflt !== undefined) return { e: f.exprAs(dflt, kind), kind };
    return { e: f.coerce({ k: "name", name: "FLBC_VAL_UNDEF", kind: "val" }, "val", kind) ?? zeroOf(kind) ?? { k: "num", value: 0 }, kind };
  });
  const args: Expr[] = [rtName(f), ...env, ...inOrder(f, operands).map((o) => o.e)];
  const e = call(fn.cname, args, fn.returns);
  f.scope.called.add(fn.cname);
  if (!fn.throws) return { e, kind: fn.returns };
  // The call runs now, so the flag can be tested before its value is used.
  if (fn.returns === "void") {
    f.pre.push({ k: "expr", expr: e }, checkThrown(f));
    return { e: { k: "name", name: "0", kind: "void" }, kind: "void" };
  }
  const t = f.temp(fn.returns, e);
  f.pre.push(checkThrown(f));
  return { e: { k: "name", name: t, kind: fn.returns }, kind: fn.returns };
}

/** A rest parameter's value: a new array of the remaining arguments. */
function restArray(f: FunctionLowerer, args: readonly ts.Expression[]): Expr {
  const zero: Expr = { k: "name", name: "0", kind: "int" };
  if (args.length === 0) return call("flbc_arr_new", [rtName(f), zero], "arr");
  if (args.some(ts.isSpreadElement)) {
    // sum(a, ...xs): each spread's items appended in order.
    const t = f.temp("arr", call("flbc_arr_new", [rtName(f), zero], "arr"));
    const list: Expr = { k: "name", name: t, kind: "arr" };
    for (const a of args) {
      if (ts.isSpreadElement(a)) f.pre.push({ k: "expr", expr: call("flbc_arr_append", [rtName(f), list, f.exprAs(a.expression, "arr")], "void") });
      else f.pre.push({ k: "expr", expr: call("flbc_arr_push", [rtName(f), list, f.exprAs(a, "val")], "num") });
    }
    return list;
  }
  const items = args.map((a) => f.exprAs(a, "val"));
  return call("flbc_arr_of", [rtName(f), { k: "name", name: String(items.length), kind: "int" }, { k: "array", ctype: "flbc_val", items, kind: "void" }], "arr");
}

/** A name from lib.flbc.d.ts (Math, JSON, parseInt...), not a plugin's own. */
export function isGlobal(f: FunctionLowerer, id: ts.Identifier): boolean {
  const sym = f.checker.getSymbolAtLocation(id);
  return (sym?.getDeclarations() ?? []).some((d) => d.getSourceFile().fileName.endsWith("lib.flbc.d.ts"));
}

function methodCall(f: FunctionLowerer, c: ts.CallExpression, callee: ts.PropertyAccessExpression): Lowered {
  const method = callee.name.text;
  const base = skipParens(callee.expression);
  const io = contextCall(f, c, callee);
  if (io !== undefined) return io;
  if (contextPath(f, base) === "log" && logLevels[method] !== undefined) {
    const arg = c.arguments[0];
    const msg: Expr = arg === undefined ? { k: "str", value: "" } : toStr(f, lowerExpression(f, arg), arg);
    return { e: call("flbc_log_str", [rtName(f), { k: "name", name: logLevels[method]!, kind: "int" }, msg], "void"), kind: "void" };
  }
  // A global namespace (Math.floor); NaN and Infinity are numbers: (NaN).toFixed().
  if (ts.isIdentifier(base) && f.lookup(base) === undefined && isGlobal(f, base) && base.text !== "NaN" && base.text !== "Infinity") {
    if (base.text === "Array" && method === "isArray") return isArray(f, c);
    if (base.text === "Object" && method === "assign" && c.arguments[0] !== undefined && f.kindAt(c.arguments[0]) === "rec") {
      return recordAssign(f, c);
    }
    if (base.text === "Array" && method === "from" && c.arguments[0] !== undefined) {
      // A new array: the iterator's items, or a copy of an array.
      return { e: call("flbc_arr_copy", [rtName(f), f.exprAs(c.arguments[0], "arr")], "arr"), kind: "arr" };
    }
    if (base.text === "BigInt") return bigintStatic(f, c, method) ?? unsupportedCall(f, callee);
    const s = staticFunctions[base.text]?.[method];
    if (s !== undefined && base.text === "JSON" && method === "stringify") {
      // JSON.stringify(undefined) is undefined, not text: where the value
      // may be undefined the call gives a Value.
      const json = callBuiltin(f, f.kindAt(c) === "str" ? s : { ...s, fn: "flbc_json_stringify_val", returns: "val" }, undefined, c);
      if (!f.scope.usesBigint) return json;
      // A bigint anywhere in the value throws a TypeError, as in JavaScript.
      const t = f.temp(json.kind, json.e);
      f.pre.push(checkThrown(f));
      return { e: { k: "name", name: t, kind: json.kind }, kind: json.kind };
    }
    if (s !== undefined) return callBuiltin(f, s, undefined, c);
    return unsupportedCall(f, callee);
  }
  const lowered = lowerExpression(f, base);
  const recv = lowered.kind === "arr" && mutatingMethods.has(method) ? { ...lowered, e: ownArray(f, lowered.e) } : lowered;
  if (recv.kind === "arr" && isCallbackMethod(method)) return inlineArrayCallback(f, c, method, recv.e);
  if (recv.kind === "arr" && method === "sort" && c.arguments.length > 0) return inlineSort(f, c, recv.e);
  const coll = recv.kind === "val" ? collectionKind(f, base) : undefined;
  if (coll !== undefined) {
    if (["set", "add", "delete", "clear"].includes(method) && ts.isIdentifier(base) && f.lookup(base)?.k === "inline") {
      f.scope.sink.report("MutableGlobal", c);
      return { e: { k: "num", value: 0 }, kind: "num" };
    }
    const r = collectionMethod(f, c, method, recv, coll);
    if (r !== undefined) return r;
  }
  if (recv.kind === "re" || (recv.kind === "str" && isRegexMethod(f, c, method))) {
    const r = regexMethod(f, c, method, recv);
    if (r !== undefined) return r;
  }
  if (recv.kind === "big") return bigintMethod(f, c, method, recv.e) ?? unsupportedCall(f, callee);
  const table = recv.kind === "str" ? stringMethods : recv.kind === "arr" ? arrayMethods : recv.kind === "num" ? numberMethods : undefined;
  const b = table?.[method];
  if (b === undefined) return unsupportedCall(f, callee);
  return callBuiltin(f, b, recv, c);
}

/** Array methods that change their receiver. */
const mutatingMethods = new Set(["push", "pop", "shift", "unshift", "splice", "reverse", "fill", "sort"]);

/**
 * The receiver of a method that changes it, when it is a Value read as an
 * array (flbc_val_to_arr copies a raw array on every read): the copy is
 * stored back first, into the local or the record field, so the change is
 * seen by every later read, as in JavaScript.
 */
function ownArray(f: FunctionLowerer, e: Expr): Expr {
  if (e.k !== "call" || e.fn !== "flbc_val_to_arr") return e;
  const [rtArg, src] = e.args;
  if (rtArg === undefined || src === undefined) return e;
  if (src.k === "name") {
    f.pre.push({ k: "expr", expr: { k: "assign", target: src, op: "=", value: call("flbc_val_arr", [e], "val"), kind: "val" } });
    return call("flbc_val_to_arr", [rtArg, src], "arr");
  }
  if (src.k === "call" && src.fn === "flbc_rec_get" && src.args.length === 2) {
    const t = f.temp("arr", e);
    const held: Expr = { k: "name", name: t, kind: "arr" };
    f.pre.push({ k: "expr", expr: call("flbc_rec_set", [src.args[0]!, src.args[1]!, call("flbc_val_arr", [held], "val")], "void") });
    return held;
  }
  return e;
}

/** Object.assign(record, ...sources): each pair becomes an edit of the record itself. */
function recordAssign(f: FunctionLowerer, c: ts.CallExpression): Lowered {
  const rec = lowerExpression(f, c.arguments[0]!);
  const sources = inOrder(f, c.arguments.slice(1).map((a) => (): Lowered => ({ e: f.exprAs(a, "val"), kind: "val" }))).map((o) => o.e);
  const items: Expr = sources.length === 0 ? { k: "name", name: "NULL", kind: "void" } : { k: "array", ctype: "flbc_val", items: sources, kind: "void" };
  f.pre.push({ k: "expr", expr: call("flbc_rec_assign", [rtName(f), rec.e, { k: "name", name: String(sources.length), kind: "int" }, items], "void") });
  return rec;
}

function isArray(f: FunctionLowerer, c: ts.CallExpression): Lowered {
  const arg = c.arguments[0];
  if (arg === undefined) return { e: { k: "bool", value: false }, kind: "bool" };
  const l = lowerExpression(f, arg);
  if (l.kind === "arr") return { e: { k: "bool", value: true }, kind: "bool" };
  if (l.kind !== "val") return { e: { k: "bool", value: false }, kind: "bool" };
  return { e: call("flbc_val_is_array", [l.e], "bool"), kind: "bool" };
}

/** A table built-in: receiver and arguments converted to the declared kinds. */
export function callBuiltin(f: FunctionLowerer, b: Builtin, receiver: Lowered | undefined, c: ts.CallExpression): Lowered {
  const args: Expr[] = [];
  // An argument the runtime function has no parameter for (sort's
  // comparator before its lowering lands) must not vanish silently.
  if (b.rest === undefined && c.arguments.length > b.params.length) {
    f.scope.sink.report("UnsupportedCall", c, `'${c.expression.getText()}' with ${c.arguments.length} arguments`);
  }
  if (b.rt) args.push(rtName(f));
  const operands: (Lowered | (() => Lowered))[] = receiver === undefined ? [] : [receiver];
  b.params.forEach((kind, i) => {
    const arg = c.arguments[i];
    if (arg !== undefined) operands.push(() => ({ e: f.exprAs(arg, kind), kind }));
    else if (i < b.required) f.scope.sink.report("UnsupportedCall", c, `'${c.expression.getText()}' without its arguments`);
    else operands.push({ e: kind === "num" ? { k: "name", name: "NAN", kind: "num" } : zeroOf(kind) ?? { k: "name", name: "FLBC_VAL_UNDEF", kind: "val" }, kind });
  });
  const restKind = b.rest;
  const restArgs = restKind === undefined ? [] : c.arguments.slice(b.params.length).map((a) => (): Lowered => ({ e: f.exprAs(a, restKind), kind: restKind }));
  const values = inOrder(f, [...operands, ...restArgs]).map((o) => o.e);
  args.push(...values.slice(0, operands.length));
  if (b.rest !== undefined) {
    const rest = values.slice(operands.length);
    args.push({ k: "name", name: String(rest.length), kind: "int" });
    args.push(rest.length === 0 ? { k: "name", name: "NULL", kind: "void" } : { k: "array", ctype: cTypeOfKind[b.rest], items: rest, kind: "void" });
  }
  const e = call(b.fn, args, b.returns);
  // A built-in that returns a dynamic value gives what the checker says it is.
  if (b.returns === "val") {
    const want = f.kindAt(c);
    if (want !== "val" && want !== "void") {
      const conv = f.coerce(e, "val", want);
      if (conv !== undefined) return { e: conv, kind: want };
    }
  }
  return { e, kind: b.returns };
}

/**
 * A call of a local arrow function: its parameters become locals holding
 * the arguments, and its body is inlined with its value in a temporary
 * (it sees the caller's variables, as the closure would).
 */
function inlineLambda(f: FunctionLowerer, c: ts.CallExpression, fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration): Lowered {
  if (f.inlining.includes(fn)) {
    // Only a function that takes a function parameter gets here: it is inlined at each call.
    f.scope.sink.report("FunctionValue", c, "A function that takes a function parameter cannot call itself: it is inlined where it is called.");
    return { e: { k: "num", value: 0 }, kind: "num" };
  }
  fn.parameters.forEach((p, i) => {
    if (!ts.isIdentifier(p.name)) return;
    if (isFunctionType(f.checker.getTypeAtLocation(p))) {
      // Bound to the function passed: calls of the parameter go to it.
      const arg = c.arguments[i];
      const value = arg === undefined ? undefined : resolveFunctionValue(f, arg);
      if (value === undefined) f.scope.sink.report("FunctionValue", arg ?? c, "This function value is not known at compile time.");
      else f.bind(p.name, value);
      return;
    }
    let kind = f.kindAt(p);
    if (kind === "void") kind = "val";
    const arg = c.arguments[i] ?? p.initializer;
    const value =
      p.dotDotDotToken !== undefined
        ? restArray(f, c.arguments.slice(i))
        : arg === undefined
          ? f.coerce({ k: "name", name: "FLBC_VAL_UNDEF", kind: "val" }, "val", kind) ?? zeroOf(kind)!
          : f.exprAs(arg, kind);
    const cname = f.locals.claim(p.name.text, "v_");
    f.pre.push({ k: "decl", name: cname, kind, init: value });
    f.bind(p.name, { k: "local", cname, kind });
  });
  const sig = f.checker.getSignatureFromDeclaration(fn);
  let kind = sig === undefined ? "val" : f.kindOf(f.checker.getReturnTypeOfSignature(sig));
  if (kind === "void" && fn.body !== undefined && !ts.isBlock(fn.body)) kind = "val";
  const result = kind === "void" ? undefined : f.locals.claim("result");
  const done = f.locals.claim("done");
  if (result !== undefined) f.pre.push({ k: "decl", name: result, kind, init: zeroOf(kind) });
  f.inlining.push(fn);
  try {
    const body = f.inlineCallback(fn, result === undefined ? undefined : { name: result, kind }, done);
    f.pre.push({ k: "block", body: [...body.stmts, ...(body.usedLabel ? [{ k: "label" as const, name: done }] : [])] });
  } finally {
    f.inlining.pop();
  }
  return result === undefined ? { e: { k: "name", name: "0", kind: "void" }, kind: "void" } : { e: { k: "name", name: result, kind }, kind };
}
