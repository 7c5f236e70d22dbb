/*
 * lib.flbc.d.ts: the standard library of the flbc TypeScript subset.
 *
 * User programs are compiled with `noLib: true` plus this file instead of
 * TypeScript's lib.es*.d.ts. It declares exactly the built-ins that the
 * compiler can translate to C, so that tsc itself rejects anything else
 * ("Property 'padStart' does not exist on type 'string'") and an editor
 * completes only what works.
 *
 * Rule: a member appears here only once the compiler (lower + runtime-c)
 * implements it, and the Node reference engine agrees with the C runtime on
 * it. Declaring something the compiler does not support is a bug.
 *
 * Sections, in the order the language grows:
 *   1. Interfaces TypeScript requires to exist under noLib
 *   2. String
 *   3. Number, Boolean, Object
 *   4. Array
 *   5. console
 *   6. Math
 *   7. JSON
 *   8. Date
 * (Planned: Map, Set: each gets its own section when it is implemented.)
 * Known divergences of each built-in from Node are listed in docs/builtins.md.
 */

/* ------------------------------------------------------------------------ */
/* 1. Interfaces TypeScript requires to exist under noLib.                   */
/*    Empty on purpose: they only give tsc its apparent types. Members are    */
/*    added by the sections below when they become supported.               */
/* ------------------------------------------------------------------------ */

/** The type of every function value. No members are supported (no `call`, `apply`, `bind`). */
interface Function {}

/** Apparent type of non-constructor functions (`strictBindCallApply`). No members are supported. */
interface CallableFunction extends Function {}

/** Apparent type of constructor functions (`strictBindCallApply`). No members are supported. */
interface NewableFunction extends Function {}

/** The `arguments` object. Not supported: use rest parameters or named parameters. */
interface IArguments {}

/** Regular expressions are not supported yet; the interface exists because tsc requires it. */
/**
 * A regular expression, compiled to C when flbc compiles the plugin (a DFA
 * when it can be, a bounded backtracker for lookaround and backreferences).
 * Write it as a literal, `/\d+/g`, or `new RegExp("literal", "flags")`.
 */
interface RegExp {
    /** Whether the pattern matches somewhere in `s`. */
    test(s: string): boolean;
    /** The first match: [whole, ...groups] (undefined for groups that did not take part), or null. */
    exec(s: string): string[] | null;
    /** The pattern's source text. */
    readonly source: string;
    /**
     * Where the next test/exec of a `g` or `y` regex starts (UTF-16 index);
     * kept per plugin instance for a top-level regex, per variable for a
     * local one, as JavaScript keeps it on the object.
     */
    lastIndex: number;
}

/**
 * An error to throw. A filter that lets an exception escape logs its
 * message and keeps the record as it was.
 */
interface Error {
    name: string;
    message: string;
}

interface ErrorConstructor {
    /** A new Error with this message. */
    new (message?: string): Error;
}

declare var Error: ErrorConstructor;

/**
 * What Map and Set's keys(), values() and entries() return. As in
 * JavaScript it is an iterator, not an array: turn it into one with
 * `Array.from(map.keys())`, then loop over that or use array methods.
 */
interface IterableIterator<T> {
    /** (Marks the element type; not a property.) */
    readonly __element?: T;
}

/**
 * A map from strings to values, in insertion order. Keys must be strings.
 * Iterate it with `for (const [k, v] of Array.from(map.entries()))`.
 */
interface Map<K, V> {
    /** The value of `key`, or undefined. */
    get(key: K): V | undefined;
    /** Sets `key` to `value`; returns the map. */
    set(key: K, value: V): this;
    has(key: K): boolean;
    /** Removes `key`; whether it was there. */
    delete(key: K): boolean;
    clear(): void;
    readonly size: number;
    keys(): IterableIterator<K>;
    values(): IterableIterator<V>;
    entries(): IterableIterator<[K, V]>;
}

interface MapConstructor {
    /** A new, empty map: `new Map<string, number>()`. */
    new <K extends string, V>(): Map<K, V>;
    /** A new map, from [key, value] pairs. */
    new <V>(entries: [string, V][]): Map<string, V>;
}

declare var Map: MapConstructor;

/** A set of strings, in insertion order. */
interface Set<T> {
    /** Adds `value`; returns the set. */
    add(value: T): this;
    has(value: T): boolean;
    /** Removes `value`; whether it was there. */
    delete(value: T): boolean;
    clear(): void;
    readonly size: number;
    values(): IterableIterator<T>;
}

interface SetConstructor {
    /** A new, empty set: `new Set<string>()`. */
    new <T extends string>(): Set<T>;
    /** A new set of the given strings. */
    new (values: string[]): Set<string>;
}

declare var Set: SetConstructor;

interface RegExpConstructor {
    /** A regular expression from a string literal pattern and flags. */
    new (pattern: string, flags?: string): RegExp;
}

declare var RegExp: RegExpConstructor;

interface String {
    /** With `g`: every matched text, or null; without: like `re.exec(this)`. */
    match(re: RegExp): string[] | null;
    /** Replaces the first match (every match with `g`); `$1`, `$<name>`, `$&`, `$$` expand. */
    replace(re: RegExp, replacement: string): string;
    /**
     * Replaces the first match (every match with `g`) with what `fn` returns
     * for it: `fn(match, group1, ..., offset)`; written inline.
     */
    replace(re: RegExp, fn: (match: string, ...groups: (string | undefined)[]) => string): string;
    /** Replaces every match; the regex must have the `g` flag. */
    replaceAll(re: RegExp, replacement: string): string;
    /** Replaces every match with what `fn` returns for it; the regex must have `g`. */
    replaceAll(re: RegExp, fn: (match: string, ...groups: (string | undefined)[]) => string): string;
    /** Every match's [whole, ...groups]; the regex must have `g`. Use Array.from to loop. */
    matchAll(re: RegExp): IterableIterator<string[]>;
    /** Splits at each match; capture groups are kept between the pieces. */
    split(re: RegExp, limit?: number): string[];
    /** The index of the first match, or -1. */
    search(re: RegExp): number;
}

/* ------------------------------------------------------------------------ */
/* 2. String                                                                 */
/*    Indices and lengths count UTF-16 code units, as in JavaScript; the C   */
/*    runtime stores UTF-8 and takes an ASCII fast path.                     */
/* ------------------------------------------------------------------------ */

/** A string value (immutable, UTF-16 semantics as in JavaScript). */
interface String {
    /** Number of UTF-16 code units in the string. */
    readonly length: number;

    /**
     * True if the string begins with `searchString` (at `position`, default 0).
     * @example "error: disk".startsWith("error") // true
     */
    startsWith(searchString: string, position?: number): boolean;

    /**
     * True if the string ends with `searchString` (treating the string as
     * `endPosition` code units long; default: its whole length).
     * @example "app.log".endsWith(".log") // true
     */
    endsWith(searchString: string, endPosition?: number): boolean;

    /**
     * True if `searchString` occurs in the string at or after `position` (default 0).
     * @example "GET /health".includes("/health") // true
     */
    includes(searchString: string, position?: number): boolean;

    /**
     * Index of the first occurrence of `searchString` at or after `position`
     * (default 0), or -1 when there is none.
     * @example "a=b".indexOf("=") // 1
     */
    indexOf(searchString: string, position?: number): number;

    /**
     * The part of the string from `start` up to, not including, `end`
     * (default: the end). Negative indices count from the end.
     * @example "secret".slice(0, 2) // "se"
     * @example "secret".slice(-2)   // "et"
     */
    slice(start?: number, end?: number): string;

    /** The string converted to upper case (full Unicode case mapping). */
    toUpperCase(): string;

    /** The string converted to lower case (full Unicode case mapping). */
    toLowerCase(): string;

    /** The string without leading and trailing white space and line terminators. */
    trim(): string;

    /** The string without leading white space and line terminators. */
    trimStart(): string;

    /** The string without trailing white space and line terminators. */
    trimEnd(): string;

    /**
     * The code unit at `index` as a string; negative indices count from the
     * end; `undefined` out of range.
     * @example "abc".at(-1) // "c"
     */
    at(index: number): string | undefined;

    /** The code unit at `pos` as a string, or "" out of range. */
    charAt(pos: number): string;

    /** The UTF-16 code unit at `index` (0..65535), or NaN out of range. */
    charCodeAt(index: number): number;

    /** The code point starting at `pos` (a surrogate pair read whole), or `undefined` out of range. */
    codePointAt(pos: number): number | undefined;

    /**
     * Index of the last occurrence of `searchString` at or before `position`
     * (default: the end), or -1.
     */
    lastIndexOf(searchString: string, position?: number): number;

    /**
     * The part between `start` and `end` (default: the end); negative or NaN
     * indices count as 0 and the two are swapped when `start > end`.
     */
    substring(start: number, end?: number): string;

    /**
     * The pieces between occurrences of `separator`, at most `limit` of them.
     * Without a separator, `[the string]`; with "", every UTF-16 code unit.
     * @example "a,b,,c".split(",") // ["a", "b", "", "c"]
     */
    split(separator?: string, limit?: number): string[];

    /**
     * The string padded at the start with `fillString` (default " ",
     * repeated and cut) to `maxLength` code units.
     * @example "7".padStart(3, "0") // "007"
     */
    padStart(maxLength: number, fillString?: string): string;

    /** The string padded at the end with `fillString` (default " ") to `maxLength` code units. */
    padEnd(maxLength: number, fillString?: string): string;

    /** The string `count` times; a negative or infinite count is a RangeError (logged, gives ""). */
    repeat(count: number): string;

    /**
     * The string with the first occurrence of `searchValue` replaced;
     * `$&`, `` $` ``, `$'` and `$$` in `replaceValue` expand as in JavaScript.
     */
    replace(searchValue: string, replaceValue: string): string;

    /** The string with every occurrence of `searchValue` replaced (same `$` patterns). */
    replaceAll(searchValue: string, replaceValue: string): string;

    /**
     * -1, 0 or 1: how the string orders against `that`. flbc compares UTF-16
     * code units (as `<` does), not the locale's collation: "a" < "B" is false.
     */
    localeCompare(that: string): number;

    /** The string followed by each of `strings`. */
    concat(...strings: string[]): string;
}

/** The `String` function. Only the conversion call `String(x)` is supported (no `new String`). */
interface StringConstructor {
    /**
     * Converts a value to a string as JavaScript does: `String(1.5)` is
     * `"1.5"`, `String(null)` is `"null"`, `String(true)` is `"true"`.
     */
    (value?: unknown): string;

    /** The string of the given UTF-16 code units (each taken modulo 65536). */
    fromCharCode(...codes: number[]): string;

    /** The string of the given code points (0..0x10FFFF, else a RangeError: logged, gives ""). */
    fromCodePoint(...codePoints: number[]): string;
}

/** Converts a value to a string: `String(42)` is `"42"`. */
declare var String: StringConstructor;

/* ------------------------------------------------------------------------ */
/* 3. Number, Boolean, Object                                                */
/*    Apparent types of primitives and objects, Number() and parsing.        */
/* ------------------------------------------------------------------------ */

/** A number value (IEEE 754 double, as in JavaScript). */
interface Number {
    /**
     * Fixed-point text with `fractionDigits` (0..100, default 0) digits
     * after the point, rounding halves up as JavaScript does.
     * @example (2.5).toFixed(0) // "3"
     */
    toFixed(fractionDigits?: number): string;

    /**
     * The number in base `radix` (2..36, default 10), fraction digits
     * included, with V8's digits.
     * @example (255).toString(16) // "ff"
     */
    toString(radix?: number): string;
}

/** The `Number` function and namespace. */
interface NumberConstructor {
    /**
     * Converts a value to a number as JavaScript does: "" and null are 0,
     * "0x1f" is 31, junk is NaN, true is 1, arrays go through their text.
     */
    (value?: unknown): number;

    /** Whether `number` is an integer (finite, no fraction). */
    isInteger(number: number): boolean;
    /** Whether `number` is an integer with magnitude at most 2^53 - 1. */
    isSafeInteger(number: number): boolean;
    /** Whether `number` is NaN. */
    isNaN(number: number): boolean;
    /** Whether `number` is neither NaN nor infinite. */
    isFinite(number: number): boolean;
    /** Same as the global `parseInt`. */
    parseInt(string: string, radix?: number): number;
    /** Same as the global `parseFloat`. */
    parseFloat(string: string): number;

    /** 2^-52: the gap between 1 and the next number. */
    readonly EPSILON: number;
    /** 2^53 - 1. */
    readonly MAX_SAFE_INTEGER: number;
    /** -(2^53 - 1). */
    readonly MIN_SAFE_INTEGER: number;
    /** The largest finite number, about 1.8e308. */
    readonly MAX_VALUE: number;
    /** The smallest positive number, 5e-324. */
    readonly MIN_VALUE: number;
    /** Infinity. */
    readonly POSITIVE_INFINITY: number;
    /** -Infinity. */
    readonly NEGATIVE_INFINITY: number;
    /** NaN. */
    readonly NaN: number;
}

/** Converts a value to a number: `Number("42")` is `42`. */
declare var Number: NumberConstructor;

/**
 * The integer at the start of `string` (after white space and a sign) in
 * base `radix` (2..36; default 10, or 16 after "0x"), or NaN.
 * @example parseInt("42px") // 42
 */
declare function parseInt(string: string, radix?: number): number;

/**
 * The decimal number at the start of `string` (after white space), or NaN.
 * @example parseFloat("3.5s") // 3.5
 */
declare function parseFloat(string: string): number;

/** Whether `number` is NaN. */
declare function isNaN(number: number): boolean;

/** Whether `number` is neither NaN nor infinite. */
declare function isFinite(number: number): boolean;

/** A boolean value. No methods are supported. */
interface Boolean {}

/**
 * A `bigint` value: an integer of 64 bits in compiled plugins (int64),
 * exactly as JavaScript's BigInt while the value fits. An operation whose
 * result would not fit throws a RangeError ("bigint overflow: ... does not
 * fit in 64 bits") where JavaScript would go on with a wider integer.
 */
interface BigInt {
    /**
     * The integer in base `radix` (2..36, default 10), lower-case letters,
     * a leading "-" when negative. Another radix throws a RangeError.
     * @example (255n).toString(16) // "ff"
     */
    toString(radix?: number): string;
}

/** The `BigInt` function and namespace. */
interface BigIntConstructor {
    /**
     * Converts a value to a bigint as JavaScript does: an integral number
     * (1.5, NaN and Infinity throw a RangeError), a string of decimal
     * digits with an optional sign or of `0x`/`0o`/`0b` digits, white space
     * around allowed ("" is 0n; anything else throws a SyntaxError), a
     * boolean, or a record value holding one of those (null and undefined
     * throw a TypeError). A msgpack integer converts exactly.
     * @example BigInt("9007199254740993") // 9007199254740993n
     */
    (value: bigint | number | string | boolean | null | undefined | object): bigint;

    /**
     * `int` wrapped to a signed integer of `bits` bits (two's complement).
     * @example BigInt.asIntN(8, 255n) // -1n
     */
    asIntN(bits: number, int: bigint): bigint;
    /**
     * `int` modulo 2^bits. A negative `int` with 64 bits or more gives at
     * least 2^63, which does not fit: a RangeError.
     * @example BigInt.asUintN(8, -1n) // 255n
     */
    asUintN(bits: number, int: bigint): bigint;
}

/** Converts a value to a bigint: `BigInt("42")` is `42n`. */
declare var BigInt: BigIntConstructor;

/** The base of every object type. No methods are supported. */
interface Object {}

/**
 * The `Object` namespace. Keys come in JavaScript's order: integer-like
 * keys ascending, then the others in insertion order.
 */
interface ObjectConstructor {
    /** The object's own keys (an array's indices as strings). */
    keys(o: {}): string[];
    /** The object's own values. */
    values<T>(o: readonly T[]): T[];
    values<T>(o: { readonly [key: string]: T }): T[];
    values(o: {}): unknown[];
    /** The object's own `[key, value]` pairs. */
    entries<T>(o: readonly T[]): [string, T][];
    entries<T>(o: { readonly [key: string]: T }): [string, T][];
    entries(o: {}): [string, unknown][];
    /** An object from `[key, value]` pairs; a later pair wins. */
    fromEntries<T>(entries: readonly (readonly [string, T])[]): { [key: string]: T };
    /**
     * Copies the sources' pairs into `target` and returns it. Use the
     * result: a map read from the record is copied, not changed in place.
     * The result keeps the target's type, so a source may add keys but may
     * not give a key of the target a value of another type
     * (`Object.assign({ a: 1 }, { a: "c" })` is a type error; TypeScript's
     * own library would type `a` as `never`).
     */
    assign<T extends {}, S extends {}[]>(
        target: T,
        ...sources: S & { [I in keyof S]: { [K in keyof S[I]]: K extends keyof T ? T[K] : unknown } }
    ): T;
}

/** The `Object` namespace: keys, values, entries, fromEntries, assign. */
declare var Object: ObjectConstructor;

/** Not a number (the IEEE 754 NaN). */
declare var NaN: number;

/** Positive infinity. */
declare var Infinity: number;

/* ------------------------------------------------------------------------ */
/* 4. Array                                                                  */
/*    `ReadonlyArray` has what reads; `Array` adds what changes the array.   */
/* ------------------------------------------------------------------------ */

/** A read-only array (`readonly T[]`, a list property): every method that does not change it. */
interface ReadonlyArray<T> {
    /** Number of elements. */
    readonly length: number;

    /** The element at index `n`; `undefined` past the end (noUncheckedIndexedAccess). */
    readonly [n: number]: T;

    /** The elements as strings joined by `separator` (default ","); null and undefined print as "". */
    join(separator?: string): string;
    /** Index of the first element `=== searchElement` at or after `fromIndex`, or -1. */
    indexOf(searchElement: T, fromIndex?: number): number;
    /** Index of the last element `=== searchElement` at or before `fromIndex`, or -1. */
    lastIndexOf(searchElement: T, fromIndex?: number): number;
    /** Whether some element equals `searchElement` (NaN finds NaN). */
    includes(searchElement: T, fromIndex?: number): boolean;
    /** A new array of the elements from `start` up to, not including, `end`; negative counts from the end. */
    slice(start?: number, end?: number): T[];
    /** A new array: these elements, then each item (arrays contribute their elements). */
    concat(...items: (T | readonly T[])[]): T[];
    /** A new array with sub-arrays spread, `depth` (default 1) levels deep. */
    flat(depth?: number): (T extends readonly (infer U)[] ? U : T)[];
    /** The element at `index`; negative counts from the end; `undefined` out of range. */
    at(index: number): T | undefined;

    /* The callback methods below are compiled inline as loops: the callback
     * must be written in the call, `xs.map((x) => x * 2)`. */

    /** A new array of what `fn` returns for each element. */
    map<U>(fn: (value: T, index: number) => U): U[];
    /** The elements for which `fn` returns a truthy value. */
    filter(fn: (value: T, index: number) => unknown): T[];
    /** Calls `fn` for each element. */
    forEach(fn: (value: T, index: number) => void): void;
    /** Whether `fn` is truthy for some element (stops at the first). */
    some(fn: (value: T, index: number) => unknown): boolean;
    /** Whether `fn` is truthy for every element (stops at the first falsy). */
    every(fn: (value: T, index: number) => unknown): boolean;
    /** The first element for which `fn` is truthy, or `undefined`. */
    find(fn: (value: T, index: number) => unknown): T | undefined;
    /** The index of the first element for which `fn` is truthy, or -1. */
    findIndex(fn: (value: T, index: number) => unknown): number;
    /** Folds the elements into `initial` with `fn` (the initial value is required). */
    reduce<U>(fn: (acc: U, value: T, index: number) => U, initial: U): U;
}

/** An array of values of type `T`: the reading methods, and these that change it. */
interface Array<T> extends ReadonlyArray<T> {
    /** The element at index `n`; `undefined` past the end (noUncheckedIndexedAccess). */
    [n: number]: T;

    /** Appends the items; returns the new length. */
    push(...items: T[]): number;
    /** Removes and returns the last element (`undefined` when empty). */
    pop(): T | undefined;
    /** Removes and returns the first element (`undefined` when empty). */
    shift(): T | undefined;
    /** Inserts the items at the start; returns the new length. */
    unshift(...items: T[]): number;
    /** Removes `deleteCount` elements (default: all) at `start`, inserts `items` there; returns the removed ones. */
    splice(start: number, deleteCount?: number, ...items: T[]): T[];
    /** Reverses the array in place and returns it. */
    reverse(): T[];
    /** Sets the elements from `start` to `end` to `value`, in place; returns the array. */
    fill(value: T, start?: number, end?: number): this;
    /**
     * Sorts in place (stable) and returns the array: by `compareFn` (negative
     * when a goes first), else by the elements' text in UTF-16 order;
     * `undefined` elements go last.
     */
    sort(compareFn?: (a: T, b: T) => number): this;
}

interface ArrayConstructor {
    /** Whether `value` is an array: narrows a `Value` to `Value[]`. */
    isArray(value: unknown): value is unknown[];
    /** A new array of the items of a Map or Set iterator, or a copy of an array. */
    from<T>(items: IterableIterator<T> | readonly T[]): T[];
}

/** The `Array` namespace: `Array.isArray` and `Array.from`; arrays are written as literals. */
declare var Array: ArrayConstructor;

/* ------------------------------------------------------------------------ */
/* 5. console                                                                */
/* ------------------------------------------------------------------------ */

/** Debug output. In a plugin prefer `ctx.log.*`, which goes to Fluent Bit's log. */
interface Console {
    /**
     * Writes the arguments, separated by spaces, as one line to standard
     * output: strings as they are, numbers, booleans, null and `undefined`
     * as Node prints them (`-0`, `NaN`), arrays and objects as
     * `JSON.stringify` prints them (Node would print `[ 1, 2 ]`), with a
     * bigint inside written `1n`.
     */
    log(...data: unknown[]): void;
}

/** Debug output: `console.log(...)`. */
declare var console: Console;

/* ------------------------------------------------------------------------ */
/* 6. Math                                                                   */
/*    Exactly JavaScript's results for rounding, min/max, pow edge cases and */
/*    hypot; transcendental functions come from the C library (may differ   */
/*    from V8 in the last bit, docs/builtins.md).                            */
/* ------------------------------------------------------------------------ */

/** The `Math` namespace. */
interface Math {
    /** Euler's number e. */
    readonly E: number;
    /** ln 10. */
    readonly LN10: number;
    /** ln 2. */
    readonly LN2: number;
    /** log2(e). */
    readonly LOG2E: number;
    /** log10(e). */
    readonly LOG10E: number;
    /** Pi. */
    readonly PI: number;
    /** sqrt(1/2). */
    readonly SQRT1_2: number;
    /** sqrt(2). */
    readonly SQRT2: number;

    /** |x|. */
    abs(x: number): number;
    /** The smallest integer >= x. */
    ceil(x: number): number;
    /** The largest integer <= x. */
    floor(x: number): number;
    /** The nearest integer, halves towards +Infinity: round(-2.5) is -2. */
    round(x: number): number;
    /** x without its fraction. */
    trunc(x: number): number;
    /** 1, -1, 0, -0 or NaN by the sign of x. */
    sign(x: number): number;
    /** Square root. */
    sqrt(x: number): number;
    /** Cube root. */
    cbrt(x: number): number;
    /** x to the power y (same as `x ** y`). */
    pow(x: number, y: number): number;
    /** e^x. */
    exp(x: number): number;
    /** e^x - 1, exact for small x. */
    expm1(x: number): number;
    /** Natural logarithm. */
    log(x: number): number;
    /** ln(1 + x), exact for small x. */
    log1p(x: number): number;
    /** Base-2 logarithm. */
    log2(x: number): number;
    /** Base-10 logarithm. */
    log10(x: number): number;
    /** Sine (radians). */
    sin(x: number): number;
    /** Cosine (radians). */
    cos(x: number): number;
    /** Tangent (radians). */
    tan(x: number): number;
    /** Arcsine. */
    asin(x: number): number;
    /** Arccosine. */
    acos(x: number): number;
    /** Arctangent. */
    atan(x: number): number;
    /** The angle of the point (x, y). */
    atan2(y: number, x: number): number;
    /** Hyperbolic sine. */
    sinh(x: number): number;
    /** Hyperbolic cosine. */
    cosh(x: number): number;
    /** Hyperbolic tangent. */
    tanh(x: number): number;
    /** Inverse hyperbolic sine. */
    asinh(x: number): number;
    /** Inverse hyperbolic cosine. */
    acosh(x: number): number;
    /** Inverse hyperbolic tangent. */
    atanh(x: number): number;
    /** Square root of the sum of squares (0 without arguments). */
    hypot(...values: number[]): number;
    /** The smallest argument (Infinity without arguments; NaN if any is NaN). */
    min(...values: number[]): number;
    /** The largest argument (-Infinity without arguments; NaN if any is NaN). */
    max(...values: number[]): number;
    /** x rounded to the nearest float32. */
    fround(x: number): number;
    /** Leading zero bits of x as a 32-bit unsigned integer. */
    clz32(x: number): number;
    /** The 32-bit integer product of a and b. */
    imul(a: number, b: number): number;
    /** A pseudo-random number in [0, 1), seeded per plugin instance; not for secrets. */
    random(): number;
}

/** Mathematical functions and constants. */
declare var Math: Math;

/* ------------------------------------------------------------------------ */
/* 7. JSON                                                                   */
/* ------------------------------------------------------------------------ */

/** What JSON.parse returns: the flbc module's `Value`, never a bigint. */
type JSONValue = string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };

/** The `JSON` namespace. */
interface JSON {
    /**
     * The value of a JSON text. A syntax error is logged as an error and
     * gives `undefined` (JavaScript throws a SyntaxError).
     */
    parse(text: string): JSONValue;
    /**
     * JSON text of a value, indented by `space` (a number of spaces up to 10,
     * or a string) when given. Only `null` is supported as the replacer.
     * A bigint anywhere in the value throws a TypeError, as in JavaScript.
     * `undefined` has no JSON text: the result is `undefined`, not a string.
     */
    stringify<T>(value: T, replacer?: null, space?: number | string): [T] extends [undefined] ? undefined : undefined extends T ? string | undefined : string;
}

/** JSON text to values and back. */
declare var JSON: JSON;

/* ------------------------------------------------------------------------ */
/* 8. Date                                                                   */
/*    Only the clock: `new Date` is outside the subset. For timestamps use   */
/*    `formatTime` / `parseTime` from the flbc module.                       */
/* ------------------------------------------------------------------------ */

/** The `Date` namespace: only `Date.now()`. */
interface DateConstructor {
    /** Milliseconds since 1970-01-01T00:00:00Z (an integer). */
    now(): number;
}

/** The clock: `Date.now()`. */
declare var Date: DateConstructor;
