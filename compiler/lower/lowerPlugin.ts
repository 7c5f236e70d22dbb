// Stage 4: the plugin model and its TypeScript bodies -> the IR unit. All
// TypeScript-specific reasoning ends here.
import { ts } from "../program/typescript.cjs";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { ConfigEntry, Expr, Func, Kind, StateField, Stmt, Unit } from "../ir/ir.js";
import { cTypeOfKind } from "../ir/ir.js";
import type { Callback, PluginModel } from "../plugin/buildPlugin.js";
import type { ConfigProp } from "../plugin/config.js";
import type { LoadedProgram } from "../program/loadProgram.js";
import { collectOut, flushResult, usesOut } from "./outputs.js";
import { FunctionLowerer, lineOf, skipParens, storageKindFor } from "./function.js";
import { markThrowingFunctions, unwindTail } from "./exceptions.js";
import { regexConstant, regexLastIndexSlot } from "./regex.js";
import { bigintConstant, makesBigint } from "./bigint.js";
import { markUnusedLocals } from "./unused.js";
import { NameTable } from "./names.js";
import { endsWithReturn, lowerFunction, returnOf } from "./userFunction.js";
import { isFunctionType } from "./closures.js";
import { assignRecordKeys } from "./recordKeys.js";
import { planStructs } from "./structs.js";
import type { ConfigRead, PluginScope, UserFunction } from "./scope.js";

const mapTypes: Record<ConfigProp["type"], Pick<ConfigEntry, "mapType" | "memberType">> = {
  str: { mapType: "STR", memberType: "flb_sds_t" },
  int: { mapType: "INT", memberType: "int" },
  double: { mapType: "DOUBLE", memberType: "double" },
  bool: { mapType: "BOOL", memberType: "int" },
  size: { mapType: "SIZE", memberType: "size_t" },
  time: { mapType: "TIME", memberType: "int" },
  clist: { mapType: "CLIST", memberType: "struct mk_list *" },
};

export interface LowerOptions {
  /** The source path as printed in the banner and in #line directives. */
  sourceName: string;
}

export function lowerPlugin(loaded: LoadedProgram, model: PluginModel, sink: DiagnosticSink, opts: LowerOptions): Unit {
  const globalNames = new NameTable();
  const ctxStruct = globalNames.reserve(`${model.name}_ctx`);
  // The TypeScript callbacks become ts_<name>: on_exit would clash with glibc.
  for (const n of ["lit", "lit_names", "lit_str", "lit_of", "config_map", "config_list", "property_is_empty", "plugin_log", "ts_init", "ts_filter", "ts_exit", "ts_flush", "ts_collect", "record_keys"]) {
    globalNames.reserve(n);
  }
  // Regexes are named re_1, re_2... and their tables re_1_*: keep the prefix.
  globalNames.reserve("re");
  for (const cb of ["init", "filter", "exit", "flush", "collect", "pause", "resume"]) globalNames.reserve(`cb_${model.name}_${cb}`);
  globalNames.reserve(`${model.kind}_${model.name}_plugin`);

  const members = new NameTable();
  members.reserve("ins");
  members.reserve("rt");
  members.reserve("state");
  const upstream = model.kind === "output" && model.net ? members.reserve("upstream") : undefined;
  const config = model.config.map((p) => configEntry(p, members));
  const scope: PluginScope = {
    loaded,
    sink,
    globalNames,
    globals: new Map(),
    functions: new Map(),
    config: new Map(config.map((c) => [c.key, configRead(c)])),
    state: new Map(),
    isRecordType: (t) => isApiType(loaded, t, "LogRecord"),
    apiKind: (t) => (isApiType(loaded, t, "OutputEvents") ? "events" : isApiType(loaded, t, "OutputEvent") ? "event" : undefined),
    sourceName: opts.sourceName,
    regexes: new Map(),
    regexFlags: new Map(),
    regexSource: new Map(),
    regexSlots: 0,
    called: new Set(),
    regexCode: [],
    upstream,
    usesBigint: makesBigint(loaded.entry),
    ctxStruct,
    literals: new Map(),
    structs: new Map(),
    structLocals: new Map(),
    structParams: new Map(),
    lifted: new Map(),
    liftedCode: [],
  };
  const init = model.callbacks.get("init");
  const state = init === undefined ? [] : stateFields(scope, init);
  for (const s of state) scope.state.set(s.name, s);

  const declarations = loaded.entry.statements;
  for (const s of declarations) {
    if (ts.isVariableStatement(s)) declareConstants(scope, s);
    // An overload signature or a `declare function` has no C function: the implementation is the one.
    if (ts.isFunctionDeclaration(s) && s.name !== undefined && s.body !== undefined) declareFunction(scope, s);
  }
  markThrowingFunctions(scope, declarations.filter(ts.isFunctionDeclaration));
  planStructs(scope, loaded.entry);
  const functions: Func[] = [];
  const userFunctions: Func[] = [];
  // Local functions lifted while a function is lowered go just before it.
  const place = (fn: Func): Func => {
    functions.push(...scope.liftedCode.splice(0), fn);
    return fn;
  };
  for (const s of declarations) {
    if (ts.isFunctionDeclaration(s) && s.name !== undefined && s.body !== undefined) {
      const entry = scope.functions.get(scope.loaded.checker.getSymbolAtLocation(s.name)!);
      if (entry !== undefined) userFunctions.push(place(lowerFunction(scope, s, entry)));
    }
  }
  const callbacks: Unit["callbacks"] = {};
  if (init !== undefined) {
    place(lowerCallback(scope, init, "init", ctxStruct));
    callbacks.init = "ts_init";
  }
  const filter = model.callbacks.get("filter");
  if (filter !== undefined) {
    place(lowerCallback(scope, filter, "filter", ctxStruct));
    callbacks.filter = "ts_filter";
  }
  const io = model.kind === "filter" ? undefined : model.kind === "output" ? "flush" : "collect";
  const ioCallback = io === undefined ? undefined : model.callbacks.get(io);
  if (io !== undefined && ioCallback !== undefined) {
    if (io === "flush" && model.workers > 1) checkNoStateWrites(scope, ioCallback);
    place(lowerIoCallback(scope, ioCallback, io, ctxStruct));
    callbacks[io] = `ts_${io}`;
  }
  const exit = model.callbacks.get("exit");
  if (exit !== undefined) {
    place(lowerCallback(scope, exit, "exit", ctxStruct));
    callbacks.exit = "ts_exit";
  }
  for (const fn of userFunctions) fn.uncalled = !scope.called.has(fn.name);
  // An input builds its records as values and reads none.
  const recordKeys = model.kind === "input" ? undefined : assignRecordKeys(functions, globalNames);
  return {
    kind: model.kind,
    name: model.name,
    description: model.description,
    sourceName: opts.sourceName,
    ctxStruct,
    config,
    state,
    functions,
    regexCode: scope.regexCode,
    recordKeys,
    literals: [...scope.literals].map(([text, cname]) => ({ text, cname })),
    structs: [...scope.structs.values()].map((s) => ({ tag: s.tag, members: s.fields.map((x) => ({ name: x.member, ctype: cTypeOfKind[x.kind] })) })),
    callbacks,
    output: model.kind === "output" ? { net: model.net, workers: model.workers, upstream } : undefined,
    input: model.kind === "input" ? { intervalNs: model.intervalNs } : undefined,
  };
}

function configEntry(p: ConfigProp, members: NameTable): ConfigEntry {
  const member = members.claim(p.key);
  return {
    key: p.key,
    member,
    ...mapTypes[p.type],
    defaultText: p.defaultText,
    description: p.description,
    strMember: p.type === "str" ? members.claim(`${p.key}_str`) : undefined,
  };
}

function configRead(c: ConfigEntry): ConfigRead {
  const m = (kind: Kind): Expr => ({ k: "name", name: `ctx->${c.member}`, kind });
  switch (c.mapType) {
    case "STR":
      return { expr: { k: "name", name: `ctx->${c.strMember}`, kind: "str" }, kind: "str" };
    case "DOUBLE":
      return { expr: m("num"), kind: "num" };
    case "BOOL":
      return { expr: { k: "binary", op: "!=", left: m("int"), right: { k: "name", name: "0", kind: "int" }, kind: "bool" }, kind: "bool" };
    case "INT":
    case "SIZE":
    case "TIME":
      return { expr: { k: "cast", to: "num", arg: m("int"), kind: "num" }, kind: "num" };
    case "CLIST":
      // A fresh array of the items at each read: a plugin cannot change its config.
      return { expr: { k: "call", fn: "config_list", args: [{ k: "name", name: "rt", kind: "void" }, m("void")], kind: "arr" }, kind: "arr", needsRt: true };
    default:
      return { expr: { k: "num", value: 0 }, kind: "void" };
  }
}

/** The state struct: the properties of what `init` returns. */
function stateFields(scope: PluginScope, init: Callback): StateField[] {
  const checker = scope.loaded.checker;
  const sig = checker.getSignatureFromDeclaration(init);
  if (sig === undefined) return [];
  const ret = checker.getReturnTypeOfSignature(sig);
  const names = new NameTable();
  const out: StateField[] = [];
  for (const prop of ret.getProperties()) {
    const t = checker.getTypeOfSymbolAtLocation(prop, init);
    const kind = storageKindFor(scope, t);
    if (kind !== "num" && kind !== "big" && kind !== "str" && kind !== "bool" && kind !== "lit") {
      scope.sink.report("StateShape", prop.valueDeclaration ?? init);
      continue;
    }
    out.push({ name: prop.getName(), member: names.claim(prop.getName()), kind });
  }
  return out;
}

function declareConstants(scope: PluginScope, s: ts.VariableStatement): void {
  for (const d of s.declarationList.declarations) {
    if (!ts.isIdentifier(d.name) || d.initializer === undefined) continue;
    const sym = scope.loaded.checker.getSymbolAtLocation(d.name);
    const e = skipParens(d.initializer);
    let value: { expr: Expr; kind: Kind; lastIndex?: Expr } | undefined;
    if (ts.isStringLiteralLike(e)) value = { expr: { k: "str", value: e.text }, kind: "str" };
    else if (ts.isNumericLiteral(e)) value = { expr: { k: "num", value: Number(e.text) }, kind: "num" };
    else if (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand)) {
      value = { expr: { k: "num", value: -Number(e.operand.text) }, kind: "num" };
    } else if (ts.isBigIntLiteral(e) || (ts.isPrefixUnaryExpression(e) && ts.isBigIntLiteral(e.operand))) {
      const v = bigintConstant(scope, e);
      if (v !== undefined) value = { expr: v, kind: "big" };
    } else if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) {
      value = { expr: { k: "bool", value: e.kind === ts.SyntaxKind.TrueKeyword }, kind: "bool" };
    } else if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && (e.expression.text === "Map" || e.expression.text === "Set")) {
      if (sym !== undefined) scope.globals.set(sym, { k: "inline", node: e });
    } else if (ts.isRegularExpressionLiteral(e) || ts.isNewExpression(e)) {
      const re = regexConstant(scope, e);
      if (re !== undefined) value = { expr: re, kind: "re", lastIndex: regexLastIndexSlot(scope, re, d) };
    }
    if (sym !== undefined && value !== undefined) scope.globals.set(sym, { k: "const", ...value });
  }
}

function declareFunction(scope: PluginScope, fn: ts.FunctionDeclaration): void {
  const checker = scope.loaded.checker;
  const sym = checker.getSymbolAtLocation(fn.name!);
  const sig = checker.getSignatureFromDeclaration(fn);
  if (sym === undefined || sig === undefined) return;
  if (fn.parameters.some((p) => isFunctionType(checker.getTypeAtLocation(p)))) {
    // A function parameter is bound at each call (closures.ts): the body is inlined there.
    scope.globals.set(sym, { k: "lambda", fn });
    return;
  }
  const params = fn.parameters.map((p) => paramKind(scope, p));
  let returns = storageKindFor(scope, checker.getReturnTypeOfSignature(sig));
  if (returns === "rec") {
    scope.sink.report("UnsupportedType", fn.type ?? fn.name!, "LogRecord", "Return a value from the function and set the field in the callback.");
    returns = "void";
  }
  const entry: UserFunction = { cname: scope.globalNames.claim(fn.name!.text, "fn_"), params, returns };
  scope.functions.set(sym, entry);
}

function paramKind(scope: PluginScope, p: ts.ParameterDeclaration): Kind {
  const checker = scope.loaded.checker;
  const sym = checker.getSymbolAtLocation(p.name);
  // The declared type: an optional parameter's type includes undefined.
  const t = sym !== undefined ? checker.getTypeOfSymbolAtLocation(sym, p) : checker.getTypeAtLocation(p);
  const kind = storageKindFor(scope, t);
  return kind === "void" ? "val" : kind;
}

/** A plugin callback: its parameters are the record, ctx or config. */
function lowerCallback(scope: PluginScope, cb: Callback, role: "init" | "filter" | "exit", ctxStruct: string): Func {
  const f = new FunctionLowerer(scope, role);
  const [first, second] = cb.parameters;
  const prologue: Stmt[] = [];
  let recordLocal: string | undefined;
  if (role === "filter") {
    if (first !== undefined && ts.isIdentifier(first.name)) {
      recordLocal = f.locals.claim(first.name.text, "v_");
      f.bind(first.name, { k: "local", cname: recordLocal, kind: "rec" });
    }
    if (second !== undefined && ts.isIdentifier(second.name)) f.bind(second.name, { k: "ctx" });
  } else if (first !== undefined && ts.isIdentifier(first.name)) {
    f.bind(first.name, role === "init" ? { k: "config" } : { k: "ctx" });
  }
  const body = cb.body === undefined ? [] : ts.isBlock(cb.body) ? f.block(cb.body.statements) : f.block([returnOf(cb.body)]);
  if (!endsWithReturn(body)) {
    if (role === "filter") body.push({ k: "return", value: { k: "name", name: "FLBC_KEEP", kind: "int" } });
    else body.push({ k: "return", value: { k: "name", name: "0", kind: "int" } });
  }
  body.push(...unwindTail(f, "int", role));
  markUnusedLocals(body);

  const comment = `${role}(${cb.parameters.map((p) => p.getText()).join(", ")})`;
  if (role === "filter") {
    if (f.usesCtx) prologue.push({ k: "decl", name: "ctx", kind: "void", init: { k: "name", name: "data", kind: "void" }, ctype: `struct ${ctxStruct} *` });
    if (recordLocal !== undefined && f.used.has(recordLocal)) {
      prologue.push({ k: "decl", name: recordLocal, kind: "rec", init: { k: "name", name: "&ev->body", kind: "rec" } });
      f.usesEvent = true;
    }
    return {
      name: "ts_filter",
      comment,
      params: [
        { name: "rt", ctype: "flbc_rt *", unused: !f.usesRt },
        { name: "ev", ctype: "flbc_event *", unused: !f.usesEvent },
        { name: "data", ctype: "void *", unused: !f.usesCtx },
      ],
      returns: "int",
      body: [...prologue, ...body],
      line: lineOf(cb),
    };
  }
  return {
    name: role === "init" ? "ts_init" : "ts_exit",
    comment,
    params: [
      { name: "rt", ctype: "flbc_rt *", unused: !f.usesRt },
      { name: "ctx", ctype: `struct ${ctxStruct} *`, unused: !f.usesCtx },
    ],
    returns: "int",
    body,
    line: lineOf(cb),
  };
}

/**
 * With workers, flushes of one instance run on several threads at once and
 * share ctx: flush may read ctx.state but not change it (no lock is taken).
 */
function checkNoStateWrites(scope: PluginScope, cb: Callback): void {
  const ctxParam = cb.parameters[1];
  if (ctxParam === undefined || !ts.isIdentifier(ctxParam.name)) return;
  const ctxName = ctxParam.name.text;
  const isState = (e: ts.Expression): boolean => {
    const x = skipParens(e);
    if (!ts.isPropertyAccessExpression(x) && !ts.isElementAccessExpression(x)) return false;
    const base = skipParens(x.expression);
    if (ts.isIdentifier(base) && base.text === ctxName && ts.isPropertyAccessExpression(x) && x.name.text === "state") return true;
    return isState(base);
  };
  const visit = (n: ts.Node): void => {
    const assigns =
      (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && isState(n.left)) ||
      ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
        (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) &&
        isState(n.operand));
    if (assigns) scope.sink.report("SharedStateInWorkers", n);
    ts.forEachChild(n, visit);
  };
  if (cb.body !== undefined) visit(cb.body);
}

/**
 * An output's flush(events, ctx) or an input's collect(ctx):
 * ts_flush(rt, events, ctx) returns FLBC_FLUSH_*; ts_collect(rt, out, ctx)
 * appends what ctx.emit encodes to out.
 */
function lowerIoCallback(scope: PluginScope, cb: Callback, role: "flush" | "collect", ctxStruct: string): Func {
  const f = new FunctionLowerer(scope, role);
  const second = f.locals.claim(role === "flush" ? "events" : collectOut);
  const [first, ctxParam] = role === "flush" ? cb.parameters : [undefined, cb.parameters[0]];
  let eventsLocal = second;
  if (first !== undefined && ts.isIdentifier(first.name)) {
    eventsLocal = f.locals.claim(first.name.text, "v_");
    f.bind(first.name, { k: "local", cname: eventsLocal, kind: "events" });
  }
  if (ctxParam !== undefined && ts.isIdentifier(ctxParam.name)) f.bind(ctxParam.name, { k: "ctx" });
  const body = cb.body === undefined ? [] : ts.isBlock(cb.body) ? f.block(cb.body.statements) : f.block([returnOf(cb.body)]);
  if (!endsWithReturn(body)) {
    if (role === "flush") body.push({ k: "return", value: flushResult(f, undefined) });
    else body.push({ k: "return", value: { k: "name", name: "0", kind: "int" } });
  }
  body.push(...unwindTail(f, "int", role));
  markUnusedLocals(body);
  const comment = `${role}(${cb.parameters.map((p) => p.getText()).join(", ")})`;
  const used = role === "flush" ? f.used.has(eventsLocal) : usesOut.has(f);
  return {
    name: `ts_${role}`,
    comment,
    params: [
      { name: "rt", ctype: "flbc_rt *", unused: !f.usesRt },
      { name: eventsLocal, ctype: role === "flush" ? "flbc_events *" : "flbc_buf *", unused: !used },
      { name: "ctx", ctype: `struct ${ctxStruct} *`, unused: !f.usesCtx },
    ],
    returns: "int",
    body,
    line: lineOf(cb),
  };
}

function isApiType(loaded: LoadedProgram, t: ts.Type, name: string): boolean {
  const sym = t.aliasSymbol ?? t.getSymbol();
  return sym !== undefined && sym.getName() === name && (sym.getDeclarations() ?? []).some((d) => d.getSourceFile() === loaded.apiFile);
}
