// The Node engine: `flbc run --engine node`. Runs a plugin's TypeScript
// source under Node with stdlib/index.js, the reference semantics that the
// compiled C must match, and reports what the local host would print.
//
// One run: load the descriptor, resolve the config from the properties,
// `init`, then the kind's runner over the input, then `exit`.
import type { FilterDescriptor, LogLevel, PluginDescriptor } from "./descriptor.js";
import { formatEvent, parseEvents, type Event } from "./events.js";
import { errorMessage, filterEvent } from "./filter.js";
import { runInput } from "./input.js";
import { createLog, type Instance } from "./instance.js";
import { netTarget } from "./net.js";
import { runOutput } from "./output.js";
import { LoadError, loadPluginDescriptor } from "./load.js";
import { resolveConfig } from "./properties.js";

export { loadPluginDescriptor } from "./load.js";
export type { PluginDescriptor } from "./descriptor.js";

export interface RunNodeOptions {
  /** The plugin's .ts file. */
  entry: string;
  /** Properties, as `-p key=value` gives them (keys case-insensitive). */
  props: Record<string, string>;
  /** Input and output lines are `[[time, metadata], body]` instead of bodies. */
  events: boolean;
  /** The input: JSON lines. */
  input: string;
  /** The tag of the records (default "test"). */
  tag?: string;
  /** Records per chunk handed to an output's flush (default 64, as the host). */
  chunkRecords?: number;
  /** Inputs: stop after this many records (default: one round of collect). */
  count?: number;
  /** Inputs: stop after this many seconds. */
  duration?: number;
  /** Highest log level printed (default "info", Fluent Bit's default). */
  logLevel?: LogLevel;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** 0, or 1 when the plugin could not be loaded, configured or initialised, or the input is invalid. */
  code: number;
}

export async function runNode(opts: RunNodeOptions): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const result = (code: number): RunResult => ({ stdout: lines(stdout), stderr: lines(stderr), code });
  const fail = (message: string): RunResult => {
    stderr.push(message);
    return result(1);
  };

  let plugin: PluginDescriptor;
  try {
    plugin = await loadPluginDescriptor(opts.entry, { log: (...data) => stdout.push(consoleLine(data)) });
  } catch (e) {
    return fail(e instanceof LoadError ? e.message : `[error] ${opts.entry}: ${describeError(e)}`);
  }

  const resolved = await resolveConfig(plugin, opts.props);
  if (!resolved.ok) {
    return fail(`[error] ${resolved.message}`);
  }
  const instance: Instance = {
    config: resolved.config,
    state: undefined,
    log: createLog(plugin, (line) => stderr.push(line), opts.logLevel ?? "info"),
  };
  if (plugin.init !== undefined) {
    try {
      instance.state = plugin.init(instance.config);
    } catch (e) {
      instance.log.error(`init failed: ${errorMessage(e)}`);
      return result(1);
    }
  }

  const parsed = parseEvents(opts.input, opts.events);
  let code = 0;
  switch (plugin.kind) {
    case "filter":
      runFilter(plugin, instance, opts, parsed.events, stdout);
      break;
    case "output": {
      const tag = opts.tag ?? "test";
      const retryLimit = retryLimitOf(opts.props);
      const net = plugin.net === true ? netTarget(opts.props) : undefined;
      if (net?.tls === true) {
        // As the local host's upstream refuses it (runtime-c/host/host_net.c).
        instance.log.error("cannot create the upstream: TLS needs Fluent Bit (the Node engine and the local host have plain TCP only)");
        return result(1);
      }
      if (runOutput(plugin, instance, parsed.events, { tag, chunkRecords: opts.chunkRecords ?? 64, retryLimit, net }) > 0) code = 1;
      break;
    }
    case "input":
      runInput(plugin, instance, { tag: opts.props.tag ?? `${plugin.name}.0`, events: opts.events, count: opts.count ?? 0, duration: opts.duration ?? 0 }, (line) => stdout.push(line));
      break;
  }

  if (parsed.error !== undefined) {
    stderr.push(parsed.error);
    code = 1;
  }
  if (plugin.exit !== undefined) {
    try {
      plugin.exit({ config: instance.config, state: instance.state, log: instance.log });
    } catch (e) {
      instance.log.error(`exit failed: ${errorMessage(e)}`);
    }
  }
  return result(code);
}

/** Fluent Bit's retry_limit property: a count, no_limits/false/off (capped at 16 as the host does), no_retries. */
function retryLimitOf(props: Record<string, string>): number {
  const key = Object.keys(props).find((k) => k.toLowerCase() === "retry_limit");
  const v = key === undefined ? undefined : props[key]!.toLowerCase();
  if (v === undefined) return 1;
  if (v === "no_limits" || v === "false" || v === "off") return 16;
  if (v === "no_retries") return 0;
  const n = parseInt(v, 10);
  return n > 0 ? Math.min(n, 16) : 1;
}

/** Filters the events one by one, printing each result before the next call (as the host streams). */
function runFilter(
  plugin: FilterDescriptor,
  instance: Instance,
  opts: RunNodeOptions,
  events: readonly Event[],
  stdout: string[],
): void {
  for (const event of events) {
    for (const out of filterEvent(plugin, instance, opts.tag ?? "test", event)) {
      stdout.push(formatEvent(out, opts.events));
    }
  }
}

/** console.log as flbc_console.c prints it: numbers as Node prints them (-0, NaN), objects as JSON. */
function consoleLine(data: unknown[]): string {
  const text = (v: unknown): string => {
    if (typeof v === "string") return v;
    if (v === undefined) return "undefined";
    if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
    return consoleJson(v);
  };
  return data.map(text).join(" ");
}

/** An array or object whose values JSON.stringify writes (a Map, Set or Error is {}). */
const isPlain = (v: object): boolean => Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;

const holdsBigint = (v: unknown): boolean =>
  typeof v === "bigint" || (typeof v === "object" && v !== null && isPlain(v) && Object.values(v).some(holdsBigint));

/**
 * JSON text with a bigint written as its digits and "n", as Node writes
 * one (`[1n]`): JSON.stringify would throw on it. An undefined array item
 * is null and an undefined property is left out, as JSON.stringify does.
 */
function consoleJson(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (!holdsBigint(v)) return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(consoleJson).join(",")}]`;
  const pairs = Object.entries(v as object).filter(([, x]) => x !== undefined);
  return `{${pairs.map(([k, x]) => `${JSON.stringify(k)}:${consoleJson(x)}`).join(",")}}`;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function lines(out: string[]): string {
  return out.map((line) => `${line}\n`).join("");
}
