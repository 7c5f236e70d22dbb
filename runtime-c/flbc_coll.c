#include "flbc.h"

/*
 * flbc_coll.c: Map<string, T> and Set<string>.
 *
 * Both are built objects (flbc_obj) marked with their kind: a Set keeps
 * `true` as each member's value. Deleting keeps insertion order by moving
 * the later entries down, as JavaScript's iteration order requires.
 */

static flbc_obj *flbc_coll_obj(flbc_val c)
{
    if (c.tag != FLBC_MAP || c.raw != NULL || c.u.obj == NULL) {
        return NULL;
    }
    return c.u.obj;
}

FLBC_API flbc_val flbc_coll_new(struct flbc_rt *rt, int kind)
{
    flbc_val c = flbc_obj_of(rt, 0, NULL, NULL);

    if (c.tag == FLBC_MAP && c.u.obj != NULL) {
        c.u.obj->kind = (uint8_t) kind;
    }
    return c;
}

FLBC_API flbc_val flbc_coll_set(struct flbc_rt *rt, flbc_val c, flbc_str key, flbc_val v)
{
    flbc_val_set(rt, &c, key, v);
    return c;
}

FLBC_API flbc_val flbc_coll_from(struct flbc_rt *rt, int kind, flbc_arr *items)
{
    flbc_val c = flbc_coll_new(rt, kind);
    uint32_t i;

    for (i = 0; i < flbc_arr_len(items); i++) {
        flbc_val item = items->items[i];

        if (kind == FLBC_OBJ_SET) {
            if (item.tag == FLBC_STR) {
                flbc_coll_set(rt, c, item.u.s, flbc_val_bool(true));
            }
            continue;
        }
        /* A Map entry: [key, value]. */
        if (item.tag == FLBC_ARR) {
            flbc_val k = flbc_val_index(item, 0);

            if (k.tag == FLBC_STR) {
                flbc_coll_set(rt, c, k.u.s, flbc_val_index(item, 1));
            }
        }
    }
    return c;
}

FLBC_API flbc_val flbc_coll_get(flbc_val c, flbc_str key)
{
    return flbc_val_get(c, key);
}

FLBC_API bool flbc_coll_has(flbc_val c, flbc_str key)
{
    return flbc_val_has(c, key);
}

FLBC_API bool flbc_coll_delete(flbc_val c, flbc_str key)
{
    flbc_obj *o = flbc_coll_obj(c);
    uint32_t i;

    for (i = 0; o != NULL && i < o->len; i++) {
        if (flbc_str_eq(o->keys[i], key)) {
            memmove(&o->keys[i], &o->keys[i + 1], (o->len - i - 1) * sizeof(flbc_str));
            memmove(&o->vals[i], &o->vals[i + 1], (o->len - i - 1) * sizeof(flbc_val));
            o->len--;
            return true;
        }
    }
    return false;
}

FLBC_API void flbc_coll_clear(flbc_val c)
{
    flbc_obj *o = flbc_coll_obj(c);

    if (o != NULL) {
        o->len = 0;
    }
}

FLBC_API double flbc_coll_size(flbc_val c)
{
    flbc_obj *o = flbc_coll_obj(c);

    return o == NULL ? 0 : o->len;
}

FLBC_API flbc_arr *flbc_coll_keys(struct flbc_rt *rt, flbc_val c)
{
    flbc_obj *o = flbc_coll_obj(c);
    flbc_arr *a = flbc_arr_new(rt, o == NULL ? 0 : o->len);
    uint32_t i;

    for (i = 0; o != NULL && i < o->len; i++) {
        flbc_arr_push(rt, a, flbc_val_str(o->keys[i]));
    }
    return a;
}

FLBC_API flbc_arr *flbc_coll_values(struct flbc_rt *rt, flbc_val c)
{
    flbc_obj *o = flbc_coll_obj(c);

    if (o != NULL && o->kind == FLBC_OBJ_SET) {
        return flbc_coll_keys(rt, c);
    }
    return flbc_arr_of(rt, o == NULL ? 0 : o->len, o == NULL ? NULL : o->vals);
}

FLBC_API flbc_arr *flbc_coll_entries(struct flbc_rt *rt, flbc_val c)
{
    flbc_obj *o = flbc_coll_obj(c);
    flbc_arr *a = flbc_arr_new(rt, o == NULL ? 0 : o->len);
    uint32_t i;

    for (i = 0; o != NULL && i < o->len; i++) {
        flbc_val pair[2];

        pair[0] = flbc_val_str(o->keys[i]);
        pair[1] = o->kind == FLBC_OBJ_SET ? pair[0] : o->vals[i];
        flbc_arr_push(rt, a, flbc_val_arr(flbc_arr_of(rt, 2, pair)));
    }
    return a;
}

FLBC_API flbc_arr *flbc_arr_copy(struct flbc_rt *rt, const flbc_arr *a)
{
    return flbc_arr_of(rt, flbc_arr_len(a), a == NULL ? NULL : a->items);
}
