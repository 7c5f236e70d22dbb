// Map<string, T> and Set<string>: values of kind "val" holding a built
// object of kind FLBC_OBJ_MAP / FLBC_OBJ_SET (runtime-c/flbc_coll.c); their
// methods by the receiver's TypeScript type.
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind } from "../ir/ir.js";
import type { Lowered } from "./expressions.js";
import { rtName } from "./expressions.js";
import type { FunctionLowerer } from "./function.js";
import { inOrder } from "./order.js";

const call = (fn: string, args: Expr[], kind: Kind): Expr => ({ k: "call", fn, args, kind });

/** "Map" or "Set" when `e`'s type is flbc's Map or Set. */
export function collectionKind(f: FunctionLowerer, e: ts.Node): "Map" | "Set" | undefined {
  const sym = f.checker.getTypeAtLocation(e).getSymbol();
  const n = sym?.getName();
  if ((n !== "Map" && n !== "Set") || !(sym!.getDeclarations() ?? []).some((d) => d.getSourceFile().fileName.endsWith("lib.flbc.d.ts"))) {
    return undefined;
  }
  return n;
}

/** `new Map(entries?)` / `new Set(values?)`. */
export function newCollection(f: FunctionLowerer, e: ts.NewExpression, which: "Map" | "Set"): Expr {
  const kind: Expr = { k: "name", name: which === "Map" ? "FLBC_OBJ_MAP" : "FLBC_OBJ_SET", kind: "int" };
  const arg = e.arguments?.[0];
  if (arg === undefined) return call("flbc_coll_new", [rtName(f), kind], "val");
  return call("flbc_coll_from", [rtName(f), kind, f.exprAs(arg, "arr")], "val");
}

/** `c.size`. */
export function collectionProperty(c: Expr, prop: string): Lowered | undefined {
  return prop === "size" ? { e: call("flbc_coll_size", [c], "num"), kind: "num" } : undefined;
}

export function collectionMethod(f: FunctionLowerer, call0: ts.CallExpression, method: string, c: Lowered, which: "Map" | "Set"): Lowered | undefined {
  const key = (): Lowered => {
    const a = call0.arguments[0];
    return { e: a === undefined ? { k: "str", value: "undefined" } : f.exprAs(a, "str"), kind: "str" };
  };
  // The receiver, then the key: in JavaScript's order.
  const withKey = (): [Expr, Expr] => {
    const [recv, k] = inOrder(f, [c, key]);
    return [recv!.e, k!.e];
  };
  switch (method) {
    case "get": {
      const e = call("flbc_coll_get", withKey(), "val");
      const want = f.kindAt(call0);
      const conv = want === "val" || want === "void" ? undefined : f.coerce(e, "val", want);
      return conv === undefined ? { e, kind: "val" } : { e: conv, kind: want };
    }
    case "has":
      return { e: call("flbc_coll_has", withKey(), "bool"), kind: "bool" };
    case "set": {
      if (which !== "Map") return undefined;
      const a = call0.arguments[1];
      const value = (): Lowered => ({ e: a === undefined ? { k: "name", name: "FLBC_VAL_UNDEF", kind: "val" } : f.exprAs(a, "val"), kind: "val" });
      return { e: call("flbc_coll_set", [rtName(f), ...inOrder(f, [c, key, value]).map((o) => o.e)], "val"), kind: "val" };
    }
    case "add":
      if (which !== "Set") return undefined;
      return { e: call("flbc_coll_set", [rtName(f), ...withKey(), { k: "call", fn: "flbc_val_bool", args: [{ k: "bool", value: true }], kind: "val" }], "val"), kind: "val" };
    case "delete":
      return { e: call("flbc_coll_delete", withKey(), "bool"), kind: "bool" };
    case "clear":
      return { e: call("flbc_coll_clear", [c.e], "void"), kind: "void" };
    case "keys":
      return { e: call("flbc_coll_keys", [rtName(f), c.e], "arr"), kind: "arr" };
    case "values":
      return { e: call("flbc_coll_values", [rtName(f), c.e], "arr"), kind: "arr" };
    case "entries":
      return { e: call("flbc_coll_entries", [rtName(f), c.e], "arr"), kind: "arr" };
  }
  return undefined;
}
