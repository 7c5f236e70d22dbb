// ctx.http and ctx.tcp under Node, with the compiled plugin's semantics
// (runtime-c/flbc_net.c): synchronous calls, a checked request, a response
// for any status (400 and above logged with the first bytes of the body),
// and an IoError when the connection cannot be made, written, or read to a
// complete response. A flush is synchronous JavaScript, so the socket I/O
// runs on a worker thread (netWorker.ts) while the flush waits for its
// answer with Atomics.wait: the same shape as Fluent Bit, where the flush
// coroutine waits while the event loop does the I/O.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Log } from "./descriptor.js";
import type { NetJob, NetResult } from "./netWorker.js";
import { netTimeoutS } from "./netWorker.js";

/** Thrown by ctx.file / ctx.http / ctx.tcp: an uncaught one retries the flush. */
export class IoError extends Error {
  override name = "IoError";
}

/** Where an output's connections go: its host, port and tls properties. */
export interface NetTarget {
  host: string;
  port: number;
  tls: boolean;
}

export interface HttpResponse {
  status: number;
  headers: { [name: string]: string };
  body: string;
}

const methods = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]);
/** Set by the HTTP client itself (flbc_net.c's flbc_net_auto_headers). */
const autoHeaders = new Set(["host", "content-length", "transfer-encoding", "connection"]);
/** Bytes of an error response quoted in the log (FLBC_HTTP_LOG_BODY). */
const logBodyBytes = 128;

/**
 * The host, port and tls properties (keys case-insensitive), with the
 * defaults the generated plugin gives them (flb_output_net_default).
 */
export function netTarget(props: Readonly<Record<string, string>>): NetTarget {
  const get = (key: string): string | undefined => {
    const k = Object.keys(props).find((p) => p.toLowerCase() === key);
    return k === undefined ? undefined : props[k];
  };
  const port = get("port");
  const tls = get("tls")?.toLowerCase();
  return {
    host: get("host") ?? "127.0.0.1",
    // atoi, as Fluent Bit reads it; 0 is "not set".
    port: (port === undefined ? 0 : parseInt(port, 10) || 0) || 80,
    tls: tls === "on" || tls === "true" || tls === "yes",
  };
}

/** One output instance's network: a worker thread, started on first use. */
export class NetClient {
  private worker: Worker | undefined;
  private reply: MessagePort | undefined;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly target: NetTarget,
    private readonly log: Log,
  ) {}

  /** ctx.http.request(request). */
  request(request: unknown): HttpResponse {
    const req = (typeof request === "object" && request !== null ? request : {}) as Record<string, unknown>;
    const method = String(req.method ?? "");
    const uri = String(req.uri ?? "");
    const body = req.body === undefined ? "" : String(req.body);
    if (!methods.has(method)) {
      throw new Error(`http.request: unsupported method '${method}' (GET, POST, PUT, PATCH, DELETE or HEAD)`);
    }
    if (!/^\/[\x21-\x7e\x80-\u{10ffff}]*$/u.test(uri)) {
      throw new Error(`http.request: invalid uri '${uri}' (a path starting with '/', without spaces or control characters)`);
    }
    const headers: [string, string][] = [];
    if (typeof req.headers === "object" && req.headers !== null) {
      for (const [name, value] of Object.entries(req.headers as Record<string, unknown>)) {
        if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) throw new Error(`http.request: invalid header name '${name}'`);
        if (autoHeaders.has(name.toLowerCase())) throw new Error(`http.request: the '${name}' header is set by the HTTP client`);
        const text = String(value);
        if (/[\r\n\0]/.test(text)) throw new Error(`http.request: the value of header '${name}' holds a line break or NUL`);
        headers.push([name, text]);
      }
    }
    const r = this.run({ op: "http", host: this.target.host, port: this.target.port, method, uri, headers, body });
    if (!r.ok) {
      this.log.error(`[upstream] ${r.stage === "connect" ? "connection to" : "exchange with"} ${this.address()} failed: ${r.reason}`);
      throw new IoError(r.stage === "connect" ? `http.request: no connection to ${this.address()}` : `http.request: ${method} ${uri} to ${this.address()} failed: no complete response`);
    }
    const { status, head, body: bytes } = r.response!;
    logResponse(this.log, method, uri, status, Buffer.from(bytes));
    return { status, headers: responseHeaders(head), body: Buffer.from(bytes).toString("utf8") };
  }

  /** ctx.tcp.write(data). */
  write(data: string): void {
    const text = String(data);
    const r = this.run({ op: "tcp", host: this.target.host, port: this.target.port, data: text });
    if (!r.ok) {
      this.log.error(`[upstream] ${r.stage === "connect" ? "connection to" : "write to"} ${this.address()} failed: ${r.reason}`);
      if (r.stage === "connect") throw new IoError(`tcp.write: no connection to ${this.address()}`);
      throw new IoError(`tcp.write: writing ${Buffer.byteLength(text, "utf8")} bytes to ${this.address()} failed`);
    }
  }

  /** Stops the worker (after the last flush). */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private address(): string {
    return `${this.target.host}:${this.target.port}`;
  }

  /** Hands the job to the worker and waits for its answer. */
  private run(job: NetJob): NetResult {
    if (this.worker === undefined) {
      const channel = new MessageChannel();
      this.worker = new Worker(new URL("./netWorker.js", import.meta.url));
      this.worker.unref();
      this.worker.postMessage({ reply: channel.port2, flag: this.flag.buffer }, [channel.port2]);
      this.reply = channel.port1;
    }
    Atomics.store(this.flag, 0, 0);
    this.worker.postMessage(job);
    // The worker gives up on its own after netTimeoutS per step; this is the
    // backstop for a worker that died.
    if (Atomics.wait(this.flag, 0, 0, (4 * netTimeoutS + 5) * 1000) === "timed-out") {
      return { ok: false, stage: "io", reason: "no answer from the network thread" };
    }
    const msg = receiveMessageOnPort(this.reply!);
    return msg === undefined ? { ok: false, stage: "io", reason: "no answer from the network thread" } : (msg.message as NetResult);
  }
}

/** The header lines after the status line: names lower-cased, a repeated one's values joined with ", ". */
function responseHeaders(head: string): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const line of head.split(/[\r\n]+/).slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const utf8 = (s: string): string => Buffer.from(s, "latin1").toString("utf8");
    const name = utf8(line.slice(0, colon).replace(/[A-Z]+/g, (s) => s.toLowerCase()));
    const value = utf8(line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, ""));
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/** flbc_net.c's log line for a response. */
function logResponse(log: Log, method: string, uri: string, status: number, body: Buffer): void {
  if (status < 400) {
    log.debug(`http.request: ${method} ${uri}: HTTP ${status}`);
    return;
  }
  if (body.length === 0) {
    log.error(`http.request: ${method} ${uri}: HTTP ${status}, empty response`);
    return;
  }
  const quote = Buffer.from(body.subarray(0, logBodyBytes).map((c) => (c < 0x20 || c === 0x7f ? 0x20 : c)));
  log.error(`http.request: ${method} ${uri}: HTTP ${status}, response: ${quote.toString("utf8")}${body.length > logBodyBytes ? "..." : ""}`);
}
