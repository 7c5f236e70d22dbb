// One plugin instance under Node: its config, its state and its log, as
// Fluent Bit gives them to an instance named `<name>.0`.
import { logLevels, type ConfigValue, type Log, type LogLevel, type PluginDescriptor } from "./descriptor.js";

export interface Instance {
  readonly config: Readonly<Record<string, ConfigValue>>;
  state: unknown;
  readonly log: Log;
}

/**
 * A log that writes `[<level>] [<kind>:<name>:<name>.0] <message>` lines,
 * the local host's format, for levels up to `maxLevel` (Fluent Bit's
 * default `log_level` is info: debug and trace are not shown).
 */
export function createLog(plugin: PluginDescriptor, write: (line: string) => void, maxLevel: LogLevel): Log {
  const prefix = `[${plugin.kind}:${plugin.name}:${plugin.name}.0]`;
  const limit = logLevels.indexOf(maxLevel);
  const entries = logLevels.map((level, i) => [
    level,
    (message: string): void => {
      if (i <= limit) {
        write(`[${level}] ${prefix} ${String(message)}`);
      }
    },
  ]);
  return Object.freeze(Object.fromEntries(entries) as Log);
}
