#include "flbc.h"

/*
 * flbc_arrlib.c: the Array methods without callbacks (push, splice, flat,
 * sort, ...) on arena arrays. Callback methods (map, filter, ...) are
 * lowered inline by the compiler; sorting with a comparator comes here as
 * a C comparison function (flbc_arr_sort_with).
 *
 * Index arguments follow JavaScript's relative-index rules; a NULL array
 * (an allocation failed earlier) behaves as an empty one.
 */

/* ToIntegerOrInfinity, NaN (absent) being 0. */
static double flbc_arrlib_int(double d)
{
    return isnan(d) ? 0 : trunc(d);
}

/* A relative index (negative counts from the end) clamped to [0, len]. */
static uint32_t flbc_arrlib_rel(double d, uint32_t len)
{
    d = flbc_arrlib_int(d);
    if (d < 0) {
        d += len;
        return d < 0 ? 0 : (uint32_t) d;
    }
    return d > len ? len : (uint32_t) d;
}

/* An optional end argument: undefined is len, anything else relative. */
static uint32_t flbc_arrlib_end(struct flbc_rt *rt, flbc_val end, uint32_t len)
{
    if (end.tag == FLBC_UNDEF) {
        return len;
    }
    return flbc_arrlib_rel(flbc_num_from_val(rt, end), len);
}

FLBC_API double flbc_arr_push_n(struct flbc_rt *rt, flbc_arr *a, uint32_t n,
                                const flbc_val *items)
{
    if (a == NULL) {
        return 0;
    }
    if (n > 0 && flbc_arr_reserve(rt, a, a->len + n)) {
        memcpy(a->items + a->len, items, n * sizeof(flbc_val));
        a->len += n;
    }
    return a->len;
}

FLBC_API flbc_val flbc_arr_shift(flbc_arr *a)
{
    flbc_val v;

    if (a == NULL || a->len == 0) {
        return FLBC_VAL_UNDEF;
    }
    v = a->items[0];
    memmove(a->items, a->items + 1, (a->len - 1) * sizeof(flbc_val));
    a->len--;
    return v;
}

FLBC_API double flbc_arr_unshift_n(struct flbc_rt *rt, flbc_arr *a, uint32_t n,
                                   const flbc_val *items)
{
    if (a == NULL) {
        return 0;
    }
    if (n > 0 && flbc_arr_reserve(rt, a, a->len + n)) {
        memmove(a->items + n, a->items, a->len * sizeof(flbc_val));
        memcpy(a->items, items, n * sizeof(flbc_val));
        a->len += n;
    }
    return a->len;
}

FLBC_API double flbc_arr_index_of(const flbc_arr *a, flbc_val x, double from)
{
    uint32_t len = flbc_arr_len(a);
    uint32_t i;

    for (i = flbc_arrlib_rel(from, len); i < len; i++) {
        if (flbc_val_strict_eq(a->items[i], x)) {
            return i;
        }
    }
    return -1;
}

FLBC_API double flbc_arr_last_index_of(const flbc_arr *a, flbc_val x, flbc_val from)
{
    uint32_t len = flbc_arr_len(a);
    double k;

    if (len == 0) {
        return -1;
    }
    if (from.tag == FLBC_UNDEF) {
        k = (double) len - 1;
    }
    else {
        k = flbc_arrlib_int(flbc_val_to_num(from));
        k = k >= 0 ? (k > len - 1 ? len - 1 : k) : k + len;
    }
    for (; k >= 0; k--) {
        if (flbc_val_strict_eq(a->items[(uint32_t) k], x)) {
            return (uint32_t) k; /* k may be -0 (fromIndex -0): the index is +0 */
        }
    }
    return -1;
}

FLBC_API bool flbc_arr_includes(const flbc_arr *a, flbc_val x, double from)
{
    uint32_t len = flbc_arr_len(a);
    bool nan = flbc_val_is_num(x) && isnan(flbc_val_to_num(x));
    uint32_t i;

    for (i = flbc_arrlib_rel(from, len); i < len; i++) {
        flbc_val y = a->items[i];

        if (nan ? flbc_val_is_num(y) && isnan(flbc_val_to_num(y)) : flbc_val_strict_eq(y, x)) {
            return true;
        }
    }
    return false;
}

FLBC_API flbc_str flbc_arr_join_opt(struct flbc_rt *rt, const flbc_arr *a, flbc_val sep)
{
    return flbc_arr_join(rt, a, sep.tag == FLBC_UNDEF ? FLBC_STR(",") : flbc_val_to_str(rt, sep));
}

FLBC_API flbc_arr *flbc_arr_slice(struct flbc_rt *rt, const flbc_arr *a, double start,
                                  flbc_val end)
{
    uint32_t len = flbc_arr_len(a);
    uint32_t from = flbc_arrlib_rel(start, len);
    uint32_t to = flbc_arrlib_end(rt, end, len);

    if (from >= to) {
        return flbc_arr_new(rt, 0);
    }
    return flbc_arr_of(rt, to - from, a->items + from);
}

FLBC_API flbc_arr *flbc_arr_splice(struct flbc_rt *rt, flbc_arr *a, double start,
                                   flbc_val delete_count, uint32_t n, const flbc_val *items)
{
    uint32_t len = flbc_arr_len(a);
    uint32_t at = flbc_arrlib_rel(start, len);
    uint32_t del = len - at;
    flbc_arr *removed;
    double d;

    if (a == NULL) {
        return flbc_arr_new(rt, 0);
    }
    if (delete_count.tag != FLBC_UNDEF) {
        d = flbc_arrlib_int(flbc_num_from_val(rt, delete_count));
        del = d <= 0 ? 0 : (d >= len - at ? len - at : (uint32_t) d);
    }
    removed = flbc_arr_of(rt, del, a->items + at);
    if (removed == NULL) {
        return removed;
    }
    if (n > del && !flbc_arr_reserve(rt, a, a->len - del + n)) {
        return removed;
    }
    memmove(a->items + at + n, a->items + at + del, (len - at - del) * sizeof(flbc_val));
    if (n > 0) {
        memcpy(a->items + at, items, n * sizeof(flbc_val));
    }
    a->len = len - del + n;
    return removed;
}

/* Appends the items of an array value (raw or built) to out. */
static void flbc_arrlib_append(struct flbc_rt *rt, flbc_arr *out, flbc_val v)
{
    flbc_arr *src = flbc_val_to_arr(rt, v);

    if (src != NULL) {
        flbc_arr_push_n(rt, out, src->len, src->items);
    }
}

FLBC_API flbc_arr *flbc_arr_concat(struct flbc_rt *rt, const flbc_arr *a, uint32_t n,
                                   const flbc_val *items)
{
    flbc_arr *out = a == NULL ? flbc_arr_new(rt, n) : flbc_arr_of(rt, a->len, a->items);
    uint32_t i;

    for (i = 0; out != NULL && i < n; i++) {
        if (items[i].tag == FLBC_ARR) {
            flbc_arrlib_append(rt, out, items[i]);
        }
        else {
            flbc_arr_push(rt, out, items[i]);
        }
    }
    return out;
}

FLBC_API flbc_arr *flbc_arr_reverse(flbc_arr *a)
{
    uint32_t i;
    uint32_t len = flbc_arr_len(a);

    for (i = 0; i < len / 2; i++) {
        flbc_val t = a->items[i];

        a->items[i] = a->items[len - 1 - i];
        a->items[len - 1 - i] = t;
    }
    return a;
}

static void flbc_arrlib_flatten(struct flbc_rt *rt, flbc_arr *out, const flbc_arr *a,
                                double depth)
{
    uint32_t i;

    for (i = 0; i < flbc_arr_len(a); i++) {
        flbc_val v = a->items[i];

        if (v.tag == FLBC_ARR && depth >= 1) {
            flbc_arrlib_flatten(rt, out, flbc_val_to_arr(rt, v), depth - 1);
        }
        else {
            flbc_arr_push(rt, out, v);
        }
    }
}

FLBC_API flbc_arr *flbc_arr_flat(struct flbc_rt *rt, const flbc_arr *a, flbc_val depth)
{
    double d = depth.tag == FLBC_UNDEF ? 1 : flbc_arrlib_int(flbc_num_from_val(rt, depth));
    flbc_arr *out = flbc_arr_new(rt, flbc_arr_len(a));

    /* Deeper than the values can nest changes nothing. */
    if (out != NULL) {
        flbc_arrlib_flatten(rt, out, a, d > FLBC_MAX_DEPTH ? FLBC_MAX_DEPTH : d);
    }
    return out;
}

FLBC_API flbc_arr *flbc_arr_fill(flbc_arr *a, flbc_val x, double start, flbc_val end)
{
    uint32_t len = flbc_arr_len(a);
    uint32_t from = flbc_arrlib_rel(start, len);
    uint32_t to = end.tag == FLBC_UNDEF ? len : flbc_arrlib_rel(flbc_val_to_num(end), len);

    for (; from < to; from++) {
        a->items[from] = x;
    }
    return a;
}

FLBC_API flbc_val flbc_arr_at_rel(const flbc_arr *a, double i)
{
    double len = flbc_arr_len(a);
    double k = flbc_arrlib_int(i);

    if (k < 0) {
        k += len;
    }
    if (k < 0 || k >= len) {
        return FLBC_VAL_UNDEF;
    }
    return a->items[(uint32_t) k];
}

/* ------------------------------------------------------------------ sort */

/* How two positions of the array being sorted compare. */
typedef int (*flbc_arrlib_cmp)(void *ctx, uint32_t i, uint32_t j);

/*
 * Bottom-up merge sort of the positions idx[0..n): stable (the left run
 * wins ties), n log n comparisons, tmp holds n positions.
 */
static void flbc_arrlib_merge_sort(uint32_t *idx, uint32_t *tmp, uint32_t n,
                                   flbc_arrlib_cmp cmp, void *ctx)
{
    uint32_t width;
    uint32_t lo;
    uint32_t *src = idx;
    uint32_t *dst = tmp;
    uint32_t *t;

    for (width = 1; width < n; width = width > n / 2 ? n : width * 2) {
        for (lo = 0; lo < n; lo += 2 * width) {
            uint32_t mid = n - lo < width ? n : lo + width;
            uint32_t hi = n - mid < width ? n : mid + width;
            uint32_t i = lo;
            uint32_t j = mid;
            uint32_t k = lo;

            while (i < mid && j < hi) {
                dst[k++] = cmp(ctx, src[i], src[j]) <= 0 ? src[i++] : src[j++];
            }
            while (i < mid) {
                dst[k++] = src[i++];
            }
            while (j < hi) {
                dst[k++] = src[j++];
            }
        }
        t = src;
        src = dst;
        dst = t;
    }
    if (src != idx) {
        memcpy(idx, src, n * sizeof(uint32_t));
    }
}

/* What the comparators see: the items and, for the default order, their
 * String() texts. */
typedef struct flbc_arrlib_sort_ctx {
    const flbc_val *items;
    const flbc_str *texts;
    flbc_arr_cmp_fn fn;
    void *env;
} flbc_arrlib_sort_ctx;

static int flbc_arrlib_cmp_text(void *ctx, uint32_t i, uint32_t j)
{
    flbc_arrlib_sort_ctx *c = ctx;

    return flbc_str_cmp(c->texts[i], c->texts[j]);
}

static int flbc_arrlib_cmp_user(void *ctx, uint32_t i, uint32_t j)
{
    flbc_arrlib_sort_ctx *c = ctx;

    return c->fn(c->env, c->items[i], c->items[j]);
}

/* Sorts a's defined items with cmp, undefined ones last (as JavaScript,
 * which never passes undefined to a comparator). */
static flbc_arr *flbc_arrlib_sort(struct flbc_rt *rt, flbc_arr *a, flbc_arrlib_sort_ctx *c,
                                  flbc_arrlib_cmp cmp)
{
    uint32_t len = flbc_arr_len(a);
    uint32_t n = 0;
    uint32_t i;
    uint32_t *idx;
    uint32_t *tmp;
    flbc_val *sorted;
    flbc_str *texts = NULL;

    if (len < 2) {
        return a;
    }
    idx = flbc_alloc(&rt->arena, (size_t) len * 2 * sizeof(uint32_t));
    sorted = flbc_alloc(&rt->arena, (size_t) len * sizeof(flbc_val));
    if (c->fn == NULL) {
        texts = flbc_alloc(&rt->arena, (size_t) len * sizeof(flbc_str));
    }
    if (idx == NULL || sorted == NULL || (c->fn == NULL && texts == NULL)) {
        return a;
    }
    tmp = idx + len;
    for (i = 0; i < len; i++) {
        if (a->items[i].tag != FLBC_UNDEF) {
            idx[n++] = i;
            if (texts != NULL) {
                texts[i] = flbc_val_to_str(rt, a->items[i]);
            }
        }
    }
    c->items = a->items;
    c->texts = texts;
    flbc_arrlib_merge_sort(idx, tmp, n, cmp, c);
    for (i = 0; i < n; i++) {
        sorted[i] = a->items[idx[i]];
    }
    for (i = n; i < len; i++) {
        sorted[i] = FLBC_VAL_UNDEF;
    }
    memcpy(a->items, sorted, (size_t) len * sizeof(flbc_val));
    return a;
}

FLBC_API flbc_arr *flbc_arr_sort_default(struct flbc_rt *rt, flbc_arr *a)
{
    flbc_arrlib_sort_ctx c = { NULL, NULL, NULL, NULL };

    return flbc_arrlib_sort(rt, a, &c, flbc_arrlib_cmp_text);
}

FLBC_API flbc_arr *flbc_arr_sort_with(struct flbc_rt *rt, flbc_arr *a, flbc_arr_cmp_fn cmp,
                                      void *env)
{
    flbc_arrlib_sort_ctx c = { NULL, NULL, cmp, env };

    return flbc_arrlib_sort(rt, a, &c, flbc_arrlib_cmp_user);
}
