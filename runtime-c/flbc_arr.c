#include "flbc.h"

/*
 * flbc_arr.c: arrays and objects that a plugin builds, in the arena.
 *
 * Values read from a chunk stay raw msgpack (zero-copy); these functions
 * read raw arrays and maps in place and copy them into the arena only when
 * the plugin changes them or needs them as an array. Every allocation may
 * fail (arena cap): a failed one leaves the arena's `failed` flag set,
 * which makes flbc_filter_chunk keep the record unchanged, so here a
 * failure only has to avoid crashing.
 */

FLBC_API flbc_arr *flbc_arr_new(struct flbc_rt *rt, uint32_t cap)
{
    flbc_arr *a = flbc_alloc(&rt->arena, sizeof(*a));

    if (a == NULL) {
        return NULL;
    }
    a->len = 0;
    a->cap = cap < 4 ? 4 : cap;
    a->items = flbc_alloc(&rt->arena, a->cap * sizeof(flbc_val));
    if (a->items == NULL) {
        a->cap = 0;
    }
    return a;
}

FLBC_API flbc_arr *flbc_arr_of(struct flbc_rt *rt, uint32_t n, const flbc_val *items)
{
    flbc_arr *a = flbc_arr_new(rt, n);

    if (a != NULL && a->cap >= n) {
        memcpy(a->items, items, n * sizeof(flbc_val));
        a->len = n;
    }
    return a;
}

FLBC_API uint32_t flbc_arr_len(const flbc_arr *a)
{
    return a == NULL ? 0 : a->len;
}

FLBC_API flbc_val flbc_arr_get(const flbc_arr *a, uint32_t i)
{
    return a != NULL && i < a->len ? a->items[i] : FLBC_VAL_UNDEF;
}

FLBC_API flbc_val flbc_arr_at(const flbc_arr *a, double i)
{
    if (a == NULL || !(i >= 0) || i >= a->len || i != floor(i)) {
        return FLBC_VAL_UNDEF;
    }
    return a->items[(uint32_t) i];
}

/* Room for `need` elements: doubling from 4, copied within the arena. */
FLBC_API bool flbc_arr_reserve(struct flbc_rt *rt, flbc_arr *a, uint32_t need)
{
    flbc_val *items;
    uint32_t cap = a->cap < 4 ? 4 : a->cap;

    if (need <= a->cap) {
        return true;
    }
    while (cap < need) {
        if (cap > UINT32_MAX / 2) {
            rt->arena.failed = true;
            return false;
        }
        cap *= 2;
    }
    items = flbc_alloc(&rt->arena, (size_t) cap * sizeof(flbc_val));
    if (items == NULL) {
        return false;
    }
    if (a->len > 0) {
        memcpy(items, a->items, a->len * sizeof(flbc_val));
    }
    a->items = items;
    a->cap = cap;
    return true;
}

FLBC_API void flbc_arr_set(struct flbc_rt *rt, flbc_arr *a, double i, flbc_val v)
{
    uint32_t idx;

    /* Non-index keys on arrays are outside the subset: the checker only
     * lets numbers through, so a fraction or a negative is dropped as
     * JavaScript would store it as a property nobody reads. */
    if (a == NULL || !(i >= 0) || i != floor(i) || i >= (double) UINT32_MAX) {
        return;
    }
    idx = (uint32_t) i;
    if (idx >= a->len) {
        if (!flbc_arr_reserve(rt, a, idx + 1)) {
            return;
        }
        while (a->len < idx) {
            a->items[a->len++] = FLBC_VAL_UNDEF;
        }
        a->len = idx + 1;
    }
    a->items[idx] = v;
}

FLBC_API double flbc_arr_push(struct flbc_rt *rt, flbc_arr *a, flbc_val v)
{
    if (a == NULL) {
        return 0;
    }
    if (flbc_arr_reserve(rt, a, a->len + 1)) {
        a->items[a->len++] = v;
    }
    return a->len;
}

FLBC_API void flbc_arr_append(struct flbc_rt *rt, flbc_arr *a, const flbc_arr *b)
{
    uint32_t i;
    uint32_t n = flbc_arr_len(b);

    /* n first: appending an array to itself copies its items once. */
    for (i = 0; i < n; i++) {
        flbc_arr_push(rt, a, b->items[i]);
    }
}

FLBC_API flbc_val flbc_arr_pop(flbc_arr *a)
{
    if (a == NULL || a->len == 0) {
        return FLBC_VAL_UNDEF;
    }
    return a->items[--a->len];
}

FLBC_API flbc_str flbc_arr_join(struct flbc_rt *rt, const flbc_arr *a, flbc_str sep)
{
    flbc_str *parts;
    uint32_t i;
    uint32_t n = flbc_arr_len(a);
    uint32_t k = 0;

    if (n == 0) {
        return FLBC_STR_EMPTY;
    }
    parts = flbc_alloc(&rt->arena, ((size_t) n * 2) * sizeof(flbc_str));
    if (parts == NULL) {
        return FLBC_STR_EMPTY;
    }
    for (i = 0; i < n; i++) {
        flbc_val v = a->items[i];

        if (i > 0) {
            parts[k++] = sep;
        }
        parts[k++] = flbc_val_is_nullish(v) ? FLBC_STR_EMPTY : flbc_val_to_str(rt, v);
    }
    return flbc_str_concat_n(rt, k, parts);
}

/* ---------------------------------------------------------------- values */

FLBC_API flbc_val flbc_val_arr(flbc_arr *a)
{
    flbc_val v = { .tag = FLBC_ARR };

    v.u.arr = a;
    return v;
}

FLBC_API bool flbc_val_is_array(flbc_val v)
{
    return v.tag == FLBC_ARR;
}

FLBC_API flbc_arr *flbc_val_to_arr(struct flbc_rt *rt, flbc_val v)
{
    const uint8_t *p;
    const uint8_t *end;
    uint32_t n = 0;
    uint32_t i;
    flbc_arr *a;

    if (v.tag != FLBC_ARR) {
        return flbc_arr_new(rt, 0);
    }
    if (v.raw == NULL) {
        return v.u.arr;
    }
    end = v.raw + v.raw_len;
    p = flbc_mp_read_array(v.raw, end, &n);
    a = flbc_arr_new(rt, n);
    if (p == NULL || a == NULL || a->cap < n) {
        return a;
    }
    for (i = 0; i < n && p != NULL; i++) {
        p = flbc_mp_read(p, end, &a->items[i]);
        a->len = p == NULL ? i : i + 1;
    }
    return a;
}

FLBC_API flbc_val flbc_obj_of(struct flbc_rt *rt, uint32_t n, const flbc_str *keys,
                              const flbc_val *vals)
{
    flbc_val v = { .tag = FLBC_MAP };
    flbc_obj *o = flbc_alloc(&rt->arena, sizeof(*o));
    uint32_t cap = n < 4 ? 4 : n;

    if (o == NULL) {
        return FLBC_VAL_UNDEF;
    }
    o->keys = flbc_alloc(&rt->arena, cap * sizeof(flbc_str));
    o->vals = flbc_alloc(&rt->arena, cap * sizeof(flbc_val));
    o->len = 0;
    o->kind = FLBC_OBJ_PLAIN;
    o->cap = o->keys != NULL && o->vals != NULL ? cap : 0;
    if (o->cap >= n && n > 0) {
        memcpy(o->keys, keys, n * sizeof(flbc_str));
        memcpy(o->vals, vals, n * sizeof(flbc_val));
        o->len = n;
    }
    v.u.obj = o;
    return v;
}

/* Finds key in a raw map; false when absent or malformed. */
static bool flbc_raw_map_find(flbc_val v, flbc_str key, flbc_val *out)
{
    const uint8_t *end = v.raw + v.raw_len;
    const uint8_t *p;
    uint32_t n = 0;
    uint32_t i;
    flbc_val k;

    p = flbc_mp_read_map(v.raw, end, &n);
    for (i = 0; i < n && p != NULL; i++) {
        p = flbc_mp_read(p, end, &k);
        if (p == NULL) {
            return false;
        }
        if (k.tag == FLBC_STR && flbc_str_eq(k.u.s, key)) {
            return flbc_mp_read(p, end, out) != NULL;
        }
        p = flbc_mp_skip(p, end);
    }
    return false;
}

FLBC_API flbc_val flbc_val_get(flbc_val v, flbc_str key)
{
    flbc_val out = FLBC_VAL_UNDEF;
    uint32_t i;

    if (v.tag != FLBC_MAP) {
        return out;
    }
    if (v.raw != NULL) {
        flbc_raw_map_find(v, key, &out);
        return out;
    }
    for (i = 0; v.u.obj != NULL && i < v.u.obj->len; i++) {
        if (flbc_str_eq(v.u.obj->keys[i], key)) {
            return v.u.obj->vals[i];
        }
    }
    return out;
}

FLBC_API bool flbc_val_has(flbc_val v, flbc_str key)
{
    flbc_val out;
    uint32_t i;

    if (v.tag != FLBC_MAP) {
        return false;
    }
    if (v.raw != NULL) {
        return flbc_raw_map_find(v, key, &out);
    }
    for (i = 0; v.u.obj != NULL && i < v.u.obj->len; i++) {
        if (flbc_str_eq(v.u.obj->keys[i], key)) {
            return true;
        }
    }
    return false;
}

/* A raw map copied into a built object, so it can change. */
static flbc_obj *flbc_obj_materialize(struct flbc_rt *rt, flbc_val v)
{
    const uint8_t *end = v.raw + v.raw_len;
    const uint8_t *p;
    uint32_t n = 0;
    uint32_t i;
    flbc_val k;
    flbc_val built;

    p = flbc_mp_read_map(v.raw, end, &n);
    built = flbc_obj_of(rt, 0, NULL, NULL);
    if (built.tag != FLBC_MAP || p == NULL) {
        return built.tag == FLBC_MAP ? built.u.obj : NULL;
    }
    for (i = 0; i < n && p != NULL; i++) {
        flbc_val x;

        p = flbc_mp_read(p, end, &k);
        if (p == NULL) {
            break;
        }
        p = flbc_mp_read(p, end, &x);
        /* Non-string keys cannot be named by a plugin: they are kept by
         * their JSON text, as JavaScript's objects would name them. */
        if (p != NULL && k.tag == FLBC_STR) {
            flbc_val_set(rt, &built, k.u.s, x);
        }
    }
    return built.u.obj;
}

FLBC_API void flbc_val_set(struct flbc_rt *rt, flbc_val *v, flbc_str key, flbc_val x)
{
    flbc_obj *o;
    uint32_t i;

    if (v->tag != FLBC_MAP) {
        return;
    }
    if (v->raw != NULL) {
        o = flbc_obj_materialize(rt, *v);
        v->raw = NULL;
        v->raw_len = 0;
        v->u.obj = o;
    }
    o = v->u.obj;
    if (o == NULL) {
        return;
    }
    for (i = 0; i < o->len; i++) {
        if (flbc_str_eq(o->keys[i], key)) {
            o->vals[i] = x;
            return;
        }
    }
    if (o->len == o->cap) {
        uint32_t cap = o->cap == 0 ? 4 : o->cap * 2;
        flbc_str *keys = flbc_alloc(&rt->arena, cap * sizeof(flbc_str));
        flbc_val *vals = flbc_alloc(&rt->arena, cap * sizeof(flbc_val));

        if (keys == NULL || vals == NULL) {
            return;
        }
        if (o->len > 0) {
            memcpy(keys, o->keys, o->len * sizeof(flbc_str));
            memcpy(vals, o->vals, o->len * sizeof(flbc_val));
        }
        o->keys = keys;
        o->vals = vals;
        o->cap = cap;
    }
    o->keys[o->len] = key;
    o->vals[o->len] = x;
    o->len++;
}

FLBC_API flbc_val flbc_val_index(flbc_val v, double i)
{
    const uint8_t *p;
    const uint8_t *end;
    flbc_val out = FLBC_VAL_UNDEF;
    uint32_t n = 0;
    uint32_t k;

    if (v.tag != FLBC_ARR || !(i >= 0) || i != floor(i)) {
        return out;
    }
    if (v.raw == NULL) {
        return flbc_arr_at(v.u.arr, i);
    }
    end = v.raw + v.raw_len;
    p = flbc_mp_read_array(v.raw, end, &n);
    if (p == NULL || i >= n) {
        return out;
    }
    for (k = 0; k < (uint32_t) i && p != NULL; k++) {
        p = flbc_mp_skip(p, end);
    }
    if (p != NULL) {
        flbc_mp_read(p, end, &out);
    }
    return out;
}

FLBC_API double flbc_val_length(flbc_val v)
{
    uint32_t n = 0;

    if (v.tag != FLBC_ARR) {
        return 0;
    }
    if (v.raw == NULL) {
        return flbc_arr_len(v.u.arr);
    }
    return flbc_mp_read_array(v.raw, v.raw + v.raw_len, &n) == NULL ? 0 : n;
}

FLBC_API flbc_str flbc_str_next_char(flbc_str s, size_t *pos)
{
    const uint8_t *p = (const uint8_t *) s.ptr + *pos;
    const uint8_t *end = (const uint8_t *) s.ptr + s.len;
    uint32_t cp;
    size_t n;

    if (p >= end) {
        return FLBC_STR_EMPTY;
    }
    n = flbc_str_utf8_next(p, end, &cp);
    *pos += n;
    return (flbc_str) { (const char *) p, n };
}

/* The record as JavaScript sees it after the edits: encode, read the keys. */
FLBC_API flbc_arr *flbc_rec_keys(struct flbc_rt *rt, flbc_rec *r)
{
    flbc_buf buf = { 0 };
    const uint8_t *p;
    const uint8_t *end;
    uint32_t n = 0;
    uint32_t i;
    flbc_arr *keys;

    flbc_rec_encode(r, &buf);
    if (buf.failed) {
        flbc_buf_free(&buf);
        rt->arena.failed = true;
        return flbc_arr_new(rt, 0);
    }
    end = buf.data + buf.len;
    p = flbc_mp_read_map(buf.data, end, &n);
    keys = flbc_arr_new(rt, n);
    for (i = 0; i < n && p != NULL && keys != NULL; i++) {
        flbc_val k;

        p = flbc_mp_read(p, end, &k);
        if (p != NULL && k.tag == FLBC_STR) {
            /* The encoded buffer is freed below: keep a copy. */
            char *copy = flbc_alloc(&rt->arena, k.u.s.len + 1);

            if (copy != NULL) {
                memcpy(copy, k.u.s.ptr, k.u.s.len);
                flbc_arr_push(rt, keys, flbc_val_str((flbc_str) { copy, k.u.s.len }));
            }
        }
        p = p == NULL ? NULL : flbc_mp_skip(p, end);
    }
    flbc_buf_free(&buf);
    return keys;
}

FLBC_API flbc_str flbc_val_to_json(struct flbc_rt *rt, flbc_val v)
{
    flbc_buf mp = { 0 };
    flbc_buf json = { 0 };
    flbc_str out = FLBC_STR("undefined");
    char *copy;

    if (v.tag == FLBC_UNDEF) {
        return out;
    }
    flbc_mp_write_val(&mp, v);
    if (!mp.failed) {
        flbc_mp_to_json(mp.data, mp.data + mp.len, &json, 0);
    }
    if (mp.failed || json.failed) {
        rt->arena.failed = true;
        out = FLBC_STR_EMPTY;
    }
    else {
        copy = flbc_alloc(&rt->arena, json.len + 1);
        if (copy != NULL) {
            memcpy(copy, json.data, json.len);
            out = (flbc_str) { copy, json.len };
        }
    }
    flbc_buf_free(&mp);
    flbc_buf_free(&json);
    return out;
}

/* The record as a Value (JSON.stringify(record), Object.keys over a copy):
 * its merged encoding in the arena, read back as a raw map. */
FLBC_API flbc_val flbc_rec_to_val(struct flbc_rt *rt, flbc_rec *r)
{
    flbc_buf buf = { 0 };
    flbc_val v = FLBC_VAL_UNDEF;
    uint8_t *copy;

    flbc_rec_encode(r, &buf);
    if (!buf.failed) {
        copy = flbc_alloc(&rt->arena, buf.len);
        if (copy != NULL) {
            memcpy(copy, buf.data, buf.len);
            flbc_mp_read(copy, copy + buf.len, &v);
        }
    }
    else {
        rt->arena.failed = true;
    }
    flbc_buf_free(&buf);
    return v;
}
