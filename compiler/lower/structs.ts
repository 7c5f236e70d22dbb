// Object literal types and interfaces as C structs, where the checker and
// the code prove it safe: a local initialized with an object literal whose
// type has only required fields of unboxed kinds (number, string, boolean,
// bigint, a string-literal union), and which the code uses only through
// those fields (`p.x`, `p.x = v`, `p.n++`). It is then a C struct local,
// `struct Point v_p;`, and each field access a member access: no map is
// built and no field is looked up by name. Anything else that would see the
// object itself (passing it, storing it in a record or an array, JSON,
// spreading it, aliasing it) needs a Value with JavaScript's reference
// semantics, and such a local stays a Value.
import { ts } from "@ts-morph/bootstrap";
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import type { FunctionLowerer } from "./function.js";
import { skipParens, storageKindFor } from "./function.js";
import { NameTable } from "./names.js";
import { mayBeLifted } from "./closures.js";
import type { StructDef } from "./scope.js";

const unboxed = new Set<Kind>(["num", "str", "bool", "big", "lit"]);

/**
 * The struct of an object type whose fields are all required and unboxed;
 * registered (and named) once a local of that type is one.
 */
function structOf(f: FunctionLowerer, t: ts.Type, at: ts.Node, local: string): StructDef | undefined {
  const scope = f.scope;
  const known = scope.structs.get(t);
  if (known !== undefined) return known;
  const checker = f.checker;
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
  // An interface or alias by its name; an object literal's own type by its variable's.
  const named = sym !== undefined && sym.getName() !== "__object" ? sym.getName() : local;
  return { tag: named, fields };
}

/** Whether every use of the variable under `scope` reads or writes one of its fields. */
function onlyFields(checker: ts.TypeChecker, sym: ts.Symbol, decl: ts.Identifier, within: ts.Node, def: StructDef): boolean {
  let ok = true;
  const visit = (n: ts.Node, nested: boolean): void => {
    if (!ok) return;
    if (ts.isIdentifier(n) && n !== decl && checker.getSymbolAtLocation(n) === sym) {
      const p = n.parent;
      const field = ts.isPropertyAccessExpression(p) && p.expression === n && def.fields.some((x) => x.name === p.name.text);
      if (!field || nested) ok = false;
      return;
    }
    ts.forEachChild(n, (c) => visit(c, nested || mayBeLifted(n)));
  };
  visit(within, false);
  return ok;
}

/**
 * `const p = { x: 1, y: 2 }` as a struct local, when it qualifies: the
 * declaration and one member assignment per property, in source order.
 */
export function declareStruct(f: FunctionLowerer, d: ts.VariableDeclaration, emit: (s: Stmt) => void): boolean {
  const init = d.initializer === undefined ? undefined : skipParens(d.initializer);
  if (!ts.isIdentifier(d.name) || init === undefined || !ts.isObjectLiteralExpression(init)) return false;
  const sym = f.checker.getSymbolAtLocation(d.name);
  const statement = d.parent.parent;
  if (sym === undefined || !ts.isVariableStatement(statement) || statement.parent === undefined) return false;
  const type = f.checker.getTypeOfSymbolAtLocation(sym, d);
  const def = structOf(f, type, d, d.name.text);
  if (def === undefined) return false;
  const given = new Map<string, ts.Expression>();
  for (const p of init.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) given.set(p.name.text, p.initializer);
    else if (ts.isShorthandPropertyAssignment(p)) given.set(p.name.text, p.name);
    else return false;
  }
  if (given.size !== def.fields.length || !def.fields.every((x) => given.has(x.name))) return false;
  if (!onlyFields(f.checker, sym, d.name, statement.parent, def)) return false;
  if (!f.scope.structs.has(type)) {
    // Prefixed: the headers define struct tags of their own (tm, stat, timespec).
    def.tag = f.scope.globalNames.claim(def.tag, "obj_");
    f.scope.structs.set(type, def);
  }
  const cname = f.locals.claim(d.name.text, "v_");
  emit({ k: "decl", name: cname, kind: "void", ctype: `struct ${def.tag}` });
  // Property values in the literal's order, as JavaScript evaluates them.
  for (const [key, value] of given) {
    const field = def.fields.find((x) => x.name === key)!;
    const target: Expr = { k: "name", name: `${cname}.${field.member}`, kind: field.kind };
    const v = f.withPre(() => f.exprAs(value, field.kind));
    for (const s of v.pre) emit(s);
    emit({ k: "expr", expr: { k: "assign", target, op: "=", value: v.value, kind: field.kind } });
  }
  f.bind(d.name, { k: "struct", cname, def });
  return true;
}

/** `p.x` on a struct local: the member, as a C lvalue. */
export function structField(f: FunctionLowerer, e: ts.Expression): { e: Expr; kind: Kind } | undefined {
  const x = skipParens(e);
  if (!ts.isPropertyAccessExpression(x) || !ts.isIdentifier(x.expression)) return undefined;
  const b = f.lookup(x.expression);
  if (b?.k !== "struct") return undefined;
  const field = b.def.fields.find((p) => p.name === x.name.text);
  if (field === undefined) return undefined;
  f.used.add(b.cname);
  return { e: { k: "name", name: `${b.cname}.${field.member}`, kind: field.kind }, kind: field.kind };
}
