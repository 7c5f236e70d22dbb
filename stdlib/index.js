// The `flbc` module under Node: the reference implementation of the plugin
// API declared in flbc.d.ts. `define*` validate a definition and return a
// frozen descriptor; engines (compiler/engine/) run it. The compiled C must
// behave like this.

import { readFileSync } from "node:fs";
import { hostname as osHostname } from "node:os";
import { ConfigMarker, OPTIONAL_KINDS, configEntry, parseSize, parseTime as parseDuration } from "./config.js";

/**
 * @typedef {import("./config.js").ConfigEntry} ConfigEntry
 * @typedef {"filter" | "output" | "input"} PluginKind
 */

/* ------------------------------------------------------------- definitions */

/**
 * Defines a filter plugin (see flbc.d.ts).
 * @param {Record<string, unknown>} definition
 */
export function defineFilter(definition) {
    return describe("filter", definition, ["filter"]);
}

/**
 * Defines an output plugin (see flbc.d.ts).
 * @param {Record<string, unknown>} definition
 */
export function defineOutput(definition) {
    const plugin = describe("output", definition, ["flush"]);
    if (plugin.net !== undefined && typeof plugin.net !== "boolean") {
        throw new TypeError(`output '${plugin.name}': 'net' must be a boolean`);
    }
    if (plugin.workers !== undefined && !(Number.isInteger(plugin.workers) && plugin.workers >= 0)) {
        throw new TypeError(`output '${plugin.name}': 'workers' must be a non-negative integer`);
    }
    return plugin;
}

/**
 * Defines an input plugin (see flbc.d.ts).
 * @param {Record<string, unknown>} definition
 */
export function defineInput(definition) {
    const plugin = describe("input", definition, ["collect"]);
    const seconds = typeof plugin.interval === "string" ? durationSeconds(plugin.interval) : plugin.interval;
    if (typeof seconds !== "number" || !(seconds > 0)) {
        throw new TypeError(`input '${plugin.name}': 'interval' must be a positive number of seconds`);
    }
    return plugin;
}

/**
 * The frozen descriptor `{ kind, ...definition }` with `config` unwrapped to
 * plain defaults and `configMap` giving each key's type:
 * `{ type: "str"|"int"|"double"|"bool"|"size"|"time"|"clist", default, optional }`.
 * @param {PluginKind} kind
 * @param {Record<string, unknown>} definition
 * @param {string[]} required callbacks the kind must have
 */
function describe(kind, definition, required) {
    if (typeof definition !== "object" || definition === null) {
        throw new TypeError(`define${title(kind)}: expected an object`);
    }
    const name = definition.name;
    if (typeof name !== "string" || !/^[a-z][a-z0-9_]*$/.test(name)) {
        throw new TypeError(
            `define${title(kind)}: 'name' must be lower case letters, digits and '_', starting with a letter`,
        );
    }
    for (const callback of [...required, "init", "exit"]) {
        const fn = definition[callback];
        if ((fn !== undefined || required.includes(callback)) && typeof fn !== "function") {
            throw new TypeError(`${kind} '${name}': '${callback}' must be a function`);
        }
    }
    const rawConfig = definition.config ?? {};
    if (typeof rawConfig !== "object" || rawConfig === null || Array.isArray(rawConfig)) {
        throw new TypeError(`${kind} '${name}': 'config' must be an object literal of defaults`);
    }
    /** @type {Record<string, ConfigEntry>} */
    const configMap = {};
    /** @type {Record<string, unknown>} */
    const config = {};
    const seen = new Set();
    for (const [key, value] of Object.entries(rawConfig)) {
        if (seen.has(key.toLowerCase())) {
            throw new TypeError(`${kind} '${name}': config keys differ only in case: '${key}'`);
        }
        seen.add(key.toLowerCase());
        const entry = configEntry(key, value);
        configMap[key] = Object.freeze(entry);
        config[key] = entry.default;
    }
    return Object.freeze({
        ...definition,
        kind,
        config: Object.freeze(config),
        configMap: Object.freeze(configMap),
    });
}

/** @param {string} s */
function title(s) {
    return s[0].toUpperCase() + s.slice(1);
}

/* ----------------------------------------------------------------- markers */

/**
 * An integer config default.
 * @param {number} value
 */
export function int(value) {
    if (!Number.isInteger(value)) {
        throw new TypeError(`int(${value}): not an integer`);
    }
    return /** @type {number} */ (/** @type {unknown} */ (new ConfigMarker("int", value, false)));
}

/**
 * A floating-point config default.
 * @param {number} value
 */
export function double(value) {
    if (!Number.isFinite(value)) {
        throw new TypeError(`double(${value}): not a finite number`);
    }
    return /** @type {number} */ (/** @type {unknown} */ (new ConfigMarker("double", value, false)));
}

/**
 * A size config default: `size("5M")` is 5000000 bytes.
 * @param {string} value
 */
export function size(value) {
    const bytes = typeof value === "string" ? parseSize(value) : undefined;
    if (bytes === undefined) {
        throw new TypeError(`size(${JSON.stringify(value)}): not a size such as "512", "64K", "5M", "1G"`);
    }
    return /** @type {number} */ (/** @type {unknown} */ (new ConfigMarker("size", bytes, false)));
}

/**
 * A time config default: `time("5m")` is 300 seconds.
 * @param {string} value
 */
export function time(value) {
    const seconds = typeof value === "string" ? parseDuration(value) : undefined;
    if (seconds === undefined) {
        throw new TypeError(`time(${JSON.stringify(value)}): not a duration such as "30", "10s", "5m", "1h", "2d"`);
    }
    return /** @type {number} */ (/** @type {unknown} */ (new ConfigMarker("time", seconds, false)));
}

/**
 * A list config default.
 * @param {string[]} items
 */
export function list(items) {
    if (!Array.isArray(items) || !items.every((item) => typeof item === "string")) {
        throw new TypeError("list(...): expected an array of strings");
    }
    return /** @type {string[]} */ (
        /** @type {unknown} */ (new ConfigMarker("clist", Object.freeze([...items]), false))
    );
}

/**
 * A config entry without a default (`undefined` unless set).
 * @param {keyof typeof OPTIONAL_KINDS} kind
 */
export function optional(kind) {
    const type = Object.hasOwn(OPTIONAL_KINDS, kind) ? OPTIONAL_KINDS[kind] : undefined;
    if (type === undefined) {
        throw new TypeError(
            `optional(${JSON.stringify(kind)}): expected one of ${Object.keys(OPTIONAL_KINDS).join(", ")}`,
        );
    }
    return /** @type {undefined} */ (/** @type {unknown} */ (new ConfigMarker(type, undefined, true)));
}

/* -------------------------------------------------------------------- time */

/*
 * formatTime / parseTime: ISO 8601 timestamps in UTC. The C runtime
 * (runtime-c/flbc_time.c) implements the same algorithms: keep both in step.
 */

/**
 * Text of a time in seconds since the epoch (fractional, like `ctx.time`).
 * "iso" (default): `Date.prototype.toISOString`, whole milliseconds;
 * "epoch": whole seconds; "epoch_ms": whole milliseconds. "Invalid Date"
 * when `seconds` is not a valid time.
 * @param {number} seconds
 * @param {"iso" | "epoch" | "epoch_ms"} [format]
 */
export function formatTime(seconds, format) {
    const ms = Math.trunc(seconds * 1000);
    if (!(Math.abs(ms) <= 8.64e15)) {
        return "Invalid Date";
    }
    if (format === "epoch_ms") {
        return String(Math.floor(seconds * 1000));
    }
    if (format === "epoch") {
        return String(Math.floor(seconds));
    }
    return new Date(ms).toISOString();
}

/**
 * Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm, with
 * C's truncating division as in flbc_time.c).
 * @param {number} y @param {number} m @param {number} d
 */
function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.trunc((y >= 0 ? y : y - 399) / 400);
    const yoe = y - era * 400;
    const doy = Math.trunc((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.trunc(yoe / 4) - Math.trunc(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}

/**
 * Seconds since the epoch of an ISO 8601 time, or NaN: `YYYY-MM-DD`,
 * optionally `T` (or `t`, or a space) `HH:MM[:SS[.fraction]]` and a zone
 * `Z`, `+HH:MM`, `+HHMM` or `+HH`; no zone means UTC. Up to 9 fraction
 * digits count.
 * @param {string} s
 */
export function parseTime(s) {
    let i = 0;
    /** @param {number} width */
    const digits = (width) => {
        if (s.length - i < width) {
            return -1;
        }
        let v = 0;
        for (let k = 0; k < width; k++) {
            const c = s.charCodeAt(i + k);
            if (c < 48 || c > 57) {
                return -1;
            }
            v = v * 10 + (c - 48);
        }
        i += width;
        return v;
    };
    const mdays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const leap = (/** @type {number} */ y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    let frac = "0.";
    let h = 0;
    let mi = 0;
    let sec = 0;
    let off = 0;
    const y = digits(4);
    if (y < 0 || i >= s.length || s[i++] !== "-") return NaN;
    const mo = digits(2);
    if (mo < 1 || mo > 12 || i >= s.length || s[i++] !== "-") return NaN;
    const d = digits(2);
    if (d < 1 || d > mdays[mo - 1] + (mo === 2 && leap(y) ? 1 : 0)) return NaN;
    if (i < s.length) {
        if (s[i] !== "T" && s[i] !== "t" && s[i] !== " ") return NaN;
        i++;
        h = digits(2);
        if (h < 0 || h > 23 || i >= s.length || s[i++] !== ":") return NaN;
        mi = digits(2);
        if (mi < 0 || mi > 59) return NaN;
        if (i < s.length && s[i] === ":") {
            i++;
            sec = digits(2);
            if (sec < 0 || sec > 59) return NaN;
            if (i < s.length && (s[i] === "." || s[i] === ",")) {
                i++;
                if (i >= s.length || !(s[i] >= "0" && s[i] <= "9")) return NaN;
                for (; i < s.length && s[i] >= "0" && s[i] <= "9"; i++) {
                    if (frac.length < 11) frac += s[i];
                }
            }
        }
        if (i < s.length && (s[i] === "Z" || s[i] === "z")) {
            i++;
        } else if (i < s.length && (s[i] === "+" || s[i] === "-")) {
            const sign = s[i++] === "-" ? -1 : 1;
            const oh = digits(2);
            let om = 0;
            if (oh < 0 || oh > 23) return NaN;
            if (i < s.length && s[i] === ":") {
                i++;
                om = digits(2);
            } else if (i < s.length) {
                om = digits(2);
            }
            if (om < 0 || om > 59) return NaN;
            off = sign * (oh * 3600 + om * 60);
        }
        if (i !== s.length) return NaN;
    }
    const whole = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off;
    return frac.length === 2 ? whole : whole + Number(frac);
}

/**
 * "500ms", "10s", "2m", "1h" or "1.5" (seconds) -> seconds; undefined when
 * not one (the compiler's parseDuration in compiler/plugin/buildPlugin.ts).
 * @param {string} text
 */
export function durationSeconds(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
    if (m === null) {
        return undefined;
    }
    const scale = { ms: 0.001, s: 1, m: 60, h: 3600 }[(m[2] ?? "s").toLowerCase()];
    return Number(m[1]) * scale;
}

/**
 * toJsonLine(event, dateKey = "date"): see flbc.d.ts.
 * @param {{ time: number, body: Record<string, unknown> }} event
 * @param {string} [dateKey]
 */
export function toJsonLine(event, dateKey = "date") {
    if (dateKey === "") {
        return JSON.stringify(event.body);
    }
    return JSON.stringify({ [dateKey]: event.time, ...event.body });
}

/**
 * toKeyValue(record): see flbc.d.ts.
 * @param {Record<string, unknown>} record
 */
export function toKeyValue(record) {
    const bare = (s) => s !== "" && !/[\u0000- "=\\\u007f]/.test(s);
    return Object.entries(record)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${typeof v === "string" && bare(v) ? v : JSON.stringify(v)}`)
        .join(" ");
}

/** hostname(): the machine's host name. */
export function hostname() {
    return osHostname();
}

/**
 * readFileFrom(path, offset): see flbc.d.ts.
 * @param {string} path
 * @param {number} offset
 */
export function readFileFrom(path, offset) {
    let data;
    try {
        data = readFileSync(path);
    } catch {
        return "";
    }
    return offset >= 0 && data.length > offset ? data.subarray(offset).toString("utf8") : "";
}

/**
 * byteLength(text): UTF-8 bytes.
 * @param {string} text
 */
export function byteLength(text) {
    return Buffer.byteLength(text, "utf8");
}
