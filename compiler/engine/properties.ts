// User properties (`-p key=value`) -> the instance's config, as Fluent Bit's
// config map does it: keys match case-insensitively, an unknown or repeated
// key is an error, each value is converted to its entry's type
// (stdlib/config.js holds the conversions, shared with the config markers).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ConfigType, ConfigValue, PluginDescriptor } from "./descriptor.js";

type Conversion = { ok: true; value: ConfigValue } | { ok: false; message: string };
type ConfigModule = { convertProperty(type: ConfigType, key: string, text: string): Conversion };

const configModule = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../stdlib/config.js");

export type ResolvedConfig =
  | { ok: true; config: Readonly<Record<string, ConfigValue>> }
  | { ok: false; message: string };

/** Properties Fluent Bit handles for every instance, not the plugin's config map. */
// arena_limit: the runtime's own property of every generated plugin
// (runtimeConfigEntries in compiler/emit/filterGlue.ts); Node has no arena.
const instanceProperties = new Set(["alias", "log_level", "match", "match_regex", "tag", "retry_limit", "workers", "host", "port", "tls", "arena_limit"]);

/** The instance's config: the defaults, overridden by `props`. */
export async function resolveConfig(
  plugin: PluginDescriptor,
  props: Readonly<Record<string, string>>,
): Promise<ResolvedConfig> {
  const { convertProperty } = (await import(pathToFileURL(configModule).href)) as ConfigModule;
  const byLowerKey = new Map(Object.keys(plugin.configMap).map((key) => [key.toLowerCase(), key]));
  const config: Record<string, ConfigValue> = { ...plugin.config };
  const setBy = new Map<string, string>();
  for (const [given, text] of Object.entries(props)) {
    // Properties of every instance (the host consumes them the same way).
    if (instanceProperties.has(given.toLowerCase())) continue;
    const key = byLowerKey.get(given.toLowerCase());
    if (key === undefined) {
      return { ok: false, message: `[config] ${plugin.name}: unknown configuration property '${given}'` };
    }
    if (setBy.has(key)) {
      return { ok: false, message: `[config] ${plugin.name}: configuration property '${given}' is set 2 times` };
    }
    setBy.set(key, given);
    const entry = plugin.configMap[key]!;
    const converted = convertProperty(entry.type, key, text);
    if (!converted.ok) {
      return { ok: false, message: `[config map] ${converted.message}` };
    }
    config[key] = converted.value;
  }
  return { ok: true, config: Object.freeze(config) };
}
