/*
 * Differential harness: test/runtime.test.ts writes one JSON array per line
 * ([op, args...]), this program answers one JSON value per line, and the
 * test compares the answers with what Node computes for the same calls.
 * Positions given as null are "absent" (NAN).
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLBC_MALLOC(n)     malloc(n)
#define FLBC_REALLOC(p, n) realloc((p), (n))
#define FLBC_FREE(p)       free(p)
#include "flbc_rt.h"

static double arg_num(flbc_val v)
{
    return v.tag == FLBC_NULL ? NAN : flbc_val_to_num(v);
}

static void put_str(flbc_buf *out, flbc_str s)
{
    flbc_buf mp = { 0 };

    flbc_mp_write_str(&mp, s);
    flbc_mp_to_json(mp.data, mp.data + mp.len, out, 0);
    flbc_buf_free(&mp);
}

/* Small integral results (lengths, indices, comparisons). */
static void put_num(flbc_buf *out, double d)
{
    char text[32];

    flbc_buf_append(out, text, flbc_num_format(d, text));
}

static void put_bool(flbc_buf *out, bool b)
{
    flbc_buf_append(out, b ? "true" : "false", b ? 4 : 5);
}

int main(void)
{
    static char line[1 << 16];
    flbc_rt rt;
    flbc_buf out = { 0 };
    flbc_buf mp = { 0 };
    flbc_buf tmp = { 0 };
    flbc_val a[6];
    const uint8_t *p;
    uint32_t n;
    uint32_t i;
    size_t len;
    char bits[40];
    double d;
    uint64_t u;
    int c;

    flbc_rt_init(&rt, NULL, NULL);
    while (fgets(line, sizeof(line), stdin) != NULL) {
        len = strlen(line);
        if (len > 0 && line[len - 1] == '\n') {
            len--;
        }
        mp.len = 0;
        out.len = 0;
        memset(a, 0, sizeof(a));
        if (!flbc_json_to_mp(line, len, &mp, NULL) ||
            (p = flbc_mp_read_array(mp.data, mp.data + mp.len, &n)) == NULL) {
            flbc_buf_append(&out, "\"bad input\"", 11);
            n = 0;
        }
        for (i = 0; i < n && i < 6; i++) {
            p = flbc_mp_read(p, mp.data + mp.len, &a[i]);
        }
        if (n == 0) {
            /* already answered */
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("num"))) {
            /* The double comes as its bits in hex: exact, -0 and NaN too. */
            snprintf(bits, sizeof(bits), "%.*s", (int) a[1].u.s.len, a[1].u.s.ptr);
            u = strtoull(bits, NULL, 16);
            memcpy(&d, &u, 8);
            put_str(&out, (flbc_str) { bits, flbc_num_format(d, bits) });
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("tonum"))) {
            d = flbc_str_to_num(a[1].u.s);
            memcpy(&u, &d, 8);
            snprintf(bits, sizeof(bits), "%016llx", isnan(d) ? 0x7ff8000000000000ULL
                                                             : (unsigned long long) u);
            put_str(&out, (flbc_str) { bits, 16 });
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("len"))) {
            put_num(&out, flbc_str_length(a[1].u.s));
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("slice"))) {
            put_str(&out, flbc_str_slice(&rt, a[1].u.s, arg_num(a[2]), arg_num(a[3])));
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("indexOf"))) {
            put_num(&out, flbc_str_index_of(a[1].u.s, a[2].u.s, arg_num(a[3])));
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("startsWith"))) {
            put_bool(&out, flbc_str_starts_with(a[1].u.s, a[2].u.s, arg_num(a[3])));
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("endsWith"))) {
            put_bool(&out, flbc_str_ends_with(a[1].u.s, a[2].u.s, arg_num(a[3])));
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("includes"))) {
            put_bool(&out, flbc_str_includes(a[1].u.s, a[2].u.s, arg_num(a[3])));
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("upper"))) {
            put_str(&out, flbc_str_to_upper(&rt, a[1].u.s));
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("lower"))) {
            put_str(&out, flbc_str_to_lower(&rt, a[1].u.s));
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("trim"))) {
            put_str(&out, flbc_str_trim(&rt, a[1].u.s));
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("cmp"))) {
            c = flbc_str_cmp(a[1].u.s, a[2].u.s);
            put_num(&out, c < 0 ? -1 : c > 0);
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("tostr"))) {
            /* String(JSON.parse(text)) */
            flbc_val v;

            tmp.len = 0;
            if (flbc_json_to_mp(a[1].u.s.ptr, a[1].u.s.len, &tmp, NULL) &&
                flbc_mp_read(tmp.data, tmp.data + tmp.len, &v) != NULL) {
                put_str(&out, flbc_val_to_str(&rt, v));
            }
            else {
                flbc_buf_append(&out, "null", 4);
            }
        }
        else if (flbc_val_eq_str(a[0], FLBC_STR("json"))) {
            tmp.len = 0;
            if (flbc_json_to_mp(a[1].u.s.ptr, a[1].u.s.len, &tmp, NULL)) {
                flbc_buf text = { 0 };

                flbc_mp_to_json(tmp.data, tmp.data + tmp.len, &text, 0);
                put_str(&out, (flbc_str) { (const char *) text.data, text.len });
                flbc_buf_free(&text);
            }
            else {
                flbc_buf_append(&out, "null", 4);
            }
        }
        else {
            flbc_buf_append(&out, "\"unknown op\"", 12);
        }
        flbc_buf_append(&out, "\n", 1);
        fwrite(out.data, 1, out.len, stdout);
        flbc_arena_reset(&rt.arena);
    }
    flbc_buf_free(&out);
    flbc_buf_free(&mp);
    flbc_buf_free(&tmp);
    flbc_rt_free(&rt);
    return 0;
}
