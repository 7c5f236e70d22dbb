import { defineFilter } from "flbc";

/**
 * Names that C's standard headers, Fluent Bit's and the runtime's declare
 * (functions, macros, predefined macros), used as the plugin's own: config
 * keys, state fields, top-level functions, parameters, locals, an object
 * local (its struct) and its fields.
 */
export default defineFilter({
  name: "lang_c_library_names",
  config: { strlen: 3, index: "i", errno: 1, stdout: "out", time: 2, linux: "l", flb_free: "f", EOF: 4 },
  init(config) {
    return { log: config.strlen, abs: 0, printf: "p", errno: config.errno, assert: 1, NAN: 0, unix: 2, st_mtime: 5 };
  },
  filter(record, ctx) {
    const strlen = ctx.config.strlen + 1;
    const index = ctx.config.index;
    let exp = 2;
    const y0 = exp * 3;
    const j1 = y0 + strlen;
    const stdout = ctx.config.stdout + index;
    const errno = ctx.config.errno;
    const offsetof = 7;
    const flbc_str = "view";
    const msgpack_object = 8;
    const mk_list = 9;
    const isnan = NaN;
    const linux = ctx.config.linux;
    const fields = { errno: 1, EOF: 2, st_mtime: 3, flb_free: 4 };
    fields.errno += strlen;
    const tm = { tm_sec: 5, timespec: 6 };
    tm.tm_sec += j1;
    exp += 1;
    ctx.state.abs++;
    ctx.state.log += strlen;
    ctx.state.printf += "!";
    record.locals = [strlen, index, exp, y0, j1, stdout, errno, offsetof, flbc_str, msgpack_object, mk_list, linux];
    record.nan = isnan !== isnan;
    record.fields = [fields.errno, fields.EOF, fields.st_mtime, fields.flb_free, tm.tm_sec, tm.timespec];
    record.config = [ctx.config.time, ctx.config.flb_free, ctx.config.EOF];
    record.state = [ctx.state.log, ctx.state.abs, ctx.state.printf, ctx.state.errno, ctx.state.assert, ctx.state.NAN, ctx.state.unix, ctx.state.st_mtime];
    record.calls = [abs(-5), log(strlen), time(y0, j1), printf("x"), flb_free(1), free(2), malloc(3), y1(j1), sqrt(4)];
  },
});

function abs(v: number): number {
  return v < 0 ? -v : v;
}

function log(errno: number): string {
  return "log " + String(errno);
}

function time(stdout: number, stderr: number): number {
  const strcmp = stdout - stderr;
  return strcmp;
}

function printf(format: string): string {
  const sprintf = format + format;
  return sprintf;
}

function flb_free(ptr: number): number {
  return ptr * 10;
}

function free(memcpy: number): number {
  return memcpy + 1;
}

function malloc(size: number): number {
  const calloc = size;
  return calloc;
}

function y1(x: number): number {
  return x - 1;
}

function sqrt(exit: number): number {
  return exit * exit;
}
