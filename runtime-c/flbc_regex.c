#include "flbc.h"

/*
 * flbc_regex.c: the String and RegExp methods of plugin code, as Values,
 * on top of the matcher in flbc_re.c (which works in byte spans).
 *
 * A regex in plugin code is a compile-time constant (the flbc_re_prog that
 * flbc generates for the literal), so `lastIndex` does not persist between
 * calls: every test/exec/match starts at index 0 (see docs/regex.md).
 */

/* The captures of m as an array of strings (undefined for groups that did
 * not take part), the shape of exec()'s result. */
static flbc_val flbc_regex_captures(struct flbc_rt *rt, flbc_str s, const flbc_re_match *m)
{
    flbc_arr *a = flbc_arr_new(rt, m->ngroups);
    uint32_t i;

    for (i = 0; a != NULL && i < m->ngroups; i++) {
        flbc_str g;

        flbc_arr_push(rt, a, flbc_re_group(s, m, i, &g) ? flbc_val_str(g) : FLBC_VAL_UNDEF);
    }
    return a == NULL ? FLBC_VAL_NULL : flbc_val_arr(a);
}

/* re.exec(s) and s.match(re) without g: the captures, or null. */
FLBC_API flbc_val flbc_regex_exec(struct flbc_rt *rt, const flbc_re_prog *re, flbc_str s)
{
    flbc_re_match m;

    if (!flbc_re_exec(rt, re, s, 0, &m)) {
        return FLBC_VAL_NULL;
    }
    return flbc_regex_captures(rt, s, &m);
}

/* s.match(re): with g every matched text (null when none), else exec(). */
FLBC_API flbc_val flbc_regex_match(struct flbc_rt *rt, const flbc_re_prog *re, flbc_str s)
{
    flbc_str *texts = NULL;
    flbc_arr *a;
    size_t n;
    size_t i;

    if ((re->flags & FLBC_RE_GLOBAL) == 0) {
        return flbc_regex_exec(rt, re, s);
    }
    n = flbc_re_match_all_text(rt, re, s, &texts);
    if (n == 0 || n == (size_t) -1) {
        return FLBC_VAL_NULL;
    }
    a = flbc_arr_new(rt, (uint32_t) n);
    for (i = 0; a != NULL && i < n; i++) {
        flbc_arr_push(rt, a, flbc_val_str(texts[i]));
    }
    return a == NULL ? FLBC_VAL_NULL : flbc_val_arr(a);
}

/* s.search(re): the UTF-16 index of the first match, or -1. */
FLBC_API double flbc_regex_search(struct flbc_rt *rt, const flbc_re_prog *re, flbc_str s)
{
    flbc_re_match m;

    if (!flbc_re_exec(rt, re, s, 0, &m)) {
        return -1;
    }
    return flbc_re_u16_index(s, (size_t) m.span[0]);
}

/* s.split(re, limit): NAN for an absent limit. */
FLBC_API flbc_arr *flbc_regex_split(struct flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                    double limit)
{
    flbc_val *items = NULL;
    int64_t lim = -1;
    size_t n;

    /* ToUint32(limit), as String.prototype.split does. */
    if (!isnan(limit) && isfinite(limit)) {
        lim = (int64_t) fmod(trunc(limit), 4294967296.0);
        if (lim < 0) {
            lim += 4294967296LL;
        }
    }
    else if (!isnan(limit)) {
        lim = 0;
    }
    n = flbc_re_split(rt, re, s, lim, &items);
    if (n == (size_t) -1) {
        return flbc_arr_new(rt, 0);
    }
    return flbc_arr_of(rt, (uint32_t) n, items);
}

/* s.matchAll(re): each match's captures (as exec gives them), in order. */
FLBC_API flbc_arr *flbc_regex_match_all(struct flbc_rt *rt, const flbc_re_prog *re, flbc_str s)
{
    flbc_arr *all = flbc_arr_new(rt, 0);
    flbc_re_match m;
    size_t pos = 0;

    while (all != NULL && flbc_re_next(rt, re, s, &pos, &m)) {
        flbc_arr_push(rt, all, flbc_regex_captures(rt, s, &m));
    }
    return all;
}

/* Group i of m as a Value: the text, or undefined when it did not take part. */
FLBC_API flbc_val flbc_regex_group_val(flbc_str s, const flbc_re_match *m, uint32_t i)
{
    flbc_str g;

    return flbc_re_group(s, m, i, &g) ? flbc_val_str(g) : FLBC_VAL_UNDEF;
}

/* The bytes of s in [from, to): what lies between matches. */
FLBC_API flbc_str flbc_regex_between(flbc_str s, size_t from, size_t to)
{
    if (from > s.len) {
        from = s.len;
    }
    if (to > s.len || to < from) {
        to = from;
    }
    return (flbc_str) { s.ptr + from, to - from };
}

FLBC_API flbc_val flbc_regex_exec_last(struct flbc_rt *rt, const flbc_re_prog *re, flbc_str s,
                                       double *last_index)
{
    flbc_re_match m;

    if (!flbc_re_exec_last(rt, re, s, last_index, &m)) {
        return FLBC_VAL_NULL;
    }
    return flbc_regex_captures(rt, s, &m);
}
