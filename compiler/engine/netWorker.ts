// The Node engine's network thread: does the socket I/O of ctx.http and
// ctx.tcp for a flush that waits for it (net.ts), on this thread's own
// event loop. It puts on the wire exactly what the local host does
// (runtime-c/host/host_net.c, itself Fluent Bit's HTTP client with
// `net.keepalive off`): one connection per call, the request line, `Host`
// and `Content-Length`, the plugin's headers in order, a blank line and the
// body; and it reads a response the same way (a length, chunks, or up to
// the end of the connection), giving up after the same time and size.
import net from "node:net";
import { parentPort, type MessagePort } from "node:worker_threads";

/** Seconds to connect, and without progress while reading or writing (host_net.c). */
export const netTimeoutS = 10;

/** Largest response read, headers included (FLBC_HTTP_RESPONSE_MAX). */
export const responseMax = 1 << 20;

export type NetJob =
  | { op: "http"; host: string; port: number; method: string; uri: string; headers: [string, string][]; body: string }
  | { op: "tcp"; host: string; port: number; data: string };

export type NetResult =
  /** Done; an HTTP job's response: its status, head (latin1) and body. */
  | { ok: true; response?: { status: number; head: string; body: Uint8Array } }
  /** `connect`: no connection was made; `io`: it broke, or the response was incomplete or malformed. */
  | { ok: false; stage: "connect" | "io"; reason: string };

/** What the host sends: Fluent Bit's request head, byte for byte. */
export function requestHead(job: Extract<NetJob, { op: "http" }>, bodyBytes: number): string {
  const host = net.isIPv6(job.host) ? `[${job.host}]` : job.host;
  let head = `${job.method} ${job.uri} HTTP/1.1\r\nHost: ${host}:${job.port}\r\nContent-Length: ${bodyBytes}\r\n`;
  for (const [k, v] of job.headers) head += `${k}: ${v}\r\n`;
  return head + "\r\n";
}

function connect(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error("connection timed out"));
    }, netTimeoutS * 1000);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.setTimeout(netTimeoutS * 1000);
      resolve(socket);
    });
    socket.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/**
 * Walks a chunked body: its decoded bytes when complete, "more" when bytes
 * are missing, "bad" when malformed (host_net.c's dechunk()).
 */
function dechunk(b: Buffer): Buffer | "more" | "bad" {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = b.indexOf("\r", pos);
    if (eol === -1 || eol + 2 > b.length) return "more";
    const line = b.subarray(pos, eol).toString("latin1");
    const m = /^([0-9A-Fa-f]+)(;.*)?$/.exec(line);
    if (m === null || b[eol + 1] !== 0x0a) return "bad";
    const len = parseInt(m[1]!, 16);
    pos = eol + 2;
    if (len === 0) {
      // Trailers: header lines up to an empty one.
      for (;;) {
        const end = b.indexOf("\r", pos);
        if (end === -1 || end + 2 > b.length) return "more";
        if (end === pos) return Buffer.concat(parts);
        pos = end + 2;
      }
    }
    if (b.length - pos < len + 2) return "more";
    if (b[pos + len] !== 0x0d || b[pos + len + 1] !== 0x0a) return "bad";
    parts.push(b.subarray(pos, pos + len));
    pos += len + 2;
  }
}

type Parsed = { status: number; head: string; body: Buffer } | "more" | "bad";

/** The response in `data` if complete; `eof`: the server closed (host_net.c's response_complete()). */
export function parseResponse(data: Buffer, method: string, eof: boolean): Parsed {
  const end = data.indexOf("\r\n\r\n");
  if (end === -1) return eof ? "bad" : "more";
  const head = data.subarray(0, end + 4).toString("latin1");
  const m = /^HTTP\/1\.. ([1-5]\d\d)/.exec(head);
  if (m === null) return "bad";
  const status = Number(m[1]);
  const header = (name: string): string | undefined => {
    for (const line of head.split("\r\n").slice(1)) {
      if (line.length > name.length && line[name.length] === ":" && line.slice(0, name.length).toLowerCase() === name) {
        return line.slice(name.length + 1).replace(/^[ \t]+|[ \t]+$/g, "");
      }
    }
    return undefined;
  };
  const rest = data.subarray(end + 4);
  if (method === "HEAD" || status < 200 || status === 204 || status === 304) return { status, head, body: Buffer.alloc(0) };
  if (header("transfer-encoding")?.toLowerCase() === "chunked") {
    const body = dechunk(rest);
    if (body === "more") return eof ? "bad" : "more";
    return body === "bad" ? "bad" : { status, head, body };
  }
  const length = header("content-length");
  if (length !== undefined) {
    if (!/^\d+$/.test(length) || Number(length) > 0x7fffffff) return "bad";
    if (rest.length < Number(length)) return eof ? "bad" : "more";
    return { status, head, body: rest.subarray(0, Number(length)) };
  }
  return eof ? { status, head, body: rest } : "more";
}

async function http(job: Extract<NetJob, { op: "http" }>): Promise<NetResult> {
  let socket: net.Socket;
  try {
    socket = await connect(job.host, job.port);
  } catch (e) {
    return { ok: false, stage: "connect", reason: (e as Error).message };
  }
  const body = Buffer.from(job.body, "utf8");
  return new Promise((resolve) => {
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (r: NetResult): void => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(r);
    };
    const check = (eof: boolean): void => {
      if (data.length > responseMax) return finish({ ok: false, stage: "io", reason: `response larger than ${responseMax} bytes` });
      const r = parseResponse(data, job.method, eof);
      if (r === "bad") finish({ ok: false, stage: "io", reason: eof ? "incomplete response" : "malformed response" });
      else if (r !== "more") finish({ ok: true, response: { status: r.status, head: r.head, body: new Uint8Array(r.body) } });
    };
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      check(false);
    });
    socket.on("end", () => check(true));
    socket.on("timeout", () => finish({ ok: false, stage: "io", reason: "timed out" }));
    socket.on("error", (e) => finish({ ok: false, stage: "io", reason: e.message }));
    socket.write(Buffer.concat([Buffer.from(requestHead(job, body.length), "utf8"), body]));
  });
}

async function tcp(job: Extract<NetJob, { op: "tcp" }>): Promise<NetResult> {
  let socket: net.Socket;
  try {
    socket = await connect(job.host, job.port);
  } catch (e) {
    return { ok: false, stage: "connect", reason: (e as Error).message };
  }
  return new Promise((resolve) => {
    socket.on("timeout", () => {
      socket.destroy();
      resolve({ ok: false, stage: "io", reason: "timed out" });
    });
    socket.on("error", (e) => resolve({ ok: false, stage: "io", reason: e.message }));
    // Written to the kernel, then closed: what close() after send() does.
    socket.end(Buffer.from(job.data, "utf8"), () => {
      socket.destroy();
      resolve({ ok: true });
    });
  });
}

/** Set up by net.ts: jobs arrive on the parent port, answers go to `reply`, then `flag` wakes the waiter. */
if (parentPort !== null) {
  let reply: MessagePort | undefined;
  let flag: Int32Array | undefined;
  parentPort.on("message", (msg: { reply: MessagePort; flag: SharedArrayBuffer } | NetJob) => {
    if ("reply" in msg) {
      reply = msg.reply;
      flag = new Int32Array(msg.flag);
      return;
    }
    void (msg.op === "http" ? http(msg) : tcp(msg)).then((result) => {
      reply!.postMessage(result);
      Atomics.store(flag!, 0, 1);
      Atomics.notify(flag!, 0);
    });
  });
}
