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

/**
 * A table without a prototype: a method name such as "toString" or
 * "constructor" must not find Object.prototype's members.
 */
function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** Methods on a string receiver (passed first, after rt). */
export const stringMethods: Record<string, Builtin> = table({
  startsWith: { fn: "flbc_str_starts_with", rt: false, params: ["str", "num"], required: 1, returns: "bool" },
  endsWith: { fn: "flbc_str_ends_with", rt: false, params: ["str", "num"], required: 1, returns: "bool" },
  includes: { fn: "flbc_str_includes", rt: false, params: ["str", "num"], required: 1, returns: "bool" },
  indexOf: { fn: "flbc_str_index_of", rt: false, params: ["str", "num"], required: 1, returns: "num" },
  slice: { fn: "flbc_str_slice", rt: true, params: ["num", "num"], required: 0, returns: "str" },
  toUpperCase: { fn: "flbc_str_to_upper", rt: true, params: [], required: 0, returns: "str" },
  toLowerCase: { fn: "flbc_str_to_lower", rt: true, params: [], required: 0, returns: "str" },
  trim: { fn: "flbc_str_trim", rt: true, params: [], required: 0, returns: "str" },
  trimStart: { fn: "flbc_str_trim_start", rt: true, params: [], required: 0, returns: "str" },
  trimEnd: { fn: "flbc_str_trim_end", rt: true, params: [], required: 0, returns: "str" },
  at: { fn: "flbc_str_at", rt: true, params: ["num"], required: 0, returns: "val" },
  charAt: { fn: "flbc_str_char_at", rt: true, params: ["num"], required: 0, returns: "str" },
  charCodeAt: { fn: "flbc_str_char_code_at", rt: false, params: ["num"], required: 0, returns: "num" },
  codePointAt: { fn: "flbc_str_code_point_at", rt: false, params: ["num"], required: 0, returns: "val" },
  lastIndexOf: { fn: "flbc_str_last_index_of", rt: false, params: ["str", "num"], required: 1, returns: "num" },
  // substring(1, NaN) is "" but substring(1) runs to the end: `end` is a Value.
  substring: { fn: "flbc_str_substring", rt: true, params: ["num", "val"], required: 1, returns: "str" },
  split: { fn: "flbc_str_split", rt: true, params: ["val", "val"], required: 0, returns: "arr" },
  padStart: { fn: "flbc_str_pad_start", rt: true, params: ["num", "val"], required: 1, returns: "str" },
  padEnd: { fn: "flbc_str_pad_end", rt: true, params: ["num", "val"], required: 1, returns: "str" },
  repeat: { fn: "flbc_str_repeat", rt: true, params: ["num"], required: 1, returns: "str" },
  replace: { fn: "flbc_str_replace", rt: true, params: ["str", "str"], required: 2, returns: "str" },
  replaceAll: { fn: "flbc_str_replace_all", rt: true, params: ["str", "str"], required: 2, returns: "str" },
  localeCompare: { fn: "flbc_str_locale_compare", rt: false, params: ["str"], required: 1, returns: "num" },
  concat: { fn: "flbc_str_concat_rest", rt: true, params: [], required: 0, rest: "str", returns: "str" },
});

/** Methods on a number receiver (a double, passed first after rt). */
const numberToString: Builtin = { fn: "flbc_num_to_string", rt: true, params: ["num"], required: 0, returns: "str" };

export const numberMethods: Record<string, Builtin> = table({
  toFixed: { fn: "flbc_num_to_fixed", rt: true, params: ["num"], required: 0, returns: "str" },
  toString: numberToString,
});

/** Methods on an array receiver (flbc_arr *), without callbacks. */
export const arrayMethods: Record<string, Builtin> = table({
  push: { fn: "flbc_arr_push_n", rt: true, params: [], required: 0, rest: "val", returns: "num" },
  pop: { fn: "flbc_arr_pop", rt: false, params: [], required: 0, returns: "val" },
  join: { fn: "flbc_arr_join_opt", rt: true, params: ["val"], required: 0, returns: "str" },
  shift: { fn: "flbc_arr_shift", rt: false, params: [], required: 0, returns: "val" },
  unshift: { fn: "flbc_arr_unshift_n", rt: true, params: [], required: 0, rest: "val", returns: "num" },
  indexOf: { fn: "flbc_arr_index_of", rt: false, params: ["val", "num"], required: 1, returns: "num" },
  // lastIndexOf(x, NaN) searches from 0, lastIndexOf(x) from the end.
  lastIndexOf: { fn: "flbc_arr_last_index_of", rt: false, params: ["val", "val"], required: 1, returns: "num" },
  includes: { fn: "flbc_arr_includes", rt: false, params: ["val", "num"], required: 1, returns: "bool" },
  slice: { fn: "flbc_arr_slice", rt: true, params: ["num", "val"], required: 0, returns: "arr" },
  splice: { fn: "flbc_arr_splice", rt: true, params: ["num", "val"], required: 1, rest: "val", returns: "arr" },
  concat: { fn: "flbc_arr_concat", rt: true, params: [], required: 0, rest: "val", returns: "arr" },
  // reverse, fill and sort work in place and return the receiver itself.
  reverse: { fn: "flbc_arr_reverse", rt: false, params: [], required: 0, returns: "arr" },
  fill: { fn: "flbc_arr_fill", rt: false, params: ["val", "num", "val"], required: 1, returns: "arr" },
  // sort() without a comparator only: sort(cmp) goes to flbc_arr_sort_with.
  sort: { fn: "flbc_arr_sort_default", rt: true, params: [], required: 0, returns: "arr" },
  flat: { fn: "flbc_arr_flat", rt: true, params: ["val"], required: 0, returns: "arr" },
  at: { fn: "flbc_arr_at_rel", rt: false, params: ["num"], required: 0, returns: "val" },
});

/** Global functions: String(x) is handled by lowering (it depends on the kind). */
export const globalFunctions: Record<string, Builtin> = table({
  // Number() without an argument is 0 in JavaScript; here it is NaN (Number(undefined)).
  Number: { fn: "flbc_num_from_val", rt: true, params: ["val"], required: 0, returns: "num" },
  parseInt: { fn: "flbc_num_parse_int", rt: false, params: ["str", "num"], required: 1, returns: "num" },
  parseFloat: { fn: "flbc_num_parse_float", rt: false, params: ["str"], required: 1, returns: "num" },
  isNaN: { fn: "flbc_num_is_nan", rt: false, params: ["num"], required: 1, returns: "bool" },
  isFinite: { fn: "flbc_num_is_finite", rt: false, params: ["num"], required: 1, returns: "bool" },
});

/** Functions exported by the `flbc` module besides the define*() and config markers. */
export const moduleFunctions: Record<string, Builtin> = table({
  formatTime: { fn: "flbc_time_format", rt: true, params: ["num", "val"], required: 1, returns: "str" },
  parseTime: { fn: "flbc_time_parse", rt: false, params: ["str"], required: 1, returns: "num" },
  // Output helpers (flbc_out.c).
  toJsonLine: { fn: "flbc_event_json_line", rt: true, params: ["event", "val"], required: 1, returns: "str" },
  toKeyValue: { fn: "flbc_rec_key_value", rt: true, params: ["val"], required: 1, returns: "str" },
  hostname: { fn: "flbc_hostname", rt: true, params: [], required: 0, returns: "str" },
  readFileFrom: { fn: "flbc_file_read_from", rt: true, params: ["str", "num"], required: 2, returns: "str" },
  byteLength: { fn: "flbc_str_byte_length", rt: false, params: ["str"], required: 1, returns: "num" },
});

/** Static members of global namespaces: Math.floor, Number.isInteger, JSON.stringify... */
export const staticFunctions: Record<string, Record<string, Builtin>> = table({
  Math: table({
    abs: { fn: "flbc_math_abs", rt: false, params: ["num"], required: 1, returns: "num" },
    ceil: { fn: "flbc_math_ceil", rt: false, params: ["num"], required: 1, returns: "num" },
    floor: { fn: "flbc_math_floor", rt: false, params: ["num"], required: 1, returns: "num" },
    round: { fn: "flbc_math_round", rt: false, params: ["num"], required: 1, returns: "num" },
    trunc: { fn: "flbc_math_trunc", rt: false, params: ["num"], required: 1, returns: "num" },
    sign: { fn: "flbc_math_sign", rt: false, params: ["num"], required: 1, returns: "num" },
    sqrt: { fn: "flbc_math_sqrt", rt: false, params: ["num"], required: 1, returns: "num" },
    cbrt: { fn: "flbc_math_cbrt", rt: false, params: ["num"], required: 1, returns: "num" },
    exp: { fn: "flbc_math_exp", rt: false, params: ["num"], required: 1, returns: "num" },
    expm1: { fn: "flbc_math_expm1", rt: false, params: ["num"], required: 1, returns: "num" },
    log: { fn: "flbc_math_log", rt: false, params: ["num"], required: 1, returns: "num" },
    log1p: { fn: "flbc_math_log1p", rt: false, params: ["num"], required: 1, returns: "num" },
    log2: { fn: "flbc_math_log2", rt: false, params: ["num"], required: 1, returns: "num" },
    log10: { fn: "flbc_math_log10", rt: false, params: ["num"], required: 1, returns: "num" },
    sin: { fn: "flbc_math_sin", rt: false, params: ["num"], required: 1, returns: "num" },
    cos: { fn: "flbc_math_cos", rt: false, params: ["num"], required: 1, returns: "num" },
    tan: { fn: "flbc_math_tan", rt: false, params: ["num"], required: 1, returns: "num" },
    asin: { fn: "flbc_math_asin", rt: false, params: ["num"], required: 1, returns: "num" },
    acos: { fn: "flbc_math_acos", rt: false, params: ["num"], required: 1, returns: "num" },
    atan: { fn: "flbc_math_atan", rt: false, params: ["num"], required: 1, returns: "num" },
    sinh: { fn: "flbc_math_sinh", rt: false, params: ["num"], required: 1, returns: "num" },
    cosh: { fn: "flbc_math_cosh", rt: false, params: ["num"], required: 1, returns: "num" },
    tanh: { fn: "flbc_math_tanh", rt: false, params: ["num"], required: 1, returns: "num" },
    asinh: { fn: "flbc_math_asinh", rt: false, params: ["num"], required: 1, returns: "num" },
    acosh: { fn: "flbc_math_acosh", rt: false, params: ["num"], required: 1, returns: "num" },
    atanh: { fn: "flbc_math_atanh", rt: false, params: ["num"], required: 1, returns: "num" },
    fround: { fn: "flbc_math_fround", rt: false, params: ["num"], required: 1, returns: "num" },
    clz32: { fn: "flbc_math_clz32", rt: false, params: ["num"], required: 1, returns: "num" },
    pow: { fn: "flbc_math_pow", rt: false, params: ["num", "num"], required: 2, returns: "num" },
    atan2: { fn: "flbc_math_atan2", rt: false, params: ["num", "num"], required: 2, returns: "num" },
    imul: { fn: "flbc_math_imul", rt: false, params: ["num", "num"], required: 2, returns: "num" },
    hypot: { fn: "flbc_math_hypot", rt: false, params: [], required: 0, rest: "num", returns: "num" },
    min: { fn: "flbc_math_min", rt: false, params: [], required: 0, rest: "num", returns: "num" },
    max: { fn: "flbc_math_max", rt: false, params: [], required: 0, rest: "num", returns: "num" },
    random: { fn: "flbc_math_random", rt: true, params: [], required: 0, returns: "num" },
  }),
  Number: table({
    isInteger: { fn: "flbc_num_is_integer", rt: false, params: ["num"], required: 1, returns: "bool" },
    isSafeInteger: { fn: "flbc_num_is_safe_integer", rt: false, params: ["num"], required: 1, returns: "bool" },
    isNaN: { fn: "flbc_num_is_nan", rt: false, params: ["num"], required: 1, returns: "bool" },
    isFinite: { fn: "flbc_num_is_finite", rt: false, params: ["num"], required: 1, returns: "bool" },
    parseInt: { fn: "flbc_num_parse_int", rt: false, params: ["str", "num"], required: 1, returns: "num" },
    parseFloat: { fn: "flbc_num_parse_float", rt: false, params: ["str"], required: 1, returns: "num" },
  }),
  String: table({
    fromCharCode: { fn: "flbc_str_from_char_code", rt: true, params: [], required: 0, rest: "num", returns: "str" },
    fromCodePoint: { fn: "flbc_str_from_code_point", rt: true, params: [], required: 0, rest: "num", returns: "str" },
  }),
  Object: table({
    keys: { fn: "flbc_obj_keys", rt: true, params: ["val"], required: 1, returns: "arr" },
    values: { fn: "flbc_obj_values", rt: true, params: ["val"], required: 1, returns: "arr" },
    entries: { fn: "flbc_obj_entries", rt: true, params: ["val"], required: 1, returns: "arr" },
    fromEntries: { fn: "flbc_obj_from_entries", rt: true, params: ["val"], required: 1, returns: "val" },
    assign: { fn: "flbc_obj_assign", rt: true, params: ["val"], required: 1, rest: "val", returns: "val" },
  }),
  JSON: table({
    // A syntax error is logged and gives undefined (JavaScript throws).
    parse: { fn: "flbc_json_parse", rt: true, params: ["str"], required: 1, returns: "val" },
    stringify: { fn: "flbc_json_stringify", rt: true, params: ["val", "val", "val"], required: 1, returns: "str" },
  }),
  Date: table({
    now: { fn: "flbc_time_now_ms", rt: false, params: [], required: 0, returns: "num" },
  }),
  console: table({
    log: { fn: "flbc_console_log", rt: true, params: [], required: 0, rest: "val", returns: "void" },
  }),
});

/** Constants such as Math.PI, as JavaScript numbers. */
export const staticConstants: Record<string, Record<string, number>> = table({
  Math: table({
    E: Math.E,
    LN10: Math.LN10,
    LN2: Math.LN2,
    LOG10E: Math.LOG10E,
    LOG2E: Math.LOG2E,
    PI: Math.PI,
    SQRT1_2: Math.SQRT1_2,
    SQRT2: Math.SQRT2,
  }),
  Number: table({
    EPSILON: Number.EPSILON,
    MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
    MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
    MAX_VALUE: Number.MAX_VALUE,
    MIN_VALUE: Number.MIN_VALUE,
    POSITIVE_INFINITY: Number.POSITIVE_INFINITY,
    NEGATIVE_INFINITY: Number.NEGATIVE_INFINITY,
    NaN: Number.NaN,
  }),
});

/** Global constants: the identifiers NaN and Infinity. */
export const globalConstants: Record<string, number> = table({
  NaN: NaN,
  Infinity: Infinity,
});

/** ctx.log.<level>(msg) -> flbc_log_str(rt, FLBC_LOG_<LEVEL>, msg). */
export const logLevels: Record<string, string> = {
  error: "FLBC_LOG_ERROR",
  warn: "FLBC_LOG_WARN",
  info: "FLBC_LOG_INFO",
  debug: "FLBC_LOG_DEBUG",
  trace: "FLBC_LOG_TRACE",
};
