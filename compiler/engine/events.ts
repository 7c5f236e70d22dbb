// Records in and out of `flbc run`: JSON lines, as the local host reads and
// prints them. A line is a record body (time 0, metadata {}), or with
// `--events` a Fluent Bit event `[[time, metadata], body]` (the older
// `[time, body]` form is accepted too). Output: one line per body, or
// `[[time, metadata], body]` with --events.
import type { LogRecord, Value } from "./descriptor.js";

export interface Event {
  time: number;
  metadata: LogRecord;
  body: LogRecord;
}

/** The events of the input up to the first bad line, and what is wrong with that line. */
export interface ParsedEvents {
  events: Event[];
  error?: string;
}

/** Reads JSON lines; blank lines are skipped. Stops at the first bad line, as a streaming reader would. */
export function parseEvents(input: string, withEvents: boolean): ParsedEvents {
  const events: Event[] = [];
  const lines = input.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, "");
    if (line.trim() === "") {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      return { events, error: `line ${i + 1}: invalid JSON: ${(e as Error).message}` };
    }
    const event = withEvents ? toEvent(value) : isRecord(value) ? { time: 0, metadata: {}, body: value } : undefined;
    if (typeof event === "string" || event === undefined) {
      const expected = withEvents ? "[[time, metadata], body]" : "a JSON object (a record body)";
      return { events, error: `line ${i + 1}: expected ${expected}${event ? `: ${event}` : ""}` };
    }
    events.push(event);
  }
  return { events };
}

/** `[[time, metadata], body]` or `[time, body]`; a string says what is wrong. */
function toEvent(value: unknown): Event | string | undefined {
  if (!Array.isArray(value) || value.length !== 2) {
    return undefined;
  }
  const [header, body] = value as [unknown, unknown];
  if (!isRecord(body)) {
    return "the body is not an object";
  }
  if (typeof header === "number") {
    return { time: header, metadata: {}, body };
  }
  if (!Array.isArray(header) || header.length !== 2) {
    return undefined;
  }
  const [time, metadata] = header as [unknown, unknown];
  if (typeof time !== "number" || !isRecord(metadata)) {
    return "time must be a number and metadata an object";
  }
  return { time, metadata, body };
}

export function isRecord(value: unknown): value is LogRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function formatEvent(event: Event, withEvents: boolean): string {
  return jsonText(withEvents ? [[event.time, event.metadata], event.body] : event.body) ?? "null";
}

/**
 * JSON.stringify, except that a bigint is written as its digits: the
 * compiled plugin stores a bigint in a record as a msgpack integer, which
 * the host prints as one (JSON.stringify would throw).
 */
function jsonText(v: unknown): string | undefined {
  if (typeof v === "bigint") return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => jsonText(x) ?? "null").join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const pairs: string[] = [];
    for (const k of Object.keys(v)) {
      const text = jsonText((v as Record<string, unknown>)[k]);
      if (text !== undefined) pairs.push(`${JSON.stringify(k)}:${text}`);
    }
    return `{${pairs.join(",")}}`;
  }
  return JSON.stringify(v);
}

/** A deep copy of a record value (records are JSON: no cycles, no functions). */
export function cloneValue<T extends Value>(value: T): T {
  return structuredClone(value);
}

/** Freezes a value and everything in it (read-only metadata). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
  }
  return value;
}
