// Built-ins: each is declared in stdlib/lib.flbc.d.ts and implemented by
// one runtime function; this table connects the two. Lowering reads it to
// call the function with the receiver and arguments converted to the kinds
// given here.
import type { Kind } from "../ir/ir.js";

export interface Builtin {
  /** The runtime function. */
  fn: string;
  /** Whether it takes the flbc_rt first (it allocates, or logs). */
  rt: boolean;
  /**
   * Kinds of the arguments (after the receiver, for methods). An argument
   * left out is passed as NAN for "num" and FLBC_VAL_UNDEF for "val";
   * optional arguments of other kinds must be declared "val".
   */
  params: Kind[];
  /** How many of params must be given. */
  required: number;
  /** Variadic tail: passed as (uint32_t n, const T *items). */
  rest?: Kind;
  returns: Kind;
}

/** Methods on a string receiver (passed first, after rt). */
export const stringMethods: Record<string, Builtin> = {
  startsWith: { fn: "flbc_str_starts_with", rt: false, params: ["str", "num"], required: 1, returns: "bool" },
  endsWith: { fn: "flbc_str_ends_with", rt: false, params: ["str", "num"], required: 1, returns: "bool" },
  includes: { fn: "flbc_str_includes", rt: false, params: ["str", "num"], required: 1, returns: "bool" },
  indexOf: { fn: "flbc_str_index_of", rt: false, params: ["str", "num"], required: 1, returns: "num" },
  slice: { fn: "flbc_str_slice", rt: true, params: ["num", "num"], required: 0, returns: "str" },
  toUpperCase: { fn: "flbc_str_to_upper", rt: true, params: [], required: 0, returns: "str" },
  toLowerCase: { fn: "flbc_str_to_lower", rt: true, params: [], required: 0, returns: "str" },
  trim: { fn: "flbc_str_trim", rt: true, params: [], required: 0, returns: "str" },
};

/** Methods on an array receiver (flbc_arr *), without callbacks. */
export const arrayMethods: Record<string, Builtin> = {
  push: { fn: "flbc_arr_push_n", rt: true, params: [], required: 0, rest: "val", returns: "num" },
  pop: { fn: "flbc_arr_pop", rt: false, params: [], required: 0, returns: "val" },
  join: { fn: "flbc_arr_join_opt", rt: true, params: ["val"], required: 0, returns: "str" },
};

/** Global functions: String(x) is handled by lowering (it depends on the kind). */
export const globalFunctions: Record<string, Builtin> = {};

/** Static members of global namespaces: Math.floor, Number.isInteger, JSON.stringify... */
export const staticFunctions: Record<string, Record<string, Builtin>> = {};

/** Constants such as Math.PI, as JavaScript numbers. */
export const staticConstants: Record<string, Record<string, number>> = {};

/** ctx.log.<level>(msg) -> flbc_log_str(rt, FLBC_LOG_<LEVEL>, msg). */
export const logLevels: Record<string, string> = {
  error: "FLBC_LOG_ERROR",
  warn: "FLBC_LOG_WARN",
  info: "FLBC_LOG_INFO",
  debug: "FLBC_LOG_DEBUG",
  trace: "FLBC_LOG_TRACE",
};
