// Conversions between C value kinds (see kindOfTypeFor in function.ts for
// how a TypeScript type picks its kind).
import type { Expr, Kind } from "../ir/ir.js";

const rt: Expr = { k: "name", name: "rt", kind: "void" };

/** Whether converting from -> to needs the runtime (it allocates). */
export function coercionNeedsRt(from: Kind, to: Kind): boolean {
  return (from === "val" && to === "arr") || (from === "rec" && to === "val");
}

/** Converts `e` from kind `from` to kind `to`; undefined when impossible. */
export function coerce(e: Expr, from: Kind, to: Kind): Expr | undefined {
  if (from === to) return e;
  const call = (fn: string, kind: Kind): Expr => ({ k: "call", fn, args: [e], kind });
  // A string-literal union's member is its string everywhere but in storage and ===.
  if (from === "lit") return coerce(call("lit_str", "str"), "str", to);
  if (to === "lit") {
    const s = coerce(e, from, "str");
    return s === undefined ? undefined : { k: "call", fn: "lit_of", args: [s], kind: "lit" };
  }
  switch (to) {
    case "val":
      if (from === "num") return call("flbc_val_num", "val");
      if (from === "big") return call("flbc_val_big", "val");
      if (from === "str") return call("flbc_val_str", "val");
      if (from === "bool") return call("flbc_val_bool", "val");
      if (from === "arr") return call("flbc_val_arr", "val");
      if (from === "rec") return { k: "call", fn: "flbc_rec_to_val", args: [rt, e], kind: "val" };
      if (from === "void") return { k: "name", name: "FLBC_VAL_UNDEF", kind: "val" };
      return undefined;
    case "arr":
      return from === "val" ? { k: "call", fn: "flbc_val_to_arr", args: [rt, e], kind: "arr" } : undefined;
    case "num":
      if (from === "val") return call("flbc_val_to_num", "num");
      if (from === "int") return { k: "cast", to: "num", arg: e, kind: "num" };
      return undefined;
    case "big":
      return from === "val" ? call("flbc_val_to_big", "big") : undefined;
    case "str":
      return from === "val" ? call("flbc_val_as_str", "str") : undefined;
    case "bool":
      if (from === "val") return call("flbc_val_as_bool", "bool");
      if (from === "int") return { k: "binary", op: "!=", left: e, right: { k: "name", name: "0", kind: "int" }, kind: "bool" };
      return undefined;
    default:
      return undefined;
  }
}

/** JavaScript truthiness of a value of kind `kind`, as a C bool. */
export function truthy(e: Expr, kind: Kind): Expr | undefined {
  switch (kind) {
    case "bool":
      return e;
    case "num":
      return { k: "call", fn: "flbc_num_truthy", args: [e], kind: "bool" };
    case "big":
      return { k: "binary", op: "!=", left: e, right: { k: "big", value: 0n }, kind: "bool" };
    case "str":
      return { k: "binary", op: "!=", left: { k: "member", base: e, field: "len", kind: "int" }, right: { k: "name", name: "0", kind: "int" }, kind: "bool" };
    case "lit":
      return truthy({ k: "call", fn: "lit_str", args: [e], kind: "str" }, "str");
    case "val":
      return { k: "call", fn: "flbc_val_truthy", args: [e], kind: "bool" };
    case "rec":
    case "arr":
      return { k: "bool", value: true };
    default:
      return undefined;
  }
}

/** Whether evaluating e twice is the same as once (no calls, no writes). */
export function isPure(e: Expr): boolean {
  switch (e.k) {
    case "num":
    case "big":
    case "bool":
    case "str":
    case "name":
      return true;
    case "member":
    case "cast":
      return isPure(e.k === "member" ? e.base : e.arg);
    default:
      return false;
  }
}
