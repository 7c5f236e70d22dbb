// The Fluent Bit side of an input: cb_init registers a timer collector
// (flb_input_set_collector_time, like plugins/in_dummy), cb_collect runs
// the TypeScript collect and appends what it emitted in one
// flb_input_log_append, cb_pause / cb_resume pause the collector on
// backpressure as built-in inputs do, cb_exit.
import { pluginNames } from "../build/kinds.js";
import type { Unit } from "../ir/ir.js";
import { stringLiteral } from "./cexpr.js";
import { emitConfigMap, emitExit, emitInit, emitLogFunnel, emitPropertyIsEmpty } from "./filterGlue.js";
import type { CWriter } from "./writer.js";

export function emitInputGlue(w: CWriter, unit: Unit): void {
  const ns = unit.input?.intervalNs ?? 1e9;
  emitLogFunnel(w, unit);
  emitPropertyIsEmpty(w);
  emitCollect(w, unit);
  emitInit(w, unit, (w) => {
    w.line(`/* collect() every ${ns / 1e9} s */`);
    w.line(`ctx->coll_fd = flb_input_set_collector_time(ins, cb_${unit.name}_collect,`);
    w.line(`                                             ${Math.floor(ns / 1e9)}, ${ns % 1e9}, config);`);
    w.open("if (ctx->coll_fd == -1) {");
    w.line('flb_plg_error(ins, "could not set the collector");');
    w.line("flbc_rt_free(&ctx->rt);");
    w.line("flb_free(ctx);");
    w.line("return -1;");
    w.close("}");
  });
  emitPauseResume(w, unit);
  emitExit(w, unit);
  emitConfigMap(w, unit);
  emitInputStruct(w, unit);
}

function emitCollect(w: CWriter, unit: Unit): void {
  const head = `static int cb_${unit.name}_collect(`;
  w.line(`${head}struct flb_input_instance *ins,`);
  w.line(`${" ".repeat(head.length)}struct flb_config *config, void *in_context)`);
  w.open("{");
  w.line(`struct ${unit.ctxStruct} *ctx = in_context;`);
  w.line("flbc_buf out = { 0 };");
  w.line("int ret = 0;");
  w.blank();
  w.line("(void) config;");
  w.blank();
  w.line("ctx->rt.tag = (flbc_str) { ins->tag, ins->tag ? strlen(ins->tag) : 0 };");
  w.line(`${unit.callbacks.collect}(&ctx->rt, &out, ctx);`);
  w.open("if (out.failed) {");
  w.line('flbc_log(&ctx->rt, FLBC_LOG_ERROR, "collect ran out of memory: its records are dropped");');
  w.line("ret = -1;");
  w.close("}");
  w.open("else if (out.len > 0) {");
  w.line("ret = flb_input_log_append(ins, NULL, 0, out.data, out.len);");
  w.close("}");
  w.line("flbc_buf_free(&out);");
  w.line("flbc_arena_reset(&ctx->rt.arena);");
  w.line("ctx->rt.arena.failed = false;");
  w.line("return ret;");
  w.close("}");
  w.blank();
}

function emitPauseResume(w: CWriter, unit: Unit): void {
  for (const [cb, fn] of [
    ["pause", "flb_input_collector_pause"],
    ["resume", "flb_input_collector_resume"],
  ]) {
    w.line(`static void cb_${unit.name}_${cb}(void *data, struct flb_config *config)`);
    w.open("{");
    w.line(`struct ${unit.ctxStruct} *ctx = data;`);
    w.blank();
    w.line("(void) config;");
    w.line(`${fn}(ctx->coll_fd, ctx->ins);`);
    w.close("}");
    w.blank();
  }
}

function emitInputStruct(w: CWriter, unit: Unit): void {
  const fields: [string, string][] = [
    ["name", stringLiteral(unit.name)],
    ["description", stringLiteral(unit.description)],
    ["cb_init", `cb_${unit.name}_init`],
    ["cb_pre_run", "NULL"],
    ["cb_collect", `cb_${unit.name}_collect`],
    ["cb_flush_buf", "NULL"],
    ["cb_pause", `cb_${unit.name}_pause`],
    ["cb_resume", `cb_${unit.name}_resume`],
    ["cb_exit", `cb_${unit.name}_exit`],
    ["config_map", "config_map"],
    ["flags", "0"],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  w.open(`struct flb_input_plugin ${pluginNames("input", unit.name).symbol} = {`);
  for (const [k, v] of fields) w.line(`.${k.padEnd(width)} = ${v},`);
  w.close("};");
}
