// Local functions that cannot be inlined, and functions passed as values.
//
// A local function is normally inlined where it is called (calls.ts): its
// body reads and writes the caller's variables directly. One that calls
// itself, directly or through other local functions, cannot be: it is
// lambda-lifted to a C function at file scope. The variables it captures go
// by pointer in an environment struct built at each call,
//   fn_fib(rt, &(struct fn_fib_env) { &v_count }, 10.0)
// so the body updates the caller's variables as the closure would. The
// environment lives as long as the call, which is enough: a function value
// can only be called or passed down as an argument, never stored or
// returned, so no call outlives the variables it points to.
//
// A function passed as an argument is known at compile time: a function with
// a function parameter is inlined at each call, its parameter bound to the
// function passed (resolveFunctionValue), whose calls then go where that
// function's would.
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind, Param } from "../ir/ir.js";
import { cTypeOfKind } from "../ir/ir.js";
import { throwsDirectly } from "./exceptions.js";
import type { FunctionLowerer } from "./function.js";
import { skipParens, storageKindFor } from "./function.js";
import type { Binding, LiftedFunction, LocalFunction, PluginScope } from "./scope.js";
import { localName, lowerFunction } from "./userFunction.js";

/** A type that can be called: a parameter that takes a function. */
export function isFunctionType(t: ts.Type): boolean {
  return t.getCallSignatures().length > 0;
}

/**
 * What a function-valued argument is: a function written inline, a local
 * function or a top-level one by name, or a function parameter of the
 * function being inlined. Anything else (a conditional, an element of an
 * array) is chosen at run time, which the subset does not do.
 */
export function resolveFunctionValue(f: FunctionLowerer, arg: ts.Expression): Binding | undefined {
  const e = skipParens(arg);
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return { k: "lambda", fn: e };
  if (!ts.isIdentifier(e)) return undefined;
  const b = f.lookup(e);
  if (b?.k === "lambda" || b?.k === "lifted" || b?.k === "func") return b;
  let sym = f.checker.getSymbolAtLocation(e);
  if (sym !== undefined && (sym.flags & ts.SymbolFlags.Alias) !== 0) sym = f.checker.getAliasedSymbol(sym);
  return sym !== undefined && f.scope.functions.has(sym) ? { k: "func", sym } : undefined;
}

/**
 * The function whose body a callback-taking built-in inlines (xs.map(fn),
 * s.replace(re, fn)): one written inline, or a function known by name.
 */
export function callbackFunction(f: FunctionLowerer, arg: ts.Expression | undefined): LocalFunction | undefined {
  if (arg === undefined) return undefined;
  const b = resolveFunctionValue(f, arg);
  if (b?.k === "lambda" || b?.k === "lifted") return b.fn;
  if (b?.k === "func") {
    const d = b.sym.valueDeclaration;
    return d !== undefined && ts.isFunctionDeclaration(d) ? d : undefined;
  }
  return undefined;
}

/**
 * Whether n is a function that may end up lifted, or inlined into a lifted
 * one: a local function declaration, or a function expression that is not
 * a call's argument (those are inlined where they are passed). A lifted
 * function reaches its captures through pointers of their kind, so a
 * variable with a C representation of its own (a loop counter, a struct
 * local) must not be named inside one.
 */
export function mayBeLifted(n: ts.Node): boolean {
  return ts.isFunctionDeclaration(n) || ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && !ts.isCallExpression(n.parent));
}

/** The declaration of a local (not top-level) function a symbol names. */
function localFunctionOf(sym: ts.Symbol | undefined): LocalFunction | undefined {
  const d = sym?.valueDeclaration;
  if (d === undefined || ts.isSourceFile(d.parent)) return undefined;
  if (ts.isFunctionDeclaration(d) && d.body !== undefined) return d;
  if (ts.isVariableDeclaration(d) && d.initializer !== undefined) {
    const init = skipParens(d.initializer);
    if ((ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && d.parent.parent !== undefined && ts.isVariableStatement(d.parent.parent)) {
      return (d.parent.flags & ts.NodeFlags.Const) !== 0 ? init : undefined;
    }
  }
  return undefined;
}

/** `fn` and the local functions its body calls or names, transitively. */
function reach(checker: ts.TypeChecker, fn: LocalFunction): LocalFunction[] {
  const seen: LocalFunction[] = [fn];
  for (let i = 0; i < seen.length; i++) {
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) {
        const g = localFunctionOf(checker.getSymbolAtLocation(n));
        if (g !== undefined && !seen.includes(g)) seen.push(g);
      }
      ts.forEachChild(n, visit);
    };
    if (seen[i]!.body !== undefined) visit(seen[i]!.body!);
  }
  return seen;
}

/** A local function that reaches itself again through its calls: it must be lifted. */
export function isRecursive(checker: ts.TypeChecker, fn: LocalFunction): boolean {
  const mentions = (body: ts.Node): boolean => {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(n) && localFunctionOf(checker.getSymbolAtLocation(n)) === fn) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(body);
    return found;
  };
  return reach(checker, fn).some((g) => g.body !== undefined && mentions(g.body));
}

/** The lifted C function of a recursive local function, made at its first call. */
export function lift(f: FunctionLowerer, fn: LocalFunction): LiftedFunction {
  const scope = f.scope;
  const known = scope.lifted.get(fn);
  if (known !== undefined) return known;
  const checker = f.checker;
  const bodies = reach(checker, fn);
  // Declared in one of them (a parameter, a local), not one of them itself.
  const inside = (d: ts.Node | undefined): boolean => d !== undefined && bodies.some((b) => d !== b && d.pos >= b.pos && d.end <= b.end);

  // What the bodies name from the enclosing function: its variables are
  // captured, its local functions and the plugin context are passed on.
  const captured = new Map<ts.Symbol, { k: "local"; cname: string; kind: Kind }>();
  const passed = new Map<ts.Symbol, Binding>();
  let withCtx = false;
  for (const body of bodies) {
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) {
        const sym = checker.getSymbolAtLocation(n);
        const b = sym === undefined ? undefined : f.bindings.get(sym);
        if (sym !== undefined && b !== undefined && !inside(sym.valueDeclaration)) {
          if (b.k === "local") {
            if (b.lastIndex !== undefined) scope.sink.report("UnsupportedExpression", n, `'${n.text}' (a g or y regular expression captured by a recursive local function)`);
            else captured.set(sym, b);
          } else {
            if (b.k === "ctx" || b.k === "config") withCtx = true;
            passed.set(sym, b);
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(body);
  }

  const sig = checker.getSignatureFromDeclaration(fn);
  let returns = sig === undefined ? "val" : storageKindFor(scope, checker.getReturnTypeOfSignature(sig));
  if (returns === "rec") {
    scope.sink.report("UnsupportedType", fn.type ?? fn, "LogRecord", "Return a value from the function and set the field in the callback.");
    returns = "void";
  }
  const params = fn.parameters.map((p) => {
    const t = checker.getTypeAtLocation(p);
    if (isFunctionType(t)) scope.sink.report("FunctionValue", p, "A recursive local function cannot take a function parameter: it is a C function of its own.");
    const kind = storageKindFor(scope, t);
    return kind === "void" ? "val" : kind;
  });
  const cname = scope.globalNames.claim(localName(fn) ?? "local", "fn_");
  const withEvent = withCtx && (f.role === "filter" || f.lifting?.withEvent === true);
  const members = new Map<string, true>();
  const member = (name: string): string => {
    let m = name;
    for (let i = 2; members.has(m); i++) m = `${name}_${i}`;
    members.set(m, true);
    return m;
  };
  // A variable the enclosing lifted function captured itself is `(*env->x)` there.
  const plain = (cname: string): string => /^\(\*env->(\w+)\)$/.exec(cname)?.[1] ?? cname;
  const captures = [...captured].map(([sym, b]) => ({ sym, member: member(plain(b.cname)), cname: b.cname, kind: b.kind }));
  const envParams: Param[] = captures.map((c) => ({ name: c.member, ctype: `${cTypeOfKind[c.kind]} *` }));
  if (withCtx) envParams.push({ name: member("ctx"), ctype: `struct ${scope.ctxStruct} *` });
  if (withEvent) envParams.push({ name: member("ev"), ctype: "flbc_event *" });
  const hasEnv = envParams.length > 0;
  const entry: LiftedFunction = {
    cname,
    params,
    returns,
    throws: mayThrow(scope, bodies),
    env: hasEnv ? scope.globalNames.claim(`${cname}_env`) : "",
    captures,
    withCtx,
    withEvent,
  };
  // Registered before its body is lowered: the body calls it.
  scope.lifted.set(fn, entry);
  const func = lowerFunction(scope, fn, entry, {
    leading: hasEnv ? [{ name: "env", ctype: `struct ${entry.env} *` }] : [],
    setup: (g) => {
      g.lifting = entry;
      for (const c of captures) g.bindings.set(c.sym, { k: "local", cname: `(*env->${c.member})`, kind: c.kind });
      for (const [sym, b] of passed) g.bindings.set(sym, b);
    },
    prologue: (g) => [
      ...(g.usesCtx ? [{ k: "decl" as const, name: "ctx", kind: "void" as const, ctype: `struct ${scope.ctxStruct} *`, init: name("env->ctx") }] : []),
      ...(g.usesEvent ? [{ k: "decl" as const, name: "ev", kind: "void" as const, ctype: "flbc_event *", init: name("env->ev") }] : []),
    ],
  });
  if (hasEnv) func.env = { tag: entry.env, members: envParams };
  scope.liftedCode.push(func);
  scope.called.add(cname);
  return entry;
}

const name = (n: string): Expr => ({ k: "name", name: n, kind: "void" });

/**
 * The environment argument of a call: pointers to the captured variables as
 * the caller sees them (a lifted function calling itself passes its own).
 */
export function environment(f: FunctionLowerer, entry: LiftedFunction, self: boolean): Expr[] {
  if (entry.env === "") return [];
  if (self) return [name("env")];
  const items: Expr[] = entry.captures.map((c) => {
    const b = f.bindings.get(c.sym);
    const cname = b?.k === "local" ? b.cname : c.cname;
    f.used.add(cname);
    return name(cname.startsWith("(*") ? cname.slice(2, -1) : `&${cname}`);
  });
  if (entry.withCtx) {
    f.usesCtx = true;
    items.push(name("ctx"));
  }
  if (entry.withEvent) {
    f.usesEvent = true;
    items.push(name("ev"));
  }
  return [{ k: "env", tag: entry.env, items, kind: "void" }];
}

/**
 * Whether a call of the lifted function may throw, decided before its body
 * is lowered (the body's own calls need to know): one of the bodies it
 * reaches throws by itself, or calls a plugin function that may.
 */
function mayThrow(scope: PluginScope, bodies: LocalFunction[]): boolean {
  return bodies.some((b) => {
    if (b.body === undefined) return false;
    const direct = throwsDirectly(scope, b.body);
    return direct.throws || direct.callees.some((sym) => scope.functions.get(sym)?.throws === true);
  });
}
