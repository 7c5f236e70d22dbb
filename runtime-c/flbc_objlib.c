#include "flbc.h"

/*
 * flbc_objlib.c: Object.keys / values / entries / fromEntries / assign on
 * dynamic values (maps read from a chunk or built by the plugin).
 *
 * JavaScript lists integer-like keys ("0", "17") first in ascending order,
 * then the other keys in insertion order; msgpack maps keep the order of
 * the bytes, so the pairs are reordered here the same way. Non-string keys
 * of a raw map cannot be named by a plugin and are skipped.
 */

/* The array index a key names (canonical decimal below 2^32 - 1), or -1. */
static int64_t flbc_objlib_index(flbc_str k)
{
    int64_t v = 0;
    size_t i;

    if (k.len == 0 || k.len > 10 || (k.len > 1 && k.ptr[0] == '0')) {
        return -1;
    }
    for (i = 0; i < k.len; i++) {
        if (k.ptr[i] < '0' || k.ptr[i] > '9') {
            return -1;
        }
        v = v * 10 + (k.ptr[i] - '0');
    }
    return v < 4294967295LL ? v : -1;
}

/* The own pairs of v in JavaScript's order; returns their count (arena
 * arrays in *keys and *vals). */
static uint32_t flbc_objlib_pairs(struct flbc_rt *rt, flbc_val v, flbc_str **keys,
                                  flbc_val **vals)
{
    const uint8_t *p;
    const uint8_t *end;
    uint32_t n = 0;
    uint32_t count = 0;
    uint32_t i;
    uint32_t j;
    uint32_t ints = 0;
    flbc_str *k;
    flbc_val *x;

    *keys = NULL;
    *vals = NULL;
    if (v.tag == FLBC_ARR) {
        flbc_arr *a = flbc_val_to_arr(rt, v);

        n = flbc_arr_len(a);
        k = flbc_alloc(&rt->arena, (size_t) (n + 1) * sizeof(flbc_str));
        if (k == NULL) {
            return 0;
        }
        for (i = 0; i < n; i++) {
            k[i] = flbc_num_to_str(rt, i);
        }
        *keys = k;
        *vals = a->items;
        return n;
    }
    if (v.tag == FLBC_STR) {
        /* A string's own keys are its UTF-16 indices, each holding one unit. */
        n = (uint32_t) flbc_str_length(v.u.s);
        k = flbc_alloc(&rt->arena, (size_t) (n + 1) * sizeof(flbc_str));
        x = flbc_alloc(&rt->arena, (size_t) (n + 1) * sizeof(flbc_val));
        if (k == NULL || x == NULL) {
            return 0;
        }
        for (i = 0; i < n; i++) {
            k[i] = flbc_num_to_str(rt, i);
            x[i] = flbc_val_str(flbc_str_char_at(rt, v.u.s, i));
        }
        *keys = k;
        *vals = x;
        return n;
    }
    if (v.tag != FLBC_MAP) {
        return 0;
    }
    if (v.raw == NULL) {
        n = v.u.obj == NULL ? 0 : v.u.obj->len;
    }
    else {
        end = v.raw + v.raw_len;
        p = flbc_mp_read_map(v.raw, end, &n);
        if (p == NULL) {
            return 0;
        }
    }
    k = flbc_alloc(&rt->arena, (size_t) (n + 1) * sizeof(flbc_str));
    x = flbc_alloc(&rt->arena, (size_t) (n + 1) * sizeof(flbc_val));
    if (k == NULL || x == NULL) {
        return 0;
    }
    if (v.raw == NULL) {
        if (n > 0) {
            memcpy(k, v.u.obj->keys, n * sizeof(flbc_str));
            memcpy(x, v.u.obj->vals, n * sizeof(flbc_val));
        }
        count = n;
    }
    else {
        end = v.raw + v.raw_len;
        p = flbc_mp_read_map(v.raw, end, &n);
        for (i = 0; i < n && p != NULL; i++) {
            flbc_val key;

            p = flbc_mp_read(p, end, &key);
            if (p == NULL) {
                break;
            }
            if (key.tag != FLBC_STR) {
                p = flbc_mp_skip(p, end);
                continue;
            }
            p = flbc_mp_read(p, end, &x[count]);
            if (p != NULL) {
                k[count++] = key.u.s;
            }
        }
    }
    /* Integer keys first, ascending (insertion sort: they are few). */
    for (i = 0; i < count; i++) {
        int64_t idx = flbc_objlib_index(k[i]);
        flbc_str tk;
        flbc_val tv;

        if (idx < 0) {
            continue;
        }
        tk = k[i];
        tv = x[i];
        /* [ints, i) holds other keys only: move past them, then past the
         * larger integer keys. */
        for (j = i; j > 0 && (j > ints || flbc_objlib_index(k[j - 1]) > idx); j--) {
            k[j] = k[j - 1];
            x[j] = x[j - 1];
        }
        k[j] = tk;
        x[j] = tv;
        ints++;
    }
    *keys = k;
    *vals = x;
    return count;
}

FLBC_API flbc_arr *flbc_obj_keys(struct flbc_rt *rt, flbc_val v)
{
    flbc_str *keys;
    flbc_val *vals;
    uint32_t n = flbc_objlib_pairs(rt, v, &keys, &vals);
    flbc_arr *out = flbc_arr_new(rt, n);
    uint32_t i;

    for (i = 0; out != NULL && i < n; i++) {
        flbc_arr_push(rt, out, flbc_val_str(keys[i]));
    }
    return out;
}

FLBC_API flbc_arr *flbc_obj_values(struct flbc_rt *rt, flbc_val v)
{
    flbc_str *keys;
    flbc_val *vals;
    uint32_t n = flbc_objlib_pairs(rt, v, &keys, &vals);

    return n == 0 ? flbc_arr_new(rt, 0) : flbc_arr_of(rt, n, vals);
}

FLBC_API flbc_arr *flbc_obj_entries(struct flbc_rt *rt, flbc_val v)
{
    flbc_str *keys;
    flbc_val *vals;
    uint32_t n = flbc_objlib_pairs(rt, v, &keys, &vals);
    flbc_arr *out = flbc_arr_new(rt, n);
    uint32_t i;

    for (i = 0; out != NULL && i < n; i++) {
        flbc_val pair[2];

        pair[0] = flbc_val_str(keys[i]);
        pair[1] = vals[i];
        flbc_arr_push(rt, out, flbc_val_arr(flbc_arr_of(rt, 2, pair)));
    }
    return out;
}

FLBC_API flbc_val flbc_obj_from_entries(struct flbc_rt *rt, flbc_val entries)
{
    flbc_val obj = flbc_obj_of(rt, 0, NULL, NULL);
    flbc_arr *a = flbc_val_to_arr(rt, entries);
    uint32_t i;

    for (i = 0; i < flbc_arr_len(a); i++) {
        flbc_val pair = a->items[i];

        flbc_val_set(rt, &obj, flbc_val_to_str(rt, flbc_val_index(pair, 0)),
                     flbc_val_index(pair, 1));
    }
    return obj;
}

FLBC_API flbc_val flbc_obj_assign(struct flbc_rt *rt, flbc_val target, uint32_t n,
                                  const flbc_val *sources)
{
    uint32_t s;
    uint32_t i;

    if (target.tag != FLBC_MAP) {
        return target;
    }
    for (s = 0; s < n; s++) {
        flbc_str *keys;
        flbc_val *vals;
        uint32_t count = flbc_objlib_pairs(rt, sources[s], &keys, &vals);

        for (i = 0; i < count; i++) {
            flbc_val_set(rt, &target, keys[i], vals[i]);
        }
    }
    return target;
}

FLBC_API flbc_val flbc_obj_rest(struct flbc_rt *rt, flbc_val v, uint32_t n, const flbc_str *omit)
{
    flbc_str *keys;
    flbc_val *vals;
    uint32_t count = flbc_objlib_pairs(rt, v, &keys, &vals);
    flbc_val out = flbc_obj_of(rt, 0, NULL, NULL);
    uint32_t i;
    uint32_t j;

    for (i = 0; i < count; i++) {
        for (j = 0; j < n && !flbc_str_eq(keys[i], omit[j]); j++) {
        }
        if (j == n) {
            flbc_val_set(rt, &out, keys[i], vals[i]);
        }
    }
    return out;
}

FLBC_API void flbc_rec_assign(struct flbc_rt *rt, flbc_rec *r, uint32_t n,
                              const flbc_val *sources)
{
    uint32_t s;
    uint32_t i;

    for (s = 0; s < n; s++) {
        flbc_str *keys;
        flbc_val *vals;
        uint32_t count = flbc_objlib_pairs(rt, sources[s], &keys, &vals);

        for (i = 0; i < count; i++) {
            flbc_rec_set(r, keys[i], vals[i]);
        }
    }
}
