// The `config` literal -> Fluent Bit config map entries. The default's
// literal decides the property type (string -> STR, integer -> INT,
// fraction -> DOUBLE, boolean -> BOOL), marker calls say what a literal
// cannot (int(), double(), size(), time(), list()).
import { ts } from "../program/typescript.cjs";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedProgram } from "../program/loadProgram.js";
import { jsDocText, propertyName, unwrapParens } from "./buildPlugin.js";

export type ConfigType = "str" | "int" | "double" | "bool" | "size" | "time" | "clist";

export interface ConfigProp {
  key: string;
  type: ConfigType;
  /** The default as the property text Fluent Bit parses. */
  defaultText: string;
  description: string;
  node: ts.Node;
}

/** Properties Fluent Bit gives every plugin instance: a config key cannot take them. */
const reserved = new Set([
  "name",
  "alias",
  "match",
  "match_regex",
  "log_level",
  "log_suppress_interval",
  "tag",
  "host",
  "port",
  "tls",
  "workers",
  "retry_limit",
  "storage.type",
  "routable",
  "threaded",
  "mem_buf_limit",
  // every flbc plugin has it (the per-record arena cap)
  "arena_limit",
]);

const markers: Record<string, ConfigType> = {
  int: "int",
  double: "double",
  size: "size",
  time: "time",
  list: "clist",
};

export function readConfig(obj: ts.ObjectLiteralExpression, loaded: LoadedProgram, sink: DiagnosticSink): ConfigProp[] {
  const out: ConfigProp[] = [];
  const seen = new Set<string>();
  for (const prop of obj.properties) {
    const key = prop.name !== undefined ? propertyName(prop.name) : undefined;
    if (key === undefined || !ts.isPropertyAssignment(prop)) {
      sink.report("ConfigValue", prop, key ?? prop.getText());
      continue;
    }
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) {
      sink.report("ConfigKey", prop.name, key);
      continue;
    }
    if (reserved.has(key.toLowerCase())) {
      sink.report("ConfigReserved", prop.name, key);
      continue;
    }
    if (seen.has(key.toLowerCase())) {
      sink.report("DuplicateConfig", prop.name, key);
      continue;
    }
    seen.add(key.toLowerCase());
    const parsed = readDefault(unwrapParens(prop.initializer), loaded);
    if (parsed === undefined) {
      sink.report("ConfigValue", prop.initializer, key);
      continue;
    }
    out.push({ key, ...parsed, description: jsDocText(prop) ?? "", node: prop });
  }
  return out;
}

function readDefault(e: ts.Expression, loaded: LoadedProgram): { type: ConfigType; defaultText: string } | undefined {
  if (ts.isStringLiteralLike(e)) return { type: "str", defaultText: e.text };
  if (e.kind === ts.SyntaxKind.TrueKeyword) return { type: "bool", defaultText: "true" };
  if (e.kind === ts.SyntaxKind.FalseKeyword) return { type: "bool", defaultText: "false" };
  const num = numberLiteral(e);
  if (num !== undefined) {
    return isIntegerText(num.text) && Number.isSafeInteger(num.value) && Math.abs(num.value) <= 0x7fffffff
      ? { type: "int", defaultText: String(num.value) }
      : { type: "double", defaultText: String(num.value) };
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && isApiSymbol(e.expression, loaded)) {
    const type = markers[e.expression.text];
    const arg = e.arguments[0] === undefined ? undefined : unwrapParens(e.arguments[0]);
    if (type === undefined || arg === undefined) return undefined;
    if (type === "int" || type === "double") {
      const n = numberLiteral(arg);
      if (n === undefined || (type === "int" && !Number.isInteger(n.value))) return undefined;
      return { type, defaultText: String(n.value) };
    }
    if (type === "size" || type === "time") {
      if (ts.isStringLiteralLike(arg)) return { type, defaultText: arg.text };
      const n = numberLiteral(arg);
      return n === undefined ? undefined : { type, defaultText: String(n.value) };
    }
    if (type === "clist" && ts.isArrayLiteralExpression(arg)) {
      const items = arg.elements.map((x) => (ts.isStringLiteralLike(x) && !x.text.includes(",") ? x.text : undefined));
      if (items.some((x) => x === undefined)) return undefined;
      return { type, defaultText: items.join(",") };
    }
  }
  return undefined;
}

function numberLiteral(e: ts.Expression): { value: number; text: string } | undefined {
  if (ts.isNumericLiteral(e)) return { value: Number(e.text), text: e.getText() };
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) {
    return { value: -Number(e.operand.text), text: "-" + e.operand.getText() };
  }
  return undefined;
}

function isIntegerText(text: string): boolean {
  return !/[.eE]/.test(text) || /^-?0[xXoObB]/.test(text);
}

function isApiSymbol(id: ts.Identifier, loaded: LoadedProgram): boolean {
  let sym = loaded.checker.getSymbolAtLocation(id);
  if (sym !== undefined && (sym.flags & ts.SymbolFlags.Alias) !== 0) sym = loaded.checker.getAliasedSymbol(sym);
  return (sym?.getDeclarations() ?? []).some((d) => d.getSourceFile() === loaded.apiFile);
}
