// Every diagnostic flbc reports, in one table (tsc's diagnosticMessages.json
// habit). Codes are stable: docs/diagnostics.md documents each one, and a
// test keeps the two in step. {0}, {1} are filled in by the reporter.
import type { Severity } from "./diagnostic.js";

export interface MessageDef {
  code: number;
  message: string;
  hint?: string;
  severity?: Severity;
}

export const messages = {
  // 1000-1099: files and the program
  FileNotFound: { code: 1000, message: "Cannot read file '{0}'." },
  ImportNotSupported: {
    code: 1001,
    message: "Only the 'flbc' module can be imported; '{0}' cannot.",
    hint: "Put helper functions in the plugin file itself, or import them from 'flbc'.",
  },
  NoDefaultExport: {
    code: 1002,
    message: "The plugin file has no `export default defineFilter({ ... })`.",
    hint: "End the file with `export default defineFilter({ name: \"my_filter\", filter(record, ctx) { ... } });`.",
  },

  NestingTooDeep: {
    code: 1098,
    message: "The program nests expressions or statements too deeply to compile.",
    hint: "Split the deepest expression into named parts with `const`.",
  },
  InternalError: {
    code: 1099,
    message: "Internal compiler error: {0}",
    hint: "This is a bug in flbc, not in your plugin: please report it with the plugin file. ({1})",
  },

  // 1100-1199: syntax outside the subset
  UnsupportedStatement: {
    code: 1100,
    message: "{0} is not supported by flbc yet.",
    hint: "{1}",
  },
  UnsupportedExpression: {
    code: 1101,
    message: "{0} is not supported by flbc yet.",
    hint: "{1}",
  },
  AnyType: {
    code: 1102,
    message: "The type 'any' is not allowed in a plugin.",
    hint: "Use `Value` for a dynamic JSON-like value, or a precise type.",
  },
  VarDeclaration: {
    code: 1103,
    message: "'var' is not supported.",
    hint: "Use `let` or `const`, which are block-scoped.",
  },
  LooseEquality: {
    code: 1104,
    message: "The '{0}' operator is not supported.",
    hint: "Use '{1}', which does not convert types.",
  },
  UnsupportedOperator: {
    code: 1105,
    message: "The '{0}' operator is not supported by flbc yet.",
    hint: "{1}",
  },
  ThisKeyword: {
    code: 1106,
    message: "'this' is not supported.",
    hint: "Plugin callbacks receive everything through their parameters: use `ctx.state` and `ctx.config`.",
  },
  MutableGlobal: {
    code: 1107,
    message: "A top-level 'let', or changing a top-level Map or Set, is shared mutable state, which flbc does not allow.",
    hint: "Keep per-instance state in `ctx.state` (returned by `init`), or make it a `const`.",
  },
  TopLevelStatement: {
    code: 1108,
    message: "Only imports, declarations and `export default define*(...)` may appear at the top level.",
    hint: "Move this code into a function or a plugin callback.",
  },
  TopLevelConst: {
    code: 1109,
    message: "A top-level constant must be a literal: a number, bigint, string, boolean, regular expression, or a Map or Set of literals.",
    hint: "Compute other values inside a callback, or in `init` and keep them in `ctx.state`.",
  },
  UnsupportedCall: {
    code: 1110,
    message: "Calling {0} is not supported by flbc.",
    hint: "Only the plugin's own functions, the 'flbc' API and the built-ins declared in lib.flbc.d.ts can be called.",
  },
  UnsupportedType: {
    code: 1111,
    message: "Values of type '{0}' are not supported here.",
    hint: "{1}",
  },
  DeleteNotRecord: {
    code: 1112,
    message: "'delete' only works on a record field.",
    hint: "Write `delete record.field` or `delete record[key]`.",
  },
  InNotRecord: {
    code: 1113,
    message: "The 'in' operator only works on a record.",
    hint: "Write `\"field\" in record`.",
  },
  TypeAssertion: {
    code: 1114,
    message: "Type assertions are not supported: they would let a wrong type reach the C code.",
    hint: "Narrow the value instead: `if (typeof v === \"string\") { ... }`.",
  },
  NonNullAssertion: {
    code: 1115,
    message: "The non-null assertion '!' is not supported.",
    hint: "Check the value first: `if (v !== undefined) { ... }`, or use `v ?? fallback`.",
  },
  UnsupportedFunction: {
    code: 1116,
    message: "{0} are not supported by flbc yet.",
    hint: "{1}",
  },
  StateShape: {
    code: 1118,
    message: "`init` must return an object literal of numbers, bigints, strings and booleans.",
    hint: "Write `init(config) { return { count: 0, last: \"\" }; }`.",
  },

  RegexSyntax: {
    code: 1119,
    message: "Invalid regular expression: {0}.",
    hint: "flbc compiles regular expressions with JavaScript's syntax; fix the pattern at the marked position.",
  },
  RegexNotLiteral: {
    code: 1120,
    message: "A RegExp must be a literal, or `new RegExp(\"pattern\", \"flags\")` with string literals.",
    hint: "flbc compiles every regular expression ahead of time: write `/pattern/flags`.",
  },

  RegexNotGlobal: {
    code: 1123,
    message: "{0} needs a regular expression with the 'g' flag.",
    hint: "Add the flag, `/.../g`: without it JavaScript throws a TypeError.",
  },
  RegexLastIndex: {
    code: 1124,
    message: "A plugin keeps the lastIndex of at most {0} top-level regular expressions with the 'g' or 'y' flag.",
    hint: "Declare some of them inside the callback (a new regex per record), or drop the flag where a yes/no test is enough.",
  },
  BigIntMixed: {
    code: 1125,
    message: "'{0}' may be a bigint or a number here; flbc compiles '{1}' for one of them at a time.",
    hint: "Narrow it first (`typeof x === \"bigint\"`), or convert explicitly with BigInt(x) or Number(x).",
  },
  BigIntRange: {
    code: 1126,
    message: "The bigint literal {0} does not fit in 64 bits.",
    hint: "A bigint is an int64 in a compiled plugin: -9223372036854775808n to 9223372036854775807n. Keep larger values as strings.",
  },
  FunctionValue: {
    code: 1127,
    message: "{0}",
    hint: "A function value is passed where it is written: pass a function by name or write it inline as the argument, and call it or pass it on; flbc does not store, return or choose functions at run time.",
  },
  EventsAccess: {
    code: 1121,
    message: "A flush's events are read one at a time: only `for (const ev of events)` and `events.length` are supported.",
    hint: "Loop over the events: `for (const ev of events) { ... ev.body ... }`.",
  },
  IoOutsideFlush: {
    code: 1122,
    message: "{0} can only be called in `flush`.",
    hint: "Do the I/O in flush, which Fluent Bit runs on its output coroutine.",
  },

  // 1200-1299: the plugin definition
  PluginName: {
    code: 1200,
    message: "The plugin name must be a string literal of lowercase letters, digits and '_' (got {0}).",
    hint: "Fluent Bit derives the symbol `filter_<name>_plugin` from it, e.g. `name: \"redact\"`.",
  },
  PluginProperty: {
    code: 1201,
    message: "Unknown plugin property '{0}'.",
    hint: "A {1} plugin takes: {2}.",
  },
  PluginMissingCallback: {
    code: 1202,
    message: "A {0} plugin needs a `{1}` callback.",
  },
  PluginNotLiteral: {
    code: 1203,
    message: "The argument of {0} must be an object literal.",
    hint: "Write the definition inline: `export default {0}({ name: \"x\", ... })`.",
  },
  ConfigValue: {
    code: 1204,
    message: "The default of config property '{0}' must be a literal or a marker call.",
    hint: "Use a string, number or boolean literal, or int(), double(), size(\"5M\"), time(\"10s\"), list([...]).",
  },
  ConfigKey: {
    code: 1205,
    message: "Config property '{0}' is not a valid Fluent Bit property name.",
    hint: "Use letters, digits and '_' (Fluent Bit property names are case-insensitive).",
  },
  ConfigReserved: {
    code: 1206,
    message: "Config property '{0}' is reserved by Fluent Bit for every plugin.",
    hint: "Choose another name.",
  },
  CallbackShape: {
    code: 1207,
    message: "The `{0}` callback must be a method, a function expression or an arrow function.",
  },
  UnsupportedKind: {
    code: 1208,
    message: "{0} plugins are not supported by flbc yet.",
    hint: "Write a filter with defineFilter.",
  },
  DuplicateConfig: {
    code: 1209,
    message: "Config property '{0}' is declared twice (Fluent Bit property names are case-insensitive).",
  },

  // 1220-1239: outputs and inputs
  PluginLiteral: {
    code: 1220,
    message: "`{0}` must be {1}.",
    hint: "Write the value as a literal in the definition.",
  },
  SharedStateInWorkers: {
    code: 1221,
    message: "An output with `workers` above 1 cannot change `ctx.state` in `flush`: flushes run on several threads at once.",
    hint: "Set the state in `init` and only read it in flush, or drop `workers`.",
  },
  NetNotDeclared: {
    code: 1222,
    message: "'{0}' is only available in the `flush` of an output declared with `net: true`.",
    hint: "Add `net: true` to defineOutput: the output then has Fluent Bit's host, port and tls properties, and ctx.http / ctx.tcp in flush.",
  },
} satisfies Record<string, MessageDef>;

export type MessageId = keyof typeof messages;
