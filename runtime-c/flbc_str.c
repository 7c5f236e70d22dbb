#include "flbc.h"

/*
 * flbc_str.c: JavaScript string operations over UTF-8 byte views.
 *
 * JavaScript strings are sequences of UTF-16 code units; record strings are
 * UTF-8 bytes. Positions and lengths are therefore counted in UTF-16 units
 * (a 4-byte sequence is two units) and converted to byte offsets by walking
 * the bytes, with a fast path for ASCII where both are the same. An invalid
 * byte counts as one unit (JavaScript would have decoded it to U+FFFD) and
 * is copied untouched wherever the string is not rewritten.
 */

FLBC_API size_t flbc_str_utf8_next(const uint8_t *p, const uint8_t *end, uint32_t *cp)
{
    uint8_t c = p[0];
    size_t avail = (size_t) (end - p);
    uint8_t lo = 0x80;
    uint8_t hi = 0xbf;
    size_t n;
    size_t i;
    uint32_t v;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
        v = c & 0x1f;
    }
    else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        v = c & 0x0f;
        if (c == 0xe0) {
            lo = 0xa0;            /* no overlong forms */
        }
    }
    else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        v = c & 0x07;
        if (c == 0xf0) {
            lo = 0x90;            /* no overlong forms */
        }
        else if (c == 0xf4) {
            hi = 0x8f;            /* nothing above U+10FFFF */
        }
    }
    else {
        *cp = FLBC_UTF8_INVALID;
        return 1;
    }
    if (avail < n || p[1] < lo || p[1] > hi) {
        *cp = FLBC_UTF8_INVALID;
        return 1;
    }
    v = (v << 6) | (p[1] & 0x3f);
    for (i = 2; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80) {
            *cp = FLBC_UTF8_INVALID;
            return 1;
        }
        v = (v << 6) | (p[i] & 0x3f);
    }
    *cp = v;
    return n;
}

FLBC_API size_t flbc_str_utf8_put(uint32_t cp, uint8_t *out)
{
    if (cp < 0x80) {
        out[0] = (uint8_t) cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t) (0xc0 | (cp >> 6));
        out[1] = (uint8_t) (0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t) (0xe0 | (cp >> 12));
        out[1] = (uint8_t) (0x80 | ((cp >> 6) & 0x3f));
        out[2] = (uint8_t) (0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (uint8_t) (0xf0 | (cp >> 18));
    out[1] = (uint8_t) (0x80 | ((cp >> 12) & 0x3f));
    out[2] = (uint8_t) (0x80 | ((cp >> 6) & 0x3f));
    out[3] = (uint8_t) (0x80 | (cp & 0x3f));
    return 4;
}

static bool flbc_str_is_ascii(flbc_str s)
{
    const uint8_t *p = (const uint8_t *) s.ptr;
    size_t i;

    for (i = 0; i < s.len; i++) {
        if (p[i] >= 0x80) {
            return false;
        }
    }
    return true;
}

/* UTF-16 units in the bytes [p, p + n). */
FLBC_API size_t flbc_str_units(const uint8_t *p, size_t n)
{
    const uint8_t *end = p + n;
    size_t units = 0;
    size_t k;
    uint32_t cp;

    while (p < end) {
        if (*p < 0x80) {
            p++;
            units++;
            continue;
        }
        k = flbc_str_utf8_next(p, end, &cp);
        units += k == 4 ? 2 : 1;
        p += k;
    }
    return units;
}

/*
 * Byte offset of UTF-16 position pos (<= length). When pos falls between
 * the two halves of a surrogate pair, *mid is set and the offset is the
 * start of that 4-byte sequence.
 */
FLBC_API size_t flbc_str_offset(flbc_str s, size_t pos, bool *mid)
{
    const uint8_t *p = (const uint8_t *) s.ptr;
    const uint8_t *end = p + s.len;
    size_t units = 0;
    size_t i = 0;
    size_t k;
    uint32_t cp;

    *mid = false;
    while (i < s.len && units < pos) {
        if (p[i] < 0x80) {
            i++;
            units++;
            continue;
        }
        k = flbc_str_utf8_next(p + i, end, &cp);
        if (k == 4 && units + 2 > pos) {
            *mid = true;
            return i;
        }
        units += k == 4 ? 2 : 1;
        i += k;
    }
    return i;
}

/* ToIntegerOrInfinity of a position, NaN meaning "argument absent". */
static double flbc_str_pos(double pos, double absent)
{
    if (isnan(pos)) {
        return absent;
    }
    return trunc(pos);
}

FLBC_API bool flbc_str_eq(flbc_str a, flbc_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

FLBC_API int flbc_str_index_of_n(flbc_str s, const flbc_str *list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (flbc_str_eq(s, list[i])) {
            return (int) i;
        }
    }
    return 0;
}

/* Iterates UTF-16 code units over UTF-8 bytes. */
typedef struct flbc_str_iter {
    const uint8_t *p;
    const uint8_t *end;
    int32_t pending;              /* low surrogate still to return, or -1 */
} flbc_str_iter;

static int32_t flbc_str_iter_next(flbc_str_iter *it)
{
    uint32_t cp;
    int32_t unit;

    if (it->pending >= 0) {
        unit = it->pending;
        it->pending = -1;
        return unit;
    }
    if (it->p >= it->end) {
        return -1;
    }
    it->p += flbc_str_utf8_next(it->p, it->end, &cp);
    if (cp == FLBC_UTF8_INVALID) {
        return 0xfffd;
    }
    if (cp >= 0x10000) {
        it->pending = (int32_t) (0xdc00 + ((cp - 0x10000) & 0x3ff));
        return (int32_t) (0xd800 + ((cp - 0x10000) >> 10));
    }
    return (int32_t) cp;
}

FLBC_API int flbc_str_cmp(flbc_str a, flbc_str b)
{
    const uint8_t *pa = (const uint8_t *) a.ptr;
    const uint8_t *pb = (const uint8_t *) b.ptr;
    size_t n = a.len < b.len ? a.len : b.len;
    size_t i = 0;
    size_t back;
    flbc_str_iter ia;
    flbc_str_iter ib;
    int32_t ua;
    int32_t ub;

    while (i < n && pa[i] == pb[i]) {
        i++;
    }
    if (i == n) {
        return a.len < b.len ? -1 : (a.len > b.len ? 1 : 0);
    }
    if (pa[i] < 0x80 && pb[i] < 0x80) {
        return pa[i] < pb[i] ? -1 : 1;
    }
    /* Byte order equals code point order, but UTF-16 order puts astral
     * characters (surrogates) before U+E000..U+FFFF: compare unit by unit
     * from the start of the character that differs. */
    for (back = 0; back < 3 && i > 0 && (pa[i] & 0xc0) == 0x80; back++) {
        i--;
    }
    ia = (flbc_str_iter) { pa + i, pa + a.len, -1 };
    ib = (flbc_str_iter) { pb + i, pb + b.len, -1 };
    for (;;) {
        ua = flbc_str_iter_next(&ia);
        ub = flbc_str_iter_next(&ib);
        if (ua != ub) {
            return ua < ub ? -1 : 1;
        }
        if (ua < 0) {
            return 0;
        }
    }
}

FLBC_API double flbc_str_length(flbc_str s)
{
    if (flbc_str_is_ascii(s)) {
        return (double) s.len;
    }
    return (double) flbc_str_units((const uint8_t *) s.ptr, s.len);
}

FLBC_API flbc_str flbc_str_concat_n(struct flbc_rt *rt, size_t n, const flbc_str *parts)
{
    size_t total = 0;
    size_t nonempty = 0;
    size_t last = 0;
    size_t i;
    char *out;
    char *w;

    for (i = 0; i < n; i++) {
        if (parts[i].len > 0) {
            if (parts[i].len > SIZE_MAX - total) {
                rt->arena.failed = true;
                return FLBC_STR_EMPTY;
            }
            total += parts[i].len;
            nonempty++;
            last = i;
        }
    }
    if (nonempty == 0) {
        return FLBC_STR_EMPTY;
    }
    if (nonempty == 1) {
        return parts[last];                  /* nothing to join: no copy */
    }
    out = flbc_alloc(&rt->arena, total);
    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    w = out;
    for (i = 0; i < n; i++) {
        if (parts[i].len > 0) {
            memcpy(w, parts[i].ptr, parts[i].len);
            w += parts[i].len;
        }
    }
    return (flbc_str) { out, total };
}

FLBC_API flbc_str flbc_str_concat(struct flbc_rt *rt, flbc_str a, flbc_str b)
{
    flbc_str parts[2];

    parts[0] = a;
    parts[1] = b;
    return flbc_str_concat_n(rt, 2, parts);
}

/* First byte offset >= from where needle occurs in hay, or SIZE_MAX. */
FLBC_API size_t flbc_str_find(flbc_str hay, flbc_str needle, size_t from)
{
    size_t i;
    size_t last;

    if (needle.len > hay.len) {
        return SIZE_MAX;
    }
    last = hay.len - needle.len;
    for (i = from; i <= last; i++) {
        if (hay.ptr[i] == needle.ptr[0] &&
            memcmp(hay.ptr + i, needle.ptr, needle.len) == 0) {
            return i;
        }
    }
    return SIZE_MAX;
}

/*
 * Byte offset of a non-negative UTF-16 position (already truncated),
 * clamped to the end of s; *mid as for flbc_str_offset. Positions are only
 * turned into lengths when a negative one needs the string's length, so a
 * prefix test on a long message does not walk all of it.
 */
static size_t flbc_str_offset_of(flbc_str s, double pos, bool *mid)
{
    *mid = false;
    if (pos <= 0) {
        return 0;
    }
    /* Never more units than bytes: clamping to the byte length is safe. */
    return flbc_str_offset(s, pos >= (double) s.len ? s.len : (size_t) pos, mid);
}

/*
 * The search functions compare bytes once positions are converted: for
 * valid UTF-8 a byte match is a character match. A position inside a
 * surrogate pair can only match a search that starts (ends) with a lone
 * surrogate, which valid UTF-8 cannot hold, so it matches only "".
 */
FLBC_API bool flbc_str_starts_with(flbc_str s, flbc_str search, double pos)
{
    bool mid;
    size_t off = flbc_str_offset_of(s, flbc_str_pos(pos, 0), &mid);

    if (search.len == 0) {
        return true;
    }
    if (mid || s.len - off < search.len) {
        return false;
    }
    return memcmp(s.ptr + off, search.ptr, search.len) == 0;
}

FLBC_API bool flbc_str_ends_with(flbc_str s, flbc_str search, double end_pos)
{
    bool mid;
    size_t off = flbc_str_offset_of(s, flbc_str_pos(end_pos, INFINITY), &mid);

    if (search.len == 0) {
        return true;
    }
    if (mid || off < search.len) {
        return false;
    }
    return memcmp(s.ptr + off - search.len, search.ptr, search.len) == 0;
}

FLBC_API double flbc_str_index_of(flbc_str s, flbc_str search, double pos)
{
    double start = flbc_str_pos(pos, 0);
    size_t off;
    size_t found;
    bool mid;

    if (search.len == 0) {
        /* indexOf("") is the clamped position itself. */
        return start <= 0 ? 0 : fmin(start, flbc_str_length(s));
    }
    off = flbc_str_offset_of(s, start, &mid);
    if (mid) {
        off += 4;                            /* first whole character after */
    }
    found = flbc_str_find(s, search, off);
    if (found == SIZE_MAX) {
        return -1;
    }
    return (double) flbc_str_units((const uint8_t *) s.ptr, found);
}

FLBC_API bool flbc_str_includes(flbc_str s, flbc_str search, double pos)
{
    bool mid;
    size_t off;

    if (search.len == 0) {
        return true;
    }
    off = flbc_str_offset_of(s, flbc_str_pos(pos, 0), &mid);
    return flbc_str_find(s, search, mid ? off + 4 : off) != SIZE_MAX;
}

FLBC_API flbc_str flbc_str_slice(struct flbc_rt *rt, flbc_str s, double start, double end)
{
    double from = flbc_str_pos(start, 0);
    double to = flbc_str_pos(end, INFINITY);
    double len;
    size_t b0;
    size_t b1;
    bool mid0;
    bool mid1;
    uint32_t cp;
    uint8_t *out;
    size_t n = 0;

    /* Only a position counted from the end needs the length. */
    if (from < 0 || to < 0) {
        len = flbc_str_length(s);
        from = from < 0 ? fmax(from + len, 0) : from;
        to = to < 0 ? fmax(to + len, 0) : to;
    }
    if (from >= to) {
        return FLBC_STR_EMPTY;
    }
    b0 = flbc_str_offset_of(s, from, &mid0);
    b1 = flbc_str_offset_of(s, to, &mid1);
    if (b1 < b0 || (b1 == b0 && !mid1)) {
        return FLBC_STR_EMPTY;               /* e.g. both past the end */
    }
    if (!mid0 && !mid1) {
        return (flbc_str) { s.ptr + b0, b1 - b0 };
    }
    /* A cut through a surrogate pair leaves a lone surrogate, which only
     * WTF-8 can hold: rebuild the ends in arena memory. */
    out = flbc_alloc(&rt->arena, b1 - b0 + 6);
    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    if (mid0) {
        flbc_str_utf8_next((const uint8_t *) s.ptr + b0,
                           (const uint8_t *) s.ptr + s.len, &cp);
        n += flbc_str_utf8_put(0xdc00 + ((cp - 0x10000) & 0x3ff), out);
        b0 += 4;
    }
    if (b1 > b0) {
        memcpy(out + n, s.ptr + b0, b1 - b0);
        n += b1 - b0;
    }
    if (mid1) {
        flbc_str_utf8_next((const uint8_t *) s.ptr + b1,
                           (const uint8_t *) s.ptr + s.len, &cp);
        n += flbc_str_utf8_put(0xd800 + ((cp - 0x10000) >> 10), out + n);
    }
    return (flbc_str) { (const char *) out, n };
}

/* ------------------------------------------------------------ case mapping */

/* The code point that ends at byte i (exclusive), or 0 at the start. */
static uint32_t flbc_str_prev_cp(const uint8_t *p, size_t i)
{
    size_t j = i;
    uint32_t cp;

    while (j > 0 && i - j < 4) {
        j--;
        if ((p[j] & 0xc0) != 0x80) {
            break;
        }
    }
    if (j == i || flbc_str_utf8_next(p + j, p + i, &cp) != i - j) {
        return 0;
    }
    return cp;
}

/* Whether the capital sigma at p[i .. i + k) ends a word (Unicode's
 * Final_Sigma, as ICU applies it): a cased letter before it and none after
 * it, looking through case-ignorable ones. */
static bool flbc_str_final_sigma(const uint8_t *p, size_t i, size_t k, size_t len)
{
    size_t j = i;
    uint32_t cp = 0;
    uint32_t before;

    for (;;) {
        before = flbc_str_prev_cp(p, j);
        if (before == 0 || flbc_case_kind(before) != FLBC_CASE_IGNORABLE) {
            break;
        }
        /* Step back over that character (its bytes re-encode exactly). */
        j -= before < 0x80 ? 1 : before < 0x800 ? 2 : before < 0x10000 ? 3 : 4;
    }
    if (flbc_case_kind(before) != FLBC_CASE_CASED) {
        return false;
    }
    for (j = i + k; j < len; j += k) {
        k = flbc_str_utf8_next(p + j, p + len, &cp);
        if (flbc_case_kind(cp) != FLBC_CASE_IGNORABLE) {
            return flbc_case_kind(cp) != FLBC_CASE_CASED;
        }
    }
    return true;
}

static flbc_str flbc_str_map_case(struct flbc_rt *rt, flbc_str s, bool upper)
{
    const uint8_t *p = (const uint8_t *) s.ptr;
    const uint8_t *end = p + s.len;
    uint8_t from = upper ? 'a' : 'A';
    size_t i;
    size_t j;
    size_t k;
    size_t m;
    size_t n = 0;
    uint32_t cp;
    uint32_t to[3];
    uint8_t *out;

    /* ASCII fast path: nothing to change means no copy. */
    for (i = 0; i < s.len; i++) {
        if (p[i] >= 0x80 || (uint8_t) (p[i] - from) < 26) {
            break;
        }
    }
    if (i == s.len) {
        return s;
    }
    /* Worst growth is 2 bytes to 6 (U+0390 -> three 2-byte code points);
     * gen_case.mjs checks that no mapping grows more than threefold. */
    if (s.len > (SIZE_MAX - 1) / 3) {
        rt->arena.failed = true;
        return FLBC_STR_EMPTY;
    }
    out = flbc_alloc(&rt->arena, 3 * s.len + 1);
    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    memcpy(out, p, i);
    n = i;
    while (i < s.len) {
        if (p[i] < 0x80) {
            out[n++] = (uint8_t) ((uint8_t) (p[i] - from) < 26 ? p[i] ^ 0x20 : p[i]);
            i++;
            continue;
        }
        k = flbc_str_utf8_next(p + i, end, &cp);
        if (cp == FLBC_UTF8_INVALID) {
            out[n++] = p[i];                 /* keep invalid bytes as they are */
            i++;
            continue;
        }
        if (!upper && cp == 0x3a3) {
            /* A capital sigma that ends a word lowers to U+03C2. */
            to[0] = flbc_str_final_sigma(p, i, k, s.len) ? 0x3c2 : 0x3c3;
            m = 1;
        }
        else {
            m = flbc_case_full(cp, upper, to);
        }
        if (m == 1 && to[0] == cp) {
            memcpy(out + n, p + i, k);       /* unchanged, lone surrogates too */
            n += k;
        }
        else {
            for (j = 0; j < m; j++) {
                n += flbc_str_utf8_put(to[j], out + n);   /* e.g. "\u00df" -> "SS" */
            }
        }
        i += k;
    }
    return (flbc_str) { (const char *) out, n };
}

FLBC_API flbc_str flbc_str_to_upper(struct flbc_rt *rt, flbc_str s)
{
    return flbc_str_map_case(rt, s, true);
}

FLBC_API flbc_str flbc_str_to_lower(struct flbc_rt *rt, flbc_str s)
{
    return flbc_str_map_case(rt, s, false);
}

/* JavaScript's WhiteSpace and LineTerminator code points. */
static bool flbc_str_is_space(uint32_t c)
{
    if (c < 0x80) {
        return c == ' ' || (c >= 0x09 && c <= 0x0d);
    }
    return c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
           c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
           c == 0x3000 || c == 0xfeff;
}

FLBC_API flbc_str flbc_str_trim(struct flbc_rt *rt, flbc_str s)
{
    const uint8_t *p = (const uint8_t *) s.ptr;
    const uint8_t *end = p + s.len;
    size_t start = 0;
    size_t stop = s.len;
    size_t k;
    size_t j;
    uint32_t cp;

    (void) rt;                               /* a trimmed string is a view */
    while (start < stop) {
        k = flbc_str_utf8_next(p + start, end, &cp);
        if (!flbc_str_is_space(cp)) {
            break;
        }
        start += k;
    }
    while (stop > start) {
        /* Step back to the start of the last character. */
        j = stop - 1;
        while (j > start && stop - j < 4 && (p[j] & 0xc0) == 0x80) {
            j--;
        }
        k = flbc_str_utf8_next(p + j, p + stop, &cp);
        if (j + k != stop) {
            cp = FLBC_UTF8_INVALID;
        }
        if (!flbc_str_is_space(cp)) {
            break;
        }
        stop = j;
    }
    return (flbc_str) { s.ptr + start, stop - start };
}

FLBC_API flbc_str flbc_str_dup_heap(flbc_str s)
{
    char *p;

    if (s.len == 0) {
        return FLBC_STR_EMPTY;               /* free_heap ignores empty */
    }
    p = FLBC_MALLOC(s.len);
    if (p == NULL) {
        return FLBC_STR_EMPTY;
    }
    memcpy(p, s.ptr, s.len);
    return (flbc_str) { p, s.len };
}

FLBC_API void flbc_str_free_heap(flbc_str s)
{
    if (s.len > 0) {
        FLBC_FREE((void *) s.ptr);
    }
}
