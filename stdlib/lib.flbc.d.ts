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
 * (Planned: the rest of String, Number, Math, Array, Object, JSON, Map, Set,
 * Date: each gets its own section when it is implemented.)
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
 * `lastIndex` does not persist between calls: each one starts at 0.
 */
interface RegExp {
    /** Whether the pattern matches somewhere in `s`. */
    test(s: string): boolean;
    /** The first match: [whole, ...groups] (undefined for groups that did not take part), or null. */
    exec(s: string): string[] | null;
    /** The pattern's source text. */
    readonly source: string;
}

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
    /** Replaces every match; the regex must have the `g` flag. */
    replaceAll(re: RegExp, replacement: string): string;
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
}

/** The `String` function. Only the conversion call `String(x)` is supported (no `new String`). */
interface StringConstructor {
    /**
     * Converts a value to a string as JavaScript does: `String(1.5)` is
     * `"1.5"`, `String(null)` is `"null"`, `String(true)` is `"true"`.
     */
    (value?: unknown): string;
}

/** Converts a value to a string: `String(42)` is `"42"`. */
declare var String: StringConstructor;

/* ------------------------------------------------------------------------ */
/* 3. Number, Boolean, Object                                                */
/*    Apparent types of primitives and objects; no members supported yet.    */
/* ------------------------------------------------------------------------ */

/** A number value (IEEE 754 double, as in JavaScript). No methods are supported yet. */
interface Number {}

/** A boolean value. No methods are supported. */
interface Boolean {}

/** The base of every object type. No methods are supported yet. */
interface Object {}

/* ------------------------------------------------------------------------ */
/* 4. Array                                                                  */
/*    Only reading: `length` and indexing. Methods and loops come later.     */
/* ------------------------------------------------------------------------ */

/** An array of values of type `T`. */
interface Array<T> {
    /** Number of elements. */
    readonly length: number;

    /** The element at index `n`; `undefined` past the end (noUncheckedIndexedAccess). */
    [n: number]: T;

    /** Appends the items; returns the new length. */
    push(...items: T[]): number;
    /** Removes and returns the last element (`undefined` when empty). */
    pop(): T | undefined;
    /** The elements as strings joined by `separator` (default ","); null and undefined print as "". */
    join(separator?: string): string;

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

interface ArrayConstructor {
    /** Whether `value` is an array: narrows a `Value` to `Value[]`. */
    isArray(value: unknown): value is unknown[];
}

/** The `Array` namespace: only `Array.isArray`; arrays are written as literals. */
declare var Array: ArrayConstructor;

/** A read-only view of an array (`readonly T[]`): no element writes. */
interface ReadonlyArray<T> {
    /** Number of elements. */
    readonly length: number;

    /** The element at index `n`; `undefined` past the end (noUncheckedIndexedAccess). */
    readonly [n: number]: T;
}

/* ------------------------------------------------------------------------ */
/* 5. console                                                                */
/* ------------------------------------------------------------------------ */

/** Debug output. In a plugin prefer `ctx.log.*`, which goes to Fluent Bit's log. */
interface Console {
    /**
     * Writes the arguments, separated by spaces, as one line to standard
     * output: strings as they are, `undefined` as `undefined`, every other
     * value as `JSON.stringify` prints it.
     */
    log(...data: unknown[]): void;
}

/** Debug output: `console.log(...)`. */
declare var console: Console;
