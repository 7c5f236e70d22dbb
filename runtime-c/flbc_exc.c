#include "flbc.h"

#include <stdarg.h>
#include <stdio.h>

/*
 * flbc_exc.c: JavaScript exceptions without unwinding.
 *
 * `throw` stores the value in the runtime context and generated code jumps
 * (goto) to the innermost catch, or to the end of its function; after a
 * call to a function that may throw, it tests rt->thrown. Nothing crosses
 * Fluent Bit's frames: an exception that leaves a plugin callback is logged
 * here and the callback fails open (the record is kept as it was).
 *
 * The runtime throws too: an I/O call that fails (ctx.file, ctx.http,
 * ctx.tcp) throws an Error named "IoError", which a flush that does not
 * catch it turns into "retry" (flbc_flush_uncaught in flbc_out.c).
 */

/* Longest message of an exception the runtime throws. */
#define FLBC_EXC_MESSAGE_MAX 512

FLBC_API void flbc_throw(struct flbc_rt *rt, flbc_val v)
{
    rt->thrown = true;
    rt->exc = v;
}

FLBC_API flbc_val flbc_catch(struct flbc_rt *rt)
{
    flbc_val v = rt->exc;

    rt->thrown = false;
    rt->exc = FLBC_VAL_UNDEF;
    return v;
}

FLBC_API flbc_val flbc_error_new(struct flbc_rt *rt, flbc_str name, flbc_str message)
{
    flbc_str keys[2];
    flbc_val vals[2];
    flbc_val v;

    keys[0] = FLBC_STR("name");
    vals[0] = flbc_val_str(name);
    keys[1] = FLBC_STR("message");
    vals[1] = flbc_val_str(message);
    v = flbc_obj_of(rt, 2, keys, vals);
    if (v.tag == FLBC_MAP && v.u.obj != NULL) {
        v.u.obj->kind = FLBC_OBJ_ERROR;
    }
    return v;
}

FLBC_API bool flbc_val_is_error(flbc_val v)
{
    return v.tag == FLBC_MAP && v.raw == NULL && v.u.obj != NULL && v.u.obj->kind == FLBC_OBJ_ERROR;
}

/* What Node's reference engine prints: an Error's message, else String(v). */
FLBC_API flbc_str flbc_exc_text(struct flbc_rt *rt, flbc_val v)
{
    flbc_val message = flbc_val_get(v, FLBC_STR("message"));

    if (message.tag == FLBC_STR) {
        return message.u.s;
    }
    return flbc_val_to_str(rt, v);
}

FLBC_API void flbc_log_uncaught(struct flbc_rt *rt)
{
    flbc_val v = flbc_catch(rt);

    flbc_log_str(rt, FLBC_LOG_ERROR, flbc_exc_text(rt, v));
}

FLBC_API void flbc_throw_new(struct flbc_rt *rt, flbc_str name, const char *fmt, ...)
{
    char msg[FLBC_EXC_MESSAGE_MAX];
    char *copy;
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (n < 0) {
        n = 0;
    }
    if ((size_t) n >= sizeof(msg)) {
        n = (int) sizeof(msg) - 1;
        memcpy(msg + n - 3, "...", 3);
    }
    /* Out of arena memory, the exception still flies with an empty message. */
    copy = flbc_alloc(&rt->arena, (size_t) n + 1);
    if (copy != NULL) {
        memcpy(copy, msg, (size_t) n + 1);
    }
    flbc_throw(rt, flbc_error_new(rt, name, copy != NULL ? (flbc_str) { copy, (size_t) n }
                                                          : FLBC_STR_EMPTY));
}

FLBC_API bool flbc_val_is_io_error(flbc_val v)
{
    return flbc_val_is_error(v) && flbc_val_eq_str(flbc_val_get(v, FLBC_STR("name")),
                                                   FLBC_STR("IoError"));
}
