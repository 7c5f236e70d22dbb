// Array methods that take a callback (map, filter, forEach, some, every,
// find, findIndex, reduce) become a loop in the caller, with the callback's
// body inlined: it reads and writes the caller's variables directly, which
// is what a JavaScript closure does, and no function pointer or environment
// is needed. A `return` inside the callback ends one iteration.
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import type { Lowered } from "./expressions.js";
import { not, rtName } from "./expressions.js";
import type { FunctionLowerer } from "./function.js";
import { lineOf, skipParens, zeroOf } from "./function.js";
import { truthy } from "./kinds.js";
import { callbackFunction } from "./closures.js";
import type { LocalFunction } from "./scope.js";

const callbackMethods = new Set(["map", "filter", "forEach", "some", "every", "find", "findIndex", "reduce"]);

export function isCallbackMethod(method: string): boolean {
  return callbackMethods.has(method);
}

const name = (n: string, kind: Kind): Expr => ({ k: "name", name: n, kind });
const call = (fn: string, args: Expr[], kind: Kind): Expr => ({ k: "call", fn, args, kind });
const assign = (target: string, kind: Kind, value: Expr): Stmt => ({
  k: "expr",
  expr: { k: "assign", target: name(target, kind), op: "=", value, kind },
});

export function inlineArrayCallback(f: FunctionLowerer, c: ts.CallExpression, method: string, array: Expr): Lowered {
  const cb = callbackFunction(f, c.arguments[0]);
  if (cb === undefined) {
    f.scope.sink.report("UnsupportedCall", c, `'${method}' with a callback that is not a function written inline or known by name`);
    return { e: { k: "num", value: 0 }, kind: "num" };
  }
  const isReduce = method === "reduce";
  const [accParam, elemParam, indexParam] = isReduce ? cb.parameters : [undefined, ...cb.parameters];
  const list = f.temp("arr", array);
  const index = f.locals.claim("i");
  const resultKind = method === "map" || method === "filter" ? "arr" : method === "findIndex" ? "num" : f.kindAt(c);
  const result = method === "forEach" ? undefined : f.locals.claim("result");
  const element = call("flbc_arr_get", [name(list, "arr"), name(index, "int")], "val");
  const body: Stmt[] = [];

  // The callback's parameters: the element, its index, reduce's accumulator.
  if (elemParam !== undefined && ts.isIdentifier(elemParam.name)) {
    const kind = paramKind(f, elemParam);
    const cname = f.locals.claim(elemParam.name.text, "v_");
    f.bind(elemParam.name, { k: "local", cname, kind });
    body.push({ k: "decl", name: cname, kind, init: f.coerce(element, "val", kind) ?? element, line: lineOf(elemParam) });
  }
  if (indexParam !== undefined && ts.isIdentifier(indexParam.name)) {
    const cname = f.locals.claim(indexParam.name.text, "v_");
    f.bind(indexParam.name, { k: "local", cname, kind: "num" });
    body.push({ k: "decl", name: cname, kind: "num", init: { k: "cast", to: "num", arg: name(index, "int"), kind: "num" } });
  }
  if (accParam !== undefined && ts.isIdentifier(accParam.name) && result !== undefined) {
    f.bind(accParam.name, { k: "local", cname: result, kind: resultKind });
  }

  // The callback's value for this element, in `ret`: the accumulator's kind
  // for reduce, otherwise the callback's own return kind.
  const retKind = method === "forEach" ? undefined : isReduce ? resultKind : callbackReturnKind(f, cb);
  const ret = retKind === undefined ? undefined : f.locals.claim("ret");
  const next = f.locals.claim("next");
  if (ret !== undefined) body.push({ k: "decl", name: ret, kind: retKind!, init: zeroOf(retKind!) });
  const inlined = f.inlineCallback(cb, ret === undefined ? undefined : { name: ret, kind: retKind! }, next);
  body.push(...inlined.stmts);
  if (inlined.usedLabel) body.push({ k: "label", name: next });
  const value = ret === undefined ? undefined : name(ret, retKind!);
  const test = value === undefined ? undefined : truthy(value, retKind!);

  const pre: Stmt[] = [];
  switch (method) {
    case "map":
      pre.push({ k: "decl", name: result!, kind: "arr", init: call("flbc_arr_new", [rtName(f), call("flbc_arr_len", [name(list, "arr")], "int")], "arr") });
      body.push({ k: "expr", expr: call("flbc_arr_push", [rtName(f), name(result!, "arr"), f.coerce(value!, retKind!, "val") ?? value!], "num") });
      break;
    case "filter":
      pre.push({ k: "decl", name: result!, kind: "arr", init: call("flbc_arr_new", [rtName(f), name("0", "int")], "arr") });
      body.push({ k: "if", test: test!, then: [{ k: "expr", expr: call("flbc_arr_push", [rtName(f), name(result!, "arr"), element], "num") }] });
      break;
    case "some":
    case "every": {
      const some = method === "some";
      pre.push({ k: "decl", name: result!, kind: "bool", init: { k: "bool", value: !some } });
      body.push({ k: "if", test: some ? test! : not(test!), then: [assign(result!, "bool", { k: "bool", value: some }), { k: "break" }] });
      break;
    }
    case "find":
      pre.push({ k: "decl", name: result!, kind: resultKind, init: zeroOf(resultKind) });
      body.push({ k: "if", test: test!, then: [assign(result!, resultKind, f.coerce(element, "val", resultKind) ?? element), { k: "break" }] });
      break;
    case "findIndex":
      pre.push({ k: "decl", name: result!, kind: "num", init: { k: "num", value: -1 } });
      body.push({ k: "if", test: test!, then: [assign(result!, "num", { k: "cast", to: "num", arg: name(index, "int"), kind: "num" }), { k: "break" }] });
      break;
    case "reduce": {
      const init = c.arguments[1];
      if (init === undefined) f.scope.sink.report("UnsupportedCall", c, "'reduce' without an initial value");
      pre.push({ k: "decl", name: result!, kind: resultKind, init: init === undefined ? zeroOf(resultKind) : f.exprAs(init, resultKind) });
      body.push(assign(result!, resultKind, value!));
      break;
    }
  }
  pre.push({ k: "decl", name: index, kind: "int", ctype: "uint32_t", init: name("0", "int") });
  const loopTest: Expr = { k: "binary", op: "<", left: name(index, "int"), right: call("flbc_arr_len", [name(list, "arr")], "int"), kind: "bool" };
  f.pre.push(...pre, { k: "for", test: loopTest, update: { k: "update", target: name(index, "int"), op: "++", prefix: false, kind: "int" }, body });
  if (result === undefined) return { e: name("0", "void"), kind: "void" };
  return { e: name(result, resultKind), kind: resultKind };
}

function paramKind(f: FunctionLowerer, p: ts.ParameterDeclaration): Kind {
  const k = f.kindAt(p);
  return k === "void" ? "val" : k;
}

/** The kind of what a callback returns (its declared or inferred return type). */
function callbackReturnKind(f: FunctionLowerer, cb: LocalFunction): Kind {
  const sig = f.checker.getSignatureFromDeclaration(cb);
  const k = sig === undefined ? "val" : f.kindOf(f.checker.getReturnTypeOfSignature(sig));
  return k === "void" ? "val" : k;
}

/**
 * xs.sort(cmp): a stable insertion sort in place, the comparator inlined
 * (written inline, a local function, or called when it is a top-level one).
 * Like JavaScript, undefined elements go last without being compared and a
 * NaN result counts as 0. Returns the array itself.
 */
export function inlineSort(f: FunctionLowerer, c: ts.CallExpression, array: Expr): Lowered {
  const cmp = skipParens(c.arguments[0]!);
  const list = f.temp("arr", array);
  const i = f.locals.claim("i");
  const j = f.locals.claim("j");
  const x = f.locals.claim("x");
  const get = (idx: Expr): Expr => call("flbc_arr_get", [name(list, "arr"), idx], "val");
  const jm1: Expr = { k: "binary", op: "-", left: name(j, "int"), right: name("1", "int"), kind: "int" };
  const left = get(jm1);
  const ret = f.locals.claim("order");
  const inner: Stmt[] = [{ k: "decl", name: ret, kind: "num", init: { k: "num", value: 0 } }];
  // undefined sorts last: it is never "greater" than what follows it.
  const bothDefined: Expr = {
    k: "binary",
    op: "&&",
    left: { k: "binary", op: "!=", left: { k: "member", base: left, field: "tag", kind: "int" }, right: name("FLBC_UNDEF", "int"), kind: "bool" },
    right: { k: "binary", op: "!=", left: { k: "member", base: name(x, "val"), field: "tag", kind: "int" }, right: name("FLBC_UNDEF", "int"), kind: "bool" },
    kind: "bool",
  };
  const compare: Stmt[] = [];
  const local = ts.isIdentifier(cmp) && f.scope.functions.has(f.checker.getSymbolAtLocation(cmp)!) ? undefined : callbackFunction(f, cmp);
  if (local !== undefined) {
    const [pa, pb] = local.parameters;
    for (const [p, v] of [[pa, left], [pb, name(x, "val")]] as const) {
      if (p === undefined || !ts.isIdentifier(p.name)) continue;
      const kind = paramKind(f, p);
      const cname = f.locals.claim(p.name.text, "v_");
      f.bind(p.name, { k: "local", cname, kind });
      compare.push({ k: "decl", name: cname, kind, init: f.coerce(v, "val", kind) ?? v });
    }
    const next = f.locals.claim("compared");
    const body = f.inlineCallback(local, { name: ret, kind: "num" }, next);
    compare.push(...body.stmts);
    if (body.usedLabel) compare.push({ k: "label", name: next });
  } else if (ts.isIdentifier(cmp)) {
    // A named function: called with the two elements as its arguments.
    const sym = f.checker.getSymbolAtLocation(cmp);
    const fn = sym === undefined ? undefined : f.scope.functions.get(sym);
    if (fn === undefined || fn.params.length < 2) {
      f.scope.sink.report("UnsupportedCall", c, "'sort' with this comparator (write it inline or as a top-level function)");
      return { e: name(list, "arr"), kind: "arr" };
    }
    const args = [rtName(f), f.coerce(left, "val", fn.params[0]!) ?? left, f.coerce(name(x, "val"), "val", fn.params[1]!) ?? name(x, "val")];
    compare.push({ k: "expr", expr: { k: "assign", target: name(ret, "num"), op: "=", value: call(fn.cname, args, "num"), kind: "num" } });
  } else {
    f.scope.sink.report("UnsupportedCall", c, "'sort' with a comparator that is not a function");
    return { e: name(list, "arr"), kind: "arr" };
  }
  inner.push({ k: "if", test: bothDefined, then: compare, else: [{ k: "expr", expr: { k: "assign", target: name(ret, "num"), op: "=", value: { k: "cond", test: { k: "binary", op: "==", left: { k: "member", base: left, field: "tag", kind: "int" }, right: name("FLBC_UNDEF", "int"), kind: "bool" }, then: { k: "num", value: 1 }, else: { k: "num", value: 0 }, kind: "num" }, kind: "num" } }] });
  inner.push({ k: "if", test: { k: "unary", op: "!", arg: { k: "binary", op: ">", left: name(ret, "num"), right: { k: "num", value: 0 }, kind: "bool" }, kind: "bool" }, then: [{ k: "break" }] });
  inner.push({ k: "expr", expr: call("flbc_arr_set", [rtName(f), name(list, "arr"), { k: "cast", to: "num", arg: name(j, "int"), kind: "num" }, left], "void") });
  inner.push({ k: "expr", expr: { k: "update", target: name(j, "int"), op: "--", prefix: false, kind: "int" } });
  const outer: Stmt[] = [
    { k: "decl", name: x, kind: "val", init: get(name(i, "int")) },
    { k: "decl", name: j, kind: "int", ctype: "uint32_t", init: name(i, "int") },
    { k: "while", test: { k: "binary", op: ">", left: name(j, "int"), right: name("0", "int"), kind: "bool" }, body: inner },
    { k: "expr", expr: call("flbc_arr_set", [rtName(f), name(list, "arr"), { k: "cast", to: "num", arg: name(j, "int"), kind: "num" }, name(x, "val")], "void") },
  ];
  f.pre.push(
    { k: "decl", name: i, kind: "int", ctype: "uint32_t", init: name("1", "int") },
    { k: "for", test: { k: "binary", op: "<", left: name(i, "int"), right: call("flbc_arr_len", [name(list, "arr")], "int"), kind: "bool" }, update: { k: "update", target: name(i, "int"), op: "++", prefix: false, kind: "int" }, body: outer },
  );
  return { e: name(list, "arr"), kind: "arr" };
}
