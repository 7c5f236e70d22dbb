// What a TypeScript symbol means in C, for every function of one plugin.
import type { ts } from "../program/typescript.cjs";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { Expr, Func, Kind, StateField } from "../ir/ir.js";
import type { LoadedProgram } from "../program/loadProgram.js";
import type { NameTable } from "./names.js";

export type Binding =
  /**
   * A C local or parameter (a g/y regex also has its lastIndex). A loop
   * counter (control.ts) is a number held in an int64_t.
   */
  | { k: "local"; cname: string; kind: Kind; lastIndex?: Expr; counter?: { nonNegative: boolean } }
  /** A top-level constant, inlined (a g/y regex: lastIndex in the runtime). */
  | { k: "const"; expr: Expr; kind: Kind; lastIndex?: Expr }
  /** The plugin context parameter of a callback (`ctx`). */
  | { k: "ctx" }
  /** `init`'s config parameter. */
  | { k: "config" }
  /** A top-level constant Map or Set of literals, built where it is used. */
  | { k: "inline"; node: ts.Expression }
  /**
   * A local function, inlined where called; also a top-level function that
   * takes a function parameter, and a function passed as an argument.
   */
  | { k: "lambda"; fn: LocalFunction | ts.FunctionDeclaration }
  /** A local function that calls itself: a C function of its own (closures.ts). */
  | { k: "lifted"; fn: LocalFunction }
  /** A top-level function passed as an argument: calls go to its C function. */
  | { k: "func"; sym: ts.Symbol }
  /**
   * An object used only through its fields: a C struct local, or a
   * parameter pointing to the caller's struct (structs.ts).
   */
  | { k: "struct"; cname: string; def: StructDef; pointer?: boolean };

/** A C struct for an object type: its tag and its fields' members. */
export interface StructDef {
  tag: string;
  fields: { name: string; member: string; kind: Kind }[];
}

export type LocalFunction = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;

export interface UserFunction {
  cname: string;
  params: Kind[];
  returns: Kind;
  /** It may throw: a call is followed by a test of rt->thrown. */
  throws?: boolean;
}

/** A local function lifted to file scope, and what its environment holds. */
export interface LiftedFunction extends UserFunction {
  /** C struct tag of its environment. */
  env: string;
  /** The enclosing function's variables it reads or writes, by pointer. */
  captures: { sym: ts.Symbol; member: string; cname: string; kind: Kind }[];
  /** The environment carries the plugin context (and a filter's event). */
  withCtx: boolean;
  withEvent: boolean;
}

/** How `ctx.config.<key>` reads in C. */
export interface ConfigRead {
  expr: Expr;
  kind: Kind;
  /** The read builds a value in the runtime's arena (a list property). */
  needsRt?: boolean;
}

/** Shared by all functions of the plugin being lowered. */
export interface PluginScope {
  loaded: LoadedProgram;
  sink: DiagnosticSink;
  /** C names of file-scope things (functions, the context struct). */
  globalNames: NameTable;
  globals: Map<ts.Symbol, Binding>;
  functions: Map<ts.Symbol, UserFunction>;
  config: Map<string, ConfigRead>;
  state: Map<string, StateField>;
  isRecordType(t: ts.Type): boolean;
  /** Source path for the banner and #line. */
  sourceName: string;
  /** Compiled regexes by `/pattern/flags`: their C name; code in source order. */
  regexes: Map<string, string>;
  /** The flags of each compiled regex, by C name. */
  regexFlags: Map<string, string>;
  /** The pattern of each compiled regex, by C name (re.source). */
  regexSource: Map<string, string>;
  /** C names of the plugin's functions that some code calls. */
  called: Set<string>;
  /** lastIndex slots (rt->re_last[]) handed to top-level g/y regexes. */
  regexSlots: number;
  regexCode: string[];
  /** Kinds of plugin API types that are not values (an output's events). */
  apiKind?(t: ts.Type): Kind | undefined;
  /** A network output's context member holding its upstream (ctx.http, ctx.tcp). */
  upstream?: string;
  /** The plugin computes bigints: a Value may hold one (JSON.stringify then may throw). */
  usesBigint: boolean;
  /** C struct tag of the plugin context. */
  ctxStruct: string;
  /** Object types held as C structs, by their fields' names and kinds (structs.ts). */
  structs: Map<string, StructDef>;
  /** Locals and parameters that are structs, by symbol. */
  structLocals: Map<ts.Symbol, StructDef>;
  structParams: Map<ts.Symbol, StructDef>;
  /** Members of string-literal unions: their `lit` enum constants (C names). */
  literals: Map<string, string>;
  /** Local functions lifted to C functions, by declaration. */
  lifted: Map<ts.Node, LiftedFunction>;
  /** Their C functions, not yet placed in the unit. */
  liftedCode: Func[];
}

/** Which callback a function body is, which decides what `return` means. */
export type FunctionRole = "user" | "filter" | "init" | "exit" | "flush" | "collect";
