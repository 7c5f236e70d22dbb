// A plugin function as a C function: a top-level `function`, or a local one
// lifted by closures.ts. Its parameters are C parameters after `rt` (and a
// lifted function's environment); its body returns the C kind of its
// TypeScript return type, and enters the call-depth guard.
import { ts } from "../program/typescript.cjs";
import type { Func, Param, Stmt } from "../ir/ir.js";
import { cTypeOfKind } from "../ir/ir.js";
import { guardRecursion } from "./depth.js";
import { unwindTail } from "./exceptions.js";
import { FunctionLowerer, lineOf, zeroOf } from "./function.js";
import type { LocalFunction, PluginScope, UserFunction } from "./scope.js";
import { structParam } from "./structs.js";
import { markUnusedLocals } from "./unused.js";

export interface FunctionShape {
  /** C parameters before the TypeScript ones (after `rt`). */
  leading?: Param[];
  /** Binds what the body sees besides its parameters (a closure's captures). */
  setup?: (f: FunctionLowerer) => void;
  /** Statements before the body, once it is lowered (reads from the environment). */
  prologue?: (f: FunctionLowerer) => Stmt[];
}

export function lowerFunction(scope: PluginScope, fn: ts.FunctionDeclaration | LocalFunction, entry: UserFunction, shape: FunctionShape = {}): Func {
  const f = new FunctionLowerer(scope, "user", entry.returns);
  const params: Param[] = [{ name: "rt", ctype: "flbc_rt *" }, ...(shape.leading ?? [])];
  for (const p of shape.leading ?? []) f.locals.claim(p.name);
  shape.setup?.(f);
  fn.parameters.forEach((p, i) => {
    if (!ts.isIdentifier(p.name)) return;
    const kind = entry.params[i]!;
    const cname = f.locals.claim(p.name.text, "v_");
    const def = structParam(f, p);
    if (def !== undefined) {
      f.bind(p.name, { k: "struct", cname, def, pointer: true });
      params.push({ name: cname, ctype: `struct ${def.tag} *` });
      return;
    }
    f.bind(p.name, { k: "local", cname, kind });
    params.push({ name: cname, ctype: cTypeOfKind[kind] });
  });
  const body = fn.body === undefined ? [] : f.block(ts.isBlock(fn.body) ? fn.body.statements : [returnOf(fn.body)]);
  const zero = zeroOf(entry.returns);
  if (zero !== undefined && !endsWithReturn(body)) body.push({ k: "return", value: zero });
  body.push(...unwindTail(f, entry.returns, "user"));
  const guarded = guardRecursion([...(shape.prologue?.(f) ?? []), ...body], entry.returns, f.locals.claim("result"));
  markUnusedLocals(guarded);
  // rt is always used now: the call-depth guard reads it.
  return {
    name: entry.cname,
    comment: signatureText(fn),
    params,
    returns: cTypeOfKind[entry.returns],
    body: guarded,
    line: lineOf(fn),
  };
}

/** `return e;` for an arrow function's expression body. */
export function returnOf(e: ts.Expression): ts.Statement {
  const r = ts.factory.createReturnStatement(e);
  ts.setTextRange(r, e);
  (r as { parent?: ts.Node }).parent = e.parent;
  return r;
}

export function endsWithReturn(body: Stmt[]): boolean {
  const last = body[body.length - 1];
  if (last === undefined) return false;
  if (last.k === "return") return true;
  if (last.k === "if") return last.else !== undefined && endsWithReturn(last.then) && endsWithReturn(last.else);
  if (last.k === "block") return endsWithReturn(last.body);
  return false;
}

function signatureText(fn: ts.FunctionDeclaration | LocalFunction): string {
  const params = fn.parameters.map((p) => p.getText()).join(", ");
  const returns = fn.type ? ": " + fn.type.getText() : "";
  if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) return `function ${fn.name?.text ?? ""}(${params})${returns}`;
  return `${localName(fn) ?? ""} = (${params})${returns} => ...`;
}

/** The name a local function is known by: its own, or its variable's. */
export function localName(fn: LocalFunction): string | undefined {
  if (!ts.isArrowFunction(fn) && fn.name !== undefined) return fn.name.text;
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}
