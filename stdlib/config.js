// Config values: how a default picks its Fluent Bit config-map type, and how
// a property's text becomes a value of that type. This is the reference for
// the C side (the config map the compiler emits + Fluent Bit's own parsing):
// the conversions follow src/flb_config_map.c and src/flb_utils.c
// (flb_utils_bool, flb_utils_size_to_bytes, flb_utils_time_to_seconds,
// flb_slist_split_string), except that text Fluent Bit would silently turn
// into 0 (atoi("abc")) is rejected here, loudly.

/** @typedef {"str" | "int" | "double" | "bool" | "size" | "time" | "clist"} ConfigType */
/** @typedef {string | number | boolean | string[] | undefined} ConfigValue */
/** @typedef {{ type: ConfigType, default: ConfigValue, optional: boolean }} ConfigEntry */

const MARKER = Symbol.for("flbc.configMarker");

/**
 * What a config marker (`int(5)`, `size("5M")`, `optional("int")`) returns:
 * the value plus the type it asks for. `valueOf` keeps arithmetic working if
 * one is used outside a config literal; `define*` unwraps them.
 */
export class ConfigMarker {
    /**
     * @param {ConfigType} type
     * @param {ConfigValue} value
     * @param {boolean} optional
     */
    constructor(type, value, optional) {
        this[MARKER] = true;
        this.type = type;
        this.value = value;
        this.optional = optional;
        Object.freeze(this);
    }

    valueOf() {
        return this.value;
    }

    toJSON() {
        return this.value;
    }
}

/** Names `optional()` accepts, mapped to config types. */
export const OPTIONAL_KINDS = Object.freeze({
    string: "str",
    int: "int",
    double: "double",
    bool: "bool",
    size: "size",
    time: "time",
    list: "clist",
});

/** Words for messages: `invalid value for integer property`. */
const TYPE_WORDS = Object.freeze({
    str: "string",
    int: "integer",
    double: "double",
    bool: "boolean",
    size: "size",
    time: "time",
    clist: "list",
});

/**
 * The config-map entry for one default of a `config` literal.
 * @param {string} key
 * @param {unknown} value
 * @returns {ConfigEntry}
 */
export function configEntry(key, value) {
    if (value instanceof ConfigMarker) {
        return { type: value.type, default: value.value, optional: value.optional };
    }
    switch (typeof value) {
        case "string":
            return { type: "str", default: value, optional: false };
        case "boolean":
            return { type: "bool", default: value, optional: false };
        case "number":
            if (!Number.isFinite(value)) {
                throw new TypeError(`config '${key}': default must be a finite number`);
            }
            return { type: Number.isInteger(value) ? "int" : "double", default: value, optional: false };
    }
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
        return { type: "clist", default: Object.freeze([...value]), optional: false };
    }
    throw new TypeError(
        `config '${key}': a default must be a string, number, boolean, list of strings ` +
            `or a marker (int, double, size, time, list, optional)`,
    );
}

/**
 * Converts a property's text to its config type.
 * @param {ConfigType} type
 * @param {string} key the property name, for the message
 * @param {string} text
 * @returns {{ ok: true, value: ConfigValue } | { ok: false, message: string }}
 */
export function convertProperty(type, key, text) {
    const value = CONVERTERS[type](text);
    if (value === undefined) {
        return { ok: false, message: `invalid value for ${TYPE_WORDS[type]} property '${key}=${text}'` };
    }
    return { ok: true, value };
}

/** @type {Record<ConfigType, (text: string) => ConfigValue>} */
const CONVERTERS = {
    str: (text) => text,
    int: parseInteger,
    double: parseDouble,
    bool: parseBool,
    size: parseSize,
    time: parseTime,
    clist: parseList,
};

/**
 * Fluent Bit's INT (`atoi`), restricted to text that is wholly an integer in
 * the range of a C `int`.
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseInteger(text) {
    const t = text.trim();
    if (!/^[+-]?\d+$/.test(t)) {
        return undefined;
    }
    const n = Number(t);
    return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}

/**
 * Fluent Bit's DOUBLE (`atof`), restricted to text that is wholly a decimal number.
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseDouble(text) {
    const t = text.trim();
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
        return undefined;
    }
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
}

/**
 * Fluent Bit's flb_utils_bool: true/on/yes and false/off/no, any case.
 * ("1" and "0" are not booleans to Fluent Bit.)
 * @param {string} text
 * @returns {boolean | undefined}
 */
export function parseBool(text) {
    switch (text.toLowerCase()) {
        case "true":
        case "on":
        case "yes":
            return true;
        case "false":
        case "off":
        case "no":
            return false;
        default:
            return undefined;
    }
}

const SIZE_UNITS = Object.freeze({ "": 1, K: 1e3, M: 1e6, G: 1e9 });

/**
 * Fluent Bit's flb_utils_size_to_bytes: a number with an optional unit K, M
 * or G, optionally followed by B, any case; units are powers of 1000
 * ("5M" is 5000000); a fraction is allowed and the product truncated
 * ("1.5K" is 1500); "false" is 0.
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseSize(text) {
    if (text.toLowerCase() === "false") {
        return 0;
    }
    const m = /^(\d+(?:\.\d+)?|\.\d+)(?:([kKmMgG])[bB]?)?$/.exec(text);
    if (m === null) {
        return undefined;
    }
    const unit = SIZE_UNITS[/** @type {"" | "K" | "M" | "G"} */ ((m[2] ?? "").toUpperCase())];
    const bytes = Math.trunc(Number(m[1]) * unit);
    return Number.isSafeInteger(bytes) ? bytes : undefined;
}

const TIME_UNITS = Object.freeze({ "": 1, S: 1, M: 60, H: 3600, D: 86400 });

/**
 * Fluent Bit's flb_utils_time_to_seconds: an integer with an optional unit
 * s, m, h or d (any case), in seconds: "5m" is 300.
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseTime(text) {
    const m = /^(\d+)([sSmMhHdD])?$/.exec(text);
    if (m === null) {
        return undefined;
    }
    const unit = TIME_UNITS[/** @type {"" | "S" | "M" | "H" | "D"} */ ((m[2] ?? "").toUpperCase())];
    const seconds = Number(m[1]) * unit;
    return seconds <= 2147483647 ? seconds : undefined;
}

/**
 * Fluent Bit's CLIST (flb_slist_split_string on ','): items trimmed of
 * spaces, empty items skipped.
 * @param {string} text
 * @returns {string[]}
 */
export function parseList(text) {
    return Object.freeze(
        text
            .split(",")
            .map((item) => item.replace(/^ +| +$/g, ""))
            .filter((item) => item !== ""),
    );
}
