import { defineOutput, toJsonLine } from "flbc";

/** Sends each chunk's events to an HTTP endpoint in one POST: a JSON array, or NDJSON. */
export default defineOutput({
  name: "http_json",
  net: true,
  config: {
    /** Path (and query) the events are posted to. */
    uri: "/",
    /** "json" (one JSON array per request) or "ndjson" (one JSON line per event). */
    format: "json",
    /** JSON key of the event time; empty: no time. */
    date_key: "date",
  },
  flush(events, ctx) {
    const ndjson = ctx.config.format === "ndjson";
    let body = "";
    for (const event of events) {
      const line = toJsonLine(event, ctx.config.date_key);
      body += ndjson ? line + "\n" : (body === "" ? "[" : ",") + line;
    }
    if (!ndjson) body = body === "" ? "[]" : body + "]";
    // A connection that fails throws: uncaught, the chunk is retried.
    const res = ctx.http.request({
      method: "POST",
      uri: ctx.config.uri,
      headers: { "Content-Type": ndjson ? "application/x-ndjson" : "application/json" },
      body,
    });
    const status = res.status;
    if (status >= 200 && status < 300) return "ok";
    // The server may take it later; any other 4xx would be refused again.
    if (status >= 500 || status === 408 || status === 429) return "retry";
    return "error";
  },
});
