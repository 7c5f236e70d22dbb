#include "flbc.h"

/*
 * flbc_chunk.c: cb_filter's loop over the events of a chunk.
 *
 * An event is `[[time, metadata], body]` (Fluent Bit 2.1+) or the legacy
 * `[time, body]`; time is a non-negative integer, a float or an EventTime
 * (ext type 0, 8 bytes). Fluent Bit marks OpenTelemetry group boundaries
 * with events whose time decodes to a negative second count: EventTime
 * seconds 0xffffffff (group start, -1) and 0xfffffffe (group end, -2), or,
 * in the legacy encoding, an integer that reads back as -1 / -2; every other
 * negative time is skipped by Fluent Bit's decoder. All of those pass
 * through untouched and never reach the plugin.
 *
 * The output is built lazily: as long as every record is kept unchanged no
 * byte is copied, and the chunk is reported FLBC_NOTOUCH, which also spares
 * Fluent Bit a full recount of the records.
 */

/* Room for rewritten records beyond the input's size before regrowing. */
#define FLBC_CHUNK_SLACK 4096

/* How an event is to be handled. */
enum {
    FLBC_EVENT_RECORD,           /* a log record: the plugin sees it */
    FLBC_EVENT_MARKER,           /* group start / end (or skipped): copy as is */
    FLBC_EVENT_MALFORMED
};

/* The seconds and nanoseconds of an EventTime (the 8 bytes at p, big
 * endian); classifies the event by them. */
static inline int flbc_chunk_event_time(const uint8_t *p, double *seconds)
{
    uint64_t sec = ((uint64_t) p[0] << 24) | ((uint64_t) p[1] << 16) |
                   ((uint64_t) p[2] << 8) | p[3];
    uint64_t nsec = ((uint64_t) p[4] << 24) | ((uint64_t) p[5] << 16) |
                    ((uint64_t) p[6] << 8) | p[7];

    if (sec >= 0xfffffffe) {
        *seconds = sec == 0xffffffff ? -1 : -2;
        return nsec == 0 ? FLBC_EVENT_MARKER : FLBC_EVENT_MALFORMED;
    }
    *seconds = (double) sec + (double) nsec / 1e9;
    return FLBC_EVENT_RECORD;
}

/* Reads the time of an event; classifies the event by it. */
static int flbc_chunk_time(flbc_val t, double *seconds)
{
    const uint8_t *p = t.raw;
    uint64_t u;
    int i;

    switch (t.tag) {
    case FLBC_INT:
        if (t.u.i < 0) {
            return FLBC_EVENT_MALFORMED;     /* Fluent Bit wants a positive integer */
        }
        *seconds = (double) t.u.i;
        return FLBC_EVENT_RECORD;
    case FLBC_FLOAT:
        if (isnan(t.u.d)) {
            return FLBC_EVENT_MALFORMED;
        }
        *seconds = t.u.d;
        /* Fluent Bit casts it to a time_t toward zero, so (-1, 0) is
         * second 0; a negative second is a marker or skipped, as is a
         * float no time_t holds (x86-64 casts it to INT64_MIN). */
        return trunc(t.u.d) >= 0 && t.u.d < 9223372036854775808.0 ? FLBC_EVENT_RECORD
                                                                   : FLBC_EVENT_MARKER;
    case FLBC_OPAQUE:
        break;
    default:
        return FLBC_EVENT_MALFORMED;
    }
    if (t.raw_len == 9 && p[0] == 0xcf) {
        /* A uint64 above INT64_MAX: a negative time_t once cast. */
        for (u = 0, i = 1; i < 9; i++) {
            u = (u << 8) | p[i];
        }
        *seconds = (double) (int64_t) u;
        return FLBC_EVENT_MARKER;
    }
    /* EventTime: ext type 0 of exactly 8 bytes, whichever ext encoding
     * carries it (fixext 8 in practice; msgpack-c accepts the others). */
    switch (p[0]) {
    case 0xd7: i = 2; break;                 /* fixext 8 */
    case 0xc7: i = 3; break;                 /* ext 8 */
    case 0xc8: i = 4; break;                 /* ext 16 */
    case 0xc9: i = 6; break;                 /* ext 32 */
    default: return FLBC_EVENT_MALFORMED;
    }
    if (t.raw_len != (uint32_t) i + 8 || p[i - 1] != 0x00) {
        return FLBC_EVENT_MALFORMED;
    }
    return flbc_chunk_event_time(p + i, seconds);
}

/* Reads one object of an event's header at p, nested depth levels deep in
 * the event (bounds and nesting checked as a walk of the whole event
 * would); NULL when malformed. */
static const uint8_t *flbc_chunk_read(const uint8_t *p, const uint8_t *end, int depth,
                                      flbc_val *out)
{
    const uint8_t *next = flbc_mp_skip_depth(p, end, FLBC_MAX_DEPTH - depth);

    return next != NULL ? flbc_mp_read(p, next, out) : NULL;
}

/*
 * Parses the event at p into ev; returns its kind. One walk: the header is
 * read object by object, then the body's pairs are indexed (flbc_rec_index)
 * on the way to its end, which is the event's end.
 */
static int flbc_chunk_event(flbc_rt *rt, const uint8_t *p, const uint8_t *end,
                            flbc_event *ev)
{
    const uint8_t *q;
    uint32_t n;
    int kind;

    memset(ev, 0, offsetof(flbc_event, body.key_off));
    ev->start = p;
    q = flbc_mp_read_array(p, end, &n);
    if (q == NULL || n != 2) {
        return FLBC_EVENT_MALFORMED;
    }
    if (end - q >= 12 && q[0] == 0x92 && q[1] == 0xd7 && q[2] == 0x00 &&
        (q[11] == 0x80 ||
         (end - q >= 16 && q[11] == 0xdf && (q[12] | q[13] | q[14] | q[15]) == 0))) {
        /* [[EventTime, {}], body], read as flbc_mp_read would: Fluent Bit's
         * encoder writes the empty metadata as a map32 (its map headers are
         * sized after the fact), msgpack-c as a fixmap. */
        ev->time_raw = (flbc_val) { .tag = FLBC_OPAQUE, .raw = q + 1, .raw_len = 10 };
        ev->metadata = (flbc_val) { .tag = FLBC_MAP, .raw = q + 11,
                                    .raw_len = q[11] == 0x80 ? 1 : 5 };
        q += 11 + ev->metadata.raw_len;
        kind = flbc_chunk_event_time(ev->time_raw.raw + 2, &ev->time);
    }
    else if (flbc_mp_read_array(q, end, &n) != NULL) {
        if (n != 2) {
            return FLBC_EVENT_MALFORMED;
        }
        q = flbc_chunk_read(flbc_mp_read_array(q, end, &n), end, 2, &ev->time_raw);
        q = q != NULL ? flbc_chunk_read(q, end, 2, &ev->metadata) : NULL;
        if (q == NULL || ev->metadata.tag != FLBC_MAP) {
            return FLBC_EVENT_MALFORMED;
        }
        kind = flbc_chunk_time(ev->time_raw, &ev->time);
    }
    else {
        ev->legacy = true;
        q = flbc_chunk_read(q, end, 1, &ev->time_raw);
        if (q == NULL) {
            return FLBC_EVENT_MALFORMED;
        }
        kind = flbc_chunk_time(ev->time_raw, &ev->time);
    }
    /* The body is the event's last element: where it ends, the event does. */
    ev->body.rt = rt;
    ev->body.pairs = flbc_mp_read_map(q, end, &n);
    if (kind == FLBC_EVENT_MALFORMED || ev->body.pairs == NULL) {
        return FLBC_EVENT_MALFORMED;
    }
    ev->body.map = q;
    ev->body.count = n;
    ev->end = flbc_rec_index(&ev->body, end, FLBC_MAX_DEPTH - 2);
    if (ev->end == NULL) {
        return FLBC_EVENT_MALFORMED;
    }
    return kind;
}

/* The event's root array, time and metadata, before a body. */
static void flbc_chunk_write_header(flbc_buf *out, const flbc_event *ev)
{
    if (ev->time_set) {
        flbc_mp_write_array_header(out, 2);
        if (ev->legacy) {
            flbc_mp_write_event_time(out, ev->time);
        }
        else {
            flbc_mp_write_array_header(out, 2);
            flbc_mp_write_event_time(out, ev->time);
            flbc_mp_write_val(out, ev->metadata);
        }
    }
    else {
        /* Root array, header and metadata exactly as they came. */
        flbc_buf_append(out, ev->start, (size_t) (ev->body.map - ev->start));
    }
}

/* Writes a kept record whose body or time changed, or the records the
 * filter returned in its place (each with this event's time and metadata). */
static void flbc_chunk_write_event(flbc_buf *out, const flbc_event *ev, int ret)
{
    uint32_t i;

    if (ret != FLBC_REPLACE && !ev->time_set) {
        flbc_rec_encode_after(&ev->body, ev->start, out);
        return;
    }
    if (ret != FLBC_REPLACE) {
        flbc_chunk_write_header(out, ev);
        flbc_rec_encode(&ev->body, out);
        return;
    }
    if (ev->result.tag == FLBC_MAP) {
        flbc_chunk_write_header(out, ev);
        flbc_mp_write_val(out, ev->result);
        return;
    }
    for (i = 0; i < (uint32_t) flbc_val_length(ev->result); i++) {
        flbc_chunk_write_header(out, ev);
        flbc_mp_write_val(out, flbc_val_index(ev->result, i));
    }
}

/* Starts the output: one buffer the size of the input plus some slack,
 * holding the clean prefix of records that needed no change. */
static bool flbc_chunk_start_output(flbc_buf *out, const uint8_t *data, size_t bytes,
                                    const uint8_t *clean_end)
{
    if (!flbc_buf_reserve(out, bytes + FLBC_CHUNK_SLACK)) {
        return false;
    }
    flbc_buf_append(out, data, (size_t) (clean_end - data));
    return !out->failed;
}

static void flbc_chunk_malformed(flbc_rt *rt, size_t offset, size_t bytes)
{
    if (rt->malformed_logged % FLBC_MALFORMED_LOG_EVERY == 0) {
        flbc_log(rt, FLBC_LOG_ERROR,
                 "malformed chunk (tag '%.*s', %zu bytes, bad event at offset %zu): "
                 "passed through unchanged (%llu malformed chunks so far, "
                 "logged once every %d)",
                 (int) rt->tag.len, rt->tag.ptr, bytes, offset,
                 (unsigned long long) rt->malformed_logged + 1, FLBC_MALFORMED_LOG_EVERY);
    }
    rt->malformed_logged++;
    rt->stats.chunks_malformed++;
}

FLBC_API int flbc_filter_chunk(flbc_rt *rt, const void *data, size_t bytes,
                               const char *tag, int tag_len,
                               void **out_buf, size_t *out_bytes,
                               flbc_record_fn fn, void *plugin_ctx)
{
    const uint8_t *start = data;
    const uint8_t *end = start + bytes;
    const uint8_t *p = start;
    flbc_arena_mark mark;
    flbc_buf out = { 0 };
    bool writing = false;
    bool changed;
    uint64_t failed = 0;
    uint64_t arena_failed = 0;
    flbc_event ev;
    int kind;
    int ret;

    rt->tag = FLBC_STR_EMPTY;
    if (tag != NULL && tag_len > 0) {
        rt->tag = (flbc_str) { tag, (size_t) tag_len };
    }
    mark = flbc_arena_save(&rt->arena);

    while (p < end) {
        kind = flbc_chunk_event(rt, p, end, &ev);
        if (kind == FLBC_EVENT_MALFORMED) {
            flbc_chunk_malformed(rt, (size_t) (p - start), bytes);
            goto passthrough;
        }
        if (kind == FLBC_EVENT_MARKER) {
            rt->stats.markers++;
            if (writing) {
                flbc_buf_append(&out, ev.start, (size_t) (ev.end - ev.start));
            }
            p = ev.end;
            continue;
        }

        rt->stats.records++;
        ret = fn(rt, &ev, plugin_ctx);
        if (flbc_unlikely(rt->call_overflow)) {
            ret = FLBC_FAIL;
        }
        flbc_calls_reset(rt);
        if (ret == FLBC_FAIL || rt->arena.failed) {
            /* Fail open: the record goes on exactly as it came. */
            failed++;
            if (rt->arena.failed) {
                arena_failed++;
            }
            ret = FLBC_KEEP;
            changed = false;
        }
        else {
            changed = ret == FLBC_DROP || ret == FLBC_REPLACE || ev.time_set ||
                      flbc_rec_changed(&ev.body);
            if (ret == FLBC_DROP) {
                rt->stats.dropped++;
            }
            else if (changed) {
                rt->stats.modified++;
            }
        }

        if (changed && !writing) {
            if (!flbc_chunk_start_output(&out, start, bytes, ev.start)) {
                flbc_log(rt, FLBC_LOG_ERROR,
                         "out of memory for a %zu-byte chunk: passed through unchanged",
                         bytes);
                goto passthrough;
            }
            writing = true;
        }
        if (writing && ret != FLBC_DROP) {
            if (changed) {
                flbc_chunk_write_event(&out, &ev, ret);
            }
            else {
                flbc_buf_append(&out, ev.start, (size_t) (ev.end - ev.start));
            }
        }
        if (rt->arena.used != mark.used || rt->arena.blocks != mark.blocks) {
            flbc_arena_restore(&rt->arena, mark);
        }
        rt->arena.failed = false;
        p = ev.end;
    }

    rt->stats.failed += failed;
    if (failed > 0) {
        flbc_log(rt, FLBC_LOG_ERROR,
                 "%llu record(s) of this chunk passed through unchanged after an error"
                 "%s", (unsigned long long) failed,
                 arena_failed > 0 ? " (arena_limit exceeded, or out of memory)" : "");
    }
    if (!writing) {
        rt->stats.chunks_untouched++;
        rt->tag = FLBC_STR_EMPTY;
        return FLBC_NOTOUCH;
    }
    if (out.failed) {
        flbc_log(rt, FLBC_LOG_ERROR,
                 "out of memory while rewriting a %zu-byte chunk: passed through unchanged",
                 bytes);
        goto passthrough;
    }
    /* Every record dropped: an empty (but allocated) buffer of 0 bytes is
     * what Fluent Bit expects, it then stops the filter chain. */
    *out_buf = out.data;
    *out_bytes = out.len;
    rt->stats.chunks_modified++;
    rt->tag = FLBC_STR_EMPTY;
    return FLBC_MODIFIED;

passthrough:
    flbc_buf_free(&out);
    flbc_arena_restore(&rt->arena, mark);
    rt->arena.failed = false;
    rt->tag = FLBC_STR_EMPTY;
    return FLBC_NOTOUCH;
}

FLBC_API int flbc_filter_result(struct flbc_rt *rt, flbc_event *ev, flbc_val v)
{
    uint32_t i;
    uint32_t n;

    switch (v.tag) {
    case FLBC_UNDEF:
        return FLBC_KEEP;
    case FLBC_BOOL:
        return v.u.b ? FLBC_KEEP : FLBC_DROP;
    case FLBC_MAP:
        ev->result = v;
        return FLBC_REPLACE;
    case FLBC_ARR:
        n = (uint32_t) flbc_val_length(v);
        for (i = 0; i < n; i++) {
            if (flbc_val_index(v, i).tag != FLBC_MAP) {
                break;
            }
        }
        if (i == n) {
            ev->result = v;
            return FLBC_REPLACE;
        }
        break;
    default:
        break;
    }
    flbc_log(rt, FLBC_LOG_ERROR,
             "filter returned %s: expected a boolean, nothing, a record or an array of records",
             v.tag == FLBC_ARR ? "an array that is not all records" : "another kind of value");
    return FLBC_FAIL;
}
