// The `flbc` module under Node: the reference implementation of the plugin
// API declared in flbc.d.ts. `define*` validate a definition and return a
// frozen descriptor; engines (compiler/engine/) run it. The compiled C must
// behave like this.

import { ConfigMarker, OPTIONAL_KINDS, configEntry, parseSize, parseTime } from "./config.js";

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
    if (typeof plugin.interval !== "number" || !(plugin.interval > 0)) {
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
    const seconds = typeof value === "string" ? parseTime(value) : undefined;
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
