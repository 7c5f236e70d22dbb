// Built-in methods: each is declared in stdlib/lib.flbc.d.ts and
// implemented by one runtime function; this table connects the two.
import type { Kind } from "../ir/ir.js";

export interface MethodBuiltin {
  /** The runtime function; the receiver is its first value argument. */
  fn: string;
  /** Whether the function takes the flbc_rt (it allocates). */
  rt: boolean;
  /** Kinds of the arguments after the receiver. */
  params: Kind[];
  /** Arguments that may be left out: they are passed as NAN ("undefined"). */
  required: number;
  returns: Kind;
}

export const stringMethods: Record<string, MethodBuiltin> = {
  startsWith: { fn: "flbc_str_starts_with", rt: false, params: ["str", "num"], required: 1, returns: "bool" },
  endsWith: { fn: "flbc_str_ends_with", rt: false, params: ["str", "num"], required: 1, returns: "bool" },
  includes: { fn: "flbc_str_includes", rt: false, params: ["str", "num"], required: 1, returns: "bool" },
  indexOf: { fn: "flbc_str_index_of", rt: false, params: ["str", "num"], required: 1, returns: "num" },
  slice: { fn: "flbc_str_slice", rt: true, params: ["num", "num"], required: 0, returns: "str" },
  toUpperCase: { fn: "flbc_str_to_upper", rt: true, params: [], required: 0, returns: "str" },
  toLowerCase: { fn: "flbc_str_to_lower", rt: true, params: [], required: 0, returns: "str" },
  trim: { fn: "flbc_str_trim", rt: true, params: [], required: 0, returns: "str" },
};

/** ctx.log.<level>(msg) -> flbc_log_str(rt, FLBC_LOG_<LEVEL>, msg). */
export const logLevels: Record<string, string> = {
  error: "FLBC_LOG_ERROR",
  warn: "FLBC_LOG_WARN",
  info: "FLBC_LOG_INFO",
  debug: "FLBC_LOG_DEBUG",
  trace: "FLBC_LOG_TRACE",
};
