// How each flbc plugin kind is named and registered in Fluent Bit. One row
// per kind, so that outputs and inputs slot in beside filters: Fluent Bit
// derives every name (the exported struct, the static library target, the
// shared object file, the EXT_*_PLUGINS variable) from the plugin's kind
// prefix and its short name.
import type { PluginKind } from "../toolchain/index.js";

export interface KindInfo {
  /** Fluent Bit's prefix: filter_<name>, out_<name>, in_<name>. */
  prefix: string;
  /** The registration struct's type, e.g. flb_filter_plugin. */
  struct: string;
  /** The CMake list naming out-of-tree plugins of this kind. */
  cmakeVar: string;
  /** Fluent Bit's classic/YAML section for an instance of this kind. */
  section: "FILTER" | "OUTPUT" | "INPUT";
  /** Command-line flag that instantiates it (`fluent-bit -F redact`). */
  flag: "-F" | "-o" | "-i";
}

export const kinds: Record<PluginKind, KindInfo> = {
  filter: { prefix: "filter", struct: "flb_filter_plugin", cmakeVar: "EXT_FILTER_PLUGINS", section: "FILTER", flag: "-F" },
  output: { prefix: "out", struct: "flb_output_plugin", cmakeVar: "EXT_OUT_PLUGINS", section: "OUTPUT", flag: "-o" },
  input: { prefix: "in", struct: "flb_input_plugin", cmakeVar: "EXT_IN_PLUGINS", section: "INPUT", flag: "-i" },
};

/** The names Fluent Bit derives from one plugin. */
export interface PluginNames {
  kind: PluginKind;
  /** Short name, as written after `Name` in a config: redact. */
  name: string;
  /** Fluent Bit's plugin id: filter_redact (CMake entry, target suffix). */
  id: string;
  /** The exported registration variable: filter_redact_plugin. */
  symbol: string;
  /** The static library FLB_PLUGIN() creates: flb-plugin-filter_redact. */
  target: string;
  /** The file `fluent-bit -e` loads: flb-filter_redact.so (flb_plugin_load's convention). */
  sharedObject: string;
}

export function pluginNames(kind: PluginKind, name: string): PluginNames {
  const id = `${kinds[kind].prefix}_${name}`;
  return {
    kind,
    name,
    id,
    symbol: `${id}_plugin`,
    target: `flb-plugin-${id}`,
    sharedObject: `flb-${id}.so`,
  };
}
