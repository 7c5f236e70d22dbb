// Array methods that take a callback (map, filter, forEach, some, every,
// find, findIndex, reduce) become a loop in the caller, with the callback's
// body inlined: it reads and writes the caller's variables directly, which
// is what a JavaScript closure does, and no function pointer or environment
// is needed. A `return` inside the callback ends one iteration.
import { ts } from "@ts-morph/bootstrap";
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import type { Lowered } from "./expressions.js";
import { not, rtName } from "./expressions.js";
import type { FunctionLowerer } from "./function.js";
import { lineOf, skipParens, zeroOf } from "./function.js";
import { truthy } from "./kinds.js";

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
  const cb = c.arguments[0] === undefined ? undefined : skipParens(c.arguments[0]);
  if (cb === undefined || !(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) {
    f.scope.sink.report("UnsupportedCall", c, `'${method}' with a callback that is not written inline`);
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
function callbackReturnKind(f: FunctionLowerer, cb: ts.ArrowFunction | ts.FunctionExpression): Kind {
  const sig = f.checker.getSignatureFromDeclaration(cb);
  const k = sig === undefined ? "val" : f.kindOf(f.checker.getReturnTypeOfSignature(sig));
  return k === "void" ? "val" : k;
}
