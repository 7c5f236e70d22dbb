// Servers for network outputs, on 127.0.0.1 and an ephemeral port, that
// record what they receive byte for byte. They run on a worker thread of
// their own: the Node engine's ctx.http / ctx.tcp block the main thread
// while they wait (compiler/engine/net.ts), and a server on that thread
// could then never answer.
//
// - HTTP: reads each request (its head and a Content-Length body, several
//   per connection), records the raw bytes, and answers with the next of
//   the given replies (the last one repeats).
// - TCP: records every connection's bytes until the client closes it.
import net from "node:net";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

export interface HttpReply {
  status: number;
  body?: string;
  /** Extra response headers (Content-Length is added). */
  headers?: [string, string][];
  /** Send the body with chunked transfer encoding instead of a length. */
  chunked?: boolean;
}

export interface TestServer {
  port: number;
  /** Raw requests (HTTP) or connections' bytes (TCP), in arrival order, once every connection is closed. */
  received(): Promise<Buffer[]>;
  close(): Promise<void>;
}

type Setup = { kind: "http"; replies: HttpReply[] } | { kind: "tcp" };

export function startHttpServer(replies: HttpReply[] = [{ status: 200, body: '{"ok":true}' }]): Promise<TestServer> {
  return start({ kind: "http", replies });
}

export function startTcpListener(): Promise<TestServer> {
  return start({ kind: "tcp" });
}

/** A port nothing listens on (one just closed): connecting is refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A request as the examples' transcripts show it: CRLF as LF, the port as <port>. */
export function transcript(request: Buffer, port: number): string {
  return request.toString("utf8").replaceAll("\r\n", "\n").replaceAll(`:${port}\n`, ":<port>\n") + "\n";
}

function start(setup: Setup): Promise<TestServer> {
  const worker = new Worker(new URL(import.meta.url), { workerData: setup });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (m: { port: number }) => {
      resolve({
        port: m.port,
        received: () =>
          new Promise((res) => {
            worker.once("message", (r: { received: Uint8Array[] }) => res(r.received.map((b) => Buffer.from(b))));
            worker.postMessage("received");
          }),
        close: async () => {
          await worker.terminate();
        },
      });
    });
  });
}

/** The worker: one server, answering "received" with what it recorded. */
function serve(setup: Setup): void {
  const received: Buffer[] = [];
  let open = 0;
  let next = 0;
  const reply = (): Buffer => {
    const r = setup.kind === "http" ? setup.replies[Math.min(next++, setup.replies.length - 1)]! : { status: 200 };
    const body = Buffer.from(r.body ?? "", "utf8");
    let head = `HTTP/1.1 ${r.status} ${r.status < 400 ? "OK" : "Failed"}\r\n`;
    for (const [k, v] of r.headers ?? []) head += `${k}: ${v}\r\n`;
    if (r.chunked) {
      const chunks = body.length === 0 ? "" : `${body.length.toString(16)}\r\n${body.toString("utf8")}\r\n`;
      return Buffer.from(`${head}Transfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`, "utf8");
    }
    return Buffer.concat([Buffer.from(`${head}Content-Length: ${body.length}\r\n\r\n`, "utf8"), body]);
  };
  const server = net.createServer((socket) => {
    open++;
    let data = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (setup.kind === "tcp") return;
      for (;;) {
        const end = data.indexOf("\r\n\r\n");
        if (end === -1) return;
        const length = /\r\ncontent-length: *(\d+)/i.exec(data.subarray(0, end).toString("latin1"));
        const total = end + 4 + (length === null ? 0 : Number(length[1]));
        if (data.length < total) return;
        received.push(data.subarray(0, total));
        data = data.subarray(total);
        socket.write(reply());
      }
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      if (setup.kind === "tcp") received.push(data);
      open--;
    });
  });
  server.listen(0, "127.0.0.1", () => parentPort!.postMessage({ port: (server.address() as net.AddressInfo).port }));
  parentPort!.on("message", () => {
    // A client that has just closed may not have been seen closing yet.
    const deadline = Date.now() + 2000;
    const answer = (): void => {
      if (open > 0 && Date.now() < deadline) {
        setTimeout(answer, 10);
        return;
      }
      parentPort!.postMessage({ received: received.map((b) => new Uint8Array(b)) });
    };
    answer();
  });
}

if (!isMainThread && (workerData as Setup | undefined)?.kind !== undefined) serve(workerData as Setup);
