// Lowers one function body (a user function or a plugin callback) to IR
// statements. Expressions that need statements (short-circuit operators
// over dynamic values, conditional expressions with side effects) push
// them to `pre`, the list that runs before the statement being lowered.
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import { isLoop, labelsOf, lowerBreakable, lowerJump, type Breakable } from "./control.js";
import { lowerThrow, lowerTry } from "./exceptions.js";
import { contextPath, lowerExpression, lowerStored, type Lowered } from "./expressions.js";
import { flushResult } from "./outputs.js";
import { coerce, coercionNeedsRt, isPure, truthy } from "./kinds.js";
import { NameTable } from "./names.js";
import type { Binding, FunctionRole, LiftedFunction, LocalFunction, PluginScope } from "./scope.js";
import { isFunctionType, isRecursive, resolveFunctionValue } from "./closures.js";
import { declareStruct } from "./structs.js";

const SK = ts.SyntaxKind;

export class FunctionLowerer {
  readonly locals: NameTable;
  readonly bindings = new Map<ts.Symbol, Binding>();
  /** Statements that must run before the expression being lowered. */
  pre: Stmt[] = [];
  private temps = 0;
  /** C labels of the enclosing try handlers, innermost last. */
  readonly handlers: string[] = [];
  /** The function's last handler, claimed by the first throw that needs it. */
  unwindLabel: string | undefined;
  /** Local functions being inlined (a recursive call cannot be). */
  readonly inlining: ts.Node[] = [];
  /** Enclosing loops and switches, innermost last. */
  readonly breakables: Breakable[] = [];
  /** Where `return` goes inside a callback inlined by callbacks.ts. */
  private inlineReturn: { target?: { name: string; kind: Kind }; label: string; used: boolean } | undefined;
  /** C locals that the body reads or writes. */
  readonly used = new Set<string>();
  usesRt = false;
  usesEvent = false;
  usesCtx = false;
  /** The lifted local function whose body this is (closures.ts). */
  lifting: LiftedFunction | undefined;

  constructor(
    readonly scope: PluginScope,
    readonly role: FunctionRole,
    /** C kind a user function returns. */
    readonly returnKind: Kind = "void",
  ) {
    this.locals = new NameTable(scope.globalNames);
    for (const name of ["rt", "ev", "ctx", "data", "record_fn"]) this.locals.claim(name);
  }

  get checker(): ts.TypeChecker {
    return this.scope.loaded.checker;
  }

  /** The binding of an identifier, local first. */
  lookup(id: ts.Identifier): Binding | undefined {
    // In `{ item }` the name is the property; the value is the variable.
    let sym =
      id.parent !== undefined && ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id
        ? this.checker.getShorthandAssignmentValueSymbol(id.parent)
        : this.checker.getSymbolAtLocation(id);
    if (sym === undefined) return undefined;
    if ((sym.flags & ts.SymbolFlags.Alias) !== 0) sym = this.checker.getAliasedSymbol(sym);
    const b = this.bindings.get(sym) ?? this.scope.globals.get(sym);
    if (b?.k === "local") this.used.add(b.cname);
    return b;
  }

  /** A local function: inlined where called, unless it calls itself. */
  private localFunction(fn: LocalFunction): Binding {
    return isRecursive(this.checker, fn) ? { k: "lifted", fn } : { k: "lambda", fn };
  }

  bind(id: ts.Identifier, b: Binding): void {
    const sym = this.checker.getSymbolAtLocation(id);
    if (sym !== undefined) this.bindings.set(sym, b);
  }

  /** Where a throw here goes: the innermost try, or the function's end. */
  handlerLabel(): string {
    const inner = this.handlers[this.handlers.length - 1];
    if (inner !== undefined) {
      this.usedLabels.add(inner);
      return inner;
    }
    this.unwindLabel ??= this.locals.claim("unwind");
    return this.unwindLabel;
  }

  /** Handler labels something jumps to (the others are not emitted). */
  readonly usedLabels = new Set<string>();

  /** A fresh C name for a temporary. */
  tempName(): string {
    return this.locals.claim(`t${++this.temps}`);
  }

  temp(kind: Kind, init?: Expr): string {
    const name = this.tempName();
    this.pre.push({ k: "decl", name, kind, init: init ?? zeroOf(kind) });
    return name;
  }

  /** Lowers with a fresh `pre` list and returns both. */
  withPre<T>(fn: () => T): { value: T; pre: Stmt[] } {
    const saved = this.pre;
    this.pre = [];
    try {
      const value = fn();
      return { value, pre: this.pre };
    } finally {
      this.pre = saved;
    }
  }

  kindAt(node: ts.Node): Kind {
    return this.kindOf(this.checker.getTypeAtLocation(node));
  }

  kindOf(t: ts.Type): Kind {
    return kindOfTypeFor(this.scope, t);
  }

  expr(e: ts.Expression): Lowered {
    return lowerExpression(this, e);
  }

  /** Lowers e and converts it to `kind`, reporting when it cannot. */
  exprAs(e: ts.Expression, kind: Kind): Expr {
    const l = lowerStored(this, e);
    return this.convert(l, kind, e);
  }

  /** coerce(), noting when the conversion uses the runtime. */
  coerce(e: Expr, from: Kind, to: Kind): Expr | undefined {
    if (coercionNeedsRt(from, to)) this.usesRt = true;
    if (to === "lit" && from === "str") {
      // A literal is its enum constant; `c ? "a" : "b"` picks between two.
      if (e.k === "str") return { k: "name", name: literalConstant(this.scope, e.value), kind: "lit" };
      if (e.k === "cond") {
        const then = this.coerce(e.then, from, to);
        const otherwise = this.coerce(e.else, from, to);
        if (then !== undefined && otherwise !== undefined) return { ...e, then, else: otherwise, kind: "lit" };
      }
    }
    return coerce(e, from, to);
  }

  convert(l: Lowered, kind: Kind, at: ts.Node): Expr {
    const c = this.coerce(l.e, l.kind, kind);
    if (c === undefined) {
      this.scope.sink.report("UnsupportedType", at, this.checker.typeToString(this.checker.getTypeAtLocation(at)), `Expected a value that converts to ${kindName(kind)}.`);
      return zeroOf(kind) ?? { k: "num", value: 0 };
    }
    return c;
  }

  /** A condition: JavaScript truthiness as a C bool. */
  condition(e: ts.Expression): Expr {
    const l = this.expr(e);
    const t = truthy(l.e, l.kind);
    if (t === undefined) {
      this.scope.sink.report("UnsupportedType", e, this.checker.typeToString(this.checker.getTypeAtLocation(e)), "Compare it explicitly.");
      return { k: "bool", value: false };
    }
    return t;
  }

  // ------------------------------------------------------------ statements

  block(statements: readonly ts.Statement[]): Stmt[] {
    const out: Stmt[] = [];
    // Function declarations are hoisted: callable from anywhere in the block.
    for (const s of statements) {
      if (ts.isFunctionDeclaration(s) && s.name !== undefined && s.body !== undefined) this.bind(s.name, this.localFunction(s));
    }
    for (const s of statements) this.statement(s, out);
    return out;
  }

  private statement(s: ts.Statement, out: Stmt[]): void {
    const line = lineOf(s);
    const emit = (st: Stmt) => {
      const pre = this.pre;
      this.pre = [];
      for (const p of pre) out.push({ ...p, line: p.line ?? line });
      out.push({ ...st, line });
    };
    switch (s.kind) {
      case SK.Block:
        emit({ k: "block", body: this.block((s as ts.Block).statements) });
        return;
      case SK.EmptyStatement:
      case SK.InterfaceDeclaration:
      case SK.TypeAliasDeclaration:
      case SK.FunctionDeclaration: // bound by block(), inlined where called
        return;
      case SK.ExpressionStatement:
        this.expressionStatement((s as ts.ExpressionStatement).expression, emit);
        return;
      case SK.IfStatement: {
        const i = s as ts.IfStatement;
        // The test's own statements go before the if, not into the first branch lowered after it.
        const test = this.withPre(() => this.condition(i.expression));
        const then = this.block(asStatements(i.thenStatement));
        const otherwise = i.elseStatement ? this.block(asStatements(i.elseStatement)) : undefined;
        this.pre.push(...test.pre);
        emit({ k: "if", test: test.value, then, else: otherwise });
        return;
      }
      case SK.ReturnStatement:
        this.returnStatement(s as ts.ReturnStatement, emit);
        return;
      case SK.VariableStatement:
        for (const d of (s as ts.VariableStatement).declarationList.declarations) {
          this.variable(d, emit);
        }
        return;
      case SK.BreakStatement:
      case SK.ContinueStatement:
        emit(lowerJump(this, s as ts.BreakStatement | ts.ContinueStatement));
        return;
      case SK.LabeledStatement: {
        const { labels, inner } = labelsOf(s as ts.LabeledStatement);
        if (isLoop(inner) || ts.isSwitchStatement(inner)) {
          for (const st of lowerBreakable(this, inner, labels)) emit(st);
        } else {
          this.scope.sink.report("UnsupportedStatement", s, "A label on something other than a loop or switch", "Put the label on a loop.");
        }
        return;
      }
      case SK.SwitchStatement:
        for (const st of lowerBreakable(this, s as ts.SwitchStatement, [])) emit(st);
        return;
      case SK.ThrowStatement:
        for (const st of lowerThrow(this, s as ts.ThrowStatement)) emit(st);
        return;
      case SK.TryStatement:
        for (const st of lowerTry(this, s as ts.TryStatement)) emit(st);
        return;
      default:
        if (isLoop(s)) {
          for (const st of lowerBreakable(this, s, [])) emit(st);
          return;
        }
        this.scope.sink.report("UnsupportedStatement", s, `'${SK[s.kind]}'`, "This statement is outside the subset.");
    }
  }

  variable(d: ts.VariableDeclaration, emit: (s: Stmt) => void): void {
    if (!ts.isIdentifier(d.name)) {
      this.destructure(d.name, d.initializer, emit);
      return;
    }
    const init0 = d.initializer === undefined ? undefined : skipParens(d.initializer);
    if (init0 !== undefined && (ts.isArrowFunction(init0) || ts.isFunctionExpression(init0))) {
      this.bind(d.name, this.localFunction(init0));
      return;
    }
    if (init0 !== undefined && isFunctionType(this.checker.getTypeAtLocation(d.name))) {
      // `const g = f`: another name for a function known here.
      const value = resolveFunctionValue(this, init0);
      if (value === undefined || !isConst(d)) this.scope.sink.report("FunctionValue", init0, "A function can be given another name only with `const`, from a function known at compile time.");
      // After the error, calls of the name still resolve (to a branch), so no error follows from it.
      const stand = value ?? (ts.isConditionalExpression(init0) ? resolveFunctionValue(this, init0.whenTrue) : undefined);
      if (stand !== undefined) this.bind(d.name, stand);
      return;
    }
    if (init0 !== undefined && isConst(d) && contextPath(this, init0) === "config") {
      // `const c = ctx.config`: another name for the config, read as ctx.config is.
      this.bind(d.name, { k: "config" });
      return;
    }
    if (declareStruct(this, d, emit)) return;
    const sym = this.checker.getSymbolAtLocation(d.name);
    const declared = sym ? this.checker.getTypeOfSymbolAtLocation(sym, d) : this.checker.getTypeAtLocation(d);
    let kind = storageKindFor(this.scope, declared);
    if (kind === "void") kind = "val";
    if (kind === "rec") {
      const init = d.initializer ? this.expr(d.initializer) : undefined;
      const cname = this.locals.claim(d.name.text, "v_");
      if (init === undefined || init.kind === "rec") {
        // An alias of the record: the same pointer under another name.
        this.bind(d.name, { k: "local", cname, kind: "rec" });
        emit({ k: "decl", name: cname, kind: "rec", init: init?.e });
        return;
      }
      // A new object typed as a LogRecord ({ ...record, k: v }): a map Value.
      this.bind(d.name, { k: "local", cname, kind: "val" });
      emit({ k: "decl", name: cname, kind: "val", init: this.convert(init, "val", d.initializer!) });
      return;
    }
    const init = d.initializer ? this.exprAs(d.initializer, kind) : zeroOf(kind);
    const cname = this.locals.claim(d.name.text, "v_");
    const flags = kind === "re" && init?.k === "name" ? this.scope.regexFlags.get(init.name.slice(1)) ?? "" : "";
    if (/[gy]/.test(flags)) {
      // A g/y regex object made here: its lastIndex lives as long as it does.
      const li = this.locals.claim(`${d.name.text}_lastIndex`, "v_");
      emit({ k: "decl", name: li, kind: "num", init: { k: "num", value: 0 } });
      this.bind(d.name, { k: "local", cname, kind, lastIndex: { k: "name", name: li, kind: "num" } });
    } else {
      this.bind(d.name, { k: "local", cname, kind });
    }
    emit({ k: "decl", name: cname, kind, init });
  }

  /**
   * `const { a, b: c = 1 } = obj` and `const [x, y = 0] = xs`: the source is
   * evaluated once, then each name reads its field or element, and takes its
   * default when that is undefined.
   */
  private destructure(pattern: ts.ObjectBindingPattern | ts.ArrayBindingPattern, init: ts.Expression | undefined, emit: (s: Stmt) => void): void {
    if (init === undefined) return;
    if (ts.isObjectBindingPattern(pattern) && contextPath(this, init) === "config") {
      this.destructureConfig(pattern, emit);
      return;
    }
    this.destructureFrom(pattern, this.expr(init), emit);
  }

  /**
   * `const { a, b: c } = ctx.config`: each name is a local holding its
   * property (the config is not a Value to read fields from). Every property
   * always has a value, so a default is never taken.
   */
  private destructureConfig(pattern: ts.ObjectBindingPattern, emit: (s: Stmt) => void): void {
    for (const el of pattern.elements) {
      const key = el.propertyName !== undefined && !ts.isComputedPropertyName(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
      const read = key === undefined || el.dotDotDotToken !== undefined ? undefined : this.scope.config.get(key);
      if (read === undefined || !ts.isIdentifier(el.name)) {
        this.scope.sink.report("UnsupportedExpression", el, `'${el.getText()}' (destructure ctx.config by property name)`);
        continue;
      }
      this.usesCtx = true;
      if (read.needsRt === true) this.usesRt = true;
      const cname = this.locals.claim(el.name.text, "v_");
      emit({ k: "decl", name: cname, kind: read.kind, init: read.expr });
      this.bind(el.name, { k: "local", cname, kind: read.kind });
    }
  }

  /** The same, from a value already lowered (a for...of element). */
  destructureFrom(pattern: ts.ObjectBindingPattern | ts.ArrayBindingPattern, source: Lowered, emit: (s: Stmt) => void): void {
    const holder = this.locals.claim("source");
    emit({ k: "decl", name: holder, kind: source.kind, init: source.e });
    const src: Expr = { k: "name", name: holder, kind: source.kind };
    pattern.elements.forEach((el, i) => {
      if (ts.isOmittedExpression(el) || !ts.isIdentifier(el.name)) return;
      let read: Expr;
      if (el.dotDotDotToken !== undefined) {
        const kind = ts.isArrayBindingPattern(pattern) ? "arr" : "val";
        const cname = this.locals.claim(el.name.text, "v_");
        emit({ k: "decl", name: cname, kind, init: this.restOf(pattern, src, source.kind, i) });
        this.bind(el.name, { k: "local", cname, kind });
        return;
      }
      if (ts.isObjectBindingPattern(pattern)) {
        const key = el.propertyName !== undefined && !ts.isComputedPropertyName(el.propertyName) ? el.propertyName.text : el.name.text;
        const keyExpr: Expr = { k: "str", value: key };
        read =
          source.kind === "rec"
            ? { k: "call", fn: "flbc_rec_get", args: [src, keyExpr], kind: "val" }
            : { k: "call", fn: "flbc_val_get", args: [this.coerce(src, source.kind, "val") ?? src, keyExpr], kind: "val" };
      } else {
        const index: Expr = { k: "num", value: i };
        read =
          source.kind === "arr"
            ? { k: "call", fn: "flbc_arr_at", args: [src, index], kind: "val" }
            : { k: "call", fn: "flbc_val_index", args: [this.coerce(src, source.kind, "val") ?? src, index], kind: "val" };
      }
      let kind = this.kindAt(el.name);
      if (kind === "void") kind = "val";
      const cname = this.locals.claim(el.name.text, "v_");
      if (el.initializer !== undefined) {
        // The default applies when the value is undefined (not null).
        const raw = this.locals.claim(`${el.name.text}_raw`);
        emit({ k: "decl", name: raw, kind: "val", init: read });
        const rawName: Expr = { k: "name", name: raw, kind: "val" };
        const dflt = this.withPre(() => this.exprAs(el.initializer!, kind));
        const value = this.coerce(rawName, "val", kind) ?? rawName;
        const isUndef: Expr = { k: "binary", op: "==", left: { k: "member", base: rawName, field: "tag", kind: "int" }, right: { k: "name", name: "FLBC_UNDEF", kind: "int" }, kind: "bool" };
        for (const p of dflt.pre) emit(p);
        emit({ k: "decl", name: cname, kind, init: { k: "cond", test: isUndef, then: dflt.value, else: value, kind } });
      } else {
        emit({ k: "decl", name: cname, kind, init: this.coerce(read, "val", kind) ?? read });
      }
      this.bind(el.name, { k: "local", cname, kind });
    });
  }

  /**
   * `...rest` in a pattern: the items from index i on (a new array), or a
   * new object of the pairs the other names do not take.
   */
  private restOf(pattern: ts.ObjectBindingPattern | ts.ArrayBindingPattern, src: Expr, kind: Kind, i: number): Expr {
    this.usesRt = true;
    const rt: Expr = { k: "name", name: "rt", kind: "void" };
    if (ts.isArrayBindingPattern(pattern)) {
      const arr = kind === "arr" ? src : { k: "call" as const, fn: "flbc_val_to_arr", args: [rt, this.coerce(src, kind, "val") ?? src], kind: "arr" as const };
      return { k: "call", fn: "flbc_arr_slice", args: [rt, arr, { k: "num", value: i }, { k: "name", name: "FLBC_VAL_UNDEF", kind: "val" }], kind: "arr" };
    }
    const value = kind === "rec" ? { k: "call" as const, fn: "flbc_rec_to_val", args: [rt, src], kind: "val" as const } : this.coerce(src, kind, "val") ?? src;
    const taken: Expr[] = [];
    for (const el of pattern.elements) {
      if (el.dotDotDotToken !== undefined) continue;
      const key = el.propertyName !== undefined && !ts.isComputedPropertyName(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
      if (key !== undefined) taken.push({ k: "str", value: key });
    }
    const omit: Expr = taken.length === 0 ? { k: "name", name: "NULL", kind: "void" } : { k: "array", ctype: "flbc_str", items: taken, kind: "void" };
    return { k: "call", fn: "flbc_obj_rest", args: [rt, value, { k: "name", name: String(taken.length), kind: "int" }, omit], kind: "val" };
  }

  expressionStatement(e: ts.Expression, emit: (s: Stmt) => void): void {
    const inner = skipParens(e);
    if (ts.isDeleteExpression(inner)) {
      emit({ k: "expr", expr: this.deleteField(inner) });
      return;
    }
    // Unused, so a string-literal union's member needs no string.
    const l = lowerStored(this, inner);
    // A value computed by statements already emitted (xs.sort(...) leaves the
    // array's name): nothing is left to evaluate.
    emit(isPure(l.e) ? { k: "empty" } : { k: "expr", expr: l.e });
  }

  deleteField(d: ts.DeleteExpression): Expr {
    const target = skipParens(d.expression);
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
      const rec = this.expr(target.expression);
      if (rec.kind === "rec") {
        return { k: "call", fn: "flbc_rec_delete", args: [rec.e, this.fieldKey(target)], kind: "void" };
      }
    }
    this.scope.sink.report("DeleteNotRecord", d);
    return { k: "num", value: 0 };
  }

  /** The key of `record.name` or `record[expr]` as a flbc_str. */
  fieldKey(target: ts.PropertyAccessExpression | ts.ElementAccessExpression): Expr {
    if (ts.isPropertyAccessExpression(target)) return { k: "str", value: target.name.text };
    const arg = skipParens(target.argumentExpression);
    if (ts.isStringLiteralLike(arg)) return { k: "str", value: arg.text };
    return this.exprAs(arg, "str");
  }

  /**
   * The body of an inlined callback: its value goes to `target`, and a
   * `return` jumps to `label` (the end of that iteration).
   */
  inlineCallback(
    cb: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration,
    target: { name: string; kind: Kind } | undefined,
    label: string,
  ): { stmts: Stmt[]; usedLabel: boolean } {
    const saved = this.inlineReturn;
    const ctx = { target, label, used: false };
    this.inlineReturn = ctx;
    try {
      if (cb.body === undefined) return { stmts: [], usedLabel: false };
      if (ts.isBlock(cb.body)) {
        const block = cb.body;
        // The caller's pending statements stay the caller's.
        const r = this.withPre(() => this.block(block.statements));
        return { stmts: r.value, usedLabel: ctx.used };
      }
      const body = cb.body;
      const r = this.withPre(() => (target === undefined ? this.expr(body).e : this.exprAs(body, target.kind)));
      const last: Stmt =
        target === undefined
          ? isPure(r.value) ? { k: "empty" } : { k: "expr", expr: r.value }
          : { k: "expr", expr: { k: "assign", target: { k: "name", name: target.name, kind: target.kind }, op: "=", value: r.value, kind: target.kind } };
      return { stmts: [...r.pre, { ...last, line: lineOf(body) }], usedLabel: false };
    } finally {
      this.inlineReturn = saved;
    }
  }

  private returnStatement(r: ts.ReturnStatement, emit: (s: Stmt) => void): void {
    const e = r.expression === undefined ? undefined : skipParens(r.expression);
    const inline = this.inlineReturn;
    if (inline !== undefined) {
      const t = inline.target;
      if (t !== undefined) {
        const value = e === undefined ? zeroOf(t.kind)! : this.exprAs(e, t.kind);
        emit({ k: "expr", expr: { k: "assign", target: { k: "name", name: t.name, kind: t.kind }, op: "=", value, kind: t.kind } });
      } else if (e !== undefined) {
        this.expressionStatement(e, emit);
      }
      inline.used = true;
      emit({ k: "goto", label: inline.label });
      return;
    }
    switch (this.role) {
      case "user":
        emit({ k: "return", value: e === undefined ? undefined : this.exprAs(e, this.returnKind) });
        return;
      case "exit":
        if (e !== undefined) this.expressionStatement(e, emit);
        emit({ k: "return", value: { k: "name", name: "0", kind: "int" } });
        return;
      case "init":
        this.initReturn(r, e, emit);
        return;
      case "filter":
        emit({ k: "return", value: this.filterResult(e) });
        return;
      case "flush":
        emit({ k: "return", value: flushResult(this, e) });
        return;
      case "collect":
        if (e !== undefined) this.expressionStatement(e, emit);
        emit({ k: "return", value: { k: "name", name: "0", kind: "int" } });
        return;
    }
  }

  private filterResult(e: ts.Expression | undefined): Expr {
    const keep: Expr = { k: "name", name: "FLBC_KEEP", kind: "int" };
    const drop: Expr = { k: "name", name: "FLBC_DROP", kind: "int" };
    if (e === undefined || e.kind === SK.TrueKeyword) return keep;
    if (e.kind === SK.FalseKeyword) return drop;
    const kind = this.kindAt(e);
    if (kind === "bool") return { k: "cond", test: this.exprAs(e, "bool"), then: keep, else: drop, kind: "int" };
    // Returning the record itself keeps it, with its edits.
    if (kind === "rec" && ts.isIdentifier(e) && this.lookup(e)?.k === "local") return keep;
    // A record replaces the body, an array of records splits the event;
    // the runtime checks the value as the Node engine does.
    this.usesRt = true;
    this.usesEvent = true;
    const value = this.exprAs(e, "val");
    return { k: "call", fn: "flbc_filter_result", args: [{ k: "name", name: "rt", kind: "void" }, { k: "name", name: "ev", kind: "void" }, value], kind: "int" };
  }

  private initReturn(r: ts.ReturnStatement, e: ts.Expression | undefined, emit: (s: Stmt) => void): void {
    if (e !== undefined && !ts.isObjectLiteralExpression(e)) {
      this.scope.sink.report("StateShape", e);
      return;
    }
    const given = new Map<string, ts.Expression>();
    for (const p of e?.properties ?? []) {
      if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
        given.set(p.name.text, p.initializer);
      } else if (ts.isShorthandPropertyAssignment(p)) {
        given.set(p.name.text, p.name);
      } else {
        this.scope.sink.report("StateShape", p);
      }
    }
    for (const field of this.scope.state.values()) {
      const value = given.get(field.name);
      const target: Expr = { k: "name", name: `ctx->state.${field.member}`, kind: field.kind };
      const rhs = value === undefined ? zeroOf(field.kind)! : this.exprAs(value, field.kind);
      this.usesCtx = true;
      for (const s of this.assignState(target, field.kind, rhs)) emit(s);
    }
    void r;
    emit({ k: "return", value: { k: "name", name: "0", kind: "int" } });
  }

  /** State strings live on the instance heap: copy in, free the old copy. */
  assignState(target: Expr, kind: Kind, value: Expr): Stmt[] {
    if (kind !== "str") return [{ k: "expr", expr: { k: "assign", target, op: "=", value, kind } }];
    const copy = this.tempName();
    return [
      {
        k: "block",
        body: [
          { k: "decl", name: copy, kind: "str", init: { k: "call", fn: "flbc_str_dup_heap", args: [value], kind: "str" } },
          { k: "expr", expr: { k: "call", fn: "flbc_str_free_heap", args: [target], kind: "void" } },
          { k: "expr", expr: { k: "assign", target, op: "=", value: { k: "name", name: copy, kind: "str" }, kind: "str" } },
        ],
      },
    ];
  }
}

/**
 * TypeScript type -> C kind. A type whose values all have one unboxed
 * representation gets it (number -> double, string -> flbc_str, boolean
 * -> bool); anything that mixes them, or may be null/undefined, is a
 * dynamic flbc_val.
 */
export function kindOfTypeFor(scope: PluginScope, t: ts.Type): Kind {
  if (scope.isRecordType(t)) return "rec";
  const api = scope.apiKind?.(t);
  if (api !== undefined) return api;
  const checker = scope.loaded.checker;
  if (checker.isArrayType(t) || checker.isTupleType(t)) return "arr";
  const sym = t.getSymbol();
  if (sym?.getName() === "RegExp" && (sym.getDeclarations() ?? []).some((d) => d.getSourceFile().fileName.endsWith("lib.flbc.d.ts"))) {
    return "re";
  }
  const F = ts.TypeFlags;
  const parts = t.isUnion() ? t.types : [t];
  if (parts.every((p) => (p.flags & F.NumberLike) !== 0)) return "num";
  if (parts.every((p) => (p.flags & F.BigIntLike) !== 0)) return "big";
  if (parts.every((p) => (p.flags & F.StringLike) !== 0)) return "str";
  if (parts.every((p) => (p.flags & F.BooleanLike) !== 0)) return "bool";
  if (parts.every((p) => (p.flags & (F.Void | F.Undefined)) !== 0)) return "void";
  return "val";
}

/**
 * The kind a variable, parameter, return value or state field of type t is
 * stored as: its kind, except that a union of string literals (`"debug" |
 * "info"`) is an enum constant of the plugin's `lit` type. Reads give the
 * string (lowerExpression), `===` and switch compare the constants.
 */
export function storageKindFor(scope: PluginScope, t: ts.Type): Kind {
  const kind = kindOfTypeFor(scope, t);
  if (kind !== "str" || !t.isUnion() || t.types.length < 2 || !t.types.every((p) => p.isStringLiteral())) return kind;
  for (const p of t.types) literalConstant(scope, (p as ts.StringLiteralType).value);
  return "lit";
}

/** The enum constant of a string-literal union member, claimed on first use. */
export function literalConstant(scope: PluginScope, text: string): string {
  let cname = scope.literals.get(text);
  if (cname === undefined) {
    cname = scope.globalNames.claim(text === "" ? "empty" : text, "lit_");
    scope.literals.set(text, cname);
  }
  return cname;
}

export function zeroOf(kind: Kind): Expr | undefined {
  switch (kind) {
    case "num":
      return { k: "num", value: 0 };
    case "big":
      return { k: "big", value: 0n };
    case "bool":
      return { k: "bool", value: false };
    case "str":
      return { k: "name", name: "FLBC_STR_EMPTY", kind: "str" };
    case "val":
      return { k: "name", name: "FLBC_VAL_UNDEF", kind: "val" };
    case "int":
      return { k: "name", name: "0", kind: "int" };
    case "arr":
      return { k: "name", name: "NULL", kind: "arr" };
    case "lit":
      return { k: "name", name: "0", kind: "lit" };
    default:
      return undefined;
  }
}

function kindName(kind: Kind): string {
  return { num: "a number", big: "a bigint", str: "a string", bool: "a boolean", val: "a Value", rec: "a record", arr: "an array", re: "a RegExp", events: "the events of a flush", event: "an event", int: "an integer", lit: "a string", void: "nothing" }[kind];
}

export function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

function asStatements(s: ts.Statement): readonly ts.Statement[] {
  return ts.isBlock(s) ? s.statements : [s];
}

export function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

/** A `const` declaration (its list carries the flag). */
function isConst(d: ts.VariableDeclaration): boolean {
  return (ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) !== 0;
}
