#include "flbc.h"

/*
 * flbc_mp.c: msgpack reading and writing.
 *
 * The reader never trusts a length: every header and payload is checked
 * against `end` before it is touched, and nesting is walked with an explicit
 * stack of FLBC_MAX_DEPTH entries, so a malformed chunk costs a NULL, never
 * a read out of bounds or a deep recursion. The writer always picks the
 * smallest encoding, as msgpack-c does.
 */

/* Shape of one msgpack object as its first bytes describe it. */
typedef struct flbc_mp_head {
    size_t hdr;          /* bytes before the payload (ext: type byte included) */
    uint64_t len;        /* payload bytes (str, bin, ext) */
    uint64_t count;      /* objects that follow as children (map: 2 per pair) */
    bool container;      /* array or map */
} flbc_mp_head;

static uint64_t flbc_mp_be(const uint8_t *p, size_t n)
{
    uint64_t v = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        v = (v << 8) | p[i];
    }
    return v;
}

/* Fills h from the bytes at p; false when they are cut short or invalid. */
static bool flbc_mp_head_read(const uint8_t *p, const uint8_t *end, flbc_mp_head *h)
{
    size_t avail = (size_t) (end - p);
    uint8_t c;
    size_t w;                                /* width of a length field */

    if (avail == 0) {
        return false;
    }
    c = p[0];
    h->hdr = 1;
    h->len = 0;
    h->count = 0;
    h->container = false;
    if (c <= 0x7f || c >= 0xe0 || c == 0xc0 || c == 0xc2 || c == 0xc3) {
        return true;
    }
    if (c <= 0x8f) {
        h->count = 2 * (uint64_t) (c & 0x0f);
        h->container = true;
        return true;
    }
    if (c <= 0x9f) {
        h->count = c & 0x0f;
        h->container = true;
        return true;
    }
    if (c <= 0xbf) {
        h->len = c & 0x1f;
        return true;
    }
    switch (c) {
    case 0xc4: case 0xc5: case 0xc6:         /* bin 8/16/32 */
    case 0xd9: case 0xda: case 0xdb:         /* str 8/16/32 */
        w = (c == 0xc4 || c == 0xd9) ? 1 : (c == 0xc5 || c == 0xda) ? 2 : 4;
        if (avail < 1 + w) {
            return false;
        }
        h->hdr = 1 + w;
        h->len = flbc_mp_be(p + 1, w);
        return true;
    case 0xc7: case 0xc8: case 0xc9:         /* ext 8/16/32 */
        w = c == 0xc7 ? 1 : c == 0xc8 ? 2 : 4;
        if (avail < 2 + w) {
            return false;
        }
        h->hdr = 2 + w;
        h->len = flbc_mp_be(p + 1, w);
        return true;
    case 0xca: h->hdr = 5; break;            /* float32 */
    case 0xcb: h->hdr = 9; break;            /* float64 */
    case 0xcc: case 0xd0: h->hdr = 2; break;
    case 0xcd: case 0xd1: h->hdr = 3; break;
    case 0xce: case 0xd2: h->hdr = 5; break;
    case 0xcf: case 0xd3: h->hdr = 9; break;
    case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8:   /* fixext */
        h->hdr = 2;
        h->len = (uint64_t) 1 << (c - 0xd4);
        break;
    case 0xdc: case 0xdd:                    /* array 16/32 */
    case 0xde: case 0xdf:                    /* map 16/32 */
        w = (c == 0xdc || c == 0xde) ? 2 : 4;
        if (avail < 1 + w) {
            return false;
        }
        h->hdr = 1 + w;
        h->count = flbc_mp_be(p + 1, w);
        if (c >= 0xde) {
            h->count *= 2;
        }
        h->container = true;
        return true;
    default:
        return false;                        /* 0xc1 is never used */
    }
    return avail >= h->hdr;
}

FLBC_API const uint8_t *flbc_mp_skip(const uint8_t *p, const uint8_t *end)
{
    return flbc_mp_skip_depth(p, end, FLBC_MAX_DEPTH);
}

FLBC_API const uint8_t *flbc_mp_skip_depth(const uint8_t *p, const uint8_t *end, int max_depth)
{
    uint64_t left[FLBC_MAX_DEPTH + 1];       /* objects still to skip per level */
    int depth = 0;
    flbc_mp_head h;
    size_t avail;

    if (p == NULL || p >= end) {
        return NULL;
    }
    if (max_depth < 0) {
        max_depth = 0;                       /* no room for a container */
    }
    else if (max_depth > FLBC_MAX_DEPTH) {
        max_depth = FLBC_MAX_DEPTH;
    }
    /* Most objects in a record are small scalars and short strings. */
    if (p[0] <= 0x7f || p[0] >= 0xe0 || p[0] == 0xc0 || p[0] == 0xc2 || p[0] == 0xc3) {
        return p + 1;
    }
    if (p[0] >= 0xa0 && p[0] <= 0xbf) {
        avail = (size_t) (p[0] & 0x1f) + 1;
        return avail <= (size_t) (end - p) ? p + avail : NULL;
    }
    left[0] = 1;
    for (;;) {
        if (left[depth] == 0) {
            if (depth == 0) {
                return p;
            }
            depth--;
            continue;
        }
        left[depth]--;
        avail = (size_t) (end - p);
        if (avail == 0) {
            return NULL;
        }
        /* Fast paths for what records are mostly made of. */
        if (p[0] >= 0xa0 && p[0] <= 0xbf) {
            if ((size_t) (p[0] & 0x1f) >= avail) {
                return NULL;
            }
            p += (p[0] & 0x1f) + 1;
            continue;
        }
        if (p[0] <= 0x7f || p[0] >= 0xe0) {
            p++;
            continue;
        }
        if (!flbc_mp_head_read(p, end, &h)) {
            return NULL;
        }
        if (h.hdr > avail || h.len > avail - h.hdr) {
            return NULL;
        }
        p += h.hdr + (size_t) h.len;
        if (h.container) {
            /* Each child needs at least one byte: a count larger than what
             * is left is malformed, whatever follows. */
            if (depth == max_depth || h.count > (uint64_t) (end - p)) {
                return NULL;
            }
            if (h.count > 0) {
                left[++depth] = h.count;
            }
        }
    }
}

FLBC_API const uint8_t *flbc_mp_read(const uint8_t *p, const uint8_t *end, flbc_val *out)
{
    flbc_mp_head h;
    const uint8_t *next;
    size_t avail;
    uint64_t u;
    uint32_t f32;
    float f;
    uint8_t c;

    /* Strings first: most values a plugin reads are fixstr or str8. */
    if (p != NULL && p < end && (p[0] >= 0xa0 && p[0] <= 0xbf)) {
        avail = (size_t) (p[0] & 0x1f);
        if (avail >= (size_t) (end - p)) {
            memset(out, 0, sizeof(*out));
            return NULL;
        }
        *out = (flbc_val) { .tag = FLBC_STR, .raw = p, .raw_len = (uint32_t) avail + 1,
                            .u.s = { (const char *) p + 1, avail } };
        return p + 1 + avail;
    }
    if (p != NULL && end - p >= 2 && p[0] == 0xd9) {
        avail = p[1];
        if (avail > (size_t) (end - p) - 2) {
            memset(out, 0, sizeof(*out));
            return NULL;
        }
        *out = (flbc_val) { .tag = FLBC_STR, .raw = p, .raw_len = (uint32_t) avail + 2,
                            .u.s = { (const char *) p + 2, avail } };
        return p + 2 + avail;
    }
    memset(out, 0, sizeof(*out));
    if (p == NULL || p >= end || !flbc_mp_head_read(p, end, &h)) {
        return NULL;
    }
    avail = (size_t) (end - p);
    if (h.hdr > avail || h.len > avail - h.hdr) {
        return NULL;
    }
    if (h.container) {
        next = flbc_mp_skip(p, end);
        if (next == NULL) {
            return NULL;
        }
    }
    else {
        next = p + h.hdr + (size_t) h.len;
    }
    if ((uint64_t) (next - p) > UINT32_MAX) {
        return NULL;
    }
    out->raw = p;
    out->raw_len = (uint32_t) (next - p);
    c = p[0];
    if (c <= 0x7f) {
        out->tag = FLBC_INT;
        out->u.i = c;
    }
    else if (c >= 0xe0) {
        out->tag = FLBC_INT;
        out->u.i = (int8_t) c;
    }
    else if (c <= 0x8f || c == 0xde || c == 0xdf) {
        out->tag = FLBC_MAP;
    }
    else if (c <= 0x9f || c == 0xdc || c == 0xdd) {
        out->tag = FLBC_ARR;
    }
    else if (c <= 0xbf || c == 0xd9 || c == 0xda || c == 0xdb) {
        out->tag = FLBC_STR;
        out->u.s.ptr = (const char *) p + h.hdr;
        out->u.s.len = (size_t) h.len;
    }
    else {
        switch (c) {
        case 0xc0:
            out->tag = FLBC_NULL;
            break;
        case 0xc2:
        case 0xc3:
            out->tag = FLBC_BOOL;
            out->u.b = c == 0xc3;
            break;
        case 0xca:
            f32 = (uint32_t) flbc_mp_be(p + 1, 4);
            memcpy(&f, &f32, 4);
            out->tag = FLBC_FLOAT;
            out->u.d = f;
            break;
        case 0xcb:
            u = flbc_mp_be(p + 1, 8);
            out->tag = FLBC_FLOAT;
            memcpy(&out->u.d, &u, 8);
            break;
        case 0xcc: case 0xcd: case 0xce: case 0xcf:
            u = flbc_mp_be(p + 1, h.hdr - 1);
            if (u > INT64_MAX) {
                out->tag = FLBC_OPAQUE;      /* not an int64: raw bytes only */
            }
            else {
                out->tag = FLBC_INT;
                out->u.i = (int64_t) u;
            }
            break;
        case 0xd0:
            out->tag = FLBC_INT;
            out->u.i = (int8_t) p[1];
            break;
        case 0xd1:
            out->tag = FLBC_INT;
            out->u.i = (int16_t) (uint16_t) flbc_mp_be(p + 1, 2);
            break;
        case 0xd2:
            out->tag = FLBC_INT;
            out->u.i = (int32_t) (uint32_t) flbc_mp_be(p + 1, 4);
            break;
        case 0xd3:
            out->tag = FLBC_INT;
            out->u.i = (int64_t) flbc_mp_be(p + 1, 8);
            break;
        default:
            out->tag = FLBC_OPAQUE;          /* bin, ext, fixext */
            break;
        }
    }
    return next;
}

FLBC_API inline const uint8_t *flbc_mp_read_array(const uint8_t *p, const uint8_t *end,
                                                  uint32_t *n)
{
    if (p == NULL || p >= end) {
        return NULL;
    }
    if (p[0] >= 0x90 && p[0] <= 0x9f) {
        *n = p[0] & 0x0f;
        return p + 1;
    }
    if (p[0] == 0xdc && end - p >= 3) {
        *n = (uint32_t) flbc_mp_be(p + 1, 2);
        return p + 3;
    }
    if (p[0] == 0xdd && end - p >= 5) {
        *n = (uint32_t) flbc_mp_be(p + 1, 4);
        return p + 5;
    }
    return NULL;
}

FLBC_API inline const uint8_t *flbc_mp_read_map(const uint8_t *p, const uint8_t *end,
                                                uint32_t *n)
{
    if (p == NULL || p >= end) {
        return NULL;
    }
    if (p[0] >= 0x80 && p[0] <= 0x8f) {
        *n = p[0] & 0x0f;
        return p + 1;
    }
    if (p[0] == 0xde && end - p >= 3) {
        *n = (uint32_t) flbc_mp_be(p + 1, 2);
        return p + 3;
    }
    if (p[0] == 0xdf && end - p >= 5) {
        *n = (uint32_t) flbc_mp_be(p + 1, 4);
        return p + 5;
    }
    return NULL;
}

/* ---------------------------------------------------------------- writing */

/* Appends a marker byte followed by the low `n` bytes of v, big-endian. */
static inline void flbc_mp_put(flbc_buf *b, uint8_t marker, uint64_t v, size_t n)
{
    uint8_t tmp[9];
    uint8_t *d;
    size_t i;

    /* In place when it fits (the output of a chunk is reserved up front). */
    if (flbc_likely(n < b->cap - b->len && !b->failed)) {
        d = b->data + b->len;
        d[0] = marker;
        for (i = 0; i < n; i++) {
            d[1 + i] = (uint8_t) (v >> (8 * (n - 1 - i)));
        }
        b->len += 1 + n;
        return;
    }
    tmp[0] = marker;
    for (i = 0; i < n; i++) {
        tmp[1 + i] = (uint8_t) (v >> (8 * (n - 1 - i)));
    }
    flbc_buf_append(b, tmp, 1 + n);
}

FLBC_API void flbc_mp_write_nil(flbc_buf *b)
{
    flbc_mp_put(b, 0xc0, 0, 0);
}

FLBC_API void flbc_mp_write_bool(flbc_buf *b, bool v)
{
    flbc_mp_put(b, v ? 0xc3 : 0xc2, 0, 0);
}

FLBC_API void flbc_mp_write_int(flbc_buf *b, int64_t v)
{
    if (v >= 0) {
        if (v < 128) {
            flbc_mp_put(b, (uint8_t) v, 0, 0);
        }
        else if (v <= UINT8_MAX) {
            flbc_mp_put(b, 0xcc, (uint64_t) v, 1);
        }
        else if (v <= UINT16_MAX) {
            flbc_mp_put(b, 0xcd, (uint64_t) v, 2);
        }
        else if (v <= UINT32_MAX) {
            flbc_mp_put(b, 0xce, (uint64_t) v, 4);
        }
        else {
            flbc_mp_put(b, 0xcf, (uint64_t) v, 8);
        }
    }
    else if (v >= -32) {
        flbc_mp_put(b, (uint8_t) (int8_t) v, 0, 0);
    }
    else if (v >= INT8_MIN) {
        flbc_mp_put(b, 0xd0, (uint64_t) v, 1);
    }
    else if (v >= INT16_MIN) {
        flbc_mp_put(b, 0xd1, (uint64_t) v, 2);
    }
    else if (v >= INT32_MIN) {
        flbc_mp_put(b, 0xd2, (uint64_t) v, 4);
    }
    else {
        flbc_mp_put(b, 0xd3, (uint64_t) v, 8);
    }
}

/* Always float64, as Fluent Bit and JavaScript encoders write doubles:
 * float32 would change the value's text when read back. */
FLBC_API void flbc_mp_write_double(flbc_buf *b, double v)
{
    uint64_t bits;

    memcpy(&bits, &v, 8);
    flbc_mp_put(b, 0xcb, bits, 8);
}

FLBC_API void flbc_mp_write_num(flbc_buf *b, double v)
{
    if (flbc_num_is_int64(v)) {
        flbc_mp_write_int(b, (int64_t) v);
    }
    else {
        flbc_mp_write_double(b, v);
    }
}

/* flbc_mp_write_str past the fixstr that fits: apart, so that the common
 * case saves no registers. */
static void flbc_mp_write_str_long(flbc_buf *b, flbc_str s)
{
    if (s.len < 32) {
        flbc_mp_put(b, (uint8_t) (0xa0 | s.len), 0, 0);
    }
    else if (s.len <= UINT8_MAX) {
        flbc_mp_put(b, 0xd9, s.len, 1);
    }
    else if (s.len <= UINT16_MAX) {
        flbc_mp_put(b, 0xda, s.len, 2);
    }
    else {
        flbc_mp_put(b, 0xdb, s.len, 4);
    }
    flbc_buf_append(b, s.ptr, s.len);
}

FLBC_API void flbc_mp_write_str(flbc_buf *b, flbc_str s)
{
    if (flbc_likely(s.len < 32 && s.len < b->cap - b->len && !b->failed)) {
        b->data[b->len] = (uint8_t) (0xa0 | s.len);
        if (s.len > 0) {
            memcpy(b->data + b->len + 1, s.ptr, s.len);
        }
        b->len += 1 + s.len;
        return;
    }
    flbc_mp_write_str_long(b, s);
}

FLBC_API void flbc_mp_write_array_header(flbc_buf *b, uint32_t n)
{
    if (n < 16) {
        flbc_mp_put(b, (uint8_t) (0x90 | n), 0, 0);
    }
    else if (n <= UINT16_MAX) {
        flbc_mp_put(b, 0xdc, n, 2);
    }
    else {
        flbc_mp_put(b, 0xdd, n, 4);
    }
}

FLBC_API void flbc_mp_write_map_header(flbc_buf *b, uint32_t n)
{
    if (n < 16) {
        flbc_mp_put(b, (uint8_t) (0x80 | n), 0, 0);
    }
    else if (n <= UINT16_MAX) {
        flbc_mp_put(b, 0xde, n, 2);
    }
    else {
        flbc_mp_put(b, 0xdf, n, 4);
    }
}

FLBC_API void flbc_mp_write_val(flbc_buf *b, flbc_val v)
{
    if (v.raw != NULL) {
        flbc_buf_append(b, v.raw, v.raw_len);
        return;
    }
    switch (v.tag) {
    case FLBC_BOOL:
        flbc_mp_write_bool(b, v.u.b);
        break;
    case FLBC_INT:
    case FLBC_BIGINT:                   /* a bigint is a msgpack integer */
        flbc_mp_write_int(b, v.u.i);
        break;
    case FLBC_FLOAT:
        flbc_mp_write_double(b, v.u.d);
        break;
    case FLBC_STR:
        flbc_mp_write_str(b, v.u.s);
        break;
    case FLBC_ARR:
        if (v.u.arr != NULL) {
            uint32_t i;

            flbc_mp_write_array_header(b, v.u.arr->len);
            for (i = 0; i < v.u.arr->len; i++) {
                /* JSON.stringify writes holes and undefined as null. */
                flbc_mp_write_val(b, v.u.arr->items[i]);
            }
            break;
        }
        flbc_mp_write_nil(b);
        break;
    case FLBC_MAP:
        if (v.u.obj != NULL && v.u.obj->kind != FLBC_OBJ_PLAIN) {
            /* Maps, Sets and Errors have no own enumerable properties:
             * JSON.stringify writes {} for them. */
            flbc_mp_write_map_header(b, 0);
            break;
        }
        if (v.u.obj != NULL) {
            uint32_t i;
            uint32_t n = 0;

            /* undefined members are left out, as JSON.stringify does. */
            for (i = 0; i < v.u.obj->len; i++) {
                n += v.u.obj->vals[i].tag != FLBC_UNDEF;
            }
            flbc_mp_write_map_header(b, n);
            for (i = 0; i < v.u.obj->len; i++) {
                if (v.u.obj->vals[i].tag != FLBC_UNDEF) {
                    flbc_mp_write_str(b, v.u.obj->keys[i]);
                    flbc_mp_write_val(b, v.u.obj->vals[i]);
                }
            }
            break;
        }
        flbc_mp_write_nil(b);
        break;
    default:
        /* undefined and null are written as nil, as JavaScript encoders do. */
        flbc_mp_write_nil(b);
        break;
    }
}

FLBC_API void flbc_mp_write_event_time(flbc_buf *b, double seconds)
{
    uint8_t tmp[10];
    double whole;
    double ns;
    uint64_t sec;
    uint64_t nsec;

    if (!(seconds > 0)) {
        seconds = 0;                         /* NaN and negatives: the epoch */
    }
    whole = floor(seconds);
    ns = round((seconds - whole) * 1e9);
    if (ns >= 1e9) {
        whole += 1;                          /* x.9999999999 rounds up */
        ns -= 1e9;
    }
    if (whole > (double) UINT32_MAX - 2) {
        /* EventTime seconds are 32-bit, and 0xffffffff / 0xfffffffe mark
         * group starts and ends: never write those for a record. */
        whole = (double) UINT32_MAX - 2;
        ns = 0;
    }
    sec = (uint64_t) whole;
    nsec = (uint64_t) ns;
    tmp[0] = 0xd7;                           /* fixext 8 */
    tmp[1] = 0x00;                           /* type 0: EventTime */
    tmp[2] = (uint8_t) (sec >> 24);
    tmp[3] = (uint8_t) (sec >> 16);
    tmp[4] = (uint8_t) (sec >> 8);
    tmp[5] = (uint8_t) sec;
    tmp[6] = (uint8_t) (nsec >> 24);
    tmp[7] = (uint8_t) (nsec >> 16);
    tmp[8] = (uint8_t) (nsec >> 8);
    tmp[9] = (uint8_t) nsec;
    flbc_buf_append(b, tmp, 10);
}
