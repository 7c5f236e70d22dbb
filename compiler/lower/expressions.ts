// Expressions -> IR. Each result carries its C kind; reads of variables and
// record fields are converted to the kind the checker narrowed them to
// (after `typeof v === "string"`, v is unboxed to a flbc_str).
import { ts } from "../program/typescript.cjs";
import type { BinaryOp, Expr, Kind } from "../ir/ir.js";
import { staticConstants } from "./builtins.js";
import { isGlobal, lowerCall } from "./calls.js";
import { collectionKind, collectionProperty, newCollection } from "./collections.js";
import { newError } from "./exceptions.js";
import { bigintCompare, bigintConstant, bigintOp, bigintPrefix, bigintUpdate, bigOperand, mayBeBigint } from "./bigint.js";
import { lastIndexOf, regexConstant } from "./regex.js";
import type { FunctionLowerer } from "./function.js";
import { skipParens } from "./function.js";
import { isPure, truthy } from "./kinds.js";
import { eventAccess } from "./outputs.js";
import { inOrder, storedValue } from "./order.js";
import { structField } from "./structs.js";

const SK = ts.SyntaxKind;

export interface Lowered {
  e: Expr;
  kind: Kind;
}

const num = (value: number): Expr => ({ k: "num", value });
const bool = (value: boolean): Expr => ({ k: "bool", value });
const name = (n: string, kind: Kind): Expr => ({ k: "name", name: n, kind });
const call = (fn: string, args: Expr[], kind: Kind): Expr => ({ k: "call", fn, args, kind });
/** `!e`, flipping a comparison instead of wrapping it: `a != b`, not `!(a == b)`. */
export const not = (e: Expr): Expr => {
  if (e.k === "binary" && (e.op === "==" || e.op === "!=")) return { ...e, op: e.op === "==" ? "!=" : "==" };
  if (e.k === "unary" && e.op === "!") return e.arg;
  return { k: "unary", op: "!", arg: e, kind: "bool" };
};
export const rtName = (f: FunctionLowerer): Expr => {
  f.usesRt = true;
  return name("rt", "void");
};

/** An expression's value; a string-literal union's member reads as its string. */
export function lowerExpression(f: FunctionLowerer, e: ts.Expression): Lowered {
  const l = lowerStored(f, e);
  return l.kind === "lit" ? { e: f.coerce(l.e, "lit", "str")!, kind: "str" } : l;
}

/** The same, but a member of a string-literal union stays its enum constant. */
export function lowerStored(f: FunctionLowerer, e: ts.Expression): Lowered {
  switch (e.kind) {
    case SK.ParenthesizedExpression:
      return lowerStored(f, (e as ts.ParenthesizedExpression).expression);
    case SK.NumericLiteral:
      return { e: num(Number((e as ts.NumericLiteral).text)), kind: "num" };
    case SK.BigIntLiteral:
      return { e: bigintConstant(f.scope, e)!, kind: "big" };
    case SK.StringLiteral:
    case SK.NoSubstitutionTemplateLiteral:
      return { e: { k: "str", value: (e as ts.StringLiteralLike).text }, kind: "str" };
    case SK.TrueKeyword:
      return { e: bool(true), kind: "bool" };
    case SK.FalseKeyword:
      return { e: bool(false), kind: "bool" };
    case SK.NullKeyword:
      return { e: name("FLBC_VAL_NULL", "val"), kind: "val" };
    case SK.Identifier:
      return identifier(f, e as ts.Identifier);
    case SK.TemplateExpression:
      return template(f, e as ts.TemplateExpression);
    case SK.PropertyAccessExpression:
    case SK.ElementAccessExpression:
      return access(f, e as ts.PropertyAccessExpression | ts.ElementAccessExpression);
    case SK.CallExpression:
      return lowerCall(f, e as ts.CallExpression);
    case SK.ArrayLiteralExpression:
      return arrayLiteral(f, e as ts.ArrayLiteralExpression);
    case SK.NewExpression:
    case SK.RegularExpressionLiteral: {
      const n = e as ts.NewExpression;
      if (ts.isNewExpression(e) && ts.isIdentifier(n.expression) && n.expression.text === "Error") {
        return { e: newError(f, n), kind: "val" };
      }
      if (ts.isNewExpression(e) && ts.isIdentifier(n.expression) && (n.expression.text === "Map" || n.expression.text === "Set")) {
        return { e: newCollection(f, n, n.expression.text), kind: "val" };
      }
      const re = regexConstant(f.scope, e as ts.RegularExpressionLiteral | ts.NewExpression);
      // After a reported regex error, still a RegExp: no errors follow from it.
      return { e: re ?? name("NULL", "re"), kind: "re" };
    }
    case SK.ObjectLiteralExpression:
      return objectLiteral(f, e as ts.ObjectLiteralExpression);
    case SK.BinaryExpression:
      return binary(f, e as ts.BinaryExpression);
    case SK.PrefixUnaryExpression:
      return prefix(f, e as ts.PrefixUnaryExpression);
    case SK.PostfixUnaryExpression: {
      const p = e as ts.PostfixUnaryExpression;
      return update(f, p.operand, p.operator === SK.PlusPlusToken ? "++" : "--", false, p);
    }
    case SK.ConditionalExpression:
      return conditional(f, e as ts.ConditionalExpression);
    case SK.TypeOfExpression:
      return typeofExpr(f, (e as ts.TypeOfExpression).expression);
    case SK.DeleteExpression:
      f.pre.push({ k: "expr", expr: f.deleteField(e as ts.DeleteExpression) });
      return { e: bool(true), kind: "bool" };
    case SK.AsExpression:
      return lowerExpression(f, (e as ts.AsExpression).expression);
  }
  return unsupported(f, e);
}

function unsupported(f: FunctionLowerer, e: ts.Node): Lowered {
  f.scope.sink.report("UnsupportedExpression", e, `'${e.getText().slice(0, 40)}'`, "This expression is outside the subset.");
  return { e: num(0), kind: "num" };
}

/** Converts a storage read to the kind the checker narrowed `at` to. */
function narrowed(f: FunctionLowerer, l: Lowered, at: ts.Node): Lowered {
  const want = f.kindAt(at);
  if (want === l.kind || want === "void" || want === "rec") return l;
  // An enum constant is read as its string by whoever needs the string.
  if (l.kind === "lit" && want === "str") return l;
  const c = f.coerce(l.e, l.kind, want);
  return c === undefined ? l : { e: c, kind: want };
}

function identifier(f: FunctionLowerer, id: ts.Identifier): Lowered {
  const b = f.lookup(id);
  if (b === undefined && id.text === "undefined") return { e: name("FLBC_VAL_UNDEF", "val"), kind: "val" };
  if (b === undefined && isGlobal(f, id)) {
    if (id.text === "NaN") return { e: num(NaN), kind: "num" };
    if (id.text === "Infinity") return { e: num(Infinity), kind: "num" };
  }
  if ((b === undefined && f.scope.functions.has(f.checker.getSymbolAtLocation(id)!)) || b?.k === "lambda" || b?.k === "lifted" || b?.k === "func") {
    f.scope.sink.report("FunctionValue", id, `The function '${id.text}' can only be called, passed as an argument, or named with \`const\` here.`);
    return { e: num(0), kind: "num" };
  }
  if (b === undefined) return unsupported(f, id);
  switch (b.k) {
    case "local":
      // A loop counter is an int64_t: read as the double it equals.
      if (b.counter !== undefined) return { e: { k: "cast", to: "num", arg: name(b.cname, "int"), kind: "num" }, kind: "num" };
      return narrowed(f, { e: name(b.cname, b.kind), kind: b.kind }, id);
    case "const":
      return { e: b.expr, kind: b.kind };
    case "inline":
      // A top-level constant Map or Set, built where it is used.
      return lowerExpression(f, b.node);
    default:
      f.scope.sink.report("UnsupportedType", id, f.checker.typeToString(f.checker.getTypeAtLocation(id)), "Use its fields directly, e.g. `ctx.config.field`.");
      return { e: num(0), kind: "num" };
  }
}

function template(f: FunctionLowerer, t: ts.TemplateExpression): Lowered {
  const parts: (Lowered | (() => Lowered))[] = [];
  const text = (value: string) => ({ e: { k: "str" as const, value }, kind: "str" as const });
  if (t.head.text !== "") parts.push(text(t.head.text));
  for (const span of t.templateSpans) {
    parts.push(() => ({ e: toStr(f, lowerExpression(f, span.expression), span.expression), kind: "str" }));
    if (span.literal.text !== "") parts.push(text(span.literal.text));
  }
  return { e: concat(f, inOrder(f, parts).map((p) => p.e)), kind: "str" };
}

function concat(f: FunctionLowerer, parts: Expr[]): Expr {
  if (parts.length === 0) return { k: "str", value: "" };
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) return call("flbc_str_concat", [rtName(f), parts[0]!, parts[1]!], "str");
  return call("flbc_str_concat_n", [rtName(f), name(String(parts.length), "int"), { k: "array", ctype: "flbc_str", items: parts, kind: "void" }], "str");
}

/** JavaScript's ToString, as used by template literals and `+`. */
export function toStr(f: FunctionLowerer, l: Lowered, at: ts.Node): Expr {
  switch (l.kind) {
    case "str":
      return l.e;
    case "num":
      return call("flbc_num_to_str", [rtName(f), l.e], "str");
    case "big":
      return call("flbc_big_to_str", [rtName(f), l.e], "str");
    case "bool":
      return { k: "cond", test: l.e, then: { k: "str", value: "true" }, else: { k: "str", value: "false" }, kind: "str" };
    case "val":
      return call("flbc_val_to_str", [rtName(f), l.e], "str");
    case "void":
      return { k: "str", value: "undefined" };
    case "re": {
      // A regex constant prints as its literal: String(/a+/g) is "/a+/g".
      const id = l.e.k === "name" ? l.e.name.slice(1) : undefined;
      const source = id === undefined ? undefined : f.scope.regexSource.get(id);
      if (source !== undefined) return { k: "str", value: `/${source}/${f.scope.regexFlags.get(id!) ?? ""}` };
      f.scope.sink.report("UnsupportedType", at, "RegExp", "Convert a regex written as a literal, or its `source`.");
      return { k: "str", value: "" };
    }
    default:
      f.scope.sink.report("UnsupportedType", at, "LogRecord", "Convert a record field, not the record itself.");
      return { k: "str", value: "" };
  }
}

// ------------------------------------------------------------ member access

type Access = ts.PropertyAccessExpression | ts.ElementAccessExpression;

/** `ctx`, `ctx.config`, `ctx.state`, `ctx.log` or init's `config`, if `e` is one. */
export function contextPath(f: FunctionLowerer, e: ts.Expression): "ctx" | "config" | "state" | "log" | undefined {
  const x = skipParens(e);
  if (ts.isIdentifier(x)) {
    const b = f.lookup(x);
    return b?.k === "ctx" ? "ctx" : b?.k === "config" ? "config" : undefined;
  }
  if (ts.isPropertyAccessExpression(x) && contextPath(f, x.expression) === "ctx") {
    const n = x.name.text;
    if (n === "config" || n === "state" || n === "log") return n;
  }
  return undefined;
}

function access(f: FunctionLowerer, a: Access): Lowered {
  const field = structField(f, a);
  if (field !== undefined) return field;
  const base = contextPath(f, a.expression);
  const prop = ts.isPropertyAccessExpression(a) ? a.name.text : undefined;
  if (base === "ctx" && prop !== undefined) {
    switch (prop) {
      case "tag":
        f.usesRt = true;
        return { e: name("rt->tag", "str"), kind: "str" };
      case "time":
        f.usesEvent = true;
        return { e: name("ev->time", "num"), kind: "num" };
      case "metadata":
        f.usesEvent = true;
        return { e: name("ev->metadata", "val"), kind: "val" };
    }
    return unsupported(f, a);
  }
  if (base === "config" && prop !== undefined) {
    const c = f.scope.config.get(prop);
    if (c === undefined) return unsupported(f, a);
    f.usesCtx = true;
    if (c.needsRt === true) f.usesRt = true;
    return { e: c.expr, kind: c.kind };
  }
  if (base === "state" && prop !== undefined) {
    const s = f.scope.state.get(prop);
    if (s === undefined) return unsupported(f, a);
    f.usesCtx = true;
    return { e: name(`ctx->state.${s.member}`, s.kind), kind: s.kind };
  }
  const base0 = skipParens(a.expression);
  if (prop !== undefined && ts.isIdentifier(base0) && f.lookup(base0) === undefined && isGlobal(f, base0)) {
    const value = staticConstants[base0.text]?.[prop];
    return value === undefined ? unsupported(f, a) : { e: num(value), kind: "num" };
  }
  const obj = lowerExpression(f, a.expression);
  if (obj.kind === "events" || obj.kind === "event") return eventAccess(f, a, obj) ?? unsupported(f, a);
  switch (obj.kind) {
    case "rec":
      return narrowed(f, { e: call("flbc_rec_get", [obj.e, f.fieldKey(a)], "val"), kind: "val" }, a);
    case "re":
      if (prop === "lastIndex") return { e: lastIndexOf(f, a.expression) ?? num(0), kind: "num" };
      if (prop === "source" && obj.e.k === "name") {
        const source = f.scope.regexSource.get(obj.e.name.slice(1));
        if (source !== undefined) return { e: { k: "str", value: source }, kind: "str" };
      }
      break;
    case "str":
      if (prop === "length") return { e: call("flbc_str_length", [obj.e], "num"), kind: "num" };
      break;
    case "arr": {
      // A Value narrowed to an array is read in place, not copied first.
      const raw = obj.e.k === "call" && obj.e.fn === "flbc_val_to_arr" ? obj.e.args[1]! : undefined;
      if (prop === "length") {
        if (raw !== undefined) return { e: call("flbc_val_length", [raw], "num"), kind: "num" };
        return { e: { k: "cast", to: "num", arg: call("flbc_arr_len", [obj.e], "int"), kind: "num" }, kind: "num" };
      }
      if (ts.isElementAccessExpression(a) && raw !== undefined) {
        return narrowed(f, { e: call("flbc_val_index", [raw, f.exprAs(a.argumentExpression, "num")], "val"), kind: "val" }, a);
      }
      if (ts.isElementAccessExpression(a)) {
        return narrowed(f, { e: call("flbc_arr_at", [obj.e, f.exprAs(a.argumentExpression, "num")], "val"), kind: "val" }, a);
      }
      break;
    }
    case "val": {
      const coll = prop !== undefined ? collectionKind(f, a.expression) : undefined;
      if (coll !== undefined) return collectionProperty(obj.e, prop!) ?? unsupported(f, a);
      // A map read from a record, or built by the plugin: its field, or an
      // array's element when the key is a number.
      if (ts.isElementAccessExpression(a) && f.kindAt(a.argumentExpression) === "num") {
        return narrowed(f, { e: call("flbc_val_index", [obj.e, f.exprAs(a.argumentExpression, "num")], "val"), kind: "val" }, a);
      }
      return narrowed(f, { e: call("flbc_val_get", [obj.e, f.fieldKey(a)], "val"), kind: "val" }, a);
    }
  }
  return unsupported(f, a);
}

function arrayLiteral(f: FunctionLowerer, a: ts.ArrayLiteralExpression): Lowered {
  if (a.elements.length === 0) {
    return { e: call("flbc_arr_new", [rtName(f), name("0", "int")], "arr"), kind: "arr" };
  }
  if (a.elements.some(ts.isSpreadElement)) return arrayWithSpread(f, a);
  const items = inOrder(
    f,
    a.elements.map((el) => (): Lowered => {
      if (ts.isOmittedExpression(el)) {
        f.scope.sink.report("UnsupportedExpression", el, "Holes in array literals", "Write `undefined` where the hole is.");
        return { e: name("FLBC_VAL_UNDEF", "val"), kind: "val" };
      }
      return { e: f.exprAs(el, "val"), kind: "val" };
    }),
  ).map((item) => item.e);
  const arr = call("flbc_arr_of", [rtName(f), name(String(items.length), "int"), { k: "array", ctype: "flbc_val", items, kind: "void" }], "arr");
  return { e: arr, kind: "arr" };
}

/** `[...xs, y]`: a new array, items appended in order. */
function arrayWithSpread(f: FunctionLowerer, a: ts.ArrayLiteralExpression): Lowered {
  const t = f.temp("arr", call("flbc_arr_new", [rtName(f), name("0", "int")], "arr"));
  for (const el of a.elements) {
    if (ts.isSpreadElement(el)) {
      f.pre.push({ k: "expr", expr: call("flbc_arr_append", [rtName(f), name(t, "arr"), f.exprAs(el.expression, "arr")], "void") });
    } else if (!ts.isOmittedExpression(el)) {
      f.pre.push({ k: "expr", expr: call("flbc_arr_push", [rtName(f), name(t, "arr"), f.exprAs(el, "val")], "num") });
    }
  }
  return { e: name(t, "arr"), kind: "arr" };
}

/** `{ ...a, k: v }`: a new object, spreads and properties in order. */
function objectWithSpread(f: FunctionLowerer, o: ts.ObjectLiteralExpression): Lowered {
  const t = f.temp("val", call("flbc_obj_of", [rtName(f), name("0", "int"), name("NULL", "void"), name("NULL", "void")], "val"));
  const target = name(t, "val");
  for (const p of o.properties) {
    if (ts.isSpreadAssignment(p)) {
      const src = f.exprAs(p.expression, "val");
      f.pre.push({ k: "expr", expr: call("flbc_obj_assign", [rtName(f), target, name("1", "int"), { k: "array", ctype: "flbc_val", items: [src], kind: "void" }], "val") });
    } else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name))) {
      f.pre.push({ k: "expr", expr: call("flbc_val_set", [rtName(f), name(`&${t}`, "void"), { k: "str", value: p.name.text }, f.exprAs(p.initializer, "val")], "void") });
    } else if (ts.isShorthandPropertyAssignment(p)) {
      f.pre.push({ k: "expr", expr: call("flbc_val_set", [rtName(f), name(`&${t}`, "void"), { k: "str", value: p.name.text }, f.exprAs(p.name, "val")], "void") });
    } else {
      f.scope.sink.report("UnsupportedExpression", p, "This kind of object member", "Write `key: value`.");
    }
  }
  return { e: target, kind: "val" };
}

function objectLiteral(f: FunctionLowerer, o: ts.ObjectLiteralExpression): Lowered {
  if (o.properties.some(ts.isSpreadAssignment)) return objectWithSpread(f, o);
  const keys: Expr[] = [];
  const values: (() => Lowered)[] = [];
  for (const p of o.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name))) {
      keys.push({ k: "str", value: p.name.text });
      values.push(() => ({ e: f.exprAs(p.initializer, "val"), kind: "val" }));
    } else if (ts.isShorthandPropertyAssignment(p)) {
      keys.push({ k: "str", value: p.name.text });
      values.push(() => ({ e: f.exprAs(p.name, "val"), kind: "val" }));
    } else {
      f.scope.sink.report("UnsupportedExpression", p, "This kind of object member", "Write `key: value`.");
    }
  }
  const vals = inOrder(f, values).map((v) => v.e);
  const n = name(String(keys.length), "int");
  const e =
    keys.length === 0
      ? call("flbc_obj_of", [rtName(f), n, name("NULL", "void"), name("NULL", "void")], "val")
      : call("flbc_obj_of", [rtName(f), n, { k: "array", ctype: "flbc_str", items: keys, kind: "void" }, { k: "array", ctype: "flbc_val", items: vals, kind: "void" }], "val");
  return { e, kind: "val" };
}

// -------------------------------------------------------------- operators

function prefix(f: FunctionLowerer, p: ts.PrefixUnaryExpression): Lowered {
  switch (p.operator) {
    case SK.ExclamationToken:
      return { e: not(f.condition(p.operand)), kind: "bool" };
    case SK.MinusToken:
      if (mayBeBigint(f.checker.getTypeAtLocation(p.operand))) return bigintPrefix(f, p);
      return { e: { k: "unary", op: "-", arg: toNumber(f, p.operand), kind: "num" }, kind: "num" };
    case SK.PlusToken:
      return { e: toNumber(f, p.operand), kind: "num" };
    case SK.TildeToken:
      if (mayBeBigint(f.checker.getTypeAtLocation(p.operand))) return bigintPrefix(f, p);
      return { e: call("flbc_num_bnot", [toNumber(f, p.operand)], "num"), kind: "num" };
    case SK.PlusPlusToken:
      return update(f, p.operand, "++", true, p);
    case SK.MinusMinusToken:
      return update(f, p.operand, "--", true, p);
  }
  return unsupported(f, p);
}

/** JavaScript's ToNumber for the kinds that have an exact C form. */
function toNumber(f: FunctionLowerer, e: ts.Expression): Expr {
  const l = lowerExpression(f, e);
  if (l.kind === "num") return l.e;
  if (l.kind === "str") return call("flbc_str_to_num", [l.e], "num");
  if (l.kind === "bool") return { k: "cond", test: l.e, then: num(1), else: num(0), kind: "num" };
  f.scope.sink.report("UnsupportedType", e, f.checker.typeToString(f.checker.getTypeAtLocation(e)), "Narrow it to a number first: `typeof v === \"number\"`.");
  return num(0);
}

function update(f: FunctionLowerer, operand: ts.Expression, op: "++" | "--", isPrefix: boolean, at: ts.Node): Lowered {
  const target = lvalue(f, operand);
  if (target?.kind === "big") {
    // `i++` whose value nobody reads needs no copy of the old value.
    const unused = ts.isExpressionStatement(at.parent) || (ts.isForStatement(at.parent) && at.parent.incrementor === at);
    return bigintUpdate(f, target, op, isPrefix || unused);
  }
  if (target !== undefined && target.kind !== "num" && mayBeBigint(f.checker.getTypeAtLocation(at))) {
    f.scope.sink.report("BigIntMixed", operand, operand.getText().slice(0, 40), op);
    return target;
  }
  if (target === undefined || target.kind !== "num") return unsupported(f, at);
  return { e: { k: "update", target: target.e, op, prefix: isPrefix, kind: "num" }, kind: "num" };
}

/** A numeric or boolean variable or state field that C can assign in place. */
function lvalue(f: FunctionLowerer, e: ts.Expression): Lowered | undefined {
  const field = structField(f, e);
  if (field !== undefined) return field;
  const x = skipParens(e);
  if (ts.isIdentifier(x)) {
    const b = f.lookup(x);
    return b?.k === "local" ? { e: name(b.cname, b.kind), kind: b.kind } : undefined;
  }
  if (ts.isPropertyAccessExpression(x) && contextPath(f, x.expression) === "state") {
    const s = f.scope.state.get(x.name.text);
    if (s === undefined) return undefined;
    f.usesCtx = true;
    return { e: name(`ctx->state.${s.member}`, s.kind), kind: s.kind };
  }
  if (ts.isPropertyAccessExpression(x) && x.name.text === "lastIndex") {
    const li = lastIndexOf(f, x.expression);
    if (li !== undefined) return { e: li, kind: "num" };
  }
  if (ts.isPropertyAccessExpression(x) && contextPath(f, x.expression) === "ctx" && x.name.text === "time") {
    f.usesEvent = true;
    return { e: name("ev->time", "num"), kind: "num" };
  }
  return undefined;
}

const arithmetic: Partial<Record<ts.SyntaxKind, BinaryOp>> = {
  [SK.MinusToken]: "-",
  [SK.AsteriskToken]: "*",
  [SK.SlashToken]: "/",
};

const comparisons: Partial<Record<ts.SyntaxKind, BinaryOp>> = {
  [SK.LessThanToken]: "<",
  [SK.LessThanEqualsToken]: "<=",
  [SK.GreaterThanToken]: ">",
  [SK.GreaterThanEqualsToken]: ">=",
};

const compoundAssign: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [SK.PlusEqualsToken]: SK.PlusToken,
  [SK.MinusEqualsToken]: SK.MinusToken,
  [SK.AsteriskEqualsToken]: SK.AsteriskToken,
  [SK.SlashEqualsToken]: SK.SlashToken,
  [SK.PercentEqualsToken]: SK.PercentToken,
  [SK.AsteriskAsteriskEqualsToken]: SK.AsteriskAsteriskToken,
  [SK.AmpersandEqualsToken]: SK.AmpersandToken,
  [SK.BarEqualsToken]: SK.BarToken,
  [SK.CaretEqualsToken]: SK.CaretToken,
  [SK.LessThanLessThanEqualsToken]: SK.LessThanLessThanToken,
  [SK.GreaterThanGreaterThanEqualsToken]: SK.GreaterThanGreaterThanToken,
  [SK.GreaterThanGreaterThanGreaterThanEqualsToken]: SK.GreaterThanGreaterThanGreaterThanToken,
};

/** Numeric operators that are a runtime call rather than a C operator. */
const numericCalls: Partial<Record<ts.SyntaxKind, string>> = {
  [SK.PercentToken]: "fmod",
  [SK.AsteriskAsteriskToken]: "flbc_math_pow",
  [SK.AmpersandToken]: "flbc_num_band",
  [SK.BarToken]: "flbc_num_bor",
  [SK.CaretToken]: "flbc_num_bxor",
  [SK.LessThanLessThanToken]: "flbc_num_shl",
  [SK.GreaterThanGreaterThanToken]: "flbc_num_sar",
  [SK.GreaterThanGreaterThanGreaterThanToken]: "flbc_num_shr",
};

/**
 * `i % k` for a loop counter that never goes below zero and a positive
 * integer literal: the C integer remainder, equal to fmod here (a
 * non-negative dividend has no -0 to keep) and many times cheaper.
 */
function counterModulo(f: FunctionLowerer, b: ts.BinaryExpression): Expr | undefined {
  const left = skipParens(b.left);
  const right = skipParens(b.right);
  if (!ts.isIdentifier(left) || !ts.isNumericLiteral(right)) return undefined;
  const k = Number(right.text);
  const binding = f.lookup(left);
  if (binding?.k !== "local" || binding.counter?.nonNegative !== true || !Number.isInteger(k) || k < 1 || k > 2 ** 31) return undefined;
  const rem: Expr = { k: "binary", op: "%", left: name(binding.cname, "int"), right: name(String(k), "int"), kind: "int" };
  return { k: "cast", to: "num", arg: rem, kind: "num" };
}

/** `left op right` on numbers, for a binary or compound-assignment operator. */
function numericOp(op: ts.SyntaxKind, left: Expr, right: Expr): Expr {
  const fn = numericCalls[op];
  if (fn !== undefined) return call(fn, [left, right], "num");
  const cop = op === SK.PlusToken ? "+" : arithmetic[op]!;
  return { k: "binary", op: cop, left, right, kind: "num" };
}

function binary(f: FunctionLowerer, b: ts.BinaryExpression): Lowered {
  const op = b.operatorToken.kind;
  if (op === SK.EqualsToken || compoundAssign[op] !== undefined) return assignment(f, b);
  if (op === SK.PlusToken && f.kindAt(b) === "str") return { e: concat(f, inOrder(f, concatParts(f, b)).map((p) => p.e)), kind: "str" };
  if ((op === SK.PlusToken || arithmetic[op] !== undefined || numericCalls[op] !== undefined) && involvesBigint(f, b)) {
    const text = b.operatorToken.getText();
    const [left, right] = inOrder(f, [() => ({ e: bigOperand(f, b.left, text), kind: "big" }), () => ({ e: bigOperand(f, b.right, text), kind: "big" })]);
    return { e: bigintOp(f, op, left!.e, right!.e, b.operatorToken), kind: "big" };
  }
  if (op === SK.PercentToken) {
    const fast = counterModulo(f, b);
    if (fast !== undefined) return { e: fast, kind: "num" };
  }
  if (op === SK.PlusToken || arithmetic[op] !== undefined || numericCalls[op] !== undefined) {
    const [left, right] = inOrder(f, [() => ({ e: toNumber(f, b.left), kind: "num" }), () => ({ e: toNumber(f, b.right), kind: "num" })]);
    return { e: numericOp(op, left!.e, right!.e), kind: "num" };
  }
  const cmp = comparisons[op];
  if (cmp !== undefined) return compare(f, cmp, b);
  if (op === SK.EqualsEqualsEqualsToken || op === SK.ExclamationEqualsEqualsToken) {
    const eq = equality(f, b.left, b.right);
    return { e: op === SK.EqualsEqualsEqualsToken ? eq : not(eq), kind: "bool" };
  }
  if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken) return logical(f, b, op === SK.AmpersandAmpersandToken ? "&&" : "||");
  if (op === SK.QuestionQuestionToken) return coalesce(f, b);
  if (op === SK.InstanceOfKeyword && ts.isIdentifier(b.right) && b.right.text === "Error") {
    return { e: call("flbc_val_is_error", [f.exprAs(b.left, "val")], "bool"), kind: "bool" };
  }
  if (op === SK.InKeyword) {
    const rec = lowerExpression(f, b.right);
    if (rec.kind !== "rec") return unsupported(f, b);
    return { e: call("flbc_rec_has", [rec.e, f.exprAs(b.left, "str")], "bool"), kind: "bool" };
  }
  return unsupported(f, b);
}


/** `a + b + c` with a string result: every operand, left to right, each lowered when its turn comes. */
function concatParts(f: FunctionLowerer, e: ts.Expression): (() => Lowered)[] {
  const x = skipParens(e);
  if (ts.isBinaryExpression(x) && x.operatorToken.kind === SK.PlusToken && f.kindAt(x) === "str") {
    return [...concatParts(f, x.left), ...concatParts(f, x.right)];
  }
  if (ts.isStringLiteralLike(x) && x.text === "") return [];
  return [() => ({ e: toStr(f, lowerExpression(f, x), x), kind: "str" })];
}

/** Whether either operand of b may be a bigint. */
function involvesBigint(f: FunctionLowerer, b: ts.BinaryExpression): boolean {
  return mayBeBigint(f.checker.getTypeAtLocation(b.left)) || mayBeBigint(f.checker.getTypeAtLocation(b.right));
}

function compare(f: FunctionLowerer, op: BinaryOp, b: ts.BinaryExpression): Lowered {
  const [l, r] = inOrder(f, [() => lowerExpression(f, b.left), () => lowerExpression(f, b.right)]) as [Lowered, Lowered];
  if (involvesBigint(f, b)) return { e: bigintCompare(f, op, b, l, r), kind: "bool" };
  if (l.kind === "str" && r.kind === "str") {
    const cmp = call("flbc_str_cmp", [l.e, r.e], "int");
    return { e: { k: "binary", op, left: cmp, right: name("0", "int"), kind: "bool" }, kind: "bool" };
  }
  const left = f.convert(l, "num", b.left);
  const right = f.convert(r, "num", b.right);
  return { e: { k: "binary", op, left, right, kind: "bool" }, kind: "bool" };
}

/** `a === b` in JavaScript's strict equality, specialised by kinds. */
function equality(f: FunctionLowerer, left: ts.Expression, right: ts.Expression): Expr {
  const l0 = skipParens(left);
  const r0 = skipParens(right);
  if (ts.isTypeOfExpression(l0) && ts.isStringLiteralLike(r0)) return typeofTest(f, l0.expression, r0.text);
  if (ts.isTypeOfExpression(r0) && ts.isStringLiteralLike(l0)) return typeofTest(f, r0.expression, l0.text);
  if (nullish(l0)) return equalityOf(f, lowerExpression(f, right), left);
  return equalityOf(f, lowerStored(f, left), right);
}

const nullish = (x: ts.Expression) => x.kind === SK.NullKeyword || (ts.isIdentifier(x) && x.text === "undefined");

/** `l === right` where l is already lowered (also a switch's subject). */
export function equalityOf(f: FunctionLowerer, left: Lowered, right: ts.Expression): Expr {
  const r0 = skipParens(right);
  const [l0, stored] = inOrder(f, [left, () => lowerStored(f, right)]) as [Lowered, Lowered];
  // Two members of string-literal unions: their enum constants compare.
  if (l0.kind === "lit" && (stored.kind === "lit" || stored.e.k === "str")) {
    return { k: "binary", op: "==", left: l0.e, right: f.coerce(stored.e, stored.kind, "lit")!, kind: "bool" };
  }
  if (stored.kind === "lit" && l0.e.k === "str") return { k: "binary", op: "==", left: f.coerce(l0.e, "str", "lit")!, right: stored.e, kind: "bool" };
  const l = l0.kind === "lit" ? { e: f.coerce(l0.e, "lit", "str")!, kind: "str" as const } : l0;
  const r = stored.kind === "lit" ? { e: f.coerce(stored.e, "lit", "str")!, kind: "str" as const } : stored;
  if (nullish(r0)) {
    const [v, lit] = [l, r0];
    const tag = lit.kind === SK.NullKeyword ? "FLBC_NULL" : "FLBC_UNDEF";
    if (v.kind !== "val") {
      // Never null: the answer is known, but the operand still runs (`i++ === null`).
      if (!isPure(v.e)) f.pre.push({ k: "expr", expr: v.e });
      return bool(false);
    }
    return { k: "binary", op: "==", left: { k: "member", base: v.e, field: "tag", kind: "int" }, right: name(tag, "int"), kind: "bool" };
  }
  if (l.kind === r.kind && (l.kind === "num" || l.kind === "big" || l.kind === "bool")) return { k: "binary", op: "==", left: l.e, right: r.e, kind: "bool" };
  if (l.kind === "str" && r.kind === "str") return call("flbc_str_eq", [l.e, r.e], "bool");
  if (l.kind === "val" && r.kind === "str") return call("flbc_val_eq_str", [l.e, r.e], "bool");
  if (l.kind === "str" && r.kind === "val") return call("flbc_val_eq_str", [r.e, l.e], "bool");
  if (l.kind === "val" && r.kind === "num") return call("flbc_val_eq_num", [l.e, r.e], "bool");
  if (l.kind === "num" && r.kind === "val") return call("flbc_val_eq_num", [r.e, l.e], "bool");
  const lv = f.coerce(l.e, l.kind, "val");
  const rv = f.coerce(r.e, r.kind, "val");
  if (lv === undefined || rv === undefined) {
    f.scope.sink.report("UnsupportedType", right, f.checker.typeToString(f.checker.getTypeAtLocation(right)), "Compare strings, numbers, booleans or record values.");
    return bool(false);
  }
  return call("flbc_val_strict_eq", [lv, rv], "bool");
}

/** `typeof v === "string"` as a tag test, without building the string. */
function typeofTest(f: FunctionLowerer, operand: ts.Expression, type: string): Expr {
  const l = lowerExpression(f, operand);
  if (l.kind !== "val") {
    const js = { num: "number", big: "bigint", str: "string", bool: "boolean", void: "undefined" }[l.kind as string] ?? "object";
    return isPure(l.e) ? bool(js === type) : call("flbc_str_eq", [typeofOf(f, l), { k: "str", value: type }], "bool");
  }
  const tag = (t: string): Expr => ({ k: "binary", op: "==", left: { k: "member", base: l.e, field: "tag", kind: "int" }, right: name(t, "int"), kind: "bool" });
  switch (type) {
    case "string":
      return tag("FLBC_STR");
    case "boolean":
      return tag("FLBC_BOOL");
    case "undefined":
      return tag("FLBC_UNDEF");
    case "bigint":
      return tag("FLBC_BIGINT");
    case "number":
      return call("flbc_val_is_num", [l.e], "bool");
    case "object":
      return call("flbc_val_is_object", [l.e], "bool");
    default:
      return bool(false);
  }
}

function typeofExpr(f: FunctionLowerer, operand: ts.Expression): Lowered {
  return { e: typeofOf(f, lowerExpression(f, operand)), kind: "str" };
}

function typeofOf(_f: FunctionLowerer, l: Lowered): Expr {
  switch (l.kind) {
    case "num":
      return { k: "str", value: "number" };
    case "big":
      return { k: "str", value: "bigint" };
    case "str":
      return { k: "str", value: "string" };
    case "bool":
      return { k: "str", value: "boolean" };
    case "val":
      return call("flbc_val_typeof", [l.e], "str");
    case "void":
      return { k: "str", value: "undefined" };
    default:
      return { k: "str", value: "object" };
  }
}

/**
 * The kind that holds the value of an operator choosing one of its
 * operands: a Value when its type is `undefined` (`false || undefined`,
 * `ok ? undefined : undefined`), which has no C kind of its own.
 */
function resultKind(f: FunctionLowerer, e: ts.Expression): Kind {
  const kind = f.kindAt(e);
  return kind === "void" ? "val" : kind;
}

/** `a && b` / `a || b`: C's operator for booleans, a temporary otherwise. */
function logical(f: FunctionLowerer, b: ts.BinaryExpression, op: "&&" | "||"): Lowered {
  const kind = resultKind(f, b);
  const l = lowerExpression(f, b.left);
  const r = f.withPre(() => lowerExpression(f, b.right));
  if (kind === "bool" && l.kind === "bool" && r.value.kind === "bool" && r.pre.length === 0) {
    return { e: { k: "binary", op, left: l.e, right: r.value.e, kind: "bool" }, kind: "bool" };
  }
  // The result is one of the operands: keep the left in a temporary, test
  // its truthiness, evaluate the right only when JavaScript would.
  const left = isPure(l.e) ? l.e : name(f.temp(l.kind, l.e), l.kind);
  const result = f.temp(kind);
  const test = truthy(left, l.kind) ?? bool(false);
  const takeLeft = f.convert({ e: left, kind: l.kind }, kind, b.left);
  const takeRight = f.convert(r.value, kind, b.right);
  const assign = (value: Expr) => ({ k: "expr" as const, expr: { k: "assign" as const, target: name(result, kind), op: "=" as const, value, kind } });
  const evalRight = [...r.pre, assign(takeRight)];
  // && goes on to the right when the left is truthy, || when it is falsy.
  f.pre.push({ k: "if", test: op === "&&" ? test : not(test), then: evalRight, else: [assign(takeLeft)] });
  return { e: name(result, kind), kind };
}

/** `a ?? b`: the right side only when the left is null or undefined. */
function coalesce(f: FunctionLowerer, b: ts.BinaryExpression): Lowered {
  const kind = resultKind(f, b);
  const l = lowerExpression(f, b.left);
  if (l.kind !== "val") return narrowed(f, l, b);
  const r = f.withPre(() => lowerExpression(f, b.right));
  const left = isPure(l.e) ? l.e : name(f.temp("val", l.e), "val");
  const isNullish = call("flbc_val_is_nullish", [left], "bool");
  const takeLeft = f.convert({ e: left, kind: "val" }, kind, b.left);
  const takeRight = f.convert(r.value, kind, b.right);
  if (r.pre.length === 0 && isPure(takeRight)) {
    return { e: { k: "cond", test: isNullish, then: takeRight, else: takeLeft, kind }, kind };
  }
  const result = f.temp(kind, takeLeft);
  f.pre.push({
    k: "if",
    test: isNullish,
    then: [...r.pre, { k: "expr", expr: { k: "assign", target: name(result, kind), op: "=", value: takeRight, kind } }],
  });
  return { e: name(result, kind), kind };
}

function conditional(f: FunctionLowerer, c: ts.ConditionalExpression): Lowered {
  const kind = resultKind(f, c);
  const test = f.condition(c.condition);
  const a = f.withPre(() => f.exprAs(c.whenTrue, kind));
  const b = f.withPre(() => f.exprAs(c.whenFalse, kind));
  if (a.pre.length === 0 && b.pre.length === 0) {
    return { e: { k: "cond", test, then: a.value, else: b.value, kind }, kind };
  }
  const result = f.temp(kind);
  const set = (value: Expr) => ({ k: "expr" as const, expr: { k: "assign" as const, target: name(result, kind), op: "=" as const, value, kind } });
  f.pre.push({ k: "if", test, then: [...a.pre, set(a.value)], else: [...b.pre, set(b.value)] });
  return { e: name(result, kind), kind };
}

// -------------------------------------------------------------- assignment

/**
 * `c[k] op= v` where c or k has effects (`record[next()] += "x"`,
 * `xs[i++] += "!"`): the container and the key are evaluated once, the old
 * element read through them, then the right side, then the store, as in
 * JavaScript. Undefined when c[k] has no effects to keep single.
 */
function compoundElement(f: FunctionLowerer, b: ts.BinaryExpression, target: ts.ElementAccessExpression, container: Lowered, op: ts.SyntaxKind): Lowered | undefined {
  const isArr = container.kind === "arr";
  if (container.kind !== "rec" && !isArr && !(container.kind === "val" && container.e.k === "name")) return undefined;
  const key = (): Lowered => (isArr ? { e: f.exprAs(target.argumentExpression, "num"), kind: "num" } : { e: f.fieldKey(target), kind: "str" });
  const lowered = f.withPre(() => inOrder(f, [container, key]) as [Lowered, Lowered]);
  const [c0, k0] = lowered.value;
  if (lowered.pre.length === 0 && isPure(c0.e) && isPure(k0.e)) return undefined;
  f.pre.push(...lowered.pre);
  const hold = (o: Lowered): Expr => (isPure(o.e) ? o.e : name(f.temp(o.kind, o.e), o.kind));
  const c = container.kind === "val" ? c0.e : hold(c0);
  const k = hold(k0);
  const old: Lowered = { e: call(container.kind === "rec" ? "flbc_rec_get" : isArr ? "flbc_arr_at" : "flbc_val_get", [c, k], "val"), kind: "val" };
  let value: Expr;
  if (op === SK.PlusToken && f.kindAt(b) === "str") {
    const parts = inOrder(f, [{ e: toStr(f, old, target), kind: "str" }, () => ({ e: toStr(f, lowerExpression(f, b.right), b.right), kind: "str" })]);
    value = f.coerce(concat(f, parts.map((p) => p.e)), "str", "val")!;
  } else if (f.kindAt(b) === "num") {
    const [l, r] = inOrder(f, [{ e: f.coerce(old.e, "val", "num")!, kind: "num" }, () => ({ e: toNumber(f, b.right), kind: "num" })]);
    value = f.coerce(numericOp(op, l!.e, r!.e), "num", "val")!;
  } else {
    return undefined;
  }
  if (container.kind === "rec") return { e: call("flbc_rec_set", [c, k, value], "void"), kind: "void" };
  if (isArr) return { e: call("flbc_arr_set", [rtName(f), c, k, value], "void"), kind: "void" };
  return { e: call("flbc_val_set", [rtName(f), name(`&${(c as { name: string }).name}`, "void"), k, value], "void"), kind: "void" };
}

function assignment(f: FunctionLowerer, b: ts.BinaryExpression): Lowered {
  const op = b.operatorToken.kind;
  const target = skipParens(b.left);
  const arithOp = compoundAssign[op];
  // The new value, as JavaScript computes it for `x op= y`.
  const value = (kind: Kind): Expr => {
    if (arithOp === undefined) return f.exprAs(b.right, kind);
    // The target's old value is read before the right side runs (x += x++).
    if (kind === "str" && arithOp === SK.PlusToken) {
      const parts = inOrder(f, [() => ({ e: f.exprAs(target, "str"), kind: "str" }), () => ({ e: toStr(f, lowerExpression(f, b.right), b.right), kind: "str" })]);
      return concat(f, parts.map((p) => p.e));
    }
    // The assignment's own type: its target's may be the declared one (a Value).
    if (mayBeBigint(f.checker.getTypeAtLocation(b))) {
      const text = ts.tokenToString(arithOp) ?? "?";
      const [l, r] = inOrder(f, [() => ({ e: bigOperand(f, target, text), kind: "big" }), () => ({ e: bigOperand(f, b.right, text), kind: "big" })]);
      const big = bigintOp(f, arithOp, l!.e, r!.e, b.operatorToken);
      return kind === "big" ? big : f.coerce(big, "big", kind) ?? big;
    }
    // The new number, as the target stores it (a `let` without a type is a Value).
    const [l, r] = inOrder(f, [() => ({ e: toNumber(f, target), kind: "num" }), () => ({ e: toNumber(f, b.right), kind: "num" })]);
    const result = numericOp(arithOp, l!.e, r!.e);
    return kind === "num" ? result : f.coerce(result, "num", kind) ?? result;
  };
  if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && structField(f, target) === undefined) {
    const ctxPath = contextPath(f, target.expression);
    if (ctxPath === "ctx" && ts.isPropertyAccessExpression(target) && target.name.text === "time") {
      f.usesEvent = true;
      const v = value("num");
      f.pre.push({ k: "expr", expr: { k: "assign", target: name("ev->time_set", "bool"), op: "=", value: bool(true), kind: "bool" } });
      const time = name("ev->time", "num");
      return { e: { k: "assign", target: time, op: "=", value: storedValue(f, time, v, "num"), kind: "num" }, kind: "num" };
    }
    if (ctxPath === "state" && ts.isPropertyAccessExpression(target)) {
      const s = f.scope.state.get(target.name.text);
      if (s === undefined) return unsupported(f, b);
      f.usesCtx = true;
      const t = name(`ctx->state.${s.member}`, s.kind);
      const v = value(s.kind);
      if (s.kind === "str") {
        f.pre.push(...f.assignState(t, "str", v));
        return { e: t, kind: "str" };
      }
      return { e: { k: "assign", target: t, op: "=", value: storedValue(f, t, v, s.kind), kind: s.kind }, kind: s.kind };
    }
    if (ts.isPropertyAccessExpression(target) && target.name.text === "lastIndex") {
      const li = lastIndexOf(f, target.expression);
      if (li !== undefined) return { e: { k: "assign", target: li, op: "=", value: storedValue(f, li, value("num"), "num"), kind: "num" }, kind: "num" };
    }
    const container = lowerExpression(f, target.expression);
    if (arithOp !== undefined && ts.isElementAccessExpression(target)) {
      const once = compoundElement(f, b, target, container, arithOp);
      if (once !== undefined) return once;
    }
    const newValue = (): Expr => {
      const kind = f.kindAt(b.right) === "void" ? "val" : arithOp !== undefined ? f.kindAt(b) : f.kindAt(b.right);
      const l = arithOp === undefined ? lowerExpression(f, b.right) : { e: value(kind), kind };
      return f.convert(l, "val", b.right);
    };
    // The key (or index) is evaluated before the new value, as in JavaScript.
    const key = (): Lowered => ({ e: f.fieldKey(target), kind: "str" });
    const assigned = (): Lowered => ({ e: newValue(), kind: "val" });
    if (container.kind === "rec") {
      const [rec, k, v] = inOrder(f, [container, key, assigned]);
      return { e: call("flbc_rec_set", [rec!.e, k!.e, v!.e], "void"), kind: "void" };
    }
    if (container.kind === "arr" && ts.isElementAccessExpression(target)) {
      const index = (): Lowered => ({ e: f.exprAs(target.argumentExpression, "num"), kind: "num" });
      const [arr, i, v] = inOrder(f, [container, index, assigned]);
      return { e: call("flbc_arr_set", [rtName(f), arr!.e, i!.e, v!.e], "void"), kind: "void" };
    }
    if (container.kind === "val" && container.e.k === "name") {
      // A map in a local variable: built maps change in place; a raw one is
      // copied into the arena first, and the variable then holds the copy.
      const [k, v] = inOrder(f, [key, assigned]);
      return { e: call("flbc_val_set", [rtName(f), name(`&${container.e.name}`, "void"), k!.e, v!.e], "void"), kind: "void" };
    }
    return unsupported(f, b);
  }
  const lv = lvalue(f, target);
  if (lv === undefined) return unsupported(f, b);
  return { e: { k: "assign", target: lv.e, op: "=", value: storedValue(f, lv.e, value(lv.kind), lv.kind), kind: lv.kind }, kind: lv.kind };
}
