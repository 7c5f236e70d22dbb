// Object literal types and interfaces as C structs, where the checker and
// the code prove it safe. A candidate is a local initialized with an object
// literal, or a parameter of a top-level function, whose type has only
// required fields of unboxed kinds (number, string, boolean, bigint, a
// string-literal union). It is a struct when the code uses it only through
// those fields (`p.x`, `p.x = v`, `p.n++`) or passes it to a struct
// parameter; a parameter also needs every call to pass a struct or a fresh
// object literal. A local is then `struct obj_Point v_p;`, a parameter a
// `struct obj_Point *` (the caller's struct itself, so a write in the callee
// is seen by the caller, as with JavaScript's references), and each field
// access a member access: no map is built and no field is looked up by
// name. Anything else that would see the object itself (storing it in a
// record or an array, JSON, spreading it, aliasing it, a local function
// capturing it) needs a Value with JavaScript's reference semantics, and the
// candidate stays a Value, as do the candidates it would be passed to or get
// its object from.
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import type { FunctionLowerer } from "./function.js";
import { skipParens, storageKindFor } from "./function.js";
import { NameTable } from "./names.js";
import { mayBeLifted } from "./closures.js";
import type { PluginScope, StructDef } from "./scope.js";

const unboxed = new Set<Kind>(["num", "str", "bool", "big", "lit"]);

/** An object type's fields, before a candidate of it is known to be a struct. */
interface Shape {
  /** What the struct is named after: an interface or alias, else the variable. */
  name: string;
  fields: StructDef["fields"];
  /** Field names and kinds, sorted: two types with the same one share a struct. */
  key: string;
}

/** The shape of an object type whose fields are all required and unboxed. */
function shapeOf(scope: PluginScope, t: ts.Type, at: ts.Node, variable: string): Shape | undefined {
  const checker = scope.loaded.checker;
  if ((t.flags & ts.TypeFlags.Object) === 0 || checker.isArrayType(t) || checker.isTupleType(t) || scope.isRecordType(t)) return undefined;
  if (scope.apiKind?.(t) !== undefined || t.getCallSignatures().length > 0 || checker.getIndexInfosOfType(t).length > 0) return undefined;
  const sym = t.aliasSymbol ?? t.getSymbol();
  if (sym !== undefined && (sym.getDeclarations() ?? []).some((d) => d.getSourceFile().fileName.endsWith(".d.ts"))) return undefined;
  const props = t.getProperties();
  if (props.length === 0) return undefined;
  const members = new NameTable();
  const fields: StructDef["fields"] = [];
  for (const p of props) {
    if ((p.flags & ts.SymbolFlags.Optional) !== 0 || (p.flags & ts.SymbolFlags.Property) === 0) return undefined;
    const kind = storageKindFor(scope, checker.getTypeOfSymbolAtLocation(p, at));
    if (!unboxed.has(kind)) return undefined;
    fields.push({ name: p.getName(), member: members.claim(p.getName()), kind });
  }
  const name = sym !== undefined && sym.getName() !== "__object" ? sym.getName() : variable;
  const key = fields.map((x) => `${JSON.stringify(x.name)}:${x.kind}`).sort().join(",");
  return { name, fields, key };
}

/** An object literal's property values by name, when it gives exactly the shape's fields. */
function literalFields(init: ts.Expression, fields: StructDef["fields"]): Map<string, ts.Expression> | undefined {
  const e = skipParens(init);
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  const given = new Map<string, ts.Expression>();
  for (const p of e.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) given.set(p.name.text, p.initializer);
    else if (ts.isShorthandPropertyAssignment(p)) given.set(p.name.text, p.name);
    else return undefined;
  }
  return given.size === fields.length && fields.every((x) => given.has(x.name)) ? given : undefined;
}

interface Candidate {
  shape: Shape;
  /** Its declared name, which is not a use. */
  decl: ts.Identifier;
  /** Where its uses are: the rest of its block, or the function. */
  within: ts.Node;
  /** A parameter: the function and its position. */
  param?: { fn: ts.Symbol; index: number };
}

/**
 * Decides which locals and parameters of the plugin are structs, before any
 * function is lowered, and names their struct types in source order.
 */
export function planStructs(scope: PluginScope, file: ts.SourceFile): void {
  const checker = scope.loaded.checker;
  const candidates = new Map<ts.Symbol, Candidate>();
  /** A top-level function's parameter symbols, by the function's symbol. */
  const params = new Map<ts.Symbol, (ts.Symbol | undefined)[]>();
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name !== undefined && ts.isSourceFile(n.parent) && n.body !== undefined) {
      const fn = checker.getSymbolAtLocation(n.name);
      if (fn !== undefined && scope.functions.has(fn)) {
        params.set(
          fn,
          n.parameters.map((p, index) => {
            const sym = ts.isIdentifier(p.name) ? checker.getSymbolAtLocation(p.name) : undefined;
            if (sym === undefined || p.initializer !== undefined || p.dotDotDotToken !== undefined || p.questionToken !== undefined) return undefined;
            const shape = shapeOf(scope, checker.getTypeOfSymbolAtLocation(sym, p), p, (p.name as ts.Identifier).text);
            if (shape !== undefined) candidates.set(sym, { shape, decl: p.name as ts.Identifier, within: n.body!, param: { fn, index } });
            return sym;
          }),
        );
      }
    }
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer !== undefined) {
      const statement = n.parent.parent;
      const sym = checker.getSymbolAtLocation(n.name);
      if (sym !== undefined && ts.isVariableStatement(statement) && !ts.isSourceFile(statement.parent)) {
        const shape = shapeOf(scope, checker.getTypeOfSymbolAtLocation(sym, n), n, n.name.text);
        if (shape !== undefined && literalFields(n.initializer, shape.fields) !== undefined) {
          candidates.set(sym, { shape, decl: n.name, within: statement.parent });
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(file);

  /** The candidate parameter an argument at `arg` goes to, if it is one. */
  const passedTo = (call: ts.CallExpression, arg: ts.Expression): Candidate | undefined => {
    const index = call.arguments.indexOf(arg);
    if (index < 0 || call.arguments.slice(0, index).some(ts.isSpreadElement) || !ts.isIdentifier(call.expression)) return undefined;
    const fn = checker.getSymbolAtLocation(call.expression);
    const p = fn === undefined ? undefined : params.get(fn)?.[index];
    return p === undefined ? undefined : candidates.get(p);
  };
  /** Whether every use of the candidate reads or writes a field, or passes it to a struct parameter. */
  const usedAsStruct = (sym: ts.Symbol, c: Candidate): boolean => {
    let ok = true;
    const walk = (n: ts.Node, nested: boolean): void => {
      if (!ok) return;
      if (ts.isIdentifier(n) && n !== c.decl && checker.getSymbolAtLocation(n) === sym) {
        const p = n.parent;
        const field = ts.isPropertyAccessExpression(p) && p.expression === n && c.shape.fields.some((x) => x.name === p.name.text);
        const passed = ts.isCallExpression(p) && passedTo(p, n)?.shape.key === c.shape.key;
        if (nested || !(field || passed)) ok = false;
        return;
      }
      ts.forEachChild(n, (ch) => walk(ch, nested || mayBeLifted(n)));
    };
    walk(c.within, false);
    return ok;
  };
  /** Whether a parameter's function is only ever called, each time with a struct or a fresh literal. */
  const calledWithStructs = (c: Candidate): boolean => {
    const { fn, index } = c.param!;
    let ok = true;
    const walk = (n: ts.Node): void => {
      if (!ok) return;
      if (ts.isIdentifier(n) && checker.getSymbolAtLocation(n) === fn && !ts.isFunctionDeclaration(n.parent)) {
        const call = n.parent;
        const arg = ts.isCallExpression(call) && call.expression === n ? call.arguments[index] : undefined;
        if (arg === undefined || passedTo(call as ts.CallExpression, arg) !== c) ok = false;
        else if (literalFields(arg, c.shape.fields) === undefined) {
          const given = ts.isIdentifier(skipParens(arg)) ? checker.getSymbolAtLocation(skipParens(arg)) : undefined;
          if (given === undefined || candidates.get(given)?.shape.key !== c.shape.key) ok = false;
        }
        return;
      }
      ts.forEachChild(n, walk);
    };
    walk(file);
    return ok;
  };
  // What fails makes what depends on it fail: drop until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [sym, c] of candidates) {
      if (usedAsStruct(sym, c) && (c.param === undefined || calledWithStructs(c))) continue;
      candidates.delete(sym);
      changed = true;
    }
  }
  // Named in source order (the visit's), the first of a shape naming it.
  for (const [sym, c] of candidates) {
    let def = scope.structs.get(c.shape.key);
    if (def === undefined) {
      // Prefixed: the headers define struct tags of their own (tm, stat, timespec).
      def = { tag: scope.globalNames.claim(c.shape.name, "obj_"), fields: c.shape.fields };
      scope.structs.set(c.shape.key, def);
    }
    (c.param === undefined ? scope.structLocals : scope.structParams).set(sym, def);
  }
}

/** Assigns each field its value, in the literal's order, as JavaScript evaluates them. */
function fillStruct(f: FunctionLowerer, cname: string, def: StructDef, given: Map<string, ts.Expression>, emit: (s: Stmt) => void): void {
  for (const [key, value] of given) {
    const field = def.fields.find((x) => x.name === key)!;
    const target: Expr = { k: "name", name: `${cname}.${field.member}`, kind: field.kind };
    const v = f.withPre(() => f.exprAs(value, field.kind));
    for (const s of v.pre) emit(s);
    emit({ k: "expr", expr: { k: "assign", target, op: "=", value: v.value, kind: field.kind } });
  }
}

/** `const p = { x: 1, y: 2 }` as a struct local, when the plan made it one. */
export function declareStruct(f: FunctionLowerer, d: ts.VariableDeclaration, emit: (s: Stmt) => void): boolean {
  const sym = ts.isIdentifier(d.name) ? f.checker.getSymbolAtLocation(d.name) : undefined;
  const def = sym === undefined ? undefined : f.scope.structLocals.get(sym);
  if (def === undefined) return false;
  const cname = f.locals.claim((d.name as ts.Identifier).text, "v_");
  emit({ k: "decl", name: cname, kind: "void", ctype: `struct ${def.tag}` });
  fillStruct(f, cname, def, literalFields(d.initializer!, def.fields)!, emit);
  f.bind(d.name as ts.Identifier, { k: "struct", cname, def });
  return true;
}

/** The struct a parameter is passed as, if the plan made it one. */
export function structParam(f: { scope: PluginScope; checker: ts.TypeChecker }, p: ts.ParameterDeclaration): StructDef | undefined {
  const sym = f.checker.getSymbolAtLocation(p.name);
  return sym === undefined ? undefined : f.scope.structParams.get(sym);
}

/**
 * The argument of a struct parameter: the address of a struct local, a
 * struct parameter (already one), or a fresh struct filled from a literal.
 */
export function structArgument(f: FunctionLowerer, arg: ts.Expression, def: StructDef): Expr {
  const e = skipParens(arg);
  const b = ts.isIdentifier(e) ? f.lookup(e) : undefined;
  if (b?.k === "struct") {
    f.used.add(b.cname);
    return { k: "name", name: b.pointer ? b.cname : `&${b.cname}`, kind: "void" };
  }
  const cname = f.tempName();
  f.pre.push({ k: "decl", name: cname, kind: "void", ctype: `struct ${def.tag}` });
  fillStruct(f, cname, def, literalFields(e, def.fields)!, (s) => f.pre.push(s));
  return { k: "name", name: `&${cname}`, kind: "void" };
}

/** `p.x` on a struct local or parameter: the member, as a C lvalue. */
export function structField(f: FunctionLowerer, e: ts.Expression): { e: Expr; kind: Kind } | undefined {
  const x = skipParens(e);
  if (!ts.isPropertyAccessExpression(x) || !ts.isIdentifier(x.expression)) return undefined;
  const b = f.lookup(x.expression);
  if (b?.k !== "struct") return undefined;
  const field = b.def.fields.find((p) => p.name === x.name.text);
  if (field === undefined) return undefined;
  f.used.add(b.cname);
  const name = `${b.cname}${b.pointer ? "->" : "."}${field.member}`;
  return { e: { k: "name", name, kind: field.kind }, kind: field.kind };
}
