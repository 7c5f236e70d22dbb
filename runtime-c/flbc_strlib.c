#include "flbc.h"

/*
 * flbc_strlib.c: the String methods beyond flbc_str.c's core (at, charAt,
 * split, padStart, replace, ...), on the same UTF-8 views with UTF-16
 * positions. The position helpers of flbc_str.c (flbc_str_offset,
 * flbc_str_units, flbc_str_find, ...) come before this file in the
 * amalgamation and are reused as they are.
 *
 * Results are views into the receiver where possible, else arena memory.
 */

/* The UTF-16 code unit at position pos (< length). */
static int32_t flbc_strlib_unit_at(flbc_str s, size_t pos)
{
    const uint8_t *p = (const uint8_t *) s.ptr;
    size_t off;
    bool mid;
    uint32_t cp;

    off = flbc_str_offset(s, pos, &mid);
    if (off >= s.len) {
        return -1;
    }
    if (p[off] < 0x80) {
        return p[off];
    }
    flbc_str_utf8_next(p + off, p + s.len, &cp);
    if (cp == FLBC_UTF8_INVALID) {
        return 0xfffd;
    }
    if (cp >= 0x10000) {
        return (int32_t) (mid ? 0xdc00 + ((cp - 0x10000) & 0x3ff)
                              : 0xd800 + ((cp - 0x10000) >> 10));
    }
    return (int32_t) cp;
}

/* ToIntegerOrInfinity of an index argument; absent (NAN) is 0. */
static double flbc_strlib_int(double d)
{
    return isnan(d) ? 0 : trunc(d);
}

FLBC_API flbc_str flbc_str_char_at(struct flbc_rt *rt, flbc_str s, double pos)
{
    double k = flbc_strlib_int(pos);

    if (k < 0 || k >= flbc_str_length(s)) {
        return FLBC_STR_EMPTY;
    }
    return flbc_str_slice(rt, s, k, k + 1);
}

FLBC_API flbc_val flbc_str_at(struct flbc_rt *rt, flbc_str s, double index)
{
    double len = flbc_str_length(s);
    double k = flbc_strlib_int(index);

    if (k < 0) {
        k += len;
    }
    if (k < 0 || k >= len) {
        return FLBC_VAL_UNDEF;
    }
    return flbc_val_str(flbc_str_slice(rt, s, k, k + 1));
}

FLBC_API double flbc_str_char_code_at(flbc_str s, double pos)
{
    double k = flbc_strlib_int(pos);

    if (k < 0 || k >= flbc_str_length(s)) {
        return NAN;
    }
    return flbc_strlib_unit_at(s, (size_t) k);
}

FLBC_API flbc_val flbc_str_code_point_at(flbc_str s, double pos)
{
    double len = flbc_str_length(s);
    double k = flbc_strlib_int(pos);
    int32_t hi;
    int32_t lo;

    if (k < 0 || k >= len) {
        return FLBC_VAL_UNDEF;
    }
    hi = flbc_strlib_unit_at(s, (size_t) k);
    if (hi >= 0xd800 && hi <= 0xdbff && k + 1 < len) {
        lo = flbc_strlib_unit_at(s, (size_t) k + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
            return flbc_val_num(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00));
        }
    }
    return flbc_val_num(hi);
}

FLBC_API double flbc_str_last_index_of(flbc_str s, flbc_str search, double pos)
{
    double len = flbc_str_length(s);
    double start = isnan(pos) ? len : trunc(pos);
    size_t limit;
    size_t i;
    bool mid;

    start = start <= 0 ? 0 : (start > len ? len : start); /* -0 too */
    if (search.len == 0) {
        return start;
    }
    /* A match may start at most at the character holding unit `start`. */
    limit = flbc_str_offset(s, (size_t) start, &mid);
    if (search.len > s.len) {
        return -1;
    }
    if (limit > s.len - search.len) {
        limit = s.len - search.len;
    }
    for (i = limit + 1; i-- > 0;) {
        if (s.ptr[i] == search.ptr[0] && memcmp(s.ptr + i, search.ptr, search.len) == 0) {
            return (double) flbc_str_units((const uint8_t *) s.ptr, i);
        }
    }
    return -1;
}

FLBC_API flbc_str flbc_str_substring(struct flbc_rt *rt, flbc_str s, double start, flbc_val end)
{
    double len = flbc_str_length(s);
    double a = flbc_strlib_int(start);
    double b = end.tag == FLBC_UNDEF ? len : flbc_strlib_int(flbc_num_from_val(rt, end));
    double t;

    a = a < 0 ? 0 : (a > len ? len : a);
    b = b < 0 ? 0 : (b > len ? len : b);
    if (a > b) {
        t = a;
        a = b;
        b = t;
    }
    return flbc_str_slice(rt, s, a, b);
}

FLBC_API flbc_arr *flbc_str_split(struct flbc_rt *rt, flbc_str s, flbc_val sep, flbc_val limit)
{
    uint32_t lim = limit.tag == FLBC_UNDEF ? UINT32_MAX
                                           : flbc_num_to_uint32(flbc_num_from_val(rt, limit));
    flbc_arr *out = flbc_arr_new(rt, 0);
    flbc_str r;
    size_t from = 0;
    size_t at;
    double len;
    double i;

    if (out == NULL || lim == 0) {
        return out;
    }
    if (sep.tag == FLBC_UNDEF) {
        flbc_arr_push(rt, out, flbc_val_str(s));
        return out;
    }
    r = flbc_val_to_str(rt, sep);
    if (r.len == 0) {
        /* Every UTF-16 unit on its own (a surrogate pair gives two). */
        len = flbc_str_length(s);
        for (i = 0; i < len && out->len < lim; i++) {
            flbc_arr_push(rt, out, flbc_val_str(flbc_str_slice(rt, s, i, i + 1)));
        }
        return out;
    }
    while (out->len < lim) {
        at = flbc_str_find(s, r, from);
        if (at == SIZE_MAX) {
            flbc_arr_push(rt, out, flbc_val_str((flbc_str) { s.ptr + from, s.len - from }));
            break;
        }
        flbc_arr_push(rt, out, flbc_val_str((flbc_str) { s.ptr + from, at - from }));
        from = at + r.len;
    }
    return out;
}

FLBC_API flbc_str flbc_str_trim_start(struct flbc_rt *rt, flbc_str s)
{
    flbc_str t = flbc_str_trim(rt, s);

    if (t.len == 0) {
        return FLBC_STR_EMPTY;
    }
    return (flbc_str) { t.ptr, s.len - (size_t) (t.ptr - s.ptr) };
}

FLBC_API flbc_str flbc_str_trim_end(struct flbc_rt *rt, flbc_str s)
{
    flbc_str t = flbc_str_trim(rt, s);

    if (t.len == 0) {
        return FLBC_STR_EMPTY;
    }
    return (flbc_str) { s.ptr, (size_t) (t.ptr - s.ptr) + t.len };
}

FLBC_API flbc_str flbc_str_repeat(struct flbc_rt *rt, flbc_str s, double count)
{
    double n = flbc_strlib_int(count);
    size_t total;
    size_t i;
    char *out;

    if (n < 0 || isinf(n)) {
        flbc_log(rt, FLBC_LOG_ERROR, "RangeError: Invalid count value: %g", count);
        return FLBC_STR_EMPTY;
    }
    if (n == 0 || s.len == 0) {
        return FLBC_STR_EMPTY;
    }
    if (n == 1) {
        return s;
    }
    if (n > (double) (SIZE_MAX / 2) / (double) s.len) {
        rt->arena.failed = true;
        return FLBC_STR_EMPTY;
    }
    total = (size_t) n * s.len;
    out = flbc_alloc(&rt->arena, total);
    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    for (i = 0; i < (size_t) n; i++) {
        memcpy(out + i * s.len, s.ptr, s.len);
    }
    return (flbc_str) { out, total };
}

/* padStart / padEnd: the filler repeated and cut to the missing units. */
static flbc_str flbc_strlib_pad(struct flbc_rt *rt, flbc_str s, double max_len, flbc_val fill,
                                bool at_start)
{
    double len = flbc_str_length(s);
    double target = isnan(max_len) ? 0 : trunc(max_len);
    flbc_str filler = fill.tag == FLBC_UNDEF ? FLBC_STR(" ") : flbc_val_to_str(rt, fill);
    flbc_str pad;
    flbc_str parts[2];
    double fill_len;
    double missing;

    if (target <= len || filler.len == 0) {
        return s;
    }
    missing = target - len;
    fill_len = flbc_str_length(filler);
    pad = flbc_str_repeat(rt, filler, ceil(missing / fill_len));
    pad = flbc_str_slice(rt, pad, 0, missing);
    parts[at_start ? 0 : 1] = pad;
    parts[at_start ? 1 : 0] = s;
    return flbc_str_concat_n(rt, 2, parts);
}

FLBC_API flbc_str flbc_str_pad_start(struct flbc_rt *rt, flbc_str s, double max_len, flbc_val fill)
{
    return flbc_strlib_pad(rt, s, max_len, fill, true);
}

FLBC_API flbc_str flbc_str_pad_end(struct flbc_rt *rt, flbc_str s, double max_len, flbc_val fill)
{
    return flbc_strlib_pad(rt, s, max_len, fill, false);
}

/* GetSubstitution for a string pattern (no captures): appends the
 * expansion of repl for the match [at, at + n) of s to out. */
static void flbc_strlib_substitute(flbc_buf *out, flbc_str s, size_t at, size_t n,
                                   flbc_str repl)
{
    size_t i;
    size_t lit = 0;                    /* start of the pending literal run */

    for (i = 0; i + 1 < repl.len; i++) {
        const char *text = NULL;
        size_t len = 0;

        if (repl.ptr[i] != '$') {
            continue;
        }
        switch (repl.ptr[i + 1]) {
        case '$':
            text = "$";
            len = 1;
            break;
        case '&':
            text = s.ptr + at;
            len = n;
            break;
        case '`':
            text = s.ptr;
            len = at;
            break;
        case '\'':
            text = s.ptr + at + n;
            len = s.len - at - n;
            break;
        default:
            continue;                  /* $1, $<x>, lone $: literal */
        }
        flbc_buf_append(out, repl.ptr + lit, i - lit);
        if (len > 0) {
            flbc_buf_append(out, text, len);
        }
        i++;
        lit = i + 1;
    }
    flbc_buf_append(out, repl.ptr + lit, repl.len - lit);
}

/* The buffer's bytes as an arena string; the buffer is freed. */
static flbc_str flbc_strlib_take(struct flbc_rt *rt, flbc_buf *b)
{
    flbc_str out = FLBC_STR_EMPTY;
    char *p;

    if (b->failed) {
        rt->arena.failed = true;
    }
    else if (b->len > 0) {
        p = flbc_alloc(&rt->arena, b->len);
        if (p != NULL) {
            memcpy(p, b->data, b->len);
            out = (flbc_str) { p, b->len };
        }
    }
    flbc_buf_free(b);
    return out;
}

static bool flbc_strlib_plain(flbc_str repl)
{
    return memchr(repl.ptr, '$', repl.len) == NULL;
}

FLBC_API flbc_str flbc_str_replace(struct flbc_rt *rt, flbc_str s, flbc_str search, flbc_str repl)
{
    size_t at = search.len == 0 ? 0 : flbc_str_find(s, search, 0);
    flbc_buf b = { 0 };
    flbc_str parts[3];

    if (at == SIZE_MAX) {
        return s;
    }
    if (repl.len == 0 || flbc_strlib_plain(repl)) {
        parts[0] = (flbc_str) { s.ptr, at };
        parts[1] = repl;
        parts[2] = (flbc_str) { s.ptr + at + search.len, s.len - at - search.len };
        return flbc_str_concat_n(rt, 3, parts);
    }
    flbc_buf_append(&b, s.ptr, at);
    flbc_strlib_substitute(&b, s, at, search.len, repl);
    flbc_buf_append(&b, s.ptr + at + search.len, s.len - at - search.len);
    return flbc_strlib_take(rt, &b);
}

FLBC_API flbc_str flbc_str_replace_all(struct flbc_rt *rt, flbc_str s, flbc_str search,
                                       flbc_str repl)
{
    flbc_buf b = { 0 };
    size_t from = 0;
    size_t at;
    double len;
    double i;

    if (search.len == 0) {
        /* A match before every UTF-16 unit and at the end. */
        len = flbc_str_length(s);
        for (i = 0; i <= len; i++) {
            flbc_str unit = flbc_str_slice(rt, s, i, i + 1);
            bool mid = false;
            /* Inside a pair, $` and $' take the pair's start (a view cannot
             * cut it): docs/builtins.md. */
            size_t off = flbc_str_offset(s, (size_t) i, &mid);

            flbc_strlib_substitute(&b, s, off, 0, repl);
            flbc_buf_append(&b, unit.ptr, unit.len);
        }
        return flbc_strlib_take(rt, &b);
    }
    at = flbc_str_find(s, search, 0);
    if (at == SIZE_MAX) {
        return s;
    }
    while (at != SIZE_MAX) {
        flbc_buf_append(&b, s.ptr + from, at - from);
        flbc_strlib_substitute(&b, s, at, search.len, repl);
        from = at + search.len;
        at = flbc_str_find(s, search, from);
    }
    flbc_buf_append(&b, s.ptr + from, s.len - from);
    return flbc_strlib_take(rt, &b);
}

FLBC_API double flbc_str_locale_compare(flbc_str s, flbc_str other)
{
    int c = flbc_str_cmp(s, other);

    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

FLBC_API flbc_str flbc_str_concat_rest(struct flbc_rt *rt, flbc_str s, uint32_t n,
                                       const flbc_str *more)
{
    flbc_str *parts;

    if (n == 0) {
        return s;
    }
    parts = flbc_alloc(&rt->arena, ((size_t) n + 1) * sizeof(flbc_str));
    if (parts == NULL) {
        return FLBC_STR_EMPTY;
    }
    parts[0] = s;
    memcpy(parts + 1, more, n * sizeof(flbc_str));
    return flbc_str_concat_n(rt, (size_t) n + 1, parts);
}

FLBC_API flbc_str flbc_str_from_char_code(struct flbc_rt *rt, uint32_t n, const double *codes)
{
    uint8_t *out = flbc_alloc(&rt->arena, (size_t) n * 3 + 1);
    size_t len = 0;
    uint32_t i;

    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    for (i = 0; i < n; i++) {
        uint32_t u = flbc_num_to_uint32(codes[i]) & 0xffff;
        uint32_t lo;

        if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
            lo = flbc_num_to_uint32(codes[i + 1]) & 0xffff;
            if (lo >= 0xdc00 && lo <= 0xdfff) {
                /* A pair is one character: 4 bytes of UTF-8. */
                u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                i++;
            }
        }
        len += flbc_str_utf8_put(u, out + len);
    }
    return (flbc_str) { (const char *) out, len };
}

FLBC_API flbc_str flbc_str_from_code_point(struct flbc_rt *rt, uint32_t n, const double *cps)
{
    uint8_t *out = flbc_alloc(&rt->arena, (size_t) n * 4 + 1);
    size_t len = 0;
    uint32_t i;

    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    for (i = 0; i < n; i++) {
        if (!(cps[i] >= 0 && cps[i] <= 0x10ffff && cps[i] == trunc(cps[i]))) {
            flbc_log(rt, FLBC_LOG_ERROR, "RangeError: Invalid code point %g", cps[i]);
            return FLBC_STR_EMPTY;
        }
        len += flbc_str_utf8_put((uint32_t) cps[i], out + len);
    }
    return (flbc_str) { (const char *) out, len };
}
