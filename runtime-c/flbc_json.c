#include "flbc.h"

#include <stdio.h>

/*
 * flbc_json.c: JSON text to msgpack and back, for the local host (records
 * in from JSON lines, records out as JSON lines) and for plugins that parse
 * or print JSON.
 *
 * Parsing is as strict as JSON.parse, with one addition for type fidelity:
 * a number written without fraction or exponent becomes a msgpack integer,
 * anything else a float64, so "1.0" stays a float through a round trip.
 * Printing follows JSON.stringify; msgpack types JSON has no word for (bin,
 * ext) print as {"$bin": hex} and {"$ext": [type, hex]}.
 */

typedef struct flbc_json_parser {
    const uint8_t *start;
    const uint8_t *p;
    const uint8_t *end;
    flbc_buf *out;
    size_t err;                  /* offset of the first error */
    bool failed;
} flbc_json_parser;

static bool flbc_json_fail(flbc_json_parser *js, const uint8_t *at)
{
    if (!js->failed) {
        js->failed = true;
        js->err = (size_t) (at - js->start);
    }
    return false;
}

static void flbc_json_ws(flbc_json_parser *js)
{
    while (js->p < js->end &&
           (*js->p == ' ' || *js->p == '\t' || *js->p == '\n' || *js->p == '\r')) {
        js->p++;
    }
}

/*
 * Containers and strings learn their size only at their end, but msgpack
 * puts it first: write a 5-byte placeholder, then the real header, moving
 * the contents down when the header is shorter (it usually is).
 */
static void flbc_json_patch(flbc_buf *out, size_t pos, uint8_t kind, uint32_t n)
{
    flbc_buf hdr = { 0 };
    uint8_t small[5];
    size_t h;

    if (out->failed) {
        return;
    }
    hdr.data = small;
    hdr.cap = sizeof(small);
    if (kind == 'a') {
        flbc_mp_write_array_header(&hdr, n);
    }
    else if (kind == 'm') {
        flbc_mp_write_map_header(&hdr, n);
    }
    else if (n < 32) {
        small[0] = (uint8_t) (0xa0 | n);
        hdr.len = 1;
    }
    else if (n <= UINT8_MAX) {
        small[0] = 0xd9;
        small[1] = (uint8_t) n;
        hdr.len = 2;
    }
    else if (n <= UINT16_MAX) {
        small[0] = 0xda;
        small[1] = (uint8_t) (n >> 8);
        small[2] = (uint8_t) n;
        hdr.len = 3;
    }
    else {
        small[0] = 0xdb;
        small[1] = (uint8_t) (n >> 24);
        small[2] = (uint8_t) (n >> 16);
        small[3] = (uint8_t) (n >> 8);
        small[4] = (uint8_t) n;
        hdr.len = 5;
    }
    h = hdr.len;
    if (h < 5) {
        memmove(out->data + pos + h, out->data + pos + 5, out->len - pos - 5);
        out->len -= 5 - h;
    }
    memcpy(out->data + pos, small, h);
}

static int flbc_json_hex(uint8_t c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Four hex digits after "\u"; -1 when they are not there. */
static int32_t flbc_json_u4(const uint8_t *p, const uint8_t *end)
{
    int32_t v = 0;
    int d;
    int i;

    if (end - p < 4) {
        return -1;
    }
    for (i = 0; i < 4; i++) {
        d = flbc_json_hex(p[i]);
        if (d < 0) {
            return -1;
        }
        v = v * 16 + d;
    }
    return v;
}

/* A string at js->p (on the opening quote) as a msgpack str. */
static bool flbc_json_string(flbc_json_parser *js)
{
    flbc_buf *out = js->out;
    size_t pos = out->len;
    const uint8_t *run;
    uint8_t utf8[4];
    int32_t cp;
    int32_t lo;
    uint8_t c;
    uint8_t e;

    flbc_buf_append(out, "\xdb\0\0\0\0", 5);
    js->p++;
    run = js->p;
    for (;;) {
        if (js->p >= js->end) {
            return flbc_json_fail(js, js->p);
        }
        c = *js->p;
        if (c == '"' || c == '\\' || c < 0x20) {
            flbc_buf_append(out, run, (size_t) (js->p - run));
        }
        if (c == '"') {
            js->p++;
            break;
        }
        if (c < 0x20) {
            return flbc_json_fail(js, js->p);    /* raw control characters */
        }
        if (c != '\\') {
            js->p++;
            continue;
        }
        if (js->end - js->p < 2) {
            return flbc_json_fail(js, js->p);
        }
        e = js->p[1];
        js->p += 2;
        switch (e) {
        case '"': case '\\': case '/':
            flbc_buf_append(out, &e, 1);
            break;
        case 'b': flbc_buf_append(out, "\b", 1); break;
        case 'f': flbc_buf_append(out, "\f", 1); break;
        case 'n': flbc_buf_append(out, "\n", 1); break;
        case 'r': flbc_buf_append(out, "\r", 1); break;
        case 't': flbc_buf_append(out, "\t", 1); break;
        case 'u':
            cp = flbc_json_u4(js->p, js->end);
            if (cp < 0) {
                return flbc_json_fail(js, js->p - 2);
            }
            js->p += 4;
            if (cp >= 0xd800 && cp <= 0xdbff && js->end - js->p >= 6 &&
                js->p[0] == '\\' && js->p[1] == 'u') {
                lo = flbc_json_u4(js->p + 2, js->end);
                if (lo >= 0xdc00 && lo <= 0xdfff) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    js->p += 6;
                }
            }
            /* A lone surrogate is kept as its 3-byte WTF-8 form. */
            flbc_buf_append(out, utf8, flbc_str_utf8_put((uint32_t) cp, utf8));
            break;
        default:
            return flbc_json_fail(js, js->p - 2);
        }
        run = js->p;
    }
    if (out->len - pos - 5 > UINT32_MAX) {
        return flbc_json_fail(js, js->p);
    }
    flbc_json_patch(out, pos, 's', (uint32_t) (out->len - pos - 5));
    return true;
}

static bool flbc_json_number(flbc_json_parser *js)
{
    const uint8_t *s = js->p;
    const uint8_t *p = s;
    const uint8_t *end = js->end;
    bool neg = false;
    bool integral = true;
    uint64_t u = 0;
    bool fits = true;
    double d;

    if (*p == '-') {
        neg = true;
        p++;
    }
    if (p >= end || *p < '0' || *p > '9') {
        return flbc_json_fail(js, p);
    }
    if (*p == '0') {
        p++;                                 /* no leading zeros */
    }
    else {
        while (p < end && *p >= '0' && *p <= '9') {
            if (u > (UINT64_MAX - 9) / 10) {
                fits = false;
            }
            else {
                u = u * 10 + (uint64_t) (*p - '0');
            }
            p++;
        }
    }
    if (p < end && *p == '.') {
        integral = false;
        p++;
        if (p >= end || *p < '0' || *p > '9') {
            return flbc_json_fail(js, p);
        }
        while (p < end && *p >= '0' && *p <= '9') {
            p++;
        }
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        integral = false;
        p++;
        if (p < end && (*p == '+' || *p == '-')) {
            p++;
        }
        if (p >= end || *p < '0' || *p > '9') {
            return flbc_json_fail(js, p);
        }
        while (p < end && *p >= '0' && *p <= '9') {
            p++;
        }
    }
    js->p = p;
    if (integral && fits) {
        if (!neg && u <= (uint64_t) INT64_MAX) {
            flbc_mp_write_int(js->out, (int64_t) u);
            return true;
        }
        if (neg && u != 0 && u <= (uint64_t) INT64_MAX + 1) {
            flbc_mp_write_int(js->out, u == (uint64_t) INT64_MAX + 1 ? INT64_MIN : -(int64_t) u);
            return true;
        }
        /* "-0" is a float: JavaScript keeps its sign. */
    }
    d = flbc_num_parse_decimal((const char *) s, (size_t) (p - s));
    flbc_mp_write_double(js->out, d);
    return true;
}

static bool flbc_json_literal(flbc_json_parser *js, const char *word, size_t n)
{
    if ((size_t) (js->end - js->p) < n || memcmp(js->p, word, n) != 0) {
        return flbc_json_fail(js, js->p);
    }
    js->p += n;
    return true;
}

static bool flbc_json_value(flbc_json_parser *js, int depth);

/* An array or object at js->p (on '[' or '{'). */
static bool flbc_json_container(flbc_json_parser *js, int depth)
{
    bool object = *js->p == '{';
    uint8_t close = object ? '}' : ']';
    size_t pos = js->out->len;
    uint64_t n = 0;

    if (depth >= FLBC_MAX_DEPTH) {
        return flbc_json_fail(js, js->p);
    }
    flbc_buf_append(js->out, "\xdf\0\0\0\0", 5);
    js->p++;
    flbc_json_ws(js);
    if (js->p < js->end && *js->p == close) {
        js->p++;
        flbc_json_patch(js->out, pos, object ? 'm' : 'a', 0);
        return true;
    }
    for (;;) {
        flbc_json_ws(js);
        if (object) {
            if (js->p >= js->end || *js->p != '"') {
                return flbc_json_fail(js, js->p);
            }
            if (!flbc_json_string(js)) {
                return false;
            }
            flbc_json_ws(js);
            if (js->p >= js->end || *js->p != ':') {
                return flbc_json_fail(js, js->p);
            }
            js->p++;
        }
        if (!flbc_json_value(js, depth + 1)) {
            return false;
        }
        n++;
        flbc_json_ws(js);
        if (js->p < js->end && *js->p == ',') {
            js->p++;
            continue;
        }
        if (js->p < js->end && *js->p == close) {
            js->p++;
            break;
        }
        return flbc_json_fail(js, js->p);
    }
    if (n > UINT32_MAX) {
        return flbc_json_fail(js, js->p);
    }
    flbc_json_patch(js->out, pos, object ? 'm' : 'a', (uint32_t) n);
    return true;
}

static bool flbc_json_value(flbc_json_parser *js, int depth)
{
    flbc_json_ws(js);
    if (js->p >= js->end) {
        return flbc_json_fail(js, js->p);
    }
    switch (*js->p) {
    case '{':
    case '[':
        return flbc_json_container(js, depth);
    case '"':
        return flbc_json_string(js);
    case 't':
        flbc_mp_write_bool(js->out, true);
        return flbc_json_literal(js, "true", 4);
    case 'f':
        flbc_mp_write_bool(js->out, false);
        return flbc_json_literal(js, "false", 5);
    case 'n':
        flbc_mp_write_nil(js->out);
        return flbc_json_literal(js, "null", 4);
    default:
        if (*js->p == '-' || (*js->p >= '0' && *js->p <= '9')) {
            return flbc_json_number(js);
        }
        return flbc_json_fail(js, js->p);
    }
}

FLBC_API bool flbc_json_to_mp(const char *text, size_t len, flbc_buf *out,
                              size_t *err_offset)
{
    flbc_json_parser js;

    js.start = (const uint8_t *) text;
    js.p = js.start;
    js.end = js.start + len;
    js.out = out;
    js.err = 0;
    js.failed = false;
    if (flbc_json_value(&js, 0)) {
        flbc_json_ws(&js);
        if (js.p != js.end) {
            flbc_json_fail(&js, js.p);       /* one value, nothing after it */
        }
    }
    if (!js.failed && out->failed) {
        flbc_json_fail(&js, js.p);
    }
    if (js.failed && err_offset != NULL) {
        *err_offset = js.err;
    }
    return !js.failed;
}

/* ---------------------------------------------------------------- printing */

static const char flbc_json_digits[] = "0123456789abcdef";

/* A JSON string literal of the UTF-8 (or WTF-8) bytes s[0..n). */
static void flbc_json_put_string(flbc_buf *out, const uint8_t *s, size_t n)
{
    const uint8_t *end = s + n;
    const uint8_t *run = s;
    const uint8_t *p = s;
    char esc[8];
    uint32_t cp;
    uint32_t lo;
    uint8_t utf8[4];
    size_t k;
    size_t k2;
    uint8_t c;

    flbc_buf_append(out, "\"", 1);
    while (p < end) {
        c = *p;
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            p++;
            continue;
        }
        if (c >= 0x80) {
            k = flbc_str_utf8_next(p, end, &cp);
            if (cp != FLBC_UTF8_INVALID && (cp < 0xd800 || cp > 0xdfff)) {
                p += k;                      /* valid characters print as they are */
                continue;
            }
        }
        else {
            k = 1;
            cp = c;
        }
        flbc_buf_append(out, run, (size_t) (p - run));
        if (cp == FLBC_UTF8_INVALID) {
            flbc_buf_append(out, "\\ufffd", 6);
        }
        else if (cp >= 0xd800 && cp <= 0xdbff && p + k < end &&
                 (k2 = flbc_str_utf8_next(p + k, end, &lo)) == 3 &&
                 lo >= 0xdc00 && lo <= 0xdfff) {
            /* Two WTF-8 halves make one character in JavaScript. */
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            flbc_buf_append(out, utf8, flbc_str_utf8_put(cp, utf8));
            k += k2;
        }
        else if (cp >= 0xd800 && cp <= 0xdfff) {
            snprintf(esc, sizeof(esc), "\\u%04x", (unsigned) cp);
            flbc_buf_append(out, esc, 6);
        }
        else {
            switch (c) {
            case '"': flbc_buf_append(out, "\\\"", 2); break;
            case '\\': flbc_buf_append(out, "\\\\", 2); break;
            case '\b': flbc_buf_append(out, "\\b", 2); break;
            case '\f': flbc_buf_append(out, "\\f", 2); break;
            case '\n': flbc_buf_append(out, "\\n", 2); break;
            case '\r': flbc_buf_append(out, "\\r", 2); break;
            case '\t': flbc_buf_append(out, "\\t", 2); break;
            default:
                esc[0] = '\\';
                esc[1] = 'u';
                esc[2] = '0';
                esc[3] = '0';
                esc[4] = flbc_json_digits[c >> 4];
                esc[5] = flbc_json_digits[c & 15];
                flbc_buf_append(out, esc, 6);
                break;
            }
        }
        p += k;
        run = p;
    }
    flbc_buf_append(out, run, (size_t) (p - run));
    flbc_buf_append(out, "\"", 1);
}

static void flbc_json_put_hex(flbc_buf *out, const uint8_t *p, size_t n)
{
    char pair[2];
    size_t i;

    flbc_buf_append(out, "\"", 1);
    for (i = 0; i < n; i++) {
        pair[0] = flbc_json_digits[p[i] >> 4];
        pair[1] = flbc_json_digits[p[i] & 15];
        flbc_buf_append(out, pair, 2);
    }
    flbc_buf_append(out, "\"", 1);
}

static void flbc_json_put_num(flbc_buf *out, double d, bool typed_float)
{
    char text[40];
    size_t n;

    if (isnan(d) || isinf(d)) {
        flbc_buf_append(out, "null", 4);
        return;
    }
    n = flbc_num_format(d, text);
    if (typed_float && memchr(text, '.', n) == NULL && memchr(text, 'e', n) == NULL) {
        text[n++] = '.';
        text[n++] = '0';
    }
    flbc_buf_append(out, text, n);
}

/* bin, ext and big unsigned integers: the objects flbc_mp_read leaves raw. */
static void flbc_json_put_opaque(flbc_buf *out, const uint8_t *raw, size_t len)
{
    uint64_t u = 0;
    size_t hdr;
    char type[8];
    size_t i;
    uint8_t c = raw[0];

    if (c == 0xcf) {
        for (i = 1; i < 9; i++) {
            u = (u << 8) | raw[i];
        }
        flbc_json_put_num(out, (double) u, false);
        return;
    }
    if (c >= 0xc4 && c <= 0xc6) {
        hdr = c == 0xc4 ? 2 : c == 0xc5 ? 3 : 5;
        flbc_buf_append(out, "{\"$bin\":", 8);
        flbc_json_put_hex(out, raw + hdr, len - hdr);
        flbc_buf_append(out, "}", 1);
        return;
    }
    /* ext: fixext 1..16 (type at 1), ext 8/16/32 (type after the length) */
    hdr = c >= 0xd4 ? 2 : c == 0xc7 ? 3 : c == 0xc8 ? 4 : 6;
    snprintf(type, sizeof(type), "%d", (int) (int8_t) raw[hdr - 1]);
    flbc_buf_append(out, "{\"$ext\":[", 9);
    flbc_buf_append(out, type, strlen(type));
    flbc_buf_append(out, ",", 1);
    flbc_json_put_hex(out, raw + hdr, len - hdr);
    flbc_buf_append(out, "]}", 2);
}

/* Writes the object at p; returns the position after it or NULL. */
/* flbc_json_emit, internally: printing a map key's JSON text. */
#define FLBC_JSON_IN_KEY 0x100

/* String(v) of one msgpack value, appended to out: text as is, numbers as
 * JavaScript prints them, arrays joined by ",", maps "[object Object]".
 * Linear in the input: nothing is escaped here. */
static const uint8_t *flbc_json_key_text(const uint8_t *p, const uint8_t *end, flbc_buf *out,
                                         int depth)
{
    const uint8_t *q;
    flbc_val v;
    uint32_t n;
    uint32_t i;
    char num[32];

    /* Only a container can be too deep, as in flbc_mp_skip: a scalar at
     * FLBC_MAX_DEPTH is the last level it accepts. */
    if ((q = flbc_mp_read_array(p, end, &n)) != NULL) {
        if (depth >= FLBC_MAX_DEPTH) {
            return NULL;
        }
        for (i = 0; q != NULL && i < n; i++) {
            if (i > 0) {
                flbc_buf_append(out, ",", 1);
            }
            /* null elements print as "" in a join. */
            if (q < end && *q == 0xc0) {
                q++;
                continue;
            }
            q = flbc_json_key_text(q, end, out, depth + 1);
        }
        return q;
    }
    q = flbc_mp_read(p, end, &v);
    if (q == NULL) {
        return NULL;
    }
    if (v.tag == FLBC_MAP && flbc_mp_skip_depth(p, end, FLBC_MAX_DEPTH - depth) == NULL) {
        return NULL;                         /* nested deeper than the record allows */
    }
    switch (v.tag) {
    case FLBC_STR:
        flbc_buf_append(out, v.u.s.ptr, v.u.s.len);
        break;
    case FLBC_INT:
    case FLBC_FLOAT:
        flbc_buf_append(out, num, flbc_num_format(flbc_val_to_num(v), num));
        break;
    case FLBC_BOOL:
        flbc_buf_append(out, v.u.b ? "true" : "false", v.u.b ? 4 : 5);
        break;
    case FLBC_NULL:
        flbc_buf_append(out, "null", 4);
        break;
    default:
        flbc_buf_append(out, "[object Object]", 15);
        break;
    }
    return q;
}

static const uint8_t *flbc_json_emit(const uint8_t *p, const uint8_t *end, flbc_buf *out,
                                     int flags, int depth)
{
    const uint8_t *q;
    flbc_buf key = { 0 };
    flbc_val v;
    uint32_t n;
    uint32_t i;

    if ((q = flbc_mp_read_array(p, end, &n)) != NULL) {
        if (depth >= FLBC_MAX_DEPTH) {
            return NULL;                     /* as deep as flbc_mp_skip allows */
        }
        flbc_buf_append(out, "[", 1);
        for (i = 0; q != NULL && i < n; i++) {
            if (i > 0) {
                flbc_buf_append(out, ",", 1);
            }
            q = flbc_json_emit(q, end, out, flags, depth + 1);
        }
        flbc_buf_append(out, "]", 1);
        return q;
    }
    if ((q = flbc_mp_read_map(p, end, &n)) != NULL) {
        if (depth >= FLBC_MAX_DEPTH) {
            return NULL;
        }
        flbc_buf_append(out, "{", 1);
        for (i = 0; q != NULL && i < n; i++) {
            if (i > 0) {
                flbc_buf_append(out, ",", 1);
            }
            if (flbc_mp_read(q, end, &v) != NULL && v.tag == FLBC_STR) {
                flbc_json_put_string(out, (const uint8_t *) v.u.s.ptr, v.u.s.len);
                q += v.raw_len;
            }
            else if ((flags & FLBC_JSON_IN_KEY) == 0) {
                /* A non-string key is named by its own JSON text, numbers
                 * as JavaScript names them (no typed ".0"). */
                q = flbc_json_emit(q, end, &key, FLBC_JSON_IN_KEY, depth + 1);
                flbc_json_put_string(out, key.data != NULL ? key.data : (const uint8_t *) "",
                                     key.len);
                key.len = 0;
                if (q == NULL) {
                    break;
                }
            }
            else {
                /* Inside such a key, a key is named by String(key) as
                 * JavaScript names properties: JSON text escaped again at
                 * every level of keys within keys would grow exponentially. */
                q = flbc_json_key_text(q, end, &key, depth + 1);
                flbc_json_put_string(out, key.data != NULL ? key.data : (const uint8_t *) "",
                                     key.len);
                key.len = 0;
                if (q == NULL) {
                    break;
                }
            }
            flbc_buf_append(out, ":", 1);
            q = flbc_json_emit(q, end, out, flags, depth + 1);
        }
        flbc_buf_free(&key);
        flbc_buf_append(out, "}", 1);
        return q;
    }
    q = flbc_mp_read(p, end, &v);
    if (q == NULL) {
        return NULL;
    }
    switch (v.tag) {
    case FLBC_NULL:
        flbc_buf_append(out, "null", 4);
        break;
    case FLBC_BOOL:
        flbc_buf_append(out, v.u.b ? "true" : "false", v.u.b ? 4 : 5);
        break;
    case FLBC_INT:
        if ((flags & FLBC_JSON_TYPED_FLOATS) != 0) {
            /* Typed output shows the integer the chunk holds, digit for
             * digit; JSON.stringify would round it through a double. */
            char num[24];
            int n = snprintf(num, sizeof(num), "%lld", (long long) v.u.i);

            flbc_buf_append(out, num, (size_t) n);
        }
        else {
            flbc_json_put_num(out, (double) v.u.i, false);
        }
        break;
    case FLBC_FLOAT:
        flbc_json_put_num(out, v.u.d, (flags & FLBC_JSON_TYPED_FLOATS) != 0);
        break;
    case FLBC_STR:
        flbc_json_put_string(out, (const uint8_t *) v.u.s.ptr, v.u.s.len);
        break;
    default:
        flbc_json_put_opaque(out, v.raw, v.raw_len);
        break;
    }
    return q;
}

FLBC_API bool flbc_mp_to_json(const uint8_t *p, const uint8_t *end, flbc_buf *out, int flags)
{
    return flbc_json_emit(p, end, out, flags, 0) != NULL && !out->failed;
}
