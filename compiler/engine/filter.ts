// Running a filter over events the way Fluent Bit (and the local host) does:
// per record, call `filter(record, ctx)` and apply its result:
//   false -> drop; true / undefined -> keep (with mutations);
//   a record -> emit it instead; an array of records -> emit each.
// An exception (or a result of another type) is logged and the record
// passes through as it was before the call: fail open, like Fluent Bit's
// own filters.
import type { FilterDescriptor, Log, LogRecord } from "./descriptor.js";
import { cloneValue, deepFreeze, isRecord, type Event } from "./events.js";
import type { Instance } from "./instance.js";

/** Runs `plugin.filter` on one event; returns the events it becomes (none when dropped). */
export function filterEvent(plugin: FilterDescriptor, instance: Instance, tag: string, event: Event): Event[] {
  const before = cloneValue(event.body);
  const ctx = filterContext(instance, tag, event);
  let result: unknown;
  try {
    result = plugin.filter(event.body, ctx);
  } catch (e) {
    instance.log.error(errorMessage(e));
    return [{ ...event, body: before }];
  }
  const emit = (body: LogRecord): Event => ({ time: ctx.time, metadata: event.metadata, body });
  if (result === undefined || result === true) {
    return [emit(event.body)];
  }
  if (result === false) {
    return [];
  }
  if (isRecord(result)) {
    return [emit(result)];
  }
  if (Array.isArray(result) && result.every(isRecord)) {
    return result.map(emit);
  }
  instance.log.error(`filter returned ${describeValue(result)}: expected a boolean, nothing, a record or an array of records`);
  return [{ ...event, body: before }];
}

/** The `ctx` of one filter call (FilterContext in flbc.d.ts). */
interface FilterContext {
  readonly tag: string;
  time: number;
  readonly metadata: LogRecord;
  readonly config: Instance["config"];
  state: unknown;
  readonly log: Log;
}

function filterContext(instance: Instance, tag: string, event: Event): FilterContext {
  const ctx = {
    tag,
    time: event.time,
    metadata: deepFreeze(cloneValue(event.metadata)),
    config: instance.config,
    log: instance.log,
    get state(): unknown {
      return instance.state;
    },
    set state(value: unknown) {
      instance.state = value;
    },
  };
  return Object.seal(ctx);
}

/** What a thrown value says: an Error's message, or the value as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function describeValue(value: unknown): string {
  if (value === null) {
    return "null";
  }
  return Array.isArray(value) ? "an array with a non-record element" : `a ${typeof value}`;
}
