// The Fluent Bit side of an output: cb_init / cb_flush / cb_exit, the
// config map and the registration struct, written the way Fluent Bit's own
// plugins/out_* are. A flush gets its own flbc_rt (arena, tag) on the
// stack: with `workers`, flushes of one instance run on several threads at
// once, and nothing they write is shared (ctx.state is read-only there;
// lower rejects writes when workers > 1).
import { pluginNames } from "../build/kinds.js";
import type { Unit } from "../ir/ir.js";
import { stringLiteral } from "./cexpr.js";
import { emitConfigMap, emitExit, emitInit, emitLogFunnel, emitPropertyIsEmpty, emitSetKeys } from "./filterGlue.js";
import type { CWriter } from "./writer.js";

export function emitOutputGlue(w: CWriter, unit: Unit): void {
  emitLogFunnel(w, unit);
  emitPropertyIsEmpty(w);
  const upstream = unit.output?.upstream;
  emitInit(w, unit, upstream === undefined ? undefined : (w) => emitUpstreamCreate(w, unit, upstream));
  emitFlush(w, unit);
  emitExit(w, unit, upstream === undefined ? undefined : (w) => w.line(`flb_upstream_destroy(ctx->${upstream});`));
  emitConfigMap(w, unit);
  emitOutputStruct(w, unit);
}

/**
 * A network output's upstream, set up as plugins/out_http and out_tcp do:
 * the host and port the user gave (127.0.0.1:80 when none), TLS with
 * `tls on`. ctx.http and ctx.tcp take their connections from it.
 */
function emitUpstreamCreate(w: CWriter, unit: Unit, upstream: string): void {
  w.line("/* host and port default to 127.0.0.1:80; `tls on` makes the upstream TLS. */");
  w.line('flb_output_net_default("127.0.0.1", 80, ins);');
  const indent = " ".repeat(`ctx->${upstream} = flb_upstream_create(`.length);
  w.line(`ctx->${upstream} = flb_upstream_create(config, ins->host.name, ins->host.port,`);
  w.line(`${indent}ins->use_tls == FLB_TRUE ? FLB_IO_TLS : FLB_IO_TCP,`);
  w.line(`${indent}ins->tls);`);
  w.open(`if (!ctx->${upstream}) {`);
  w.line('flb_plg_error(ins, "cannot create the upstream to %s:%i", ins->host.name, ins->host.port);');
  // init has run (the state exists); exit has not, as after any failed cb_init.
  for (const s of unit.state) {
    if (s.kind === "str") w.line(`flbc_str_free_heap(ctx->state.${s.member});`);
  }
  w.line("flbc_rt_free(&ctx->rt);");
  w.line("flb_free(ctx);");
  w.line("return -1;");
  w.close("}");
  w.line(`flb_output_upstream_set(ctx->${upstream}, ins);`);
}

function emitFlush(w: CWriter, unit: Unit): void {
  const head = `static void cb_${unit.name}_flush(`;
  const indent = " ".repeat(head.length);
  w.line(`${head}struct flb_event_chunk *event_chunk,`);
  w.line(`${indent}struct flb_output_flush *out_flush,`);
  w.line(`${indent}struct flb_input_instance *i_ins,`);
  w.line(`${indent}void *out_context, struct flb_config *config)`);
  w.open("{");
  w.line(`struct ${unit.ctxStruct} *ctx = out_context;`);
  w.line("flbc_rt rt;");
  w.line("flbc_events events;");
  w.line("int ret = FLBC_FLUSH_ERROR;");
  w.blank();
  w.line("(void) out_flush;");
  w.line("(void) i_ins;");
  w.line("(void) config;");
  w.blank();
  w.line("/* One runtime per flush call, never per instance: flushes may overlap. */");
  w.line("flbc_rt_init(&rt, plugin_log, ctx->ins);");
  w.line("rt.arena.cap = ctx->rt.arena.cap; /* the instance's arena_limit */");
  // Before the events are read: the walk that validates them notes the keys.
  if (unit.recordKeys !== undefined) emitSetKeys(w, unit.recordKeys, "&rt");
  w.line("if (flbc_events_init(&events, &rt, event_chunk->data, event_chunk->size,");
  w.open("                     event_chunk->tag, flb_sds_len(event_chunk->tag))) {");
  w.line(`ret = ${unit.callbacks.flush}(&rt, &events, ctx);`);
  w.open("if (rt.arena.failed && ret == FLBC_FLUSH_OK) {");
  w.line('flbc_log(&rt, FLBC_LOG_ERROR, "flush ran out of memory (arena_limit): not delivered");');
  w.line("ret = FLBC_FLUSH_ERROR;");
  w.close("}");
  w.close("}");
  w.line("flbc_rt_free(&rt);");
  w.blank();
  w.open("if (ret == FLBC_FLUSH_OK) {");
  w.line("FLB_OUTPUT_RETURN(FLB_OK);");
  w.close("}");
  w.open("if (ret == FLBC_FLUSH_RETRY) {");
  w.line("FLB_OUTPUT_RETURN(FLB_RETRY);");
  w.close("}");
  w.line("FLB_OUTPUT_RETURN(FLB_ERROR);");
  w.close("}");
  w.blank();
}

function emitOutputStruct(w: CWriter, unit: Unit): void {
  const out = unit.output ?? { net: false, workers: 0 };
  const fields: [string, string][] = [
    ["name", stringLiteral(unit.name)],
    ["description", stringLiteral(unit.description)],
    ["cb_init", `cb_${unit.name}_init`],
    ["cb_flush", `cb_${unit.name}_flush`],
    ["cb_exit", `cb_${unit.name}_exit`],
    ["config_map", "config_map"],
    ["flags", out.net ? "FLB_OUTPUT_NET | FLB_IO_OPT_TLS" : "0"],
    ["event_type", "FLB_OUTPUT_LOGS"],
  ];
  if (out.workers > 0) fields.push(["workers", String(out.workers)]);
  const width = Math.max(...fields.map(([k]) => k.length));
  w.open(`struct flb_output_plugin ${pluginNames("output", unit.name).symbol} = {`);
  for (const [k, v] of fields) w.line(`.${k.padEnd(width)} = ${v},`);
  w.close("};");
}
