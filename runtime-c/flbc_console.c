#include "flbc.h"

#include <stdio.h>

/*
 * flbc_console.c: console.log for debugging a plugin locally. One line on
 * stdout per call: strings as they are, numbers, booleans, null and
 * undefined as Node prints them (-0 included), arrays and objects as their
 * JSON text (Node's util.inspect would print `[ 1, 2 ]`; see
 * docs/builtins.md). Under Fluent Bit stdout is the service's own.
 */

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
        case FLBC_BIGINT:
            /* Node prints a bigint with its suffix: 5n. */
            text = flbc_str_concat(rt, flbc_big_to_str(rt, v.u.i), FLBC_STR("n"));
            break;
        case FLBC_ARR:
        case FLBC_MAP:
            text = flbc_val_to_json(rt, v);
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
