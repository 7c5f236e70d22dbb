#include "flbc.h"

/*
 * flbc_rec.c: a record body as a view over its msgpack map plus a list of
 * edits.
 *
 * Reads scan the map in place; writes never touch it but append to an edit
 * list in the arena. The edit list follows JavaScript's property order:
 *   - the oldest edit of a key that exists in the map decides that pair's
 *     fate in place (a set replaces its value, a delete drops it);
 *   - every other set is a new key, written after the original pairs in
 *     the order the sets happened. Setting a key again after deleting it
 *     therefore appends a fresh edit, and the key moves to the end, as
 *     `delete o.k; o.k = v` does in JavaScript.
 * Keys are compared as bytes. Non-string keys of the original map cannot be
 * named by a plugin: they only travel inside untouched byte ranges.
 */

FLBC_API bool flbc_rec_init(flbc_rec *r, struct flbc_rt *rt,
                            const uint8_t *map, const uint8_t *end)
{
    const uint8_t *pairs;
    const uint8_t *map_end;
    uint32_t n = 0;

    memset(r, 0, sizeof(*r));
    r->rt = rt;
    pairs = flbc_mp_read_map(map, end, &n);
    map_end = flbc_mp_skip(map, end);
    if (pairs == NULL || map_end == NULL) {
        return false;
    }
    r->map = map;
    r->map_end = map_end;
    r->pairs = pairs;
    r->count = n;
    return true;
}

/* Index of the newest edit of key, or -1. */
static int64_t flbc_rec_newest_edit(const flbc_rec *r, flbc_str key)
{
    uint32_t i;

    for (i = r->n_edits; i > 0; i--) {
        if (flbc_str_eq(r->edits[i - 1].key, key)) {
            return (int64_t) i - 1;
        }
    }
    return -1;
}

/*
 * Reads the key at p: returns the position after it, with *key set and
 * true in *is_str for a string key; NULL when malformed. Keys are nearly
 * always fixstr or str8, read in place without decoding a value.
 */
static inline const uint8_t *flbc_rec_key(const uint8_t *p, const uint8_t *end, flbc_str *key,
                                          bool *is_str)
{
    flbc_val kv;
    size_t n;

    if (p < end && p[0] >= 0xa0 && p[0] <= 0xbf) {
        n = p[0] & 0x1f;
        p += 1;
    }
    else if (p + 1 < end && p[0] == 0xd9) {
        n = p[1];
        p += 2;
    }
    else {
        p = flbc_mp_read(p, end, &kv);
        *is_str = kv.tag == FLBC_STR;
        *key = kv.u.s;
        return p;
    }
    if (n > (size_t) (end - p)) {
        return NULL;
    }
    key->ptr = (const char *) p;
    key->len = n;
    *is_str = true;
    return p + n;
}

/* The first pair of the original map whose key is key. */
static bool flbc_rec_find(const flbc_rec *r, flbc_str key, flbc_val *val)
{
    const uint8_t *p = r->pairs;
    const uint8_t *end = r->map_end;
    flbc_str k = FLBC_STR_EMPTY;
    bool is_str = false;
    uint32_t i;

    for (i = 0; p != NULL && i < r->count; i++) {
        p = flbc_rec_key(p, end, &k, &is_str);
        if (p == NULL) {
            break;
        }
        if (is_str && flbc_str_eq(k, key)) {
            return flbc_mp_read(p, end, val) != NULL;
        }
        p = flbc_mp_skip(p, end);
    }
    return false;
}

FLBC_API flbc_val flbc_rec_get(flbc_rec *r, flbc_str key)
{
    int64_t e = flbc_rec_newest_edit(r, key);
    flbc_val v;

    if (e >= 0) {
        return r->edits[e].deleted ? FLBC_VAL_UNDEF : r->edits[e].val;
    }
    if (flbc_rec_find(r, key, &v)) {
        return v;
    }
    return FLBC_VAL_UNDEF;
}

FLBC_API bool flbc_rec_has(flbc_rec *r, flbc_str key)
{
    int64_t e = flbc_rec_newest_edit(r, key);
    flbc_val v;

    if (e >= 0) {
        return !r->edits[e].deleted;
    }
    return flbc_rec_find(r, key, &v);
}

static void flbc_rec_push(flbc_rec *r, flbc_str key, flbc_val v, bool deleted)
{
    flbc_edit *grown;
    uint32_t cap;

    if (r->n_edits == r->cap_edits) {
        cap = r->cap_edits != 0 ? r->cap_edits * 2 : 8;
        grown = flbc_alloc(&r->rt->arena, cap * sizeof(flbc_edit));
        if (grown == NULL) {
            return;                          /* arena.failed is set */
        }
        if (r->n_edits > 0) {
            memcpy(grown, r->edits, r->n_edits * sizeof(flbc_edit));
        }
        r->edits = grown;
        r->cap_edits = cap;
    }
    r->edits[r->n_edits].key = key;
    r->edits[r->n_edits].val = v;
    r->edits[r->n_edits].deleted = deleted;
    r->n_edits++;
}

FLBC_API void flbc_rec_set(flbc_rec *r, flbc_str key, flbc_val v)
{
    int64_t e = flbc_rec_newest_edit(r, key);

    if (e >= 0 && !r->edits[e].deleted) {
        r->edits[e].val = v;                 /* same key, same position */
        return;
    }
    flbc_rec_push(r, key, v, false);
}

FLBC_API void flbc_rec_delete(flbc_rec *r, flbc_str key)
{
    int64_t e = flbc_rec_newest_edit(r, key);
    flbc_val v;

    if (e >= 0) {
        r->edits[e].deleted = true;
        r->edits[e].val = FLBC_VAL_UNDEF;
        return;
    }
    if (flbc_rec_find(r, key, &v)) {
        flbc_rec_push(r, key, FLBC_VAL_UNDEF, true);
    }
    /* Deleting a key that is not there changes nothing. */
}

FLBC_API bool flbc_rec_changed(const flbc_rec *r)
{
    return r->n_edits > 0;
}

/* What to do with an original pair whose key is k. */
enum {
    FLBC_REC_KEEP = -1,          /* untouched: copy its bytes */
    FLBC_REC_SKIP = -2           /* deleted, or a later duplicate of an edited key */
};

static int64_t flbc_rec_pair_action(const flbc_rec *r, flbc_str k, bool is_str, uint8_t *seen)
{
    uint32_t i;

    if (!is_str) {
        return FLBC_REC_KEEP;
    }
    for (i = 0; i < r->n_edits; i++) {
        if (flbc_str_eq(r->edits[i].key, k)) {
            break;
        }
    }
    if (i == r->n_edits) {
        return FLBC_REC_KEEP;
    }
    if (seen[i]) {
        return FLBC_REC_SKIP;                /* the key appeared twice */
    }
    seen[i] = 1;
    return r->edits[i].deleted ? FLBC_REC_SKIP : (int64_t) i;
}

/*
 * Walks the original pairs, deciding each one's fate; writes them when out
 * is not NULL, else only counts. Returns the pairs written (or that would
 * be), or -1 when the map is malformed.
 */
static int64_t flbc_rec_walk(const flbc_rec *r, uint8_t *seen, flbc_buf *out)
{
    const uint8_t *p = r->pairs;
    const uint8_t *end = r->map_end;
    const uint8_t *key_start;
    const uint8_t *val_start;
    const uint8_t *run = NULL;               /* start of untouched bytes */
    flbc_str k = FLBC_STR_EMPTY;
    bool is_str = false;
    int64_t action;
    int64_t written = 0;
    uint32_t i;

    for (i = 0; i < r->count; i++) {
        key_start = p;
        val_start = flbc_rec_key(p, end, &k, &is_str);
        p = flbc_mp_skip(val_start, end);
        if (p == NULL) {
            return -1;
        }
        action = flbc_rec_pair_action(r, k, is_str, seen);
        if (action == FLBC_REC_KEEP) {
            if (run == NULL) {
                run = key_start;
            }
            written++;
            continue;
        }
        if (out != NULL && run != NULL) {
            flbc_buf_append(out, run, (size_t) (key_start - run));
        }
        run = NULL;
        if (action >= 0) {
            if (out != NULL) {
                flbc_buf_append(out, key_start, (size_t) (val_start - key_start));
                flbc_mp_write_val(out, r->edits[action].val);
            }
            written++;
        }
    }
    if (out != NULL && run != NULL) {
        flbc_buf_append(out, run, (size_t) (p - run));
    }
    return written;
}

FLBC_API void flbc_rec_encode(const flbc_rec *r, flbc_buf *out)
{
    uint8_t small[64];
    uint8_t *seen = small;
    int64_t kept;
    uint64_t total;
    uint32_t i;

    if (r->map == NULL) {
        out->failed = true;
        return;
    }
    if (r->n_edits == 0) {
        flbc_buf_append(out, r->map, (size_t) (r->map_end - r->map));
        return;
    }
    if (r->n_edits > sizeof(small)) {
        seen = flbc_alloc(&r->rt->arena, r->n_edits);
        if (seen == NULL) {
            out->failed = true;
            return;
        }
    }

    /* Pass 1 counts, so the map header can use its smallest form. */
    memset(seen, 0, r->n_edits);
    kept = flbc_rec_walk(r, seen, NULL);
    if (kept < 0) {
        out->failed = true;
        return;
    }
    total = (uint64_t) kept;
    for (i = 0; i < r->n_edits; i++) {
        if (!seen[i] && !r->edits[i].deleted) {
            total++;
        }
    }
    if (total > UINT32_MAX) {
        out->failed = true;
        return;
    }

    flbc_mp_write_map_header(out, (uint32_t) total);
    memset(seen, 0, r->n_edits);
    flbc_rec_walk(r, seen, out);
    for (i = 0; i < r->n_edits; i++) {
        if (!seen[i] && !r->edits[i].deleted) {
            flbc_mp_write_str(out, r->edits[i].key);
            flbc_mp_write_val(out, r->edits[i].val);
        }
    }
}
