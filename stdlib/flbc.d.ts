/**
 * The `flbc` module: write Fluent Bit plugins in TypeScript.
 *
 * A plugin file default-exports one `defineFilter`, `defineOutput` or
 * `defineInput` call. `flbc` compiles it to a native C plugin; the same file
 * also runs under Node (`flbc run --engine node`), which is the reference
 * semantics the compiled C must match.
 *
 * ```ts
 * import { defineFilter } from "flbc";
 *
 * export default defineFilter({
 *   name: "redact",
 *   config: {
 *     /** Field to mask *\/
 *     field: "password",
 *   },
 *   filter(record, ctx) {
 *     if (typeof record[ctx.config.field] === "string") {
 *       record[ctx.config.field] = "***";
 *     }
 *   },
 * });
 * ```
 *
 * This file is written for programs compiled with `noLib` plus
 * `lib.flbc.d.ts`, so it uses no TypeScript library types (no `Readonly`,
 * `Partial`, `Record`, `Promise`).
 * @module
 */

/* ------------------------------------------------------------------------ */
/* Values and records                                                       */
/* ------------------------------------------------------------------------ */

/**
 * Any value that can appear in a log record: what JSON (and msgpack, the
 * format Fluent Bit stores records in) can represent. A `bigint` written
 * to a record is stored as a msgpack integer (read back, it is a number).
 */
export type Value = string | number | bigint | boolean | null | Value[] | { [key: string]: Value };

/**
 * A log record body: a mutable map from keys to values. Reading a key gives
 * `Value | undefined` (a key may be missing); narrow it with `typeof`,
 * `Array.isArray`, `in` or `===` before use. Assign to add or replace a key,
 * `delete record.key` to remove one.
 */
export interface LogRecord {
    /** The value of field `key`; `undefined` when the record has no such field. */
    [key: string]: Value;
}

/** Event metadata (Fluent Bit's per-record metadata map). Read-only. */
export interface Metadata {
    /** The value of metadata key `key`; `undefined` when absent. */
    readonly [key: string]: Value;
}

/* ------------------------------------------------------------------------ */
/* Configuration                                                            */
/* ------------------------------------------------------------------------ */

/**
 * What a config default may be. Each key of a plugin's `config` literal
 * becomes one entry of the Fluent Bit config map, typed by its default:
 *
 * - a string (`"password"`) -> `FLB_CONFIG_MAP_STR`, `string`
 * - an integer (`64`) or `int(64)` -> `FLB_CONFIG_MAP_INT`, `number`
 * - a fraction (`0.5`) or `double(1)` -> `FLB_CONFIG_MAP_DOUBLE`, `number`
 * - a boolean (`false`) -> `FLB_CONFIG_MAP_BOOL`, `boolean`
 * - `size("5M")` -> `FLB_CONFIG_MAP_SIZE`, `number` (bytes)
 * - `time("10s")` -> `FLB_CONFIG_MAP_TIME`, `number` (seconds)
 * - `list(["a", "b"])` -> `FLB_CONFIG_MAP_CLIST`, `readonly string[]`
 * - `optional("int")` etc. -> no default; `T | undefined`
 *
 * The JSDoc comment above a key becomes its description in the config map.
 */
export type ConfigDefault = string | number | boolean | readonly string[] | undefined;

/** The constraint on a `config` literal: keys to defaults. */
export interface ConfigDefaults {
    /** One config property: its name (a Fluent Bit property name) and its default. */
    [key: string]: ConfigDefault;
}

/** A config default's literal type widened to the type of the property value (`"x"` -> `string`). */
type WidenDefault<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T;

/**
 * The values of a plugin's configuration, as the plugin sees them: each
 * key of the `config` literal, typed by its default (`field: "password"`
 * gives `field: string`), holding the default or the value set by the user
 * in the Fluent Bit configuration. Read-only.
 */
export type ConfigValues<C> = { readonly [K in keyof C]: WidenDefault<C[K]> };

/**
 * Marks an integer config default (`FLB_CONFIG_MAP_INT`). An integer literal
 * already means this; use `int` to say it explicitly.
 * @param value The default value (an integer).
 * @returns `value`.
 */
export function int(value: number): number;

/**
 * Marks a floating-point config default (`FLB_CONFIG_MAP_DOUBLE`), for a
 * default that happens to be whole: `double(1)`. A literal with a fraction
 * (`0.5`) already means this.
 * @param value The default value.
 * @returns `value`.
 */
export function double(value: number): number;

/**
 * A size config default (`FLB_CONFIG_MAP_SIZE`), written as Fluent Bit
 * writes sizes: a number with an optional unit `K`, `M` or `G` (or `KB`,
 * `MB`, `GB`; any case) meaning 1000, 1000^2 and 1000^3 bytes. The plugin
 * sees a number of bytes; users set it the same way (`buffer_size 2M`).
 * @param value A size such as `"512"`, `"64K"`, `"5M"`, `"1.5G"`.
 * @returns The size in bytes: `size("5M")` is `5000000`.
 */
export function size(value: string): number;

/**
 * A time config default (`FLB_CONFIG_MAP_TIME`), written as Fluent Bit
 * writes durations: an integer with an optional unit `s` (seconds), `m`
 * (minutes), `h` (hours) or `d` (days); any case. The plugin sees seconds.
 * @param value A duration such as `"30"`, `"10s"`, `"5m"`, `"1h"`, `"2d"`.
 * @returns The duration in seconds: `time("5m")` is `300`.
 */
export function time(value: string): number;

/**
 * A list config default (`FLB_CONFIG_MAP_CLIST`): users set it as one
 * comma-separated string (`keys a, b, c`); each item is trimmed and empty
 * items are skipped.
 * @param items The default items.
 * @returns `items`.
 */
export function list(items: string[]): readonly string[];

/** The kinds of config value `optional()` accepts, and the type each gives. */
export interface OptionalKinds {
    /** Text (`FLB_CONFIG_MAP_STR`). */
    string: string;
    /** An integer (`FLB_CONFIG_MAP_INT`). */
    int: number;
    /** A floating-point number (`FLB_CONFIG_MAP_DOUBLE`). */
    double: number;
    /** A boolean (`FLB_CONFIG_MAP_BOOL`). */
    bool: boolean;
    /** A size in bytes (`FLB_CONFIG_MAP_SIZE`), see `size()`. */
    size: number;
    /** A duration in seconds (`FLB_CONFIG_MAP_TIME`), see `time()`. */
    time: number;
    /** A comma-separated list (`FLB_CONFIG_MAP_CLIST`), see `list()`. */
    list: readonly string[];
}

/**
 * A config entry without a default: the plugin sees `undefined` unless the
 * user sets it. `optional("string")` gives `string | undefined`.
 * @param kind The type of the value when it is set.
 */
export function optional<K extends keyof OptionalKinds>(kind: K): OptionalKinds[K] | undefined;

/* ------------------------------------------------------------------------ */
/* Time                                                                     */
/* ------------------------------------------------------------------------ */

/**
 * Text of a time given in seconds since the epoch (fractional, like
 * `ctx.time`), in UTC:
 * - `"iso"` (default): ISO 8601 with milliseconds, as `Date.toISOString`
 *   prints it: `"2024-01-02T03:04:05.123Z"` (sub-millisecond digits are cut);
 * - `"epoch"`: whole seconds, `"1704164645"`;
 * - `"epoch_ms"`: whole milliseconds, `"1704164645123"`.
 *
 * `"Invalid Date"` when `seconds` is NaN, infinite or beyond JavaScript's
 * date range.
 * @example formatTime(ctx.time) // "2024-01-02T03:04:05.123Z"
 */
export function formatTime(seconds: number, format?: "iso" | "epoch" | "epoch_ms"): string;

/**
 * Seconds since the epoch (fractional, to the nanosecond) of an ISO 8601
 * time, or NaN when `text` is not one. Accepted: `YYYY-MM-DD`, optionally
 * followed by `T` (or a space) and `HH:MM`, `:SS`, a fraction (`.` or `,`,
 * up to 9 digits count) and a zone `Z`, `+HH:MM`, `+HHMM` or `+HH` (no zone
 * means UTC).
 * @example parseTime("2024-01-02T03:04:05.5+01:00") // 1704161045.5
 */
export function parseTime(text: string): number;

/**
 * One JSON line for an output: `{ [dateKey]: event.time, ...event.body }`
 * as `JSON.stringify` writes it (a body field named like `dateKey` keeps
 * its own value); `dateKey` `""` leaves the time out. No trailing newline.
 * @example toJsonLine(event) // '{"date":1704164645.5,"msg":"hi"}'
 */
export function toJsonLine(event: OutputEvent, dateKey?: string): string;

/**
 * `key=value` pairs separated by spaces: strings as they are unless empty
 * or holding a space, control character, quote, backslash or `=` (then
 * JSON-quoted), every other value as JSON; undefined fields are left out.
 * @example toKeyValue({ level: "info", msg: "a b", n: 1 }) // 'level=info msg="a b" n=1'
 */
export function toKeyValue(record: LogRecord): string;

/** The machine's host name (`os.hostname()`). */
export function hostname(): string;

/**
 * The text of a file from byte `offset` to its end (UTF-8), or `""` when
 * the file is missing or not longer than `offset`: what an input that
 * follows a file reads each round, keeping the offset in its state.
 */
export function readFileFrom(path: string, offset: number): string;

/** The number of UTF-8 bytes of `text` (to advance a file offset). */
export function byteLength(text: string): number;

/* ------------------------------------------------------------------------ */
/* Contexts                                                                 */
/* ------------------------------------------------------------------------ */

/** The plugin's log: Fluent Bit's log, prefixed with the plugin instance (`[filter:redact:redact.0]`). */
export interface Log {
    /** Logs an error (shown at every log level). */
    error(message: string): void;
    /** Logs a warning (`log_level warn` and above). */
    warn(message: string): void;
    /** Logs an informational message (`log_level info` and above; the default). */
    info(message: string): void;
    /** Logs a debug message (`log_level debug` and above). */
    debug(message: string): void;
    /** Logs a trace message (`log_level trace`; needs a Fluent Bit built with trace). */
    trace(message: string): void;
}

/** What every callback of a plugin instance can reach: configuration, state and log. */
export interface PluginContext<C, S> {
    /** The instance's configuration: defaults from the `config` literal, overridden by the user's properties. */
    readonly config: ConfigValues<C>;
    /**
     * The instance's state: what `init` returned (`undefined` without `init`).
     * It lives as long as the instance; mutate it freely.
     */
    state: S;
    /** The plugin's log. */
    readonly log: Log;
}

/** The context of `filter`: the record's event and the plugin instance. */
export interface FilterContext<C, S> extends PluginContext<C, S> {
    /** The tag of the chunk the record belongs to. */
    readonly tag: string;
    /**
     * The record's timestamp in seconds since the Unix epoch, with a
     * fraction (nanosecond precision). Assign to change it.
     */
    time: number;
    /** The record's metadata (empty for most inputs). */
    readonly metadata: Metadata;
}

/**
 * What `filter` returns:
 * - nothing or `true`: keep the record (with any changes made to it)
 * - `false`: drop the record
 * - a record: emit it instead of this one
 * - an array of records: emit each of them instead (split), same time and metadata
 */
export type FilterResult = boolean | void | LogRecord | LogRecord[];

/** One event handed to an output's `flush`. */
export interface OutputEvent {
    /** Timestamp in seconds since the Unix epoch, with a fraction. */
    readonly time: number;
    /** The tag of the chunk. */
    readonly tag: string;
    /** The event's metadata. */
    readonly metadata: Metadata;
    /** The record body. */
    readonly body: LogRecord;
}

/**
 * The events of one flush, in order: `events.length`, `events[i]`, and
 * `for (const event of events)` once loops are supported.
 */
export type OutputEvents = readonly OutputEvent[];

/**
 * What `flush` returns:
 * - `"ok"`: the events are delivered (`FLB_OK`)
 * - `"retry"`: try the same events again later (`FLB_RETRY`)
 * - `"error"`: give up on these events (`FLB_ERROR`)
 */
export type FlushResult = "ok" | "retry" | "error";

/** An HTTP request sent with `ctx.http.request`. */
export interface HttpRequest {
    /** The method: `"GET"`, `"POST"`, `"PUT"`, `"PATCH"`, `"DELETE"` or `"HEAD"` (what Fluent Bit's HTTP client sends). */
    method: string;
    /**
     * The path and query, e.g. `"/api/v1/logs?x=1"`: starts with `/`, no
     * spaces or control characters. Host and port come from the output's
     * `host`/`port` properties.
     */
    uri: string;
    /**
     * Extra request headers, sent in this order after `Host` and
     * `Content-Length`, which are always set automatically (giving either,
     * or `Transfer-Encoding` or `Connection`, throws).
     */
    headers?: { [name: string]: string };
    /** The request body (UTF-8); absent: none, `Content-Length: 0`. */
    body?: string;
}

/** The response to `ctx.http.request`. */
export interface HttpResponse {
    /** The HTTP status code, e.g. `200`. */
    status: number;
    /** The response headers, names in lower case; a repeated header's values joined with `", "`. */
    headers: { [name: string]: string };
    /** The response body (chunked transfer decoded). */
    body: string;
}

/**
 * Network access of an output declared with `net: true`. Calls go through
 * Fluent Bit's upstream (connection pool, TLS, `host`/`port`/`tls`
 * properties; default `127.0.0.1:80`) and yield the flush coroutine while
 * waiting: they look synchronous but do not block Fluent Bit. Each call
 * takes a connection and gives it back when done (kept alive for the next
 * one unless `net.keepalive off`).
 *
 * A connection that cannot be made, written, or read to a complete response
 * throws an `Error` named `"IoError"`: uncaught, the flush is retried
 * (`"retry"`), as for a failed `ctx.file.append`. A request with an invalid
 * method, uri or header throws a plain `Error` (uncaught: `"error"`).
 */
export interface NetContext {
    /** HTTP/1.1 to the output's `host`:`port` (TLS when `tls on`). */
    readonly http: HttpClient;
    /** A raw TCP connection to the output's `host`:`port` (TLS when `tls on`). */
    readonly tcp: TcpClient;
}

/** `ctx.http` of a network output. */
export interface HttpClient {
    /**
     * Sends a request and waits for the whole response, returned for any
     * status: the plugin decides what a status means (usually 2xx `"ok"`,
     * 5xx `"retry"`, 4xx `"error"`). A status of 400 or above is also logged
     * as an error with the first 128 bytes of the body.
     */
    request(request: HttpRequest): HttpResponse;
}

/** `ctx.tcp` of a network output. */
export interface TcpClient {
    /** Writes `data` (UTF-8) on one connection; returns once it is written. */
    write(data: string): void;
}

/** File access of an output. */
export interface FileContext {
    /** Local files. */
    readonly file: {
        /** Appends `data` (UTF-8) to the file at `path` (usually from config), creating it if needed. Failure throws an `IoError`: uncaught, the flush is retried. */
        append(path: string, data: string): void;
    };
}

/** The context of an output's `flush`. With `net: true` it also has `http` and `tcp`. */
export type OutputContext<C, S, N extends boolean> =
    PluginContext<C, S> & FileContext & (N extends true ? NetContext : {});

/** The context of an input's `collect`. */
export interface InputContext<C, S> extends PluginContext<C, S> {
    /** The tag of the records this input emits (the `tag` property). */
    readonly tag: string;
    /**
     * Appends a record to the input's output.
     * @param record The record body.
     * @param time Timestamp in seconds since the Unix epoch (default: now).
     */
    emit(record: LogRecord, time?: number): void;
}

/* ------------------------------------------------------------------------ */
/* Definitions                                                              */
/* ------------------------------------------------------------------------ */

/** The parts every plugin definition shares. */
export interface PluginDefinition<C extends ConfigDefaults, S> {
    /**
     * The plugin's name, as users write it in Fluent Bit's configuration
     * (`name redact`). Lower case letters, digits and `_`; the C symbol is
     * `<kind>_<name>_plugin`.
     */
    name: string;
    /** One line describing the plugin (Fluent Bit's plugin description). */
    description?: string;
    /**
     * The configuration: an object literal of defaults, one key per
     * property. See `ConfigDefault` for how a default picks the type; the
     * JSDoc above each key is its description.
     */
    config?: C;
    /**
     * Called once per instance when Fluent Bit starts, after the
     * configuration is read. Returns the instance's state (`ctx.state`).
     * @param config The instance's configuration.
     */
    init?(config: ConfigValues<C>): S;
    /** Called once per instance when Fluent Bit stops. */
    exit?(ctx: PluginContext<C, S>): void;
}

/** The definition of a filter plugin (see `defineFilter`). */
export interface FilterDefinition<C extends ConfigDefaults, S> extends PluginDefinition<C, S> {
    /**
     * Called for every record. Mutate `record` in place and return nothing
     * to keep it; see `FilterResult` for the other outcomes. An exception
     * is logged and the record passes through unchanged.
     * @param record The record body (mutable).
     * @param ctx Tag, time, metadata, config, state and log.
     */
    filter(record: LogRecord, ctx: FilterContext<C, S>): FilterResult;
}

/** The definition of an output plugin (see `defineOutput`). */
export interface OutputDefinition<C extends ConfigDefaults, S, N extends boolean> extends PluginDefinition<C, S> {
    /**
     * `true` for a network output: it gets Fluent Bit's `host`, `port`
     * (default `127.0.0.1:80`) and `tls` properties and `ctx.http` /
     * `ctx.tcp`.
     */
    net?: N;
    /** Number of flush worker threads (Fluent Bit's `workers` default). */
    workers?: number;
    /**
     * Called with each chunk of events to deliver.
     * @param events The events of the chunk.
     * @param ctx Config, state, log, and network access with `net: true`.
     */
    flush(events: OutputEvents, ctx: OutputContext<C, S, N>): FlushResult;
}

/** The definition of an input plugin (see `defineInput`). */
export interface InputDefinition<C extends ConfigDefaults, S> extends PluginDefinition<C, S> {
    /** Seconds between two calls of `collect` (may have a fraction: `0.5`), or a duration: `"500ms"`, `"10s"`, `"1m"`. */
    interval: number | string;
    /**
     * Called every `interval` seconds; emits records with `ctx.emit`.
     * @param ctx Tag, emit, config, state and log.
     */
    collect(ctx: InputContext<C, S>): void;
}

/** A defined filter: what `defineFilter` returns and the module default-exports. */
export interface FilterPlugin<C extends ConfigDefaults, S> extends FilterDefinition<C, S> {
    /** The plugin kind. */
    readonly kind: "filter";
}

/** A defined output: what `defineOutput` returns and the module default-exports. */
export interface OutputPlugin<C extends ConfigDefaults, S, N extends boolean>
    extends OutputDefinition<C, S, N> {
    /** The plugin kind. */
    readonly kind: "output";
}

/** A defined input: what `defineInput` returns and the module default-exports. */
export interface InputPlugin<C extends ConfigDefaults, S> extends InputDefinition<C, S> {
    /** The plugin kind. */
    readonly kind: "input";
}

/**
 * Defines a filter plugin: a function applied to every record that passes
 * through it. Default-export the result.
 *
 * The config type comes from the `config` literal and the state type from
 * what `init` returns, so `ctx.config.<key>` and `ctx.state` are typed
 * without annotations.
 * @example
 * export default defineFilter({
 *   name: "drop_debug",
 *   filter(record) { return record.level !== "debug"; },
 * });
 */
export function defineFilter<C extends ConfigDefaults = {}, S = undefined>(
    definition: FilterDefinition<C, S>,
): FilterPlugin<C, S>;

/**
 * Defines an output plugin: receives chunks of events and delivers them
 * somewhere. Default-export the result.
 * @example
 * export default defineOutput({
 *   name: "http_sink",
 *   net: true,
 *   flush(events, ctx) {
 *     const res = ctx.http.request({ method: "POST", uri: "/logs", body: "..." });
 *     return res.status < 300 ? "ok" : "retry";
 *   },
 * });
 */
export function defineOutput<C extends ConfigDefaults = {}, S = undefined, N extends boolean = false>(
    definition: OutputDefinition<C, S, N>,
): OutputPlugin<C, S, N>;

/**
 * Defines an input plugin: `collect` runs every `interval` seconds and emits
 * records. Default-export the result.
 * @example
 * export default defineInput({
 *   name: "heartbeat",
 *   interval: 10,
 *   collect(ctx) { ctx.emit({ alive: true }); },
 * });
 */
export function defineInput<C extends ConfigDefaults = {}, S = undefined>(
    definition: InputDefinition<C, S>,
): InputPlugin<C, S>;

/* Only the declarations marked `export` above are part of the module. */
export {};
