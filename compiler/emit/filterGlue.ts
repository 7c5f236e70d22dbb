// The Fluent Bit side of a filter: log funnel, cb_init / cb_filter /
// cb_exit, the config map and the registration struct, written the way
// Fluent Bit's own plugins/filter_* are.
import type { Unit } from "../ir/ir.js";
import { stringLiteral } from "./cexpr.js";
import type { CWriter } from "./writer.js";

export function emitFilterGlue(w: CWriter, unit: Unit): void {
  emitLogFunnel(w, unit);
  emitInit(w, unit);
  emitFilter(w, unit);
  emitExit(w, unit);
  emitConfigMap(w, unit);
  emitPluginStruct(w, unit);
}

export function emitLogFunnel(w: CWriter, unit: Unit): void {
  const ins = `struct flb_${unit.kind}_instance`;
  w.line("/* The runtime logs through the plugin instance, as Fluent Bit's own plugins do. */");
  w.line("static void plugin_log(void *instance, int level, const char *msg)");
  w.open("{");
  w.line(`${ins} *ins = instance;`);
  w.blank();
  w.line("switch (level) {");
  for (const [level, macro] of [
    ["ERROR", "error"],
    ["WARN", "warn"],
    ["INFO", "info"],
    ["DEBUG", "debug"],
  ]) {
    w.line(`case FLBC_LOG_${level}:`);
    w.line(`    flb_plg_${macro}(ins, "%s", msg);`);
    w.line("    break;");
  }
  w.line("default:");
  w.line('    flb_plg_trace(ins, "%s", msg);');
  w.line("    break;");
  w.line("}");
  w.close("}");
  w.blank();
}

/** cb_init; `extra` adds what an output or input sets up once the state exists. */
export function emitInit(w: CWriter, unit: Unit, extra?: (w: CWriter) => void): void {
  const ctx = `struct ${unit.ctxStruct}`;
  w.line(`static int cb_${unit.name}_init(struct flb_${unit.kind}_instance *ins,`);
  w.line(`${" ".repeat(`static int cb_${unit.name}_init(`.length)}struct flb_config *config, void *data)`);
  w.open("{");
  w.line(`${ctx} *ctx;`);
  w.blank();
  w.line("(void) config;");
  w.line("(void) data;");
  w.blank();
  w.line(`ctx = flb_calloc(1, sizeof(${ctx}));`);
  w.open("if (!ctx) {");
  w.line("flb_errno();");
  w.line("return -1;");
  w.close("}");
  w.line("ctx->ins = ins;");
  w.line("/* Before the config map: arena_limit is written into ctx->rt. */");
  w.line("flbc_rt_init(&ctx->rt, plugin_log, ins);");
  w.blank();
  w.open(`if (flb_${unit.kind}_config_map_set(ins, ctx) == -1) {`);
  w.line('flb_plg_error(ins, "unable to load configuration");');
  w.line("flb_free(ctx);");
  w.line("return -1;");
  w.close("}");
  const checked = unit.config.filter((c) => c.mapType === "INT" || c.mapType === "DOUBLE");
  if (checked.length > 0) {
    w.blank();
    w.line("/* Fluent Bit's config map reads \"12abc\" as 12: reject such values. */");
    for (const c of checked) {
      const fn = c.mapType === "INT" ? "flbc_prop_is_int" : "flbc_prop_is_double";
      const what = c.mapType === "INT" ? "an integer" : "a number";
      w.open(`if (!${fn}(flb_${unit.kind}_get_property(${stringLiteral(c.key)}, ins))) {`);
      w.line(`flb_plg_error(ins, "invalid value for property '${c.key}': expected ${what}");`);
      w.line("flb_free(ctx);");
      w.line("return -1;");
      w.close("}");
    }
  }
  const views = unit.config.filter((c) => c.strMember !== undefined);
  if (views.length > 0) {
    w.blank();
    for (const c of views) {
      w.line(`ctx->${c.strMember} = (flbc_str) { ctx->${c.member}, flb_sds_len(ctx->${c.member}) };`);
    }
  }
  w.blank();
  if (unit.callbacks.init !== undefined) {
    w.open(`if (${unit.callbacks.init}(&ctx->rt, ctx) != 0) {`);
    w.line("flbc_rt_free(&ctx->rt);");
    w.line("flb_free(ctx);");
    w.line("return -1;");
    w.close("}");
  }
  extra?.(w);
  w.line(`flb_${unit.kind}_set_context(ins, ctx);`);
  w.line("return 0;");
  w.close("}");
  w.blank();
}

function emitFilter(w: CWriter, unit: Unit): void {
  const indent = " ".repeat(`static int cb_${unit.name}_filter(`.length);
  w.line(`static int cb_${unit.name}_filter(const void *data, size_t bytes,`);
  w.line(`${indent}const char *tag, int tag_len,`);
  w.line(`${indent}void **out_buf, size_t *out_bytes,`);
  w.line(`${indent}struct flb_filter_instance *ins,`);
  w.line(`${indent}struct flb_input_instance *i_ins,`);
  w.line(`${indent}void *filter_context, struct flb_config *config)`);
  w.open("{");
  w.line(`struct ${unit.ctxStruct} *ctx = filter_context;`);
  w.line("int ret;");
  w.blank();
  w.line("(void) ins;");
  w.line("(void) i_ins;");
  w.line("(void) config;");
  w.blank();
  w.line("ret = flbc_filter_chunk(&ctx->rt, data, bytes, tag, tag_len,");
  w.line(`                        out_buf, out_bytes, ${unit.callbacks.filter}, ctx);`);
  w.line("return ret == FLBC_MODIFIED ? FLB_FILTER_MODIFIED : FLB_FILTER_NOTOUCH;");
  w.close("}");
  w.blank();
}

/** cb_exit; `extra` releases what emitInit's `extra` set up. */
export function emitExit(w: CWriter, unit: Unit, extra?: (w: CWriter) => void): void {
  w.line(`static int cb_${unit.name}_exit(void *data, struct flb_config *config)`);
  w.open("{");
  w.line(`struct ${unit.ctxStruct} *ctx = data;`);
  w.blank();
  w.line("(void) config;");
  w.blank();
  w.open("if (!ctx) {");
  w.line("return 0;");
  w.close("}");
  if (unit.callbacks.exit !== undefined) w.line(`${unit.callbacks.exit}(&ctx->rt, ctx);`);
  for (const s of unit.state) {
    if (s.kind === "str") w.line(`flbc_str_free_heap(ctx->state.${s.member});`);
  }
  extra?.(w);
  w.line("flbc_rt_free(&ctx->rt);");
  w.line("flb_free(ctx);");
  w.line("return 0;");
  w.close("}");
  w.blank();
}

/**
 * Properties every generated plugin has, whatever its source declares:
 * Fluent Bit writes them straight into the runtime state (`field` is a
 * member designator under the context struct), which emitInit initializes
 * before the config map is applied. Kept here so every kind's glue gets the
 * same entries through emitConfigMap.
 */
export const runtimeConfigEntries: ReadonlyArray<{
  key: string;
  mapType: "SIZE";
  defaultText: string;
  field: string;
  description: string;
}> = [
  {
    key: "arena_limit",
    mapType: "SIZE",
    defaultText: "64M",
    field: "rt.arena.cap",
    description:
      "Most memory one record (or callback) may use for its temporary values; a record that " +
      "needs more is logged and passed through unchanged",
  },
];

export function emitConfigMap(w: CWriter, unit: Unit): void {
  w.open("static struct flb_config_map config_map[] = {");
  for (const c of unit.config) {
    const dflt = c.defaultText === undefined ? "NULL" : stringLiteral(c.defaultText);
    // Designated initializers: -Wextra rejects positional ones that leave
    // Fluent Bit's private fields of the entry out.
    w.open("{");
    w.line(`.type = FLB_CONFIG_MAP_${c.mapType}, .name = ${stringLiteral(c.key)}, .def_value = ${dflt},`);
    w.line(`.set_property = FLB_TRUE, .offset = offsetof(struct ${unit.ctxStruct}, ${c.member}),`);
    w.line(`.desc = ${stringLiteral(c.description)}`);
    w.close("},");
  }
  for (const e of runtimeConfigEntries) {
    w.open("{");
    w.line(`.type = FLB_CONFIG_MAP_${e.mapType}, .name = ${stringLiteral(e.key)}, .def_value = ${stringLiteral(e.defaultText)},`);
    w.line(`.set_property = FLB_TRUE, .offset = offsetof(struct ${unit.ctxStruct}, ${e.field}),`);
    w.line(`.desc = ${stringLiteral(e.description)}`);
    w.close("},");
  }
  w.line("/* EOF */");
  w.line("{0}");
  w.close("};");
  w.blank();
}

function emitPluginStruct(w: CWriter, unit: Unit): void {
  const fields: [string, string][] = [
    ["name", stringLiteral(unit.name)],
    ["description", stringLiteral(unit.description)],
    ["cb_init", `cb_${unit.name}_init`],
    ["cb_filter", `cb_${unit.name}_filter`],
    ["cb_exit", `cb_${unit.name}_exit`],
    ["config_map", "config_map"],
    ["flags", "0"],
    ["event_type", "FLB_FILTER_LOGS"],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  w.open(`struct flb_filter_plugin filter_${unit.name}_plugin = {`);
  for (const [k, v] of fields) w.line(`.${k.padEnd(width)} = ${v},`);
  w.close("};");
}
