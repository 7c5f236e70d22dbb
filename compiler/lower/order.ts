// JavaScript evaluates operands left to right: a call's receiver and
// arguments, an array or object literal's items, an operator's two sides.
// C leaves all of these unordered (`f(i, i++)` is undefined behaviour, and
// gcc passes arguments right to left), and the statements an operand needs
// (a call that may throw, `a || b` on values) run before the whole
// expression. So operands are lowered one at a time, and an earlier one is
// computed into a temporary when a later one may change what it reads, or
// it changes what a later one reads.
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import type { FunctionLowerer } from "./function.js";

export interface Operand {
  e: Expr;
  kind: Kind;
}

/**
 * Runtime functions that change an argument in place (an array, a map, the
 * record, a regex's lastIndex) or write output: a read of the same thing in
 * an earlier operand must happen before them, as must an earlier write.
 */
const mutators = new Set([
  "flbc_arr_append",
  "flbc_arr_fill",
  "flbc_arr_pop",
  "flbc_arr_push",
  "flbc_arr_push_n",
  "flbc_arr_reverse",
  "flbc_arr_set",
  "flbc_arr_shift",
  "flbc_arr_sort_default",
  "flbc_arr_splice",
  "flbc_arr_unshift_n",
  "flbc_coll_clear",
  "flbc_coll_delete",
  "flbc_coll_set",
  "flbc_console_log",
  "flbc_emit",
  "flbc_file_append",
  "flbc_http_request",
  "flbc_log_str",
  "flbc_obj_assign",
  "flbc_re_test_last",
  "flbc_rec_assign",
  "flbc_rec_delete",
  "flbc_rec_delete_key",
  "flbc_rec_set",
  "flbc_rec_set_key",
  "flbc_regex_exec_last",
  "flbc_tcp_write",
  "flbc_val_set",
]);

/** What evaluating an operand (its statements and its value) may read and change. */
interface Effects {
  /** Variables and C lvalues (v_x, ctx->state.n) it reads. */
  reads: Set<string>;
  /** It reads memory a call can change: through a call, a struct member, or mutable storage. */
  readsMemory: boolean;
  /** Variables and C lvalues it assigns. */
  writes: Set<string>;
  /** It calls a plugin function or a runtime mutator, or assigns storage outside the variables. */
  writesMemory: boolean;
  /** It needs statements before the expression (which may also throw, and jump away). */
  hasPre: boolean;
  /** Its value is a temporary its own statements declared: nothing else assigns it. */
  own: boolean;
}

const meets = (a: Set<string>, b: Set<string>): boolean => [...a].some((x) => b.has(x));

/** Whether b, evaluated after a, could see or undo a's effects or change what a read. */
function conflict(a: Effects, b: Effects): boolean {
  if (meets(b.writes, a.reads) || meets(a.writes, b.reads)) return true;
  if ((b.writesMemory && a.readsMemory) || (a.writesMemory && b.readsMemory)) return true;
  // A throw in b's statements must come after a's effects, as in JavaScript.
  return b.hasPre && (a.writes.size > 0 || a.writesMemory);
}

const isConstant = (e: Expr): boolean =>
  e.k === "num" || e.k === "big" || e.k === "bool" || e.k === "str" || (e.k === "name" && /^([A-Z][A-Z0-9_]*|[0-9]+)$/.test(e.name));

/** A name of a C variable (v_x, t1), not `ctx->state.n` or `rt->tag`. */
const isVariable = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);

/**
 * Storage outside the function's variables that the plugin can change: a
 * state field, the event's time, a top-level regex's lastIndex, a variable
 * a lifted function reaches through its environment. The config
 * (ctx->field_str) and rt->tag are fixed while a callback runs.
 */
const isMutableStorage = (name: string): boolean => /^(ctx->state\.|ev->|rt->re_last\[|\(\*env->)/.test(name);

const isNode = (v: unknown): v is Expr | Stmt => typeof v === "object" && v !== null && typeof (v as { k?: unknown }).k === "string";

function effectsOf(f: FunctionLowerer, pre: Stmt[], value: Expr): Effects {
  const fx: Effects = { reads: new Set(), readsMemory: false, writes: new Set(), writesMemory: false, hasPre: pre.length > 0, own: false };
  // Temporaries the operand's own statements declare: nothing before it reads them.
  const fresh = new Set<string>();
  const write = (name: string) => {
    if (fresh.has(name)) return;
    fx.writes.add(name);
    if (!isVariable(name)) fx.writesMemory = true;
  };
  const visit = (n: Expr | Stmt): void => {
    switch (n.k) {
      case "decl":
        fresh.add(n.name);
        break;
      case "assign":
      case "update":
        if (n.target.k === "name") write(n.target.name);
        else fx.writesMemory = true;
        break;
      case "call":
        fx.readsMemory = true;
        if (!mutators.has(n.fn) && ![...f.scope.functions.values(), ...f.scope.lifted.values()].some((u) => u.cname === n.fn)) break;
        fx.writesMemory = true;
        // A variable a mutator gets by address (flbc_val_set(rt, &v_obj, ...),
        // or in a lifted function's environment) may be replaced; a regex
        // constant (&re_1) is only read.
        for (const a of n.args.flatMap((x) => (x.k === "env" ? x.items : [x]))) {
          if (a.k === "name" && a.name.startsWith("&") && !f.scope.regexFlags.has(a.name.slice(1))) write(a.name.slice(1));
        }
        break;
      case "member":
        fx.readsMemory = true;
        break;
      case "name": {
        const name = n.name.startsWith("&") ? n.name.slice(1) : n.name;
        if (isConstant(n) || fresh.has(name)) break;
        fx.reads.add(name);
        if (isMutableStorage(name)) fx.readsMemory = true;
        break;
      }
    }
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) v.forEach((x) => isNode(x) && visit(x));
      else if (isNode(v)) visit(v);
    }
  };
  pre.forEach(visit);
  // A temporary's address (a struct argument) is as much its own.
  fx.own = value.k === "name" && fresh.has(value.name.replace(/^&/, ""));
  visit(value);
  return fx;
}

/**
 * Lowers operands in JavaScript's order and returns their values. An entry
 * is either lowered already (its statements are in f.pre) or a function
 * that lowers it.
 */
export function inOrder(f: FunctionLowerer, operands: readonly (Operand | (() => Operand))[]): Operand[] {
  const done: { value: Operand; fx: Effects; held: boolean }[] = [];
  for (const o of operands) {
    const { value, pre } = typeof o === "function" ? f.withPre(o) : { value: o, pre: [] };
    const fx = effectsOf(f, pre, value.e);
    for (const d of done) {
      if (d.held || isConstant(d.value.e) || !conflict(d.fx, fx)) continue;
      // Before this operand's statements, so the earlier value is taken first.
      d.value = { e: { k: "name", name: f.temp(d.value.kind, d.value.e), kind: d.value.kind }, kind: d.value.kind };
      d.held = true;
    }
    f.pre.push(...pre);
    done.push({ value, fx, held: fx.own });
  }
  return done.map((d) => d.value);
}

/**
 * The value to store by `target = value`. When the value assigns the target
 * itself (`x = x++`, `x += x++`), C leaves the two writes unordered; the
 * value is computed into a temporary first, as JavaScript finishes the right
 * side before it stores.
 */
export function storedValue(f: FunctionLowerer, target: Expr, value: Expr, kind: Kind): Expr {
  const same = (t: Expr) => t.k === "name" && target.k === "name" && t.name === target.name;
  const writes = (n: Expr | Stmt): boolean =>
    ((n.k === "assign" || n.k === "update") && same(n.target)) ||
    Object.values(n).some((v) => (Array.isArray(v) ? v.some((x) => isNode(x) && writes(x)) : isNode(v) && writes(v)));
  return writes(value) ? { k: "name", name: f.temp(kind, value), kind } : value;
}
