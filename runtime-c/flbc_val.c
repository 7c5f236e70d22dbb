#include "flbc.h"

#include <stdio.h>

/*
 * flbc_val.c: dynamic values (`Value` in the plugin API) with JavaScript's
 * semantics. INT and FLOAT are both JavaScript numbers: every comparison
 * and conversion goes through double, as JavaScript would have read them.
 */

FLBC_API flbc_val flbc_val_num(double d)
{
    flbc_val v = { 0 };

    if (flbc_num_is_int64(d)) {
        v.tag = FLBC_INT;
        v.u.i = (int64_t) d;
    }
    else {
        v.tag = FLBC_FLOAT;
        v.u.d = d;
    }
    return v;
}

FLBC_API flbc_val flbc_val_str(flbc_str s)
{
    flbc_val v = { 0 };

    v.tag = FLBC_STR;
    v.u.s = s;
    return v;
}

FLBC_API flbc_val flbc_val_bool(bool b)
{
    flbc_val v = { 0 };

    v.tag = FLBC_BOOL;
    v.u.b = b;
    return v;
}

/* A uint64 above INT64_MAX, which flbc_mp_read leaves OPAQUE. */
static bool flbc_val_big_uint(flbc_val v, double *d)
{
    uint64_t u = 0;
    int i;

    if (v.tag != FLBC_OPAQUE || v.raw == NULL || v.raw_len != 9 || v.raw[0] != 0xcf) {
        return false;
    }
    for (i = 1; i < 9; i++) {
        u = (u << 8) | v.raw[i];
    }
    *d = (double) u;
    return true;
}

FLBC_API double flbc_val_to_num(flbc_val v)
{
    double d;

    if (v.tag == FLBC_INT) {
        return (double) v.u.i;
    }
    if (v.tag == FLBC_FLOAT) {
        return v.u.d;
    }
    if (flbc_val_big_uint(v, &d)) {
        return d;
    }
    return 0;
}

FLBC_API flbc_str flbc_val_as_str(flbc_val v)
{
    return v.tag == FLBC_STR ? v.u.s : FLBC_STR_EMPTY;
}

FLBC_API bool flbc_val_as_bool(flbc_val v)
{
    return v.tag == FLBC_BOOL ? v.u.b : false;
}

FLBC_API bool flbc_val_truthy(flbc_val v)
{
    switch (v.tag) {
    case FLBC_UNDEF:
    case FLBC_NULL:
        return false;
    case FLBC_BOOL:
        return v.u.b;
    case FLBC_INT:
    case FLBC_BIGINT:
        return v.u.i != 0;
    case FLBC_FLOAT:
        return v.u.d != 0 && !isnan(v.u.d);  /* 0, -0 and NaN are falsy */
    case FLBC_STR:
        return v.u.s.len > 0;
    default:
        return true;                         /* objects */
    }
}

FLBC_API bool flbc_val_strict_eq(flbc_val a, flbc_val b)
{
    if (flbc_val_is_num(a) && flbc_val_is_num(b)) {
        return flbc_val_to_num(a) == flbc_val_to_num(b);    /* NaN !== NaN */
    }
    if (a.tag != b.tag) {
        return false;
    }
    switch (a.tag) {
    case FLBC_UNDEF:
    case FLBC_NULL:
        return true;
    case FLBC_BOOL:
        return a.u.b == b.u.b;
    case FLBC_BIGINT:
        return a.u.i == b.u.i;
    case FLBC_STR:
        return flbc_str_eq(a.u.s, b.u.s);
    default:
        /* Objects compare by identity: the same bytes of the same chunk,
         * or the same object built by the plugin. */
        if (a.raw != NULL || b.raw != NULL) {
            return a.raw == b.raw;
        }
        return a.tag == FLBC_ARR ? a.u.arr == b.u.arr : a.u.obj == b.u.obj;
    }
}

FLBC_API bool flbc_val_eq_str(flbc_val v, flbc_str s)
{
    return v.tag == FLBC_STR && flbc_str_eq(v.u.s, s);
}

FLBC_API bool flbc_val_eq_num(flbc_val v, double d)
{
    return flbc_val_is_num(v) && flbc_val_to_num(v) == d;
}

FLBC_API flbc_str flbc_val_typeof(flbc_val v)
{
    switch (v.tag) {
    case FLBC_UNDEF:
        return FLBC_STR("undefined");
    case FLBC_BOOL:
        return FLBC_STR("boolean");
    case FLBC_INT:
    case FLBC_FLOAT:
        return FLBC_STR("number");
    case FLBC_BIGINT:
        return FLBC_STR("bigint");
    case FLBC_STR:
        return FLBC_STR("string");
    default:
        return FLBC_STR("object");           /* null, arrays, maps, opaque */
    }
}

/* Appends String(v) of one array element (Array.prototype.join's rules:
 * null and undefined print as ""). */
static void flbc_val_join(flbc_buf *out, const uint8_t *p, const uint8_t *end, int depth);

static void flbc_val_print(flbc_buf *out, flbc_val v, int depth)
{
    char num[32];
    size_t n;
    double d;

    switch (v.tag) {
    case FLBC_UNDEF:
    case FLBC_NULL:
        return;
    case FLBC_BOOL:
        if (v.u.b) {
            flbc_buf_append(out, "true", 4);
        }
        else {
            flbc_buf_append(out, "false", 5);
        }
        return;
    case FLBC_INT:
    case FLBC_FLOAT:
        n = flbc_num_format(flbc_val_to_num(v), num);
        flbc_buf_append(out, num, n);
        return;
    case FLBC_BIGINT:
        flbc_buf_append(out, num, (size_t) snprintf(num, sizeof(num), "%lld", (long long) v.u.i));
        return;
    case FLBC_STR:
        flbc_buf_append(out, v.u.s.ptr, v.u.s.len);
        return;
    case FLBC_ARR:
        if (v.raw != NULL) {
            flbc_val_join(out, v.raw, v.raw + v.raw_len, depth + 1);
        }
        else if (v.u.arr != NULL && depth < FLBC_MAX_DEPTH) {
            /* An array the plugin built: same text as a raw one. */
            uint32_t i;

            for (i = 0; i < v.u.arr->len; i++) {
                if (i > 0) {
                    flbc_buf_append(out, ",", 1);
                }
                flbc_val_print(out, v.u.arr->items[i], depth + 1);
            }
        }
        return;
    default:
        if (flbc_val_big_uint(v, &d)) {
            n = flbc_num_format(d, num);
            flbc_buf_append(out, num, n);
            return;
        }
        flbc_buf_append(out, "[object Object]", 15);
        return;
    }
}

static void flbc_val_join(flbc_buf *out, const uint8_t *p, const uint8_t *end, int depth)
{
    uint32_t n;
    uint32_t i;
    flbc_val elem;

    if (depth > FLBC_MAX_DEPTH) {
        return;
    }
    p = flbc_mp_read_array(p, end, &n);
    for (i = 0; p != NULL && i < n; i++) {
        if (i > 0) {
            flbc_buf_append(out, ",", 1);
        }
        p = flbc_mp_read(p, end, &elem);
        if (p != NULL) {
            flbc_val_print(out, elem, depth);
        }
    }
}

FLBC_API flbc_str flbc_val_to_str(struct flbc_rt *rt, flbc_val v)
{
    flbc_buf tmp = { 0 };
    char *s;
    size_t n;

    switch (v.tag) {
    case FLBC_UNDEF:
        return FLBC_STR("undefined");
    case FLBC_NULL:
        return FLBC_STR("null");
    case FLBC_BOOL:
        return v.u.b ? FLBC_STR("true") : FLBC_STR("false");
    case FLBC_INT:
    case FLBC_FLOAT:
        return flbc_num_to_str(rt, flbc_val_to_num(v));
    case FLBC_BIGINT:
        return flbc_big_to_str(rt, v.u.i);
    case FLBC_STR:
        return v.u.s;
    case FLBC_MAP:
        if (flbc_val_is_error(v)) {
            /* Error.prototype.toString: "name: message", or the name alone. */
            flbc_str name = flbc_val_as_str(flbc_val_get(v, FLBC_STR("name")));
            flbc_str message = flbc_val_as_str(flbc_val_get(v, FLBC_STR("message")));

            if (message.len == 0) {
                return name;
            }
            return flbc_str_concat_n(rt, 3, (flbc_str[]) { name, FLBC_STR(": "), message });
        }
        if (v.raw == NULL && v.u.obj != NULL && v.u.obj->kind == FLBC_OBJ_MAP) {
            return FLBC_STR("[object Map]");
        }
        if (v.raw == NULL && v.u.obj != NULL && v.u.obj->kind == FLBC_OBJ_SET) {
            return FLBC_STR("[object Set]");
        }
        return FLBC_STR("[object Object]");
    default:
        break;
    }
    /* Arrays (and big integers): print into a heap buffer, then move the
     * text into the arena so it lives exactly as long as other temporaries. */
    flbc_val_print(&tmp, v, 0);
    if (tmp.failed) {
        flbc_buf_free(&tmp);
        rt->arena.failed = true;
        return FLBC_STR_EMPTY;
    }
    n = tmp.len;
    if (n == 0) {
        flbc_buf_free(&tmp);
        return FLBC_STR_EMPTY;
    }
    s = flbc_alloc(&rt->arena, n);
    if (s != NULL) {
        memcpy(s, tmp.data, n);
    }
    flbc_buf_free(&tmp);
    return s != NULL ? (flbc_str) { s, n } : FLBC_STR_EMPTY;
}
