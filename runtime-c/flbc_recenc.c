#include "flbc.h"

/*
 * flbc_recenc.c: a record written back as msgpack, its original pairs
 * merged with its edits (flbc_rec.c) in JavaScript's property order.
 * Untouched pairs are copied as byte runs. The first encoder that applies:
 *   - keyed: every edit names one of the plugin's keys, so the walk found
 *     each edited pair, and the output is sized once;
 *   - indexed: every pair is indexed, so each edit knows its pair;
 *   - otherwise a walk that compares each key with the edits.
 */

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

/* Past the value of the pair the walk found at *at. */
static const uint8_t *flbc_rec_pair_end(const flbc_rec *r, const flbc_rec_at *at)
{
    if (at->pair < r->n_indexed) {
        return r->map + r->key_off[at->pair + 1];
    }
    return flbc_rec_skip(at->val, r->map_end, FLBC_MAX_DEPTH);
}

/* Bytes of the smallest map header for n pairs (flbc_mp_write_map_header). */
static size_t flbc_rec_map_header_size(uint64_t n)
{
    return n < 16 ? 1 : n <= UINT16_MAX ? 3 : 5;
}

/* Most bytes an edit's value takes in msgpack, or SIZE_MAX when only
 * writing it tells (an array or a map that the plugin built). */
static inline size_t flbc_rec_val_room(const flbc_val *v)
{
    if (v->raw != NULL) {
        return v->raw_len;
    }
    switch (v->tag) {
    case FLBC_STR:
        return v->u.s.len + 5;
    case FLBC_ARR:
    case FLBC_MAP:
        return SIZE_MAX;
    default:
        return 9;
    }
}

/*
 * Copies n bytes to o (room reserved); returns the position after them.
 * Keys and short values are a few bytes: two overlapping moves copy them
 * in a handful of instructions, where a call to memcpy costs ~15 more.
 */
static inline uint8_t *flbc_rec_copy(uint8_t *o, const void *from, size_t n)
{
    const uint8_t *s = from;
    uint64_t a8;
    uint64_t b8;
    uint32_t a4;
    uint32_t b4;

    if (n > 16) {
        memcpy(o, s, n);
    }
    else if (n >= 8) {
        memcpy(&a8, s, 8);
        memcpy(&b8, s + n - 8, 8);
        memcpy(o, &a8, 8);
        memcpy(o + n - 8, &b8, 8);
    }
    else if (n >= 4) {
        memcpy(&a4, s, 4);
        memcpy(&b4, s + n - 4, 4);
        memcpy(o, &a4, 4);
        memcpy(o + n - 4, &b4, 4);
    }
    else if (n > 0) {
        o[0] = s[0];
        o[n / 2] = s[n / 2];
        o[n - 1] = s[n - 1];
    }
    return o + n;
}

/* Writes a string at o (room reserved); returns the position after it. */
static inline uint8_t *flbc_rec_put_str(uint8_t *o, flbc_str s)
{
    if (s.len < 32) {
        *o++ = (uint8_t) (0xa0 | s.len);
    }
    else if (s.len <= UINT8_MAX) {
        *o++ = 0xd9;
        *o++ = (uint8_t) s.len;
    }
    else if (s.len <= UINT16_MAX) {
        *o++ = 0xda;
        *o++ = (uint8_t) (s.len >> 8);
        *o++ = (uint8_t) s.len;
    }
    else {
        *o++ = 0xdb;
        *o++ = (uint8_t) (s.len >> 24);
        *o++ = (uint8_t) (s.len >> 16);
        *o++ = (uint8_t) (s.len >> 8);
        *o++ = (uint8_t) s.len;
    }
    return flbc_rec_copy(o, s.ptr, s.len);
}

/* Writes an edit's value at o (room reserved): the bytes it was read from
 * when it has them, a string in place, anything else through out. */
static inline uint8_t *flbc_rec_put_val(flbc_buf *out, uint8_t *o, const flbc_val *v)
{
    if (v->raw != NULL) {
        return flbc_rec_copy(o, v->raw, v->raw_len);
    }
    if (v->tag == FLBC_STR) {
        return flbc_rec_put_str(o, v->u.s);
    }
    out->len = (size_t) (o - out->data);
    flbc_mp_write_val(out, *v);
    return out->data + out->len;
}

/*
 * The encoder when every edit names one of the plugin's keys, none of
 * those keys repeats in the map, and every value's size is known before
 * writing it: the walk found every edited pair, so the output is sized
 * once, the pairs between the edited ones are copied as runs without
 * looking at them, and only the edited pairs and the new keys are
 * written. The bytes from prefix to the map go first; when the map's
 * header keeps its size, they and the pairs up to the first edited one
 * are one copy, the header patched after. False, having written nothing,
 * when a value's size is not known.
 */
static bool flbc_rec_encode_keyed(const flbc_rec *r, const uint8_t *prefix, flbc_buf *out)
{
    /* Locals, not r's fields: the bytes written are char-typed, which C
     * lets alias anything, so fields would be reloaded after every write. */
    const flbc_edit *edits = r->edits;
    const uint32_t n_edits = r->n_edits;
    const uint8_t *map = r->map;
    const uint8_t *map_end = r->map_end;
    /* The edits of original pairs, in the map's order: the first edit of
     * each of the plugin's keys at most, so no more than FLBC_REC_KEYS. */
    uint32_t order[FLBC_REC_KEYS];
    uint32_t n = 0;
    uint64_t total = r->count;
    size_t room = (size_t) (map_end - prefix) + 5;
    size_t val_room;
    const uint8_t *run;
    const flbc_edit *e;
    const flbc_rec_at *at;
    size_t header;
    uint8_t *o;
    uint32_t i;
    uint32_t j;

    for (i = 0; i < n_edits; i++) {
        e = &edits[i];
        if (e->deleted) {
            total -= e->pair >= 0;
        }
        else {
            val_room = flbc_rec_val_room(&e->val);
            if (val_room == SIZE_MAX) {
                return false;
            }
            room += val_room;
            if (e->pair < 0) {
                total++;
                room += e->key.len + 5;
            }
        }
        if (e->pair >= 0) {
            for (j = n; j > 0 && edits[order[j - 1]].pair > e->pair; j--) {
                order[j] = order[j - 1];
            }
            order[j] = i;
            n++;
        }
    }
    if (total > UINT32_MAX ||
        (room > out->cap - out->len && !flbc_buf_reserve(out, room)) || out->failed) {
        out->failed = true;
        return true;
    }
    o = out->data + out->len;
    run = n > 0 ? r->at[edits[order[0]].slot].key : map_end;
    header = flbc_rec_map_header_size(total);
    if (header == (size_t) (r->pairs - map)) {
        /* The same form: copied with the rest, then only the count changes. */
        memcpy(o, prefix, (size_t) (run - prefix));
        if (header == 1) {
            o[map - prefix] = (uint8_t) (0x80 | total);
        }
        else {
            for (j = 1; j < header; j++) {
                o[map - prefix + j] = (uint8_t) (total >> (8 * (header - 1 - j)));
            }
        }
        o += run - prefix;
    }
    else {
        memcpy(o, prefix, (size_t) (map - prefix));
        o += map - prefix;
        out->len = (size_t) (o - out->data);
        flbc_mp_write_map_header(out, (uint32_t) total);
        o = out->data + out->len;
        memcpy(o, r->pairs, (size_t) (run - r->pairs));
        o += run - r->pairs;
    }
    for (i = 0; i < n; i++) {
        e = &edits[order[i]];
        at = &r->at[e->slot];
        if (at->key > run) {
            o = flbc_rec_copy(o, run, (size_t) (at->key - run));
        }
        if (!e->deleted) {
            o = flbc_rec_put_val(out, flbc_rec_copy(o, at->key, (size_t) (at->val - at->key)), &e->val);
        }
        run = flbc_rec_pair_end(r, at);
    }
    if (map_end > run) {
        o = flbc_rec_copy(o, run, (size_t) (map_end - run));
    }
    for (i = 0; i < n_edits; i++) {
        e = &edits[i];
        if (e->pair < 0 && !e->deleted) {
            o = flbc_rec_put_val(out, flbc_rec_put_str(o, e->key), &e->val);
        }
    }
    out->len = (size_t) (o - out->data);
    return true;
}

FLBC_API void flbc_rec_encode(const flbc_rec *r, flbc_buf *out)
{
    flbc_rec_encode_after(r, r->map, out);
}

FLBC_API void flbc_rec_encode_after(const flbc_rec *r, const uint8_t *prefix, flbc_buf *out)
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
        flbc_buf_append(out, prefix, (size_t) (r->map_end - prefix));
        return;
    }
    if (!r->computed_edits && !r->keys_repeat && flbc_rec_encode_keyed(r, prefix, out)) {
        return;
    }
    if (r->map > prefix) {
        flbc_buf_append(out, prefix, (size_t) (r->map - prefix));
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
