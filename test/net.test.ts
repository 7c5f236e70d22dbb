// Network outputs (`net: true`): ctx.http.request and ctx.tcp.write in the
// local host (blocking sockets standing in for Fluent Bit's upstream) and
// under the Node engine, against servers started here on 127.0.0.1. What
// reaches the server is checked byte for byte and must be the same from
// both engines; so must the flush outcomes: a 2xx delivers, a 503 is
// retried, a 400 is an error logged with its status and the start of the
// body, a refused connection is an I/O error that retries the chunk (or is
// caught by the plugin), `tls on` is refused where there is no TLS. The
// plugins are built with ASan/UBSan where available (the workers test with
// ThreadSanitizer, which cannot be combined with ASan).
import test from "ava";
import fs from "node:fs";
import path from "node:path";
import { runNode } from "../compiler/engine/node.js";
import { buildHost, sanitizerAvailable } from "../compiler/toolchain/index.js";
import { closedPort, startHttpServer, startTcpListener, type HttpReply } from "./support/netServer.js";
import { buildPlugin, compileForTest, diagnosticsText, runC, scratchDir } from "./support/plugins.js";

const scratch = scratchDir("net");
test.after.always(() => fs.rmSync(scratch, { recursive: true, force: true }));

function plugin(name: string, source: string): string {
  const file = path.join(scratch, `${name}.ts`);
  fs.writeFileSync(file, source);
  return file;
}

const records = ['{"n":1,"msg":"a b"}', '{"n":2,"msg":"\\u00e9\\"q\\""}', '{"n":3}'].join("\n") + "\n";

/** Posts each chunk as NDJSON and prints what came back; a config switch catches I/O errors. */
const probe = plugin(
  "out_probe",
  `import { defineOutput } from "flbc";
export default defineOutput({
  name: "probe",
  net: true,
  config: { method: "POST", uri: "/in?x=1", catch_it: false },
  flush(events, ctx) {
    let body = "";
    for (const event of events) body += JSON.stringify(event.body) + "\\n";
    try {
      const res = ctx.http.request({
        method: ctx.config.method,
        uri: ctx.config.uri,
        headers: { "X-Count": String(events.length), "Content-Type": "application/x-ndjson" },
        body,
      });
      console.log(\`\${res.status} \${JSON.stringify(res.headers)} [\${res.body}]\`);
      return res.status < 300 ? "ok" : res.status >= 500 ? "retry" : "error";
    } catch (e) {
      if (!ctx.config.catch_it) throw e;
      console.log(e instanceof Error ? \`caught \${e.name}: \${e.message}\` : "caught");
      return "error";
    }
  },
});
`,
);

/** Each chunk's events as JSON lines over one TCP connection. */
const tcpLines = plugin(
  "out_tcp_lines",
  `import { defineOutput, toJsonLine } from "flbc";
export default defineOutput({
  name: "tcp_lines",
  net: true,
  flush(events, ctx) {
    let text = "";
    for (const event of events) text += toJsonLine(event, "") + "\\n";
    ctx.tcp.write(text);
    return "ok";
  },
});
`,
);

const built = new Map<string, Promise<string>>();
function binary(entry: string): Promise<string> {
  let b = built.get(entry);
  if (b === undefined) {
    const dir = path.join(scratch, path.basename(entry, ".ts"));
    fs.mkdirSync(dir, { recursive: true });
    b = sanitizerAvailable().then((sanitize) => buildPlugin(entry, dir, { sanitize })).then((r) => r.binary);
    built.set(entry, b);
  }
  return b;
}

interface Exchange {
  code: number;
  stdout: string;
  stderr: string;
  received: Buffer[];
  port: number;
}

/** Runs `entry` in `engine` against a fresh HTTP server giving `replies`. */
async function http(engine: "c" | "node", entry: string, replies: HttpReply[], props: Record<string, string> = {}, chunk = 2): Promise<Exchange> {
  const server = await startHttpServer(replies);
  try {
    const p = { ...props, port: String(server.port) };
    const r =
      engine === "c"
        ? await runC(await binary(entry), records, p, ["--chunk-records", String(chunk), "--stats"])
        : await runNode({ entry, props: p, events: false, input: records, chunkRecords: chunk });
    return { ...r, received: await server.received(), port: server.port };
  } finally {
    await server.close();
  }
}

const ndjson = (...lines: string[]): string => lines.map((l) => l + "\n").join("");

function expectedRequest(port: number, count: number, body: string): string {
  return (
    `POST /in?x=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `X-Count: ${count}\r\nContent-Type: application/x-ndjson\r\n\r\n${body}`
  );
}

test("http: one request per chunk, byte for byte; the response's status, headers and body reach the plugin; Node sends the same bytes", async (t) => {
  const replies: HttpReply[] = [
    { status: 200, body: "fine", headers: [["X-Trace", "a"], ["x-trace", " b "], ["Content-Type", "text/plain"]] },
    { status: 202, body: "chunky \u00e9", chunked: true },
  ];
  const c = await http("c", probe, replies);
  t.is(c.code, 0, c.stderr);
  t.deepEqual(
    c.received.map((b) => b.toString("utf8")),
    [
      expectedRequest(c.port, 2, ndjson('{"n":1,"msg":"a b"}', '{"n":2,"msg":"\u00e9\\"q\\""}')),
      expectedRequest(c.port, 1, ndjson('{"n":3}')),
    ],
  );
  t.is(
    c.stdout,
    '200 {"x-trace":"a, b","content-type":"text/plain","content-length":"4"} [fine]\n' +
      '202 {"transfer-encoding":"chunked"} [chunky \u00e9]\n',
  );
  t.regex(c.stderr, /stats: chunks=2 delivered=2 failed=0 retries=0/);
  const js = await http("node", probe, replies);
  t.is(js.code, 0, js.stderr);
  t.is(js.stdout, c.stdout);
  t.deepEqual(
    js.received.map((b) => b.toString("latin1").replace(`:${js.port}\r\n`, ":PORT\r\n")),
    c.received.map((b) => b.toString("latin1").replace(`:${c.port}\r\n`, ":PORT\r\n")),
  );
});

test("http: a 503 is retried (the same request again), then delivered", async (t) => {
  const replies: HttpReply[] = [{ status: 503, body: "busy" }, { status: 200 }];
  const c = await http("c", probe, replies, {}, 64);
  t.is(c.code, 0, c.stderr);
  t.is(c.received.length, 2);
  t.deepEqual(c.received[1], c.received[0]);
  t.regex(c.stderr, /\[error\] \[output:probe:probe\.0\] http\.request: POST \/in\?x=1: HTTP 503, response: busy/);
  t.regex(c.stderr, /stats: chunks=1 delivered=1 failed=0 retries=1/);
  const js = await http("node", probe, replies, {}, 64);
  t.is(js.code, 0, js.stderr);
  t.is(js.received.length, 2);
  t.is(js.stdout, c.stdout);
  t.regex(js.stderr, /http\.request: POST \/in\?x=1: HTTP 503, response: busy/);
});

test("http: a 400 is an error, not retried, logged with its status and the first bytes of the body", async (t) => {
  const long = `{"error":"bad request",\n"detail":"${"x".repeat(200)}"}`;
  const replies: HttpReply[] = [{ status: 400, body: long }];
  const c = await http("c", probe, replies, {}, 64);
  t.is(c.code, 1);
  t.is(c.received.length, 1);
  const quoted = long.slice(0, 128).replace("\n", " ");
  const line = `http.request: POST /in?x=1: HTTP 400, response: ${quoted}...`;
  t.true(c.stderr.includes(`[error] [output:probe:probe.0] ${line}\n`), c.stderr);
  t.regex(c.stderr, /stats: chunks=1 delivered=0 failed=1 retries=0/);
  const js = await http("node", probe, replies, {}, 64);
  t.is(js.code, 1);
  t.is(js.received.length, 1);
  t.true(js.stderr.includes(`[error] [output:probe:probe.0] ${line}\n`), js.stderr);
  t.is(js.stdout, c.stdout);
});

test("http: a refused connection is an I/O error: uncaught it retries the chunk, caught it is an IoError", async (t) => {
  const port = String(await closedPort());
  const c = await runC(await binary(probe), records, { port, retry_limit: "2" }, ["--chunk-records", "64", "--stats"]);
  t.is(c.code, 1);
  t.regex(c.stderr, new RegExp(`\\[error\\] \\[upstream\\] connection to 127\\.0\\.0\\.1:${port} failed: Connection refused`));
  t.regex(c.stderr, new RegExp(`\\[error\\] \\[output:probe:probe\\.0\\] http\\.request: no connection to 127\\.0\\.0\\.1:${port}`));
  t.regex(c.stderr, /stats: chunks=1 delivered=0 failed=1 retries=2/);
  const js = await runNode({ entry: probe, props: { port, retry_limit: "2" }, events: false, input: records });
  t.is(js.code, 1);
  t.is(js.stderr.split("\n").filter((l) => l.includes(`http.request: no connection to 127.0.0.1:${port}`)).length, 3);

  const caught = `caught IoError: http.request: no connection to 127.0.0.1:${port}\n`;
  const cc = await runC(await binary(probe), records, { port, catch_it: "on" }, ["--chunk-records", "64", "--stats"]);
  t.is(cc.stdout, caught);
  t.regex(cc.stderr, /stats: chunks=1 delivered=0 failed=1 retries=0/);
  const jc = await runNode({ entry: probe, props: { port, catch_it: "on" }, events: false, input: records });
  t.is(jc.stdout, caught);
});

test("http: a request the plugin got wrong throws an Error (not retried); host, port and tls are properties", async (t) => {
  for (const [props, message] of [
    [{ method: "BREW" }, "http.request: unsupported method 'BREW' (GET, POST, PUT, PATCH, DELETE or HEAD)"],
    [{ uri: "/a b" }, "http.request: invalid uri '/a b' (a path starting with '/', without spaces or control characters)"],
  ] as const) {
    const c = await http("c", probe, [{ status: 200 }], { ...props, catch_it: "on" }, 64);
    t.is(c.stdout, `caught Error: ${message}\n`);
    t.is(c.received.length, 0);
    const js = await http("node", probe, [{ status: 200 }], { ...props, catch_it: "on" }, 64);
    t.is(js.stdout, c.stdout);
  }
  const tls = await runC(await binary(probe), records, { port: "1", tls: "on" });
  t.is(tls.code, 1);
  t.regex(tls.stderr, /TLS is not available in the flbc local host/);
  t.regex(tls.stderr, /cannot create the upstream to 127\.0\.0\.1:1/);
  const jtls = await runNode({ entry: probe, props: { port: "1", tls: "on" }, events: false, input: records });
  t.is(jtls.code, 1);
  t.regex(jtls.stderr, /TLS needs Fluent Bit/);
  // `host` reaches the upstream: a name that does not resolve fails to connect.
  const host = await runC(await binary(probe), records, { host: "no-such-host.invalid", port: "80", retry_limit: "no_retries" });
  t.is(host.code, 1);
  t.regex(host.stderr, /cannot resolve no-such-host\.invalid/);
});

test("tcp: each chunk's bytes over one connection, the same from Node", async (t) => {
  const run = async (engine: "c" | "node") => {
    const server = await startTcpListener();
    try {
      const props = { port: String(server.port) };
      const r =
        engine === "c"
          ? await runC(await binary(tcpLines), records, props, ["--chunk-records", "2", "--stats"])
          : await runNode({ entry: tcpLines, props, events: false, input: records, chunkRecords: 2 });
      return { ...r, received: (await server.received()).map((b) => b.toString("utf8")) };
    } finally {
      await server.close();
    }
  };
  const c = await run("c");
  t.is(c.code, 0, c.stderr);
  t.deepEqual(c.received, ['{"n":1,"msg":"a b"}\n{"n":2,"msg":"\u00e9\\"q\\""}\n', '{"n":3}\n']);
  const js = await run("node");
  t.is(js.code, 0, js.stderr);
  t.deepEqual(js.received, c.received);

  const port = String(await closedPort());
  const refused = await runC(await binary(tcpLines), records, { port }, ["--stats"]);
  t.regex(refused.stderr, new RegExp(`tcp\\.write: no connection to 127\\.0\\.0\\.1:${port}`));
  t.regex(refused.stderr, /stats: chunks=1 delivered=0 failed=1 retries=1/);
});

test("workers: 4 network flushes at once, each chunk one request; ThreadSanitizer finds nothing", async (t) => {
  const entry = plugin("out_pool", fs.readFileSync(tcpLines, "utf8").replace('net: true,', "net: true,\n  workers: 4,").replace('"tcp_lines"', '"pool"'));
  const dir = path.join(scratch, "pool");
  fs.mkdirSync(dir, { recursive: true });
  const pluginC = path.join(dir, "out_pool.c");
  fs.writeFileSync(pluginC, compileForTest(entry).c!);
  let built: { binary: string };
  try {
    built = await buildHost({ pluginC, symbol: "out_pool_plugin", kind: "output", outDir: dir, optimize: false, extraFlags: ["-fsanitize=thread", "-pthread"] });
  } catch (e) {
    t.log(`ThreadSanitizer unavailable: ${(e as Error).message.split("\n")[0]}; plain build`);
    built = await buildHost({ pluginC, symbol: "out_pool_plugin", kind: "output", outDir: dir });
  }
  const input = Array.from({ length: 40 }, (_, i) => JSON.stringify({ i })).join("\n") + "\n";
  const server = await startTcpListener();
  try {
    const c = await runC(built.binary, input, { port: String(server.port) }, ["--chunk-records", "1", "--stats"]);
    t.is(c.code, 0, c.stderr);
    t.notRegex(c.stderr, /ThreadSanitizer|data race/);
    t.regex(c.stderr, /stats: chunks=40 delivered=40 failed=0/);
    const got = (await server.received()).map((b) => b.toString("utf8")).sort();
    t.deepEqual(got, input.split("\n").filter((l) => l !== "").map((l) => `${l}\n`).sort());
  } finally {
    await server.close();
  }
});

test("diagnostic: ctx.http in an output without net: true", (t) => {
  const file = plugin(
    "bad_net",
    `import { defineOutput } from "flbc";
export default defineOutput({
  name: "bad",
  flush(events, ctx) {
    ctx.http.request({ method: "GET", uri: "/" });
    return "ok";
  },
});
`,
  );
  const r = compileForTest(file);
  t.false(r.ok);
  const text = diagnosticsText(r);
  t.true(text.includes("error FLBC1222: 'ctx.http.request' is only available in the `flush` of an output declared with `net: true`."), text);
  t.false(text.includes("TS2339"), text);
});
