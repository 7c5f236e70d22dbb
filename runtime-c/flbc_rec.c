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

/* The bit in flbc_rec.key_bloom of the fixstr key at k: its header (the
 * length) plus the byte after it (the first character, for a key that is
 * not empty). */
static inline uint64_t flbc_rec_bloom_bit(uint8_t header, const uint8_t *k)
{
    return (uint64_t) 1 << ((header + k[1]) & 63);
}

/*
 * One pair at p (p < end): its key, then its value, which must start
 * before end. Records the key in the bloom. Returns the position after the
 * value, or NULL.
 */
static inline const uint8_t *flbc_rec_pair(flbc_rec *r, const uint8_t *p, const uint8_t *end,
                                           int depth)
{
    uint8_t c = p[0];
    size_t n;

    if (c >= 0xa0 && c <= 0xbf) {
        n = (size_t) (c & 0x1f) + 1;
        if (n >= (size_t) (end - p)) {
            return NULL;                     /* cut, or a key without a value */
        }
        r->key_bloom |= flbc_rec_bloom_bit(c, p);
        p += n;
    }
    else {
        r->odd_keys = true;
        p = flbc_rec_skip(p, end, depth);
        if (p == NULL || p >= end) {
            return NULL;
        }
    }
    return flbc_rec_skip(p, end, depth);
}

FLBC_API const uint8_t *flbc_rec_index(flbc_rec *r, const uint8_t *end, int depth)
{
    const uint8_t *p = r->pairs;
    uint32_t i;
    uint32_t n = r->count < FLBC_REC_INDEX ? r->count : FLBC_REC_INDEX;

    /* Offsets are 32-bit: a map past 4 GiB (never a Fluent Bit chunk) is
     * walked without an index. */
    if ((uint64_t) (end - r->map) > UINT32_MAX) {
        n = 0;
    }
    for (i = 0; i < n; i++) {
        if (p >= end) {
            return NULL;
        }
        r->key_off[i] = (uint32_t) (p - r->map);
        r->key_head[i] = p[0];
        if ((p = flbc_rec_pair(r, p, end, depth)) == NULL) {
            return NULL;
        }
    }
    r->key_off[n] = (uint32_t) (p - r->map);
    for (; i < r->count; i++) {
        if (p >= end || (p = flbc_rec_pair(r, p, end, depth)) == NULL) {
            return NULL;
        }
    }
    r->n_indexed = n;
    r->map_end = p;
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
        /* Every indexed key is a fixstr: its first byte is its length. */
        if (key.len == 0 ||
            (r->key_bloom & ((uint64_t) 1 << ((want + (uint8_t) key.ptr[0]) & 63))) != 0) {
            /* Keys of the same length first, by their first bytes. */
            while (i < r->n_indexed &&
                   (h = memchr(r->key_head + i, want, r->n_indexed - i)) != NULL) {
                i = (uint32_t) (h - r->key_head);
                k = r->map + r->key_off[i];
                if (memcmp(k + 1, key.ptr, key.len) == 0) {
                    *pair = i;
                    r->hit_key = key.ptr;
                    r->hit_len = key.len;
                    r->hit_pair = i;
                    return flbc_mp_read(k + 1 + key.len, r->map + r->key_off[i + 1],
                                        val) != NULL;
                }
                i++;
            }
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

static void flbc_rec_push(flbc_rec *r, flbc_str key, flbc_val v, int32_t pair, bool deleted)
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
    r->edits[r->n_edits].pair = pair;
    r->edits[r->n_edits].deleted = deleted;
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
        flbc_rec_push(r, key, v, (int32_t) pair, false);
        return;
    }
    flbc_rec_push(r, key, v, -1, false);
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
        flbc_rec_push(r, key, FLBC_VAL_UNDEF, pair <= INT32_MAX ? (int32_t) pair : -1, true);
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

/* The bytes of the key of indexed pair i, header included. */
static size_t flbc_rec_key_bytes(const flbc_rec *r, uint32_t i)
{
    const uint8_t *k = r->map + r->key_off[i];
    const uint8_t *v;

    if (k[0] >= 0xa0 && k[0] <= 0xbf) {
        return (size_t) (k[0] & 0x1f) + 1;
    }
    v = flbc_mp_skip(k, r->map + r->key_off[i + 1]);
    return v != NULL ? (size_t) (v - k) : 0;
}

/* Whether indexed pair j has the string key of pair i (however each is
 * encoded: a short key may come as str8). */
static bool flbc_rec_same_key(const flbc_rec *r, uint32_t i, uint32_t j)
{
    const uint8_t *a = r->map + r->key_off[i];
    const uint8_t *b = r->map + r->key_off[j];
    flbc_str ka = FLBC_STR_EMPTY;
    flbc_str kb = FLBC_STR_EMPTY;
    bool sa = false;
    bool sb = false;

    if (a[0] == b[0] && a[0] >= 0xa0 && a[0] <= 0xbf) {
        return memcmp(a + 1, b + 1, a[0] & 0x1fu) == 0;     /* both fixstr */
    }
    if (!r->odd_keys) {
        return false;                        /* fixstr keys of different lengths */
    }
    return flbc_rec_key(a, r->map_end, &ka, &sa) != NULL &&
           flbc_rec_key(b, r->map_end, &kb, &sb) != NULL && sa && sb && flbc_str_eq(ka, kb);
}

/*
 * The encoder of a fully indexed record: each edit already knows the pair
 * it replaces or deletes, so one pass over the edits decides every pair's
 * fate and the pairs are copied in runs between the edited ones. A key
 * that appears twice is edited at its first pair and dropped at the
 * others, as lookups see only the first.
 */
static void flbc_rec_encode_indexed(const flbc_rec *r, flbc_buf *out)
{
    int32_t act[FLBC_REC_INDEX];             /* FLBC_REC_KEEP, _SKIP or an edit */
    const uint8_t *run = NULL;
    const uint8_t *k;
    uint64_t total = r->count;
    uint32_t i;
    uint32_t j;
    int32_t p;

    for (i = 0; i < r->count; i++) {
        act[i] = FLBC_REC_KEEP;
    }
    for (i = 0; i < r->n_edits; i++) {
        p = r->edits[i].pair;
        if (p < 0) {
            total += !r->edits[i].deleted;
            continue;
        }
        if (r->edits[i].deleted) {
            act[p] = FLBC_REC_SKIP;
            total--;
        }
        else {
            act[p] = (int32_t) i;
        }
        for (j = (uint32_t) p + 1; j < r->count; j++) {
            if (act[j] == FLBC_REC_KEEP && flbc_rec_same_key(r, (uint32_t) p, j)) {
                act[j] = FLBC_REC_SKIP;
                total--;
            }
        }
    }

    flbc_mp_write_map_header(out, (uint32_t) total);
    for (i = 0; i < r->count; i++) {
        k = r->map + r->key_off[i];
        if (act[i] == FLBC_REC_KEEP) {
            if (run == NULL) {
                run = k;
            }
            continue;
        }
        if (run != NULL) {
            flbc_buf_append(out, run, (size_t) (k - run));
            run = NULL;
        }
        if (act[i] >= 0) {
            flbc_buf_append(out, k, flbc_rec_key_bytes(r, i));
            flbc_mp_write_val(out, r->edits[act[i]].val);
        }
    }
    if (run != NULL) {
        flbc_buf_append(out, run, (size_t) (r->map_end - run));
    }
    for (i = 0; i < r->n_edits; i++) {
        if (r->edits[i].pair < 0 && !r->edits[i].deleted) {
            flbc_mp_write_str(out, r->edits[i].key);
            flbc_mp_write_val(out, r->edits[i].val);
        }
    }
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
    if (r->n_indexed == r->count) {
        flbc_rec_encode_indexed(r, out);
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
