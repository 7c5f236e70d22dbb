// The shape of what stdlib/index.js's define* return, as the engine sees it.
// (The plugin author's view, with generics, is stdlib/flbc.d.ts.)

/** Fluent Bit config-map types, as stdlib/config.js names them. */
export type ConfigType = "str" | "int" | "double" | "bool" | "size" | "time" | "clist";

/** A config value after conversion. */
export type ConfigValue = string | number | boolean | readonly string[] | undefined;

export interface ConfigEntry {
  readonly type: ConfigType;
  readonly default: ConfigValue;
  /** From `optional()`: no default, `undefined` unless set. */
  readonly optional: boolean;
}

/** A record value (JSON). */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type LogRecord = { [key: string]: Value };

/** Level names, in Fluent Bit's order (error = 1 ... trace = 5). */
export const logLevels = ["error", "warn", "info", "debug", "trace"] as const;
export type LogLevel = (typeof logLevels)[number];
export type Log = { readonly [L in LogLevel]: (message: string) => void };

interface BaseDescriptor {
  readonly name: string;
  readonly description?: string;
  readonly config: { readonly [key: string]: ConfigValue };
  readonly configMap: { readonly [key: string]: ConfigEntry };
  readonly init?: (config: unknown) => unknown;
  readonly exit?: (ctx: unknown) => void;
}

export interface FilterDescriptor extends BaseDescriptor {
  readonly kind: "filter";
  readonly filter: (record: LogRecord, ctx: unknown) => unknown;
}

export interface OutputDescriptor extends BaseDescriptor {
  readonly kind: "output";
  readonly net?: boolean;
  readonly workers?: number;
  readonly flush: (events: unknown, ctx: unknown) => unknown;
}

export interface InputDescriptor extends BaseDescriptor {
  readonly kind: "input";
  readonly interval: number;
  readonly collect: (ctx: unknown) => void;
}

export type PluginDescriptor = FilterDescriptor | OutputDescriptor | InputDescriptor;
