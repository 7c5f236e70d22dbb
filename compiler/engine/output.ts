// Running an output under Node the way the local host (and Fluent Bit's
// engine) does: the events in chunks of `chunkRecords`, `flush(events,
// ctx)` once per chunk, "retry" tried again up to the retry limit, an
// exception logged and taken as "error". A failed ctx.file, ctx.http or
// ctx.tcp call throws an IoError; one that leaves flush means "retry", as
// in the compiled plugin (flbc_flush_uncaught).
import fs from "node:fs";
import type { Log, OutputDescriptor } from "./descriptor.js";
import { cloneValue, deepFreeze, type Event } from "./events.js";
import { errorMessage } from "./filter.js";
import type { Instance } from "./instance.js";
import { IoError, NetClient, type HttpResponse, type NetTarget } from "./net.js";

export interface OutputRunOptions {
  tag: string;
  chunkRecords: number;
  /** Retries of a chunk after the first attempt (the host's default retry_limit is 1). */
  retryLimit: number;
  /** A network output's host and port (ctx.http, ctx.tcp). */
  net?: NetTarget;
}

type FlushOutcome = "ok" | "retry" | "error";

/** Flushes every chunk; returns the number of chunks not delivered. */
export function runOutput(plugin: OutputDescriptor, instance: Instance, events: readonly Event[], opts: OutputRunOptions): number {
  const net = opts.net === undefined ? undefined : new NetClient(opts.net, instance.log);
  try {
    return flushAll(plugin, instance, events, opts, net);
  } finally {
    net?.close();
  }
}

function flushAll(plugin: OutputDescriptor, instance: Instance, events: readonly Event[], opts: OutputRunOptions, net: NetClient | undefined): number {
  let failed = 0;
  for (let start = 0, n = 1; start < events.length; start += opts.chunkRecords, n++) {
    const chunk = events.slice(start, start + opts.chunkRecords);
    let delivered = false;
    for (let attempt = 0; ; attempt++) {
      const outcome = flushOnce(plugin, instance, chunk, opts.tag, net);
      if (outcome === "ok") {
        delivered = true;
        break;
      }
      if (outcome !== "retry" || attempt >= opts.retryLimit) break;
    }
    if (!delivered) failed++;
  }
  return failed;
}

function flushOnce(plugin: OutputDescriptor, instance: Instance, chunk: readonly Event[], tag: string, net: NetClient | undefined): FlushOutcome {
  const events = deepFreeze(chunk.map((e) => ({ time: e.time, tag, metadata: cloneValue(e.metadata), body: cloneValue(e.body) })));
  const ctx = outputContext(instance, net);
  let result: unknown;
  try {
    result = plugin.flush(events, ctx);
  } catch (e) {
    instance.log.error(e instanceof IoError ? e.message : `uncaught exception: ${errorMessage(e)}`);
    return e instanceof IoError ? "retry" : "error";
  }
  if (result === "ok" || result === "retry" || result === "error") return result;
  instance.log.error(`flush returned '${String(result)}': expected "ok", "retry" or "error"; the chunk is not delivered`);
  return "error";
}

interface OutputContext {
  readonly config: Instance["config"];
  state: unknown;
  readonly log: Log;
  readonly file: { append(path: string, data: string): void };
  readonly http?: { request(request: unknown): HttpResponse };
  readonly tcp?: { write(data: string): void };
}

function outputContext(instance: Instance, net: NetClient | undefined): OutputContext {
  const file = Object.freeze({
    append(path: string, data: string): void {
      try {
        fs.appendFileSync(path, data);
      } catch (e) {
        throw new IoError(`file.append: cannot write '${path}': ${errorMessage(e)}`);
      }
    },
  });
  const ctx: OutputContext = {
    config: instance.config,
    log: instance.log,
    get state(): unknown {
      return instance.state;
    },
    set state(value: unknown) {
      instance.state = value;
    },
    file,
    // Only a network output has them, as only its type declares them.
    ...(net === undefined
      ? {}
      : {
          http: Object.freeze({ request: (request: unknown) => net.request(request) }),
          tcp: Object.freeze({ write: (data: string) => net.write(data) }),
        }),
  };
  return Object.seal(ctx);
}
