// The typed IR between lower and emit. Every semantic decision (value
// kinds, which runtime call implements an operation, lifetimes, C names) is
// made by lower and is explicit here; emit only lays it out as C text.

/** How a value is represented in C. */
export type Kind =
  | "num" // double
  | "big" // int64_t (a bigint)
  | "bool" // bool
  | "str" // flbc_str (UTF-8 view)
  | "val" // flbc_val (dynamic Value)
  | "rec" // flbc_rec * (the record being processed)
  | "arr" // flbc_arr * (an array the plugin holds)
  | "re" // const flbc_re_prog * (a regex compiled with the plugin)
  | "events" // flbc_events * (the chunk an output's flush delivers)
  | "event" // flbc_event * (one event of that chunk)
  | "int" // C int (status codes, config ints)
  | "lit" // lit: an enum constant, a string-literal union's member (`"debug" | "info"`)
  | "void";

export const cTypeOfKind: Record<Kind, string> = {
  num: "double",
  big: "int64_t",
  bool: "bool",
  str: "flbc_str",
  val: "flbc_val",
  rec: "flbc_rec *",
  arr: "flbc_arr *",
  re: "const flbc_re_prog *",
  events: "flbc_events *",
  event: "flbc_event *",
  int: "int",
  lit: "lit",
  void: "void",
};

export type Expr =
  | { k: "num"; value: number }
  /** A bigint literal, within int64. */
  | { k: "big"; value: bigint }
  | { k: "bool"; value: boolean }
  | { k: "str"; value: string }
  /** A C constant or lvalue spelled by lower, e.g. FLBC_VAL_NULL, FLBC_KEEP, rt->tag. */
  | { k: "name"; name: string; kind: Kind }
  | { k: "call"; fn: string; args: Expr[]; kind: Kind }
  /** `base.field` on a C struct value (flbc_val.tag, flbc_str.len). */
  | { k: "member"; base: Expr; field: string; kind: Kind }
  | { k: "unary"; op: "!" | "-" | "+" | "~"; arg: Expr; kind: Kind }
  | { k: "binary"; op: BinaryOp; left: Expr; right: Expr; kind: Kind }
  | { k: "cond"; test: Expr; then: Expr; else: Expr; kind: Kind }
  | { k: "assign"; target: Expr; op: AssignOp; value: Expr; kind: Kind }
  /** `x++`, `--x` on a numeric lvalue. */
  | { k: "update"; target: Expr; op: "++" | "--"; prefix: boolean; kind: Kind }
  /** `(T) e`: numeric conversions only (config ints to double and back). */
  | { k: "cast"; to: Kind | "int"; arg: Expr; kind: Kind }
  /** `(T[]) { a, b, c }`: a compound literal array passed to the runtime. */
  | { k: "array"; ctype: string; items: Expr[]; kind: "void" }
  /** `&(struct tag) { a, b }`: a lifted function's environment, alive for the call. */
  | { k: "env"; tag: string; items: Expr[]; kind: "void" };

export type BinaryOp = "+" | "-" | "*" | "/" | "%" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||" | "&" | "|" | "^";
export type AssignOp = "=" | "+=" | "-=" | "*=" | "/=";

export type Stmt = (
  /** `ctype` overrides the kind's C type (pointers to plugin structs). */
  | { k: "decl"; name: string; kind: Kind; init?: Expr; ctype?: string }
  | { k: "expr"; expr: Expr }
  | { k: "if"; test: Expr; then: Stmt[]; else?: Stmt[] }
  | { k: "while"; test: Expr; body: Stmt[] }
  | { k: "dowhile"; body: Stmt[]; test: Expr }
  /** `for (; test; update) body`; a missing test loops until a break. */
  | { k: "for"; test?: Expr; update?: Expr; body: Stmt[] }
  | { k: "break" }
  /** Nothing: what remains of an expression statement whose value is unused. */
  | { k: "empty" }
  | { k: "continue" }
  /** A jump for labeled break/continue that C's own cannot express. */
  | { k: "goto"; label: string }
  | { k: "label"; name: string }
  /** C switch on an int: JavaScript's fall-through comes for free. */
  | { k: "switch"; on: Expr; cases: { value?: number; body: Stmt[] }[] }
  | { k: "return"; value?: Expr }
  | { k: "block"; body: Stmt[] }
) & { line?: number };

export interface Param {
  name: string;
  /** A C type spelled out (parameters may be pointers to plugin structs). */
  ctype: string;
  unused?: boolean;
}

export interface Func {
  name: string;
  /** One line: the TypeScript signature it comes from. */
  comment: string;
  params: Param[];
  returns: string;
  body: Stmt[];
  line?: number;
  /** Never called: C must be told, or -Wunused-function fails the build. */
  uncalled?: boolean;
  /** A lifted local function: the struct of what it captures (its second parameter). */
  env?: { tag: string; members: Param[] };
}

/** One entry of the plugin's config map (a Fluent Bit property). */
export interface ConfigEntry {
  /** Property name, as in the config literal. */
  key: string;
  /** C member of the plugin context that Fluent Bit writes into. */
  member: string;
  mapType: "STR" | "INT" | "BOOL" | "DOUBLE" | "SIZE" | "TIME" | "CLIST" | "SLIST";
  /** C type of the member, as Fluent Bit's config map writes it. */
  memberType: string;
  /** Default as the property string Fluent Bit parses; undefined: no default. */
  defaultText?: string;
  description: string;
  /** A string property's view, set up in init (member name), if read as a string. */
  strMember?: string;
}

/** A member of the plugin context that holds per-instance state. */
export interface StateField {
  name: string;
  member: string;
  kind: Kind;
}

export type PluginKind = "filter" | "output" | "input";

/** A filter's record keys: the table its cb_init hands to the runtime. */
export interface RecordKeys {
  /** In table order: each literal key and the C constant of its slot. */
  keys: { key: string; cname: string }[];
  /** Some record key is also looked up by string (a computed key): records are indexed. */
  computed: boolean;
}

export interface Unit {
  kind: PluginKind;
  name: string;
  description: string;
  /** Source path as printed in the banner and #line directives. */
  sourceName: string;
  /** C struct tag of the plugin context, e.g. redact_ctx. */
  ctxStruct: string;
  config: ConfigEntry[];
  state: StateField[];
  /** User functions and lifted callbacks, in source order. */
  functions: Func[];
  /** Code of compiled regular expressions, placed before the functions. */
  regexCode: string[];
  /** A filter or an output: the record keys its code names (flbc_rt_set_keys). */
  recordKeys?: RecordKeys;
  /** The members of the plugin's string-literal union types: the `lit` enum, in order. */
  literals: { text: string; cname: string }[];
  /** Object types that locals hold as C structs: `struct <tag> { members }`. */
  structs: { tag: string; members: Param[] }[];
  callbacks: {
    /** Statements that build the state in cb_init (after the config is set). */
    init?: string;
    /** The record function that cb_filter hands to flbc_filter_chunk. */
    filter?: string;
    exit?: string;
    /** An output's flush function: (rt, events, ctx) -> FLBC_FLUSH_*. */
    flush?: string;
    /** An input's collect function: (rt, out, ctx). */
    collect?: string;
  };
  /**
   * An output: worker threads, and for a network output (`net: true`) the
   * context member holding its upstream (host, port, tls).
   */
  output?: { net: boolean; workers: number; upstream?: string };
  /** An input: the collector's interval in nanoseconds. */
  input?: { intervalNs: number };
}
