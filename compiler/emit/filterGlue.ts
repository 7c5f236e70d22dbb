// The Fluent Bit side of a filter: log funnel, cb_init / cb_filter /
// cb_exit, the config map and the registration struct, written the way
// Fluent Bit's own plugins/filter_* are.
import type { ConfigEntry, RecordKeys, Unit } from "../ir/ir.js";
import { stringLiteral } from "./cexpr.js";
import type { CWriter } from "./writer.js";

export function emitFilterGlue(w: CWriter, unit: Unit): void {
  emitLogFunnel(w, unit);
  emitPropertyIsEmpty(w);
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

/**
 * Tells the runtime `rt` (a C pointer expression) the plugin's record keys,
 * and whether records need an index; nothing when the plugin names no key
 * and computes some (the default).
 */
export function emitSetKeys(w: CWriter, rk: RecordKeys, rt: string): void {
  const naming = rk.computed ? "FLBC_KEYS_COMPUTED" : "FLBC_KEYS_LITERAL";
  if (rk.keys.length > 0) {
    w.line(`flbc_rt_set_keys(${rt}, record_keys, ${rk.keys.length}, ${naming});`);
  } else if (!rk.computed) {
    w.line(`flbc_rt_set_keys(${rt}, NULL, 0, FLBC_KEYS_LITERAL);`);
  }
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
  // An output reads records only in flush, through an rt of each call's own.
  if (unit.kind === "filter" && unit.recordKeys !== undefined) emitSetKeys(w, unit.recordKeys, "&ctx->rt");
  w.blank();
  w.open(`if (flb_${unit.kind}_config_map_set(ins, ctx) == -1) {`);
  w.line('flb_plg_error(ins, "unable to load configuration");');
  w.line("flb_free(ctx);");
  w.line("return -1;");
  w.close("}");
  emitPropertyChecks(w, unit);
  const views = unit.config.filter((c) => c.strMember !== undefined);
  if (views.length > 0) {
    w.blank();
    w.line("/* A string property given an empty value is left NULL by Fluent Bit. */");
    for (const c of views) {
      const sds = `ctx->${c.member}`;
      w.line(`ctx->${c.strMember} = ${sds} ? (flbc_str) { ${sds}, flb_sds_len(${sds}) } : (flbc_str) { "", 0 };`);
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

/** What a property of each checked type must be, for the error message. */
const expectedValue: Partial<Record<ConfigEntry["mapType"], string>> = {
  INT: "an integer",
  DOUBLE: "a number",
  BOOL: "true/false, on/off or yes/no",
  SIZE: "a size such as 64M",
  TIME: "a time such as 5s",
};

/**
 * Rejects in cb_init what Fluent Bit's config map takes silently, so that a
 * plugin never runs with a value other than the one its engines under flbc
 * would give: an INT or DOUBLE with trailing text ("12abc" is read as 12 by
 * atoi), and a typed property given an empty value (kept without a value, so
 * its member stays zero instead of taking the default).
 */
function emitPropertyChecks(w: CWriter, unit: Unit): void {
  const typed = [...unit.config, ...runtimeConfigEntries].filter((c) => expectedValue[c.mapType] !== undefined);
  if (typed.length === 0) return;
  w.blank();
  for (const c of typed) {
    const key = stringLiteral(c.key);
    const syntax =
      c.mapType === "INT" ? "flbc_prop_is_int" : c.mapType === "DOUBLE" ? "flbc_prop_is_double" : undefined;
    const empty = `property_is_empty(&ins->properties, ${key})`;
    w.open(`if (${syntax === undefined ? empty : `${empty} || !${syntax}(flb_${unit.kind}_get_property(${key}, ins))`}) {`);
    w.line(`flb_plg_error(ins, "invalid value for property '${c.key}': expected ${expectedValue[c.mapType]}");`);
    w.line("flbc_rt_free(&ctx->rt);");
    w.line("flb_free(ctx);");
    w.line("return -1;");
    w.close("}");
  }
}

/** The helper emitPropertyChecks calls: every plugin has the typed arena_limit. */
export function emitPropertyIsEmpty(w: CWriter): void {
  w.line("/* A property given with an empty value: Fluent Bit keeps its key without a");
  w.line(" * value and skips it, so the member is left zero instead of the default. */");
  w.line("static int property_is_empty(struct mk_list *properties, const char *key)");
  w.open("{");
  w.line("struct mk_list *head;");
  w.line("struct flb_kv *kv;");
  w.blank();
  w.open("mk_list_foreach(head, properties) {");
  w.line("kv = mk_list_entry(head, struct flb_kv, _head);");
  w.open("if (kv->val == NULL && strcasecmp(kv->key, key) == 0) {");
  w.line("return FLB_TRUE;");
  w.close("}");
  w.close("}");
  w.line("return FLB_FALSE;");
  w.close("}");
  w.blank();
}

/** What a list property (CLIST) reads as; emitted before the functions that read one. */
export function emitConfigList(w: CWriter): void {
  w.line("/* A list property as the array ctx.config.<key> reads: one string per item,");
  w.line(" * viewing Fluent Bit's copies. NULL (the property given empty) is []. */");
  w.line("static flbc_arr *config_list(flbc_rt *rt, struct mk_list *list)");
  w.open("{");
  w.line("struct mk_list *head;");
  w.line("struct flb_slist_entry *e;");
  w.line("flbc_arr *a = flbc_arr_new(rt, list ? (uint32_t) mk_list_size(list) : 0);");
  w.blank();
  w.open("if (!a || !list) {");
  w.line("return a;");
  w.close("}");
  w.open("mk_list_foreach(head, list) {");
  w.line("e = mk_list_entry(head, struct flb_slist_entry, _head);");
  w.line("flbc_arr_push(rt, a, flbc_val_str((flbc_str) { e->str, flb_sds_len(e->str) }));");
  w.close("}");
  w.line("return a;");
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
