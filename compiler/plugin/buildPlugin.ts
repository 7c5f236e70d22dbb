// Stage 3: read the `export default defineFilter({...})` call into a plugin
// model: kind, name, description, config map (types, defaults, JSDoc) and
// the callbacks that lowering compiles.
import { ts } from "../program/typescript.cjs";
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import type { LoadedProgram } from "../program/loadProgram.js";
import { readConfig, type ConfigProp } from "./config.js";

export type Callback = ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;

export interface PluginModel {
  kind: "filter" | "output" | "input";
  name: string;
  description: string;
  config: ConfigProp[];
  callbacks: Map<string, Callback>;
  /** Outputs: `net: true` (host, port, tls, ctx.http / ctx.tcp). */
  net: boolean;
  /** Outputs: flush worker threads (Fluent Bit's `workers` default). */
  workers: number;
  /** Inputs: the collector's interval, in nanoseconds. */
  intervalNs: number;
  /** `export default` statement, for locations. */
  node: ts.Node;
}

const allowedProperties: Record<PluginModel["kind"], string[]> = {
  filter: ["name", "description", "config", "init", "filter", "exit"],
  output: ["name", "description", "config", "net", "workers", "init", "flush", "exit"],
  input: ["name", "description", "config", "interval", "init", "collect", "exit"],
};

const requiredCallback: Record<PluginModel["kind"], string> = {
  filter: "filter",
  output: "flush",
  input: "collect",
};

export function buildPlugin(loaded: LoadedProgram, sink: DiagnosticSink): PluginModel | undefined {
  const exportDefault = loaded.entry.statements.find(
    (s): s is ts.ExportAssignment => ts.isExportAssignment(s) && !s.isExportEquals,
  );
  const call = exportDefault === undefined ? undefined : unwrapParens(exportDefault.expression);
  if (exportDefault === undefined || call === undefined || !ts.isCallExpression(call)) {
    sink.report("NoDefaultExport", exportDefault ?? loaded.entry.statements[0] ?? loaded.entry);
    return undefined;
  }
  const callee = call.expression.getText();
  const kind = ({ defineFilter: "filter", defineOutput: "output", defineInput: "input" } as const)[callee];
  if (kind === undefined) {
    sink.report("NoDefaultExport", call);
    return undefined;
  }
  const def = call.arguments[0];
  if (def === undefined || !ts.isObjectLiteralExpression(def)) {
    sink.report("PluginNotLiteral", def ?? call, callee);
    return undefined;
  }

  let name: string | undefined;
  let description: string | undefined;
  let config: ConfigProp[] = [];
  let net = false;
  let workers = 0;
  let intervalNs = 0;
  let sawInterval = false;
  const callbacks = new Map<string, Callback>();
  for (const prop of def.properties) {
    const key = prop.name !== undefined ? propertyName(prop.name) : undefined;
    if (key === undefined || !allowedProperties[kind].includes(key)) {
      sink.report("PluginProperty", prop, key ?? prop.getText(), kind, allowedProperties[kind].join(", "));
      continue;
    }
    if (key === "name" || key === "description") {
      const value = ts.isPropertyAssignment(prop) ? unwrapParens(prop.initializer) : undefined;
      const text = value !== undefined && ts.isStringLiteralLike(value) ? value.text : undefined;
      if (key === "name") {
        if (text === undefined || !/^[a-z][a-z0-9_]*$/.test(text) || text.length > 31) {
          sink.report("PluginName", prop, value?.getText() ?? "no value");
        }
        name = text;
      } else if (text === undefined) {
        sink.report("PluginNotLiteral", prop, "description");
      } else {
        description = text;
      }
      continue;
    }
    if (key === "config") {
      const value = ts.isPropertyAssignment(prop) ? unwrapParens(prop.initializer) : undefined;
      if (value === undefined || !ts.isObjectLiteralExpression(value)) {
        sink.report("PluginNotLiteral", prop, "config");
        continue;
      }
      config = readConfig(value, loaded, sink);
      continue;
    }
    if (key === "net" || key === "workers" || key === "interval") {
      const value = ts.isPropertyAssignment(prop) ? unwrapParens(prop.initializer) : undefined;
      const literal = value === undefined ? undefined : literalOf(value);
      if (key === "net") {
        if (typeof literal !== "boolean") sink.report("PluginLiteral", prop, key, "true or false");
        else net = literal;
      } else if (key === "workers") {
        if (typeof literal !== "number" || !Number.isInteger(literal) || literal < 0 || literal > 64) sink.report("PluginLiteral", prop, key, "an integer from 0 to 64");
        else workers = literal;
      } else {
        sawInterval = true;
        const seconds = typeof literal === "string" ? parseDuration(literal) : literal;
        if (typeof seconds !== "number" || !(seconds > 0) || seconds > 86400 * 365) {
          sink.report("PluginLiteral", prop, key, "a number of seconds above 0 (0.5 is allowed) or a duration string such as \"500ms\"");
        } else {
          intervalNs = Math.max(1, Math.round(seconds * 1e9));
        }
      }
      continue;
    }
    const fn = callbackOf(prop);
    if (fn === undefined) {
      sink.report("CallbackShape", prop, key);
      continue;
    }
    callbacks.set(key, fn);
  }
  if (kind === "input" && !sawInterval) sink.report("PluginMissingCallback", def, kind, "interval");
  if (!callbacks.has(requiredCallback[kind])) {
    sink.report("PluginMissingCallback", def, kind, requiredCallback[kind]);
  }
  if (name === undefined) {
    if (!def.properties.some((p) => p.name !== undefined && propertyName(p.name) === "name")) {
      sink.report("PluginName", def, "no name");
    }
    return undefined;
  }
  return {
    kind,
    name,
    description: description ?? jsDocText(exportDefault) ?? `${name} ${kind} written in TypeScript`,
    config,
    callbacks,
    net,
    workers,
    intervalNs,
    node: exportDefault,
  };
}

/** A literal's value: a string, a number (with unary minus) or a boolean. */
function literalOf(e: ts.Expression): string | number | boolean | undefined {
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/** "500ms", "10s", "2m", "1h", "1.5" (seconds) -> seconds; undefined when not one. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
  if (m === null) return undefined;
  const scale = { ms: 0.001, s: 1, m: 60, h: 3600 }[(m[2] ?? "s").toLowerCase() as "ms" | "s" | "m" | "h"];
  return Number(m[1]) * scale;
}

function callbackOf(prop: ts.ObjectLiteralElementLike): Callback | undefined {
  if (ts.isMethodDeclaration(prop)) return prop;
  if (ts.isPropertyAssignment(prop)) {
    const v = unwrapParens(prop.initializer);
    if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) return v;
  }
  return undefined;
}

export function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

export function unwrapParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** The first paragraph of a node's JSDoc, on one line. */
export function jsDocText(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs[docs.length - 1];
  if (last === undefined || last.comment === undefined) return undefined;
  const text = typeof last.comment === "string" ? last.comment : last.comment.map((c) => c.text).join("");
  const para = text.split(/\n\s*\n/)[0]!.replace(/\s+/g, " ").trim();
  return para === "" ? undefined : para;
}
