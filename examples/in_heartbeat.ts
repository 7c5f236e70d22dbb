import { defineInput, hostname } from "flbc";

/** Emits a heartbeat record every interval: a counter and the host name. */
export default defineInput({
  name: "heartbeat",
  config: {
    /** Host name to report; empty: the machine's own. */
    host_name: "",
    /** Text of the `status` field. */
    status: "alive",
  },
  interval: 1,
  init(config) {
    return { count: 0, host: config.host_name !== "" ? config.host_name : hostname() };
  },
  collect(ctx) {
    ctx.state.count++;
    ctx.emit({ heartbeat: ctx.state.count, status: ctx.config.status, host: ctx.state.host, tag: ctx.tag });
  },
});
