// What outputs and inputs add to lowering: an output's events (for...of,
// `.length`, an event's time/tag/metadata/body), its sinks (ctx.file,
// ctx.http, ctx.tcp), the flush result, and an input's ctx.emit.
//
// An I/O call that fails throws an I/O error, in the reference semantics
// and in C alike: the runtime call sets the exception (flbc_throw_new) and
// generated code tests rt->thrown after it, so a plugin may catch it; one
// that leaves flush makes the chunk "retry" (flbc_flush_uncaught).
import { ts } from "../program/typescript.cjs";
import type { Expr, Kind, Stmt } from "../ir/ir.js";
import type { Lowered } from "./expressions.js";
import { contextPath, rtName, toStr } from "./expressions.js";
import type { FunctionLowerer } from "./function.js";
import { checkThrown } from "./exceptions.js";
import { lineOf, skipParens } from "./function.js";
import { inOrder } from "./order.js";

const name = (n: string, kind: Kind): Expr => ({ k: "name", name: n, kind });
const call = (fn: string, args: Expr[], kind: Kind): Expr => ({ k: "call", fn, args, kind });

/** C names the flush and collect functions take besides rt and ctx. */
export const collectOut = "out";

/** Parts of `ctx` that only outputs and inputs have. */
export type IoPath = "http" | "tcp" | "file";

export function isIoPath(n: string): n is IoPath {
  return n === "http" || n === "tcp" || n === "file";
}

/** `return "ok" | "retry" | "error"` in flush. */
export function flushResult(f: FunctionLowerer, e: ts.Expression | undefined): Expr {
  const x = e === undefined ? undefined : skipParens(e);
  if (x !== undefined && ts.isStringLiteralLike(x)) {
    const code = { ok: "FLBC_FLUSH_OK", retry: "FLBC_FLUSH_RETRY", error: "FLBC_FLUSH_ERROR" }[x.text];
    if (code !== undefined) return name(code, "int");
  }
  if (x === undefined) return call("flbc_flush_result", [rtName(f), { k: "str", value: "undefined" }], "int");
  return call("flbc_flush_result", [rtName(f), f.exprAs(x, "str")], "int");
}

/** `events.length`, `event.time` / `.tag` / `.metadata` / `.body`. */
export function eventAccess(f: FunctionLowerer, a: ts.PropertyAccessExpression | ts.ElementAccessExpression, obj: Lowered): Lowered | undefined {
  const prop = ts.isPropertyAccessExpression(a) ? a.name.text : undefined;
  if (obj.e.k !== "name") return undefined;
  const base = obj.e.name;
  if (obj.kind === "events") {
    if (prop === "length") return { e: call("flbc_events_length", [obj.e], "num"), kind: "num" };
    f.scope.sink.report("EventsAccess", a);
    return { e: { k: "num", value: 0 }, kind: "num" };
  }
  switch (prop) {
    case "time":
      return { e: name(`${base}->time`, "num"), kind: "num" };
    case "tag":
      f.usesRt = true;
      return { e: name("rt->tag", "str"), kind: "str" };
    case "metadata":
      return { e: name(`${base}->metadata`, "val"), kind: "val" };
    case "body":
      return { e: name(`&${base}->body`, "rec"), kind: "rec" };
  }
  return undefined;
}

/** for (const event of events): a cursor of its own over the chunk. */
export function lowerForOfEvents(f: FunctionLowerer, id: ts.Identifier, events: Expr, body: () => Stmt[]): Stmt[] {
  const cursor = f.locals.claim("cursor");
  const cname = f.locals.claim(id.text, "v_");
  f.bind(id, { k: "local", cname, kind: "event" });
  const test = call("flbc_events_next", [events, name(`&${cursor}`, "void")], "bool");
  return [
    {
      k: "block",
      body: [
        { k: "decl", name: cursor, kind: "void", ctype: "flbc_event_cursor", init: call("flbc_events_begin", [events], "void") },
        { k: "while", test, body: [{ k: "decl", name: cname, kind: "event", init: name(`&${cursor}.ev`, "event"), line: lineOf(id) }, ...body()] },
      ],
    },
  ];
}

/**
 * ctx.file.append, ctx.http.request, ctx.tcp.write (flush) and ctx.emit
 * (collect); undefined when the callee is none of them.
 */
export function contextCall(f: FunctionLowerer, c: ts.CallExpression, callee: ts.PropertyAccessExpression): Lowered | undefined {
  const method = callee.name.text;
  const base = skipParens(callee.expression);
  if (method === "emit" && contextPath(f, base) === "ctx" && f.role === "collect") return emit(f, c);
  if (!ts.isPropertyAccessExpression(base) || contextPath(f, base.expression) !== "ctx" || !isIoPath(base.name.text)) return undefined;
  const io = base.name.text;
  if (f.role !== "flush") {
    f.scope.sink.report("IoOutsideFlush", callee, `ctx.${io}.${method}`);
    return { e: { k: "num", value: 0 }, kind: "void" };
  }
  const arg = (i: number): Expr => {
    const a = c.arguments[i];
    return a === undefined ? { k: "str", value: "" } : toStr(f, f.expr(a), a);
  };
  // The call runs as a statement of its own, followed by the throw test.
  const statement = (e: Expr): Lowered => {
    f.pre.push({ k: "expr", expr: e }, checkThrown(f));
    return { e: { k: "num", value: 0 }, kind: "void" };
  };
  if (io === "file" && method === "append") {
    return statement(call("flbc_file_append", [rtName(f), arg(0), arg(1)], "void"));
  }
  const upstream = f.scope.upstream;
  if (upstream !== undefined && io === "tcp" && method === "write") {
    f.usesCtx = true;
    return statement(call("flbc_tcp_write", [rtName(f), name(`ctx->${upstream}`, "void"), arg(0)], "void"));
  }
  if (upstream !== undefined && io === "http" && method === "request") {
    f.usesCtx = true;
    const request = httpRequest(f, c.arguments[0]);
    const res = f.temp("val", call("flbc_http_request", [rtName(f), name(`ctx->${upstream}`, "void"), ...request], "val"));
    f.pre.push(checkThrown(f));
    return { e: name(res, "val"), kind: "val" };
  }
  // ctx.http / ctx.tcp of an output without `net: true` are a type error,
  // which the check stage reports as FLBC1222 (NetNotDeclared).
  f.scope.sink.report("UnsupportedCall", callee, `'${callee.getText()}'`);
  return { e: { k: "num", value: 0 }, kind: "void" };
}

/**
 * The HttpRequest argument as flbc_http_request's (method, uri, headers,
 * body): an object literal's properties lowered one by one, anything else
 * read from the object value. An absent body is "" (no body, Content-Length
 * 0), absent headers undefined.
 */
function httpRequest(f: FunctionLowerer, a: ts.Expression | undefined): Expr[] {
  const x = a === undefined ? undefined : skipParens(a);
  const fields = ["method", "uri", "headers", "body"] as const;
  const kindOf = (field: (typeof fields)[number]): Kind => (field === "headers" ? "val" : "str");
  const absent = (field: (typeof fields)[number]): Expr => (field === "headers" ? name("FLBC_VAL_UNDEF", "val") : { k: "str", value: "" });
  if (x !== undefined && ts.isObjectLiteralExpression(x) && x.properties.every((p) => ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))))) {
    const written: { field: (typeof fields)[number]; lower: () => Lowered }[] = [];
    for (const p of x.properties) {
      const key = (p as ts.PropertyAssignment | ts.ShorthandPropertyAssignment).name as ts.Identifier | ts.StringLiteral;
      const value = ts.isShorthandPropertyAssignment(p) ? p.name : (p as ts.PropertyAssignment).initializer;
      const field = fields.find((fd) => fd === key.text);
      if (field !== undefined) written.push({ field, lower: () => ({ e: f.exprAs(value, kindOf(field)), kind: kindOf(field) }) });
    }
    // The properties in the literal's order, whatever order the call takes them in.
    const values = inOrder(f, written.map((w) => w.lower));
    const given = new Map(written.map((w, i) => [w.field, values[i]!.e]));
    return fields.map((field) => given.get(field) ?? absent(field));
  }
  const req = name(f.temp("val", a === undefined ? name("FLBC_VAL_UNDEF", "val") : f.exprAs(a, "val")), "val");
  return fields.map((field) => {
    const read = call("flbc_val_get", [req, { k: "str", value: field }], "val");
    return field === "headers" ? read : call("flbc_val_as_str", [read], "str");
  });
}

/** ctx.emit(record, time?) -> flbc_emit(rt, out, record, time | NAN). */
function emit(f: FunctionLowerer, c: ts.CallExpression): Lowered {
  const [record, time] = c.arguments;
  if (record === undefined) {
    f.scope.sink.report("UnsupportedCall", c, "'ctx.emit' without a record");
    return { e: { k: "num", value: 0 }, kind: "void" };
  }
  const noTime = time === undefined || (ts.isIdentifier(time) && time.text === "undefined");
  const [body, t] = inOrder(f, [() => ({ e: f.exprAs(record, "val"), kind: "val" }), () => ({ e: noTime ? name("NAN", "num") : f.exprAs(time, "num"), kind: "num" })]).map((o) => o.e);
  usesOut.add(f);
  return { e: call("flbc_emit", [rtName(f), name(collectOut, "void"), body!, t!], "void"), kind: "void" };
}

/** Collect functions whose body emits (their `out` parameter is used). */
export const usesOut = new WeakSet<FunctionLowerer>();
