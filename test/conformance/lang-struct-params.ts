// Parameters of interface and object types are pointers to the caller's C
// struct when every call passes a struct local or a fresh literal: a write
// in the callee is seen by the caller, as with JavaScript's references. A
// function called with a Value, or passed around by name, keeps Values.
import { defineFilter } from "flbc";

interface Counter {
  hits: number;
  bytes: number;
  last: string;
}

interface Span {
  from: number;
  to: number;
}

function count(c: Counter, text: string): void {
  c.hits++;
  c.bytes += text.length;
  c.last = text;
}

// Passed on to another struct parameter, and to itself.
function countAll(c: Counter, texts: string[], i: number): void {
  if (i >= texts.length) return;
  count(c, texts[i] ?? "");
  countAll(c, texts, i + 1);
}

// Two parameters may be the same object.
function widen(a: Span, b: Span): number {
  a.from = Math.min(a.from, b.from);
  b.to = Math.max(a.to, b.to);
  return b.to - a.from;
}

function length(s: Span): number {
  return s.to - s.from;
}

function offset(s: Span, by: number): number {
  return s.to + by;
}

// An overload signature: calls go to the implementation.
function twice(s: Span): number;
function twice(s: Span): number {
  return (s.to - s.from) * 2;
}

// Called with a Value once: stays a Value everywhere.
function describe(s: Span): string {
  return `${s.from}..${s.to}`;
}

// Passed by name: stays a Value.
function later(s: Span): boolean {
  return s.to > 10;
}

export default defineFilter({
  name: "lang_struct_params",
  filter(record) {
    const texts: string[] = [];
    const items = Array.isArray(record.items) ? record.items : [];
    for (const it of items) if (typeof it === "string") texts.push(it);
    const c: Counter = { hits: 0, bytes: 0, last: "" };
    countAll(c, texts, 0);
    record.hits = c.hits;
    record.bytes = c.bytes;
    record.last = c.last;

    // An object literal without an annotation has the same fields: the same struct.
    const s = { from: typeof record.from === "number" ? record.from : 0, to: 5 };
    const t: Span = { to: 3, from: -2 };
    record.widened = widen(s, t);
    record.s = [s.from, s.to];
    record.t = [t.from, t.to];
    record.self = widen(s, s);
    record.twice = twice(t);
    record.fresh = length({ from: 1, to: 11 });
    record.order = length({ to: texts.length, from: c.hits - 10 });
    // A later argument calls a plugin function: the literal's struct is already built.
    record.offset = offset({ from: 0, to: c.bytes }, length(t));

    const kept = { from: 0, to: 20 };
    record.spans = [kept];
    record.described = describe(kept) + " " + describe({ from: t.from, to: t.to });
    const spans: Span[] = [{ from: 1, to: 30 }, { from: t.from, to: t.to }];
    record.later = spans.filter(later).length;
  },
});
