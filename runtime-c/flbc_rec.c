#include "flbc.h"

/*
 * flbc_rec.c: a record body as a view over its msgpack map plus a list of
 * edits.
 *
 * Reads scan the map in place; writes never touch it but append to an edit
 * list, held in the record and continued in the arena. The edit list
 * follows JavaScript's property order:
 *   - the oldest edit of a key that exists in the map decides that pair's
 *     fate in place (a set replaces its value, a delete drops it);
 *   - every other set is a new key, written after the original pairs in
 *     the order the sets happened. Setting a key again after deleting it
 *     therefore appends a fresh edit, and the key moves to the end, as
 *     `delete o.k; o.k = v` does in JavaScript.
 * Keys are compared as bytes. Non-string keys of the original map cannot be
 * named by a plugin: they only travel inside untouched byte ranges.
 *
 * The walk that reads an event notes where the plugin's own keys are (the
 * literals its code names, flbc_rt_set_keys): reads and edits of those
 * (flbc_rec_*_key) search nothing. Keys the plugin computes are looked up
 * through an index of the first pairs, built by the same walk when the
 * plugin computes any. flbc_recenc.c writes the record back.
 */

FLBC_API bool flbc_rec_init(flbc_rec *r, struct flbc_rt *rt,
                            const uint8_t *map, const uint8_t *end)
{
    const uint8_t *pairs;
    const uint8_t *map_end;
    uint32_t n = 0;

    memset(r, 0, offsetof(flbc_rec, key_off));
    r->rt = rt;
    pairs = flbc_mp_read_map(map, end, &n);
    if (pairs == NULL) {
        return false;
    }
    r->map = map;
    r->pairs = pairs;
    r->count = n;
    /* The map itself is one level: its values have one less. */
    map_end = flbc_rec_index(r, end, FLBC_MAX_DEPTH - 1);
    if (map_end == NULL) {
        memset(r, 0, offsetof(flbc_rec, key_off));
        return false;
    }
    return true;
}

/* Bytes of an object that its first byte alone sizes (scalars, fixstr,
 * fixext), 0 for the rest (containers, str/bin/ext 8-32, 0xc1). */
static const uint8_t flbc_rec_fixed_size[256] = {
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,
    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
     1,  0,  1,  1,  0,  0,  0,  0,  0,  0,  5,  9,  2,  3,  5,  9,
     2,  3,  5,  9,  3,  4,  6, 10, 18,  0,  0,  0,  0,  0,  0,  0,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
};

/*
 * Past the object at p (p < end): the scalars and strings records are made
 * of with a table lookup, anything else through flbc_mp_skip_depth.
 */
static inline const uint8_t *flbc_rec_skip(const uint8_t *p, const uint8_t *end, int depth)
{
    size_t avail = (size_t) (end - p);
    size_t n = flbc_rec_fixed_size[p[0]];

    if (flbc_likely(n != 0)) {
        return n <= avail ? p + n : NULL;
    }
    if (p[0] == 0xd9) {
        n = avail >= 2 ? (size_t) p[1] + 2 : SIZE_MAX;
        return n <= avail ? p + n : NULL;
    }
    return flbc_mp_skip_depth(p, end, depth);
}

/* Most bytes of a fixstr key and a value that its first byte sizes
 * (32 + 32): a pair that starts further than this from the end of the
 * chunk needs no bounds check, and that is nearly every pair. */
#define FLBC_REC_PAIR_MAX 64

/* Short keys: a loop beats a call to memcmp, and leaves the walk's key
 * matching without calls (so without saving registers). */
static inline bool flbc_rec_bytes_eq(const char *a, const uint8_t *b, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if ((uint8_t) a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

/* The walk found the plugin's key s at pair i: the first time, where it
 * is; again, that the map repeats it (lookups see the first one). */
static inline void flbc_rec_found(flbc_rec *r, uint32_t s, uint32_t i, const uint8_t *k,
                                  const uint8_t *val)
{
    uint32_t bit = (uint32_t) 1 << s;

    if (r->keys_found & bit) {
        r->keys_repeat = true;
        return;
    }
    r->keys_found |= bit;
    r->at[s] = (flbc_rec_at) { k, val, i };
}

/*
 * Notes pair i, whose string key is the len bytes at k + hdr, if that key
 * is one of the plugin's (flbc_rt_set_keys), comparing bytes: for keys
 * near the end of the chunk and keys that are not a fixstr.
 */
static void flbc_rec_note_key(flbc_rec *r, uint32_t i, const uint8_t *k, size_t hdr, size_t len)
{
    const flbc_rt *rt = r->rt;
    uint32_t s;

    for (s = 0; s < rt->n_keys; s++) {
        if (rt->keys[s].len == len && flbc_rec_bytes_eq(rt->keys[s].ptr, k + hdr, len)) {
            flbc_rec_found(r, s, i, k, k + hdr + len);
            return;
        }
    }
}

/*
 * The same for the fixstr key of pair i at k, n bytes long, with at least
 * 8 bytes readable after its header, given 1 + the first of the plugin's
 * keys as long (s): the key's first 8 bytes are compared as one word.
 */
static void flbc_rec_match(flbc_rec *r, uint32_t i, const uint8_t *k, size_t n,
                           uint32_t s)
{
    const flbc_rt *rt = r->rt;
    uint64_t word;

    memcpy(&word, k + 1, 8);
    do {
        s--;
        if ((word & rt->key_mask[s]) == rt->key_word[s] &&
            (n <= 8 || flbc_rec_bytes_eq(rt->keys[s].ptr + 8, k + 9, n - 8))) {
            flbc_rec_found(r, s, i, k, k + 1 + n);
            return;
        }
        s = rt->key_next[s];
    } while (s != 0);
}

/*
 * Past the key of pair i at p (p < end) when it is not a fixstr, noting a
 * string key among the plugin's; NULL when malformed or when no value
 * follows it.
 */
static const uint8_t *flbc_rec_odd_key(flbc_rec *r, uint32_t i, const uint8_t *p,
                                       const uint8_t *end, int depth)
{
    const uint8_t *v = flbc_rec_skip(p, end, depth);
    size_t hdr;

    r->odd_keys = true;
    if (v == NULL || v >= end) {
        return NULL;
    }
    if (r->rt->n_keys > 0 && (p[0] == 0xd9 || p[0] == 0xda || p[0] == 0xdb)) {
        hdr = p[0] == 0xd9 ? 2 : p[0] == 0xda ? 3 : 5;
        flbc_rec_note_key(r, i, p, hdr, (size_t) (v - p) - hdr);
    }
    return v;
}

/* flbc_rec_pair near the end of the chunk, or with a key that is not a
 * fixstr: every length checked. */
static const uint8_t *flbc_rec_pair_checked(flbc_rec *r, uint32_t i, const uint8_t *p,
                                            const uint8_t *end, int depth)
{
    uint8_t c = p[0];
    size_t n;

    if (c >= 0xa0 && c <= 0xbf) {
        n = (size_t) (c & 0x1f);
        if (n + 1 >= (size_t) (end - p)) {
            return NULL;                     /* cut, or a key without a value */
        }
        if (r->rt->key_by_len[n] != 0) {
            flbc_rec_note_key(r, i, p, 1, n);
        }
        p += n + 1;
    }
    else if ((p = flbc_rec_odd_key(r, i, p, end, depth)) == NULL) {
        return NULL;
    }
    return flbc_rec_skip(p, end, depth);
}

/*
 * Past pair i at p, noting the plugin's keys; NULL when malformed. The
 * common pair (a fixstr key, a value its first byte sizes or a str8)
 * before limit, FLBC_REC_PAIR_MAX bytes from the end, needs no bounds
 * check and costs no call: it is most of a record's walk.
 */
static flbc_always_inline const uint8_t *flbc_rec_pair(flbc_rec *r, uint32_t i,
                                                      const uint8_t *p, const uint8_t *limit,
                                                      const uint8_t *end, int depth,
                                                      const uint8_t *by_len)
{
    size_t n;

    if (flbc_likely(p < limit && p[0] >= 0xa0 && p[0] <= 0xbf)) {
        n = (size_t) (p[0] & 0x1f);
        if (flbc_unlikely(by_len[n] != 0)) {
            flbc_rec_match(r, i, p, n, by_len[n]);
        }
        p += n + 1;
        n = flbc_rec_fixed_size[p[0]];
        if (flbc_likely(n != 0)) {
            return p + n;
        }
        if (p[0] == 0xd9) {
            n = (size_t) p[1] + 2;
            return n <= (size_t) (end - p) ? p + n : NULL;
        }
        return flbc_rec_skip(p, end, depth);
    }
    return p < end ? flbc_rec_pair_checked(r, i, p, end, depth) : NULL;
}

FLBC_API const uint8_t *flbc_rec_index(flbc_rec *r, const uint8_t *end, int depth)
{
    /* Locals, not r's fields: the key bytes read are char-typed, which C
     * lets alias anything, so fields would be reloaded after every store. */
    const uint8_t *map = r->map;
    const uint8_t *p = r->pairs;
    const uint8_t *limit = end - p > FLBC_REC_PAIR_MAX ? end - FLBC_REC_PAIR_MAX : p;
    const uint32_t count = r->count;
    const uint8_t *by_len = r->rt->key_by_len;
    uint32_t *off = r->key_off;
    uint8_t *head = r->key_head;
    uint32_t i;
    uint32_t n = count < FLBC_REC_INDEX ? count : FLBC_REC_INDEX;

    /* Offsets are 32-bit: a map past 4 GiB (never a Fluent Bit chunk) is
     * walked without an index, as are the records of a plugin that looks
     * up no computed key. */
    if ((uint64_t) (end - map) > UINT32_MAX || !r->rt->index_records) {
        n = 0;
    }
    for (i = 0; i < n; i++) {
        if (p >= end) {
            return NULL;
        }
        off[i] = (uint32_t) (p - map);
        head[i] = p[0];
        if ((p = flbc_rec_pair(r, i, p, limit, end, depth, by_len)) == NULL) {
            return NULL;
        }
    }
    off[n] = (uint32_t) (p - map);
    for (; i < count; i++) {
        if ((p = flbc_rec_pair(r, i, p, limit, end, depth, by_len)) == NULL) {
            return NULL;
        }
    }
    r->n_indexed = n;
    r->map_end = p;
    /* Edits start in the record itself, with no arena allocation. */
    r->edits = r->edits_inline;
    r->cap_edits = FLBC_REC_EDITS;
    return p;
}

/* Index of the newest edit of key, or -1. */
static int64_t flbc_rec_newest_edit(const flbc_rec *r, flbc_str key)
{
    uint32_t i;

    const flbc_str *k;

    for (i = r->n_edits; i > 0; i--) {
        /* Keys are mostly the plugin's literals: same pointer, same key. */
        k = &r->edits[i - 1].key;
        if (k->len == key.len && (k->ptr == key.ptr || memcmp(k->ptr, key.ptr, key.len) == 0)) {
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

/* Whether the key object at p (within end) is the string key; *val_at is
 * set past it. */
static bool flbc_rec_key_is(const uint8_t *p, const uint8_t *end, flbc_str key,
                            const uint8_t **val_at)
{
    flbc_str k = FLBC_STR_EMPTY;
    bool is_str = false;

    p = flbc_rec_key(p, end, &k, &is_str);
    *val_at = p;
    return p != NULL && is_str && flbc_str_eq(k, key);
}

/*
 * The first pair of the original map whose key is key: its number in *pair
 * and its value in *val. Indexed pairs are told apart by their first byte
 * (a fixstr key's header is its length) before any comparison.
 */
static bool flbc_rec_find(flbc_rec *r, flbc_str key, uint32_t *pair, flbc_val *val)
{
    const uint8_t *p;
    const uint8_t *k;
    const uint8_t *v;
    const uint8_t *end = r->map_end;
    const uint8_t *h;
    uint8_t want = (uint8_t) (0xa0 | key.len);
    uint32_t i = 0;

    /* The key found last (has, get, delete of one key in a row). */
    if (key.ptr == r->hit_key && key.len == r->hit_len && key.ptr != NULL) {
        i = r->hit_pair;
        k = r->map + r->key_off[i];
        if (memcmp(k + 1, key.ptr, key.len) == 0) {
            *pair = i;
            return flbc_mp_read(k + 1 + key.len, r->map + r->key_off[i + 1], val) != NULL;
        }
        i = 0;
    }
    if (!r->odd_keys && key.len <= 31) {
        /* Every indexed key is a fixstr: its first byte is its length, so
         * only keys of the same length are compared. */
        while (i < r->n_indexed &&
               (h = memchr(r->key_head + i, want, r->n_indexed - i)) != NULL) {
            i = (uint32_t) (h - r->key_head);
            k = r->map + r->key_off[i];
            if (memcmp(k + 1, key.ptr, key.len) == 0) {
                *pair = i;
                r->hit_key = key.ptr;
                r->hit_len = key.len;
                r->hit_pair = i;
                return flbc_mp_read(k + 1 + key.len, r->map + r->key_off[i + 1], val) != NULL;
            }
            i++;
        }
        i = r->n_indexed;
    }
    else if (r->n_indexed > 0 && !r->odd_keys) {
        i = r->n_indexed;                    /* a long key: not among fixstr keys */
    }
    /* Pairs past the index, odd keys, a record read without index: scan. */
    p = i > 0 ? r->map + r->key_off[i] : r->pairs;
    for (; p != NULL && i < r->count; i++) {
        if (flbc_rec_key_is(p, end, key, &v)) {
            *pair = i;
            return flbc_mp_read(v, end, val) != NULL;
        }
        p = flbc_mp_skip(v, end);
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
    uint32_t pair;

    if (flbc_rec_find(r, key, &pair, &v)) {
        return v;
    }
    return FLBC_VAL_UNDEF;
}

FLBC_API bool flbc_rec_has(flbc_rec *r, flbc_str key)
{
    int64_t e = flbc_rec_newest_edit(r, key);
    flbc_val v;
    uint32_t pair;

    if (e >= 0) {
        return !r->edits[e].deleted;
    }
    return flbc_rec_find(r, key, &pair, &v);
}

/* Room for more edits than the record holds: twice as many in the arena
 * (a record that no walk set up has none). False when the arena is
 * exhausted (arena.failed is set). */
static bool flbc_rec_grow(flbc_rec *r)
{
    flbc_edit *grown;
    uint32_t cap = r->cap_edits != 0 ? r->cap_edits * 2 : FLBC_REC_EDITS;

    grown = flbc_alloc(&r->rt->arena, cap * sizeof(flbc_edit));
    if (grown == NULL) {
        return false;
    }
    if (r->n_edits > 0) {
        memcpy(grown, r->edits, r->n_edits * sizeof(flbc_edit));
    }
    r->edits = grown;
    r->cap_edits = cap;
    return true;
}

static inline void flbc_rec_push(flbc_rec *r, flbc_str key, flbc_val v, int32_t pair,
                                 int32_t slot, bool deleted)
{
    flbc_edit *e;

    if (flbc_unlikely(r->n_edits == r->cap_edits) && !flbc_rec_grow(r)) {
        return;
    }
    e = &r->edits[r->n_edits];
    e->key = key;
    e->val = v;
    e->pair = pair;
    e->slot = slot;
    e->deleted = deleted;
    if (slot >= 0) {
        r->keys_edited |= (uint32_t) 1 << slot;
        r->key_edit[slot] = r->n_edits;
    }
    else {
        r->computed_edits = true;
    }
    r->n_edits++;
}

FLBC_API void flbc_rec_set(flbc_rec *r, flbc_str key, flbc_val v)
{
    int64_t e = flbc_rec_newest_edit(r, key);
    flbc_val old;
    uint32_t pair;

    if (e >= 0 && !r->edits[e].deleted) {
        r->edits[e].val = v;                 /* same key, same position */
        return;
    }
    /* The first edit of a key in the map takes that pair's place; any
     * later one (after a delete) is a new key at the end. */
    if (e < 0 && flbc_rec_find(r, key, &pair, &old) && pair <= INT32_MAX) {
        flbc_rec_push(r, key, v, (int32_t) pair, -1, false);
        return;
    }
    flbc_rec_push(r, key, v, -1, -1, false);
}

FLBC_API void flbc_rec_delete(flbc_rec *r, flbc_str key)
{
    int64_t e = flbc_rec_newest_edit(r, key);
    flbc_val v;
    uint32_t pair;

    if (e >= 0) {
        r->edits[e].deleted = true;
        r->edits[e].val = FLBC_VAL_UNDEF;
        return;
    }
    if (flbc_rec_find(r, key, &pair, &v)) {
        flbc_rec_push(r, key, FLBC_VAL_UNDEF, pair <= INT32_MAX ? (int32_t) pair : -1, -1, true);
    }
    /* Deleting a key that is not there changes nothing. */
}

/*
 * The plugin's keys (flbc_rt_set_keys): the walk noted where each one is,
 * so these search only the edits.
 */

/* The newest edit of key k, or -1, when some edit names its key by string
 * only (slot -1): that may be key k too. */
static int64_t flbc_rec_newest_edit_scan(const flbc_rec *r, uint32_t k)
{
    const flbc_edit *e;
    uint32_t i;

    for (i = r->n_edits; i > 0; i--) {
        e = &r->edits[i - 1];
        if (e->slot == (int32_t) k || (e->slot < 0 && flbc_str_eq(e->key, r->rt->keys[k]))) {
            return (int64_t) i - 1;
        }
    }
    return -1;
}

/* The newest edit of key k, or -1. */
static inline int64_t flbc_rec_newest_edit_key(const flbc_rec *r, uint32_t k)
{
    if (flbc_unlikely(r->computed_edits)) {
        return flbc_rec_newest_edit_scan(r, k);
    }
    return (r->keys_edited >> k & 1) != 0 ? (int64_t) r->key_edit[k] : -1;
}

FLBC_API inline flbc_val flbc_rec_get_key(flbc_rec *r, uint32_t k)
{
    int64_t e = flbc_rec_newest_edit_key(r, k);
    const uint8_t *p;
    size_t n;
    flbc_val v;

    if (e >= 0) {
        return r->edits[e].deleted ? FLBC_VAL_UNDEF : r->edits[e].val;
    }
    if ((r->keys_found >> k & 1) == 0) {
        return FLBC_VAL_UNDEF;
    }
    p = r->at[k].val;
    /* Strings, what records mostly hold, read here: the walk checked that
     * the value lies within the map. */
    if (p[0] >= 0xa0 && p[0] <= 0xbf) {
        n = p[0] & 0x1f;
        return (flbc_val) { .tag = FLBC_STR, .raw = p, .raw_len = (uint32_t) n + 1,
                            .u.s = { (const char *) p + 1, n } };
    }
    if (p[0] == 0xd9) {
        n = p[1];
        return (flbc_val) { .tag = FLBC_STR, .raw = p, .raw_len = (uint32_t) n + 2,
                            .u.s = { (const char *) p + 2, n } };
    }
    return flbc_mp_read(p, r->map_end, &v) != NULL ? v : FLBC_VAL_UNDEF;
}

FLBC_API inline bool flbc_rec_has_key(flbc_rec *r, uint32_t k)
{
    int64_t e = flbc_rec_newest_edit_key(r, k);

    if (e >= 0) {
        return !r->edits[e].deleted;
    }
    return (r->keys_found >> k & 1) != 0;
}

/* The pair a first edit of key k takes the place of, or -1 (a new key). */
static int32_t flbc_rec_key_pair(const flbc_rec *r, uint32_t k)
{
    if ((r->keys_found >> k & 1) == 0 || r->at[k].pair > INT32_MAX) {
        return -1;
    }
    return (int32_t) r->at[k].pair;
}

FLBC_API inline void flbc_rec_set_key(flbc_rec *r, uint32_t k, flbc_val v)
{
    int64_t e = flbc_rec_newest_edit_key(r, k);

    if (e >= 0 && !r->edits[e].deleted) {
        r->edits[e].val = v;                 /* same key, same position */
        return;
    }
    /* As flbc_rec_set: after a delete, the key is new again. */
    flbc_rec_push(r, r->rt->keys[k], v, e < 0 ? flbc_rec_key_pair(r, k) : -1, (int32_t) k, false);
}

FLBC_API inline void flbc_rec_delete_key(flbc_rec *r, uint32_t k)
{
    int64_t e = flbc_rec_newest_edit_key(r, k);

    if (e >= 0) {
        r->edits[e].deleted = true;
        r->edits[e].val = FLBC_VAL_UNDEF;
        return;
    }
    if ((r->keys_found >> k & 1) != 0) {
        flbc_rec_push(r, r->rt->keys[k], FLBC_VAL_UNDEF, flbc_rec_key_pair(r, k), (int32_t) k,
                      true);
    }
}

FLBC_API bool flbc_rec_changed(const flbc_rec *r)
{
    return r->n_edits > 0;
}
