#include "flbc.h"

#include <stdio.h>

/*
 * flbc_console.c: console.log for debugging a plugin locally. One line on
 * stdout per call: strings as they are, numbers, booleans, null and
 * undefined as Node prints them (-0 included), arrays and objects as their
 * JSON text with a bigint written as Node writes it, `[1n]` (Node's
 * util.inspect would print `[ 1n ]`; see docs/builtins.md). Under Fluent
 * Bit stdout is the service's own.
 */

/* An array or object as JSON text, but a bigint inside as its digits and
 * "n": JSON has none, and console.log([1n]) prints rather than throws.
 * Holes and undefined items are null, undefined values are left out, as
 * JSON.stringify does; only what the plugin built can hold a bigint. */
static void flbc_console_json(struct flbc_rt *rt, flbc_buf *b, flbc_val v, int depth)
{
    flbc_str text;
    uint32_t i;
    bool first = true;

    if (v.tag == FLBC_BIGINT) {
        text = flbc_big_to_str(rt, v.u.i);
        flbc_buf_append(b, text.ptr, text.len);
        flbc_buf_append(b, "n", 1);
        return;
    }
    if (!flbc_val_has_big(v, depth)) {
        text = v.tag == FLBC_UNDEF ? FLBC_STR("null") : flbc_val_to_json(rt, v);
        flbc_buf_append(b, text.ptr, text.len);
        return;
    }
    if (v.tag == FLBC_ARR) {
        flbc_buf_append(b, "[", 1);
        for (i = 0; i < v.u.arr->len; i++) {
            if (i > 0) {
                flbc_buf_append(b, ",", 1);
            }
            flbc_console_json(rt, b, v.u.arr->items[i], depth + 1);
        }
        flbc_buf_append(b, "]", 1);
        return;
    }
    /* A plain object: flbc_val_has_big looks into no other. */
    flbc_buf_append(b, "{", 1);
    for (i = 0; i < v.u.obj->len; i++) {
        if (v.u.obj->vals[i].tag == FLBC_UNDEF) {
            continue;
        }
        if (!first) {
            flbc_buf_append(b, ",", 1);
        }
        first = false;
        text = flbc_val_to_json(rt, flbc_val_str(v.u.obj->keys[i]));
        flbc_buf_append(b, text.ptr, text.len);
        flbc_buf_append(b, ":", 1);
        flbc_console_json(rt, b, v.u.obj->vals[i], depth + 1);
    }
    flbc_buf_append(b, "}", 1);
}

FLBC_API void flbc_console_log(struct flbc_rt *rt, uint32_t n, const flbc_val *items)
{
    flbc_buf b = { 0 };
    char num[32];
    uint32_t i;

    for (i = 0; i < n; i++) {
        flbc_val v = items[i];
        flbc_str text;
        double d;

        if (i > 0) {
            flbc_buf_append(&b, " ", 1);
        }
        switch (v.tag) {
        case FLBC_STR:
            text = v.u.s;
            break;
        case FLBC_UNDEF:
            text = FLBC_STR("undefined");
            break;
        case FLBC_INT:
        case FLBC_FLOAT:
            d = flbc_val_to_num(v);
            if (d == 0 && signbit(d)) {
                text = FLBC_STR("-0");
            }
            else {
                text = (flbc_str) { num, flbc_num_format(d, num) };
            }
            break;
        case FLBC_BIGINT:                    /* Node prints a bigint as 5n */
        case FLBC_ARR:
        case FLBC_MAP:
            flbc_console_json(rt, &b, v, 0);
            text = FLBC_STR_EMPTY;           /* written */
            break;
        default:
            text = flbc_val_to_str(rt, v);   /* null, booleans */
            break;
        }
        flbc_buf_append(&b, text.ptr, text.len);
    }
    flbc_buf_append(&b, "\n", 1);
    if (!b.failed) {
        fwrite(b.data, 1, b.len, stdout);
    }
    flbc_buf_free(&b);
}
