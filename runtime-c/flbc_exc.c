#include "flbc.h"

/*
 * flbc_exc.c: JavaScript exceptions without unwinding.
 *
 * `throw` stores the value in the runtime context and generated code jumps
 * (goto) to the innermost catch, or to the end of its function; after a
 * call to a function that may throw, it tests rt->thrown. Nothing crosses
 * Fluent Bit's frames: an exception that leaves a plugin callback is logged
 * here and the callback fails open (the record is kept as it was).
 */

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
