// The test262 harness rewritten in the flbc subset. test262's
// INTERPRETING.md lets a host supply its own harness functions; these are
// top-level functions of the assembled plugin, so a test's
// `assert.sameValue(...)` is renamed to `assert_sameValue(...)` (the
// subset has no functions with properties). Every rename is listed in
// RENAMES and logged per test; none changes what a test checks.

/** Source text prepended to every assembled test (after the import). */
export const HARNESS = `
/** SameValue: NaN equals NaN, +0 differs from -0. */
function h262_isSame(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) {
      return a !== 0 || 1 / a === 1 / b;
    }
    return a !== a && b !== b;
  }
  return a === b;
}

/** How a value appears in a failure message. */
function h262_show(v: unknown): string {
  if (typeof v === "string") {
    return "\\"" + v + "\\"";
  }
  if (typeof v === "number" && v === 0 && 1 / v < 0) {
    return "-0";
  }
  return String(v);
}

/** assert(value, message): value must be exactly true. */
function assert(mustBeTrue: unknown, message?: string): void {
  if (mustBeTrue !== true) {
    throw new Error("Test262Error: Expected true but got " + h262_show(mustBeTrue) + (message === undefined ? "" : " " + message));
  }
}

function assert_sameValue(actual: unknown, expected: unknown, message?: string): void {
  if (!h262_isSame(actual, expected)) {
    throw new Error("Test262Error: " + (message === undefined ? "" : message + " ") + "Expected SameValue(" + h262_show(actual) + ", " + h262_show(expected) + ") to be true");
  }
}

function assert_notSameValue(actual: unknown, unexpected: unknown, message?: string): void {
  if (h262_isSame(actual, unexpected)) {
    throw new Error("Test262Error: " + (message === undefined ? "" : message + " ") + "Expected SameValue(" + h262_show(actual) + ", " + h262_show(unexpected) + ") to be false");
  }
}

/** compareArray(a, b): same length and SameValue element by element. */
function compareArray(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (!h262_isSame(a[i], b[i])) {
      return false;
    }
  }
  return true;
}

function assert_compareArray(actual: unknown[], expected: unknown[], message?: string): void {
  if (!compareArray(actual, expected)) {
    throw new Error("Test262Error: " + (message === undefined ? "" : message + " ") + "Expected [" + actual.join(", ") + "] and [" + expected.join(", ") + "] to have the same contents");
  }
}
`;

/**
 * The lexical renames: applied to identifier tokens found by the parser
 * (never inside strings or comments), each logged for the test it touched.
 */
export const RENAMES: readonly { from: string; to: string; why: string }[] = [
  { from: "assert.sameValue", to: "assert_sameValue", why: "harness function (no function properties in the subset)" },
  { from: "assert.notSameValue", to: "assert_notSameValue", why: "harness function" },
  { from: "assert.compareArray", to: "assert_compareArray", why: "harness function" },
  { from: "Test262Error", to: "Error", why: "the subset throws Error only; the harness prefixes its messages" },
  { from: "var", to: "let", why: "the subset refuses var; tsc rejects the tests where hoisting or redeclaration would make let differ" },
];
