/*
 * host_events.c: the host's input and output formats.
 *
 * Input chunks are built exactly as Fluent Bit's log event encoder writes
 * them (flb_log_event_encoder_emit_record):
 *     92 92 d7 00 <sec:be32> <nsec:be32> <metadata map> <body map>
 * that is [[EventTime, metadata], body] with fixarray headers and the
 * EventTime as fixext8 type 0. Group markers (OpenTelemetry) are events
 * whose EventTime seconds are 0xffffffff (start) or 0xfffffffe (end); in
 * JSON they are written with time -1 and -2.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <fluent-bit/flb_mem.h>
#include "flbc_rt.h"
#include "host.h"

#define GROUP_START_SEC 0xffffffffu
#define GROUP_END_SEC   0xfffffffeu

/* ------------------------------------------------------------ msgpack */

static uint32_t be32(const uint8_t *p)
{
    return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
           ((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t) (v >> 24);
    p[1] = (uint8_t) (v >> 16);
    p[2] = (uint8_t) (v >> 8);
    p[3] = (uint8_t) v;
}

/* Reads an array header; NULL if p is not an array. */
static const uint8_t *array_header(const uint8_t *p, const uint8_t *end,
                                   uint32_t *count)
{
    if (p >= end) {
        return NULL;
    }
    if ((*p & 0xf0) == 0x90) {
        *count = *p & 0x0f;
        return p + 1;
    }
    if (*p == 0xdc && end - p >= 3) {
        *count = ((uint32_t) p[1] << 8) | p[2];
        return p + 3;
    }
    if (*p == 0xdd && end - p >= 5) {
        *count = be32(p + 1);
        return p + 5;
    }
    return NULL;
}

static int is_map(const uint8_t *p, const uint8_t *end)
{
    return p < end && ((*p & 0xf0) == 0x80 || *p == 0xde || *p == 0xdf);
}

/* An event's timestamp as Fluent Bit decodes it. */
struct event_time {
    int64_t sec;               /* -1, -2: group start/end markers */
    uint32_t nsec;
};

/* Decodes a timestamp as Fluent Bit's decoder does (flb_log_event_decoder's
 * time reading): EventTime (ext type 0 of 8 bytes, in any ext encoding), a
 * positive msgpack integer, or a float cast toward zero, so that (-1, 0) is
 * second 0 and -1.x / -2.x are the group markers. A time Fluent Bit casts to
 * another negative second (a float at or below -3, a uint64 above INT64_MAX,
 * a float no int64 holds, which x86-64 casts to INT64_MIN) is an event its
 * decoder skips; the host keeps it as a record. -1 for the rest: a negative
 * integer, NaN (deliberately stricter: no time at all), any other type. */
static int read_time(const uint8_t *p, const uint8_t *end, struct event_time *t)
{
    flbc_val v;
    double whole;
    uint64_t u;
    int i;

    if (!flbc_mp_read(p, end, &v)) {
        return -1;
    }
    t->nsec = 0;
    switch (v.tag) {
    case FLBC_INT:
        if (v.u.i < 0) {
            return -1;
        }
        t->sec = v.u.i;
        return 0;
    case FLBC_FLOAT:
        if (isnan(v.u.d)) {
            return -1;
        }
        whole = trunc(v.u.d);
        if (!(whole >= -9223372036854775808.0 && whole < 9223372036854775808.0)) {
            t->sec = INT64_MIN;
            return 0;
        }
        t->sec = (int64_t) whole;
        if (v.u.d > 0) {
            t->nsec = (uint32_t) ((v.u.d - whole) * 1e9);
        }
        return 0;
    case FLBC_OPAQUE:
        break;
    default:
        return -1;
    }
    if (v.raw[0] == 0xcf) {
        for (u = 0, i = 1; i < 9; i++) {
            u = (u << 8) | v.raw[i];
        }
        t->sec = (int64_t) (u - (uint64_t) INT64_MAX - 1) + INT64_MIN;   /* as a time_t */
        return 0;
    }
    switch (v.raw[0]) {
    case 0xd7: i = 2; break;                 /* fixext 8 */
    case 0xc7: i = 3; break;                 /* ext 8 */
    case 0xc8: i = 4; break;                 /* ext 16 */
    case 0xc9: i = 6; break;                 /* ext 32 */
    default: return -1;
    }
    if (v.raw_len != (uint32_t) i + 8 || v.raw[i - 1] != 0x00) {
        return -1;
    }
    t->sec = be32(v.raw + i);
    t->nsec = be32(v.raw + i + 4);
    if (t->sec == GROUP_START_SEC || t->sec == GROUP_END_SEC) {
        t->sec = t->sec == GROUP_START_SEC ? -1 : -2;
    }
    return 0;
}

/* One event: [[time, metadata], body] or the legacy [time, body]. */
struct event {
    const uint8_t *end;        /* past the event */
    struct event_time time;
    const uint8_t *meta;       /* NULL in the legacy shape */
    const uint8_t *meta_end;
    const uint8_t *body;
    const uint8_t *body_end;
};

/* Reads the event at p; -1 where Fluent Bit's log event decoder fails,
 * which includes metadata or a body that is not a map: the host then treats
 * it as malformed like a truncated event, so what it builds into chunks,
 * counts and prints are only events Fluent Bit would decode. */
static int read_event(const uint8_t *p, const uint8_t *end, struct event *ev)
{
    uint32_t n;
    uint32_t m;
    const uint8_t *q;
    const uint8_t *header;

    q = array_header(p, end, &n);
    if (!q || n != 2) {
        return -1;
    }
    header = array_header(q, end, &m);
    if (header) {
        if (m != 2 || read_time(header, end, &ev->time) == -1) {
            return -1;
        }
        ev->meta = flbc_mp_skip(header, end);
        if (!ev->meta || !is_map(ev->meta, end)) {
            return -1;
        }
        ev->meta_end = flbc_mp_skip(ev->meta, end);
        if (!ev->meta_end) {
            return -1;
        }
        ev->body = ev->meta_end;
    }
    else {
        if (read_time(q, end, &ev->time) == -1) {
            return -1;
        }
        ev->meta = NULL;
        ev->meta_end = NULL;
        ev->body = flbc_mp_skip(q, end);
        if (!ev->body) {
            return -1;
        }
    }
    if (!is_map(ev->body, end)) {
        return -1;
    }
    ev->body_end = flbc_mp_skip(ev->body, end);
    if (!ev->body_end) {
        return -1;
    }
    ev->end = ev->body_end;
    return 0;
}

static int is_group_marker(const struct event *ev)
{
    return ev->time.sec == -1 || ev->time.sec == -2;
}

/* ------------------------------------------------------------- chunks */

static int chunks_push(struct host_chunks *c, const uint8_t *data, size_t len,
                       size_t records)
{
    struct host_chunk *items;
    uint8_t *copy;

    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        items = flb_realloc(c->items, c->cap * sizeof(*items));
        if (!items) {
            return -1;
        }
        c->items = items;
    }
    copy = flb_malloc(len);
    if (len > 0 && !copy) {
        return -1;
    }
    if (len > 0) {
        memcpy(copy, data, len);
    }
    c->items[c->n].data = copy;
    c->items[c->n].len = len;
    c->items[c->n].records = records;
    c->n++;
    return 0;
}

void host_chunks_free(struct host_chunks *c)
{
    size_t i;

    for (i = 0; i < c->n; i++) {
        flb_free(c->items[i].data);
    }
    flb_free(c->items);
    memset(c, 0, sizeof(*c));
}

int host_chunks_from_msgpack(const uint8_t *data, size_t len,
                             size_t per_chunk, struct host_chunks *out)
{
    size_t n = 0;
    size_t records = 0;
    const uint8_t *p;
    const uint8_t *start;
    const uint8_t *end;
    struct event ev;

    if (len == 0) {
        return 0;
    }
    p = data;
    start = data;
    end = data + len;
    while (p < end) {
        if (read_event(p, end, &ev) == -1) {
            /* Malformed from here: the plugin gets these bytes as they are. */
            p = end;
            break;
        }
        p = ev.end;
        n++;
        if (!is_group_marker(&ev)) {
            records++;
        }
        if (n == per_chunk) {
            if (chunks_push(out, start, (size_t) (p - start), records) == -1) {
                return -1;
            }
            start = p;
            n = 0;
            records = 0;
        }
    }
    if (p > start) {
        if (chunks_push(out, start, (size_t) (p - start), records) == -1) {
            return -1;
        }
    }
    return 0;
}

/*
 * The time of an --events line, exactly: "1700000000.123456789" keeps all
 * nine digits, which a double cannot. Reads the number text after the
 * line's first `depth` brackets; falls back to the parsed double (exponents).
 */
static int exact_time(const char *line, const char *line_end, int depth,
                      double parsed, struct event_time *t)
{
    int digits;
    int neg = 0;
    int64_t sec = 0;
    uint32_t nsec = 0;
    const char *p = line;
    int brackets = 0;

    while (p < line_end && brackets < depth) {
        if (*p == '[') {
            brackets++;
        }
        p++;
        while (p < line_end && (*p == ' ' || *p == '\t' || *p == '\r')) {
            p++;
        }
    }
    if (p < line_end && *p == '-') {
        neg = 1;
        p++;
    }
    while (p < line_end && *p >= '0' && *p <= '9' && sec < ((int64_t) 1 << 40)) {
        sec = sec * 10 + (*p++ - '0');
    }
    if (p < line_end && *p == '.') {
        p++;
        for (digits = 0; p < line_end && *p >= '0' && *p <= '9'; digits++, p++) {
            if (digits < 9) {
                nsec = nsec * 10 + (uint32_t) (*p - '0');
            }
        }
        for (; digits < 9; digits++) {
            nsec *= 10;
        }
    }
    if (p < line_end && (*p == 'e' || *p == 'E' || (*p >= '0' && *p <= '9'))) {
        /* Exponent or a huge number: trust the double. */
        sec = (int64_t) floor(parsed);
        nsec = (uint32_t) llround((parsed - floor(parsed)) * 1e9);
        if (nsec >= 1000000000u) {
            sec++;
            nsec = 0;
        }
        neg = 0;
    }
    if (neg) {
        sec = -sec;
    }
    t->sec = sec;
    t->nsec = nsec;
    return 0;
}

static void write_event_head(flbc_buf *b, struct event_time t)
{
    uint8_t head[12] = { 0x92, 0x92, 0xd7, 0x00 };
    uint32_t sec;

    sec = t.sec == -1 ? GROUP_START_SEC :
          t.sec == -2 ? GROUP_END_SEC : (uint32_t) t.sec;
    put_be32(head + 4, sec);
    put_be32(head + 8, t.nsec);
    flbc_buf_append(b, head, sizeof(head));
}

/* One --events line, parsed into msgpack at mp: checks its shape and
 * re-encodes it the encoder's way into chunk. */
static const char *encode_event_line(const uint8_t *mp, const uint8_t *mp_end,
                                     const char *line, const char *line_end,
                                     flbc_buf *chunk, int *group)
{
    int legacy;
    uint32_t n;
    uint32_t m;
    const uint8_t *p;
    const uint8_t *meta;
    const uint8_t *meta_end;
    const uint8_t *body;
    flbc_val tv;
    struct event_time t;

    p = array_header(mp, mp_end, &n);
    if (!p || n != 2) {
        return "an event must be [[time, metadata], body]";
    }
    legacy = (*p & 0xf0) != 0x90 && *p != 0xdc && *p != 0xdd;
    if (!legacy) {
        p = array_header(p, mp_end, &m);
        if (!p || m != 2) {
            return "an event must be [[time, metadata], body]";
        }
    }
    meta = flbc_mp_read(p, mp_end, &tv);
    if (!meta || (tv.tag != FLBC_INT && tv.tag != FLBC_FLOAT)) {
        return "the time of an event must be a number of seconds";
    }
    if (tv.tag == FLBC_INT) {
        t.sec = tv.u.i;
        t.nsec = 0;
    }
    else {
        exact_time(line, line_end, legacy ? 1 : 2, tv.u.d, &t);
    }
    if (!((t.sec >= 0 && t.sec <= (int64_t) UINT32_MAX - 2) ||
          ((t.sec == -1 || t.sec == -2) && t.nsec == 0))) {
        return "the time of an event must be within 0..4294967293 "
               "(-1 and -2: group markers)";
    }
    /* The older [time, body] form gets empty metadata, as Fluent Bit's
     * decoder gives it. */
    if (legacy) {
        body = meta;
        meta = (const uint8_t *) "\x80";
        meta_end = meta + 1;
    }
    else {
        if (!is_map(meta, mp_end)) {
            return "the metadata of an event must be an object";
        }
        meta_end = flbc_mp_skip(meta, mp_end);
        body = meta_end;
    }
    if (!body || !is_map(body, mp_end)) {
        return "the body of an event must be an object";
    }
    write_event_head(chunk, t);
    flbc_buf_append(chunk, meta, (size_t) (meta_end - meta));
    flbc_buf_append(chunk, body, (size_t) (mp_end - body));
    *group = t.sec < 0;
    return NULL;
}

int host_chunks_from_json(const char *text, size_t len, int events,
                          size_t per_chunk, struct host_chunks *out)
{
    int group;
    int ret = 0;
    size_t line_no = 0;
    size_t n = 0;
    size_t records = 0;
    size_t err_offset;
    const char *p = text;
    const char *end = text + len;
    const char *eol;
    const char *q;
    const char *why;
    flbc_buf mp = { 0 };
    flbc_buf chunk = { 0 };
    static const struct event_time zero = { 0, 0 };

    while (p < end) {
        line_no++;
        eol = memchr(p, '\n', (size_t) (end - p));
        if (!eol) {
            eol = end;
        }
        for (q = p; q < eol && (*q == ' ' || *q == '\t' || *q == '\r'); q++) {
        }
        if (q == eol) {
            p = eol + (eol < end);
            continue;
        }

        mp.len = 0;
        if (!flbc_json_to_mp(p, (size_t) (eol - p), &mp, &err_offset)) {
            fprintf(stderr, "line %zu: invalid JSON at column %zu\n",
                    line_no, err_offset + 1);
            ret = -1;
            break;
        }
        if (mp.failed || chunk.failed) {
            fprintf(stderr, "line %zu: out of memory\n", line_no);
            ret = -1;
            break;
        }
        group = 0;
        if (events) {
            why = encode_event_line(mp.data, mp.data + mp.len, p, eol, &chunk, &group);
            if (why) {
                fprintf(stderr, "line %zu: %s\n", line_no, why);
                ret = -1;
                break;
            }
        }
        else {
            if (!is_map(mp.data, mp.data + mp.len)) {
                fprintf(stderr, "line %zu: a record must be a JSON object\n", line_no);
                ret = -1;
                break;
            }
            write_event_head(&chunk, zero);
            flbc_buf_append(&chunk, "\x80", 1);
            flbc_buf_append(&chunk, mp.data, mp.len);
        }
        n++;
        records += !group;
        if (n == per_chunk) {
            if (chunks_push(out, chunk.data, chunk.len, records) == -1) {
                ret = -1;
                break;
            }
            chunk.len = 0;
            n = 0;
            records = 0;
        }
        p = eol + (eol < end);
    }
    if (ret == 0 && n > 0) {
        ret = chunks_push(out, chunk.data, chunk.len, records);
    }
    flbc_buf_free(&mp);
    flbc_buf_free(&chunk);
    return ret;
}

/* ------------------------------------------------------------ output */

long host_count_records(const uint8_t *data, size_t len)
{
    long n = 0;
    const uint8_t *p;
    const uint8_t *end;
    struct event ev;

    /* A filter that drops every record may return a NULL buffer. */
    if (len == 0) {
        return 0;
    }
    p = data;
    end = data + len;
    while (p < end) {
        if (read_event(p, end, &ev) == -1) {
            return -1;
        }
        n += !is_group_marker(&ev);
        p = ev.end;
    }
    return n;
}

/* Seconds as a JSON number: integral when nsec is 0, else up to nine
 * fractional digits without trailing zeros. */
static void write_time(flbc_buf *out, struct event_time t)
{
    int n;
    char buf[40];

    if (t.nsec == 0) {
        n = snprintf(buf, sizeof(buf), "%lld", (long long) t.sec);
    }
    else {
        n = snprintf(buf, sizeof(buf), "%lld.%09u", (long long) t.sec, t.nsec);
        while (buf[n - 1] == '0') {
            n--;
        }
    }
    flbc_buf_append(out, buf, (size_t) n);
}

int host_chunk_to_json(const uint8_t *data, size_t len, int events,
                       flbc_buf *out)
{
    const uint8_t *p;
    const uint8_t *end;
    struct event ev;

    if (len == 0) {
        return 0;
    }
    p = data;
    end = data + len;
    while (p < end) {
        if (read_event(p, end, &ev) == -1) {
            return -1;
        }
        p = ev.end;
        if (!events) {
            if (is_group_marker(&ev)) {
                continue;
            }
            if (!flbc_mp_to_json(ev.body, ev.body_end, out, FLBC_JSON_TYPED_FLOATS)) {
                return -1;
            }
            flbc_buf_append(out, "\n", 1);
            continue;
        }
        flbc_buf_append(out, "[[", 2);
        write_time(out, ev.time);
        flbc_buf_append(out, ",", 1);
        if (ev.meta) {
            if (!flbc_mp_to_json(ev.meta, ev.meta_end, out, FLBC_JSON_TYPED_FLOATS)) {
                return -1;
            }
        }
        else {
            flbc_buf_append(out, "{}", 2);
        }
        flbc_buf_append(out, "],", 2);
        if (!flbc_mp_to_json(ev.body, ev.body_end, out, FLBC_JSON_TYPED_FLOATS)) {
            return -1;
        }
        flbc_buf_append(out, "]\n", 2);
    }
    return 0;
}
