// Running an input under Node as the local host does: `collect(ctx)` in
// rounds until `count` records were emitted (one round without a count),
// printing each emitted record as it comes. There is no sleeping between
// rounds: the interval only matters to time stamps, which differ between
// any two runs anyway.
import type { InputDescriptor, Log, LogRecord } from "./descriptor.js";
import { cloneValue, formatEvent, isRecord } from "./events.js";
import { errorMessage } from "./filter.js";
import type { Instance } from "./instance.js";

export interface InputRunOptions {
  tag: string;
  events: boolean;
  /** Stop after this many records (0: one round). */
  count: number;
  /** Stop after this many seconds (0: no limit). */
  duration: number;
}

/** Rounds of collect with a round limit, so a plugin that never emits ends. */
const maxRounds = 100_000;

export function runInput(plugin: InputDescriptor, instance: Instance, opts: InputRunOptions, write: (line: string) => void): void {
  let emitted = 0;
  const start = Date.now();
  for (let round = 0; round < maxRounds; round++) {
    const ctx = inputContext(instance, opts.tag, (record, time) => {
      if (opts.count > 0 && emitted >= opts.count) return;
      if (!isRecord(record)) {
        instance.log.error("emit: the record is not an object: not emitted");
        return;
      }
      emitted++;
      write(formatEvent({ time: time ?? Date.now() / 1000, metadata: {}, body: cloneValue(record) }, opts.events));
    });
    try {
      plugin.collect(ctx);
    } catch (e) {
      instance.log.error(`uncaught exception: ${errorMessage(e)}`);
    }
    if (opts.count > 0 ? emitted >= opts.count : opts.duration <= 0) return;
    if (opts.duration > 0 && Date.now() - start >= opts.duration * 1000) return;
  }
}

interface InputContext {
  readonly tag: string;
  readonly config: Instance["config"];
  state: unknown;
  readonly log: Log;
  emit(record: LogRecord, time?: number): void;
}

function inputContext(instance: Instance, tag: string, emit: (record: LogRecord, time?: number) => void): InputContext {
  return Object.seal({
    tag,
    config: instance.config,
    log: instance.log,
    get state(): unknown {
      return instance.state;
    },
    set state(value: unknown) {
      instance.state = value;
    },
    emit,
  });
}
