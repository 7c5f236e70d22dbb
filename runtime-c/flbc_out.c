#include "flbc.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

/*
 * flbc_out.c: what an output's flush uses besides the record functions:
 * the chunk's events as a lazily decoded sequence, the flush result, local
 * sinks (stdout, files) and the formatting helpers of the flbc module.
 *
 * A failed ctx.file.append throws an I/O error (flbc_exc.c): a flush that
 * lets it escape is retried (flbc_flush_uncaught), as under Node.
 *
 * A flush owns its flbc_rt (arena and tag) for the length of the call, so
 * flushes of one instance may run on several worker threads at once:
 * nothing here keeps state outside the rt and the events it is handed.
 * Events are read with flbc_chunk.c's parser (the amalgamation puts it
 * first), never copied: a body is a flbc_rec view into the chunk.
 */

FLBC_API bool flbc_events_init(flbc_events *evs, flbc_rt *rt, const void *data,
                               size_t bytes, const char *tag, size_t tag_len)
{
    const uint8_t *p = data;
    flbc_event ev;
    int kind;

    memset(evs, 0, sizeof(*evs));
    evs->rt = rt;
    evs->data = data;
    evs->end = evs->data + bytes;
    evs->tag = tag != NULL ? (flbc_str) { tag, tag_len } : FLBC_STR_EMPTY;
    rt->tag = evs->tag;
    /* One walk up front: an output cannot pass a bad chunk through, so a
     * malformed one is refused before the plugin sees any of its events. */
    while (p < evs->end) {
        kind = flbc_chunk_event(rt, p, evs->end, &ev);
        if (kind == FLBC_EVENT_MALFORMED) {
            flbc_log(rt, FLBC_LOG_ERROR,
                     "malformed chunk (tag '%.*s', %zu bytes, bad event at offset %zu): "
                     "not delivered", (int) evs->tag.len, evs->tag.ptr, bytes,
                     (size_t) (p - evs->data));
            rt->stats.chunks_malformed++;
            return false;
        }
        if (kind == FLBC_EVENT_RECORD) {
            evs->count++;
        }
        else {
            rt->stats.markers++;
        }
        p = ev.end;
    }
    rt->stats.records += evs->count;
    return true;
}

FLBC_API flbc_event_cursor flbc_events_begin(const flbc_events *evs)
{
    flbc_event_cursor c;

    memset(&c, 0, sizeof(c));
    c.pos = evs->data;
    return c;
}

FLBC_API bool flbc_events_next(const flbc_events *evs, flbc_event_cursor *c)
{
    int kind;

    while (c->pos != NULL && c->pos < evs->end) {
        kind = flbc_chunk_event(evs->rt, c->pos, evs->end, &c->ev);
        if (kind == FLBC_EVENT_MALFORMED) {
            /* Validated by flbc_events_init: only reached if the chunk
             * changed under us. Stop rather than read garbage. */
            c->pos = NULL;
            return false;
        }
        c->pos = c->ev.end;
        if (kind == FLBC_EVENT_RECORD) {
            return true;
        }
    }
    return false;
}

FLBC_API double flbc_events_length(const flbc_events *evs)
{
    return (double) evs->count;
}

FLBC_API int flbc_flush_result(flbc_rt *rt, flbc_str s)
{
    if (flbc_str_eq(s, FLBC_STR("ok"))) {
        return FLBC_FLUSH_OK;
    }
    if (flbc_str_eq(s, FLBC_STR("retry"))) {
        return FLBC_FLUSH_RETRY;
    }
    if (!flbc_str_eq(s, FLBC_STR("error"))) {
        flbc_log(rt, FLBC_LOG_ERROR, "flush returned '%.*s': expected \"ok\", \"retry\" or "
                 "\"error\"; the chunk is not delivered", (int) (s.len > 64 ? 64 : s.len), s.ptr);
    }
    return FLBC_FLUSH_ERROR;
}

FLBC_API int flbc_flush_uncaught(flbc_rt *rt)
{
    bool io = flbc_val_is_io_error(rt->exc);

    flbc_log_uncaught(rt);
    return io ? FLBC_FLUSH_RETRY : FLBC_FLUSH_ERROR;
}

/* NUL-terminated copy of s in the arena, for C library calls. */
static const char *flbc_out_cstr(flbc_rt *rt, flbc_str s)
{
    char *p = flbc_alloc(&rt->arena, s.len + 1);

    if (p == NULL) {
        return NULL;
    }
    memcpy(p, s.ptr, s.len);
    p[s.len] = '\0';
    return p;
}

FLBC_API void flbc_file_append(flbc_rt *rt, flbc_str path, flbc_str data)
{
    const char *name;
    FILE *f;
    size_t n;
    int closed;

    if (path.len == 0 || memchr(path.ptr, '\0', path.len) != NULL) {
        flbc_throw_new(rt, FLBC_STR("IoError"), "file.append: invalid path '%.*s'",
                       (int) path.len, path.ptr);
        return;
    }
    name = flbc_out_cstr(rt, path);
    if (name == NULL) {
        flbc_throw_new(rt, FLBC_STR("IoError"), "file.append: out of memory");
        return;
    }
    f = fopen(name, "ab");
    if (f == NULL) {
        flbc_throw_new(rt, FLBC_STR("IoError"), "file.append: cannot open '%s': %s", name,
                       strerror(errno));
        return;
    }
    n = data.len > 0 ? fwrite(data.ptr, 1, data.len, f) : 0;
    closed = fclose(f);
    if (n != data.len || closed != 0) {
        flbc_throw_new(rt, FLBC_STR("IoError"), "file.append: cannot write '%s': %s", name,
                       strerror(errno));
    }
}

FLBC_API void flbc_stdout_write(flbc_str s)
{
    if (s.len > 0) {
        fwrite(s.ptr, 1, s.len, stdout);
    }
}

/* The finished text of a buffer, as an arena string. */
static flbc_str flbc_out_take(flbc_rt *rt, flbc_buf *b)
{
    flbc_str s = FLBC_STR_EMPTY;
    char *p;

    if (!b->failed && b->len > 0) {
        p = flbc_alloc(&rt->arena, b->len);
        if (p != NULL) {
            memcpy(p, b->data, b->len);
            s = (flbc_str) { p, b->len };
        }
    }
    flbc_buf_free(b);
    return s;
}

static void flbc_out_json_str(flbc_buf *b, flbc_str s)
{
    flbc_buf tmp = { 0 };

    /* The JSON writer reads msgpack: encode the string, then print it. */
    flbc_mp_write_str(&tmp, s);
    if (!tmp.failed) {
        flbc_mp_to_json(tmp.data, tmp.data + tmp.len, b, 0);
    }
    flbc_buf_free(&tmp);
}

/* JSON of a (raw or built) value, as JSON.stringify writes it. */
static void flbc_out_json_val(flbc_buf *b, flbc_val v)
{
    flbc_buf tmp = { 0 };

    flbc_mp_write_val(&tmp, v);
    if (!tmp.failed) {
        flbc_mp_to_json(tmp.data, tmp.data + tmp.len, b, 0);
    }
    flbc_buf_free(&tmp);
}

static void flbc_out_json_num(flbc_buf *b, double d)
{
    char num[32];
    size_t n;

    if (!isfinite(d)) {
        flbc_buf_append(b, "null", 4);
        return;
    }
    n = flbc_num_format(d, num);
    flbc_buf_append(b, num, n);
}

/* A map value with its pairs built (a raw map is read into the arena), so
 * that both kinds are walked the same way; undefined when not a map. */
static flbc_val flbc_out_pairs(flbc_rt *rt, flbc_val map)
{
    flbc_val copy;
    const uint8_t *end;
    const uint8_t *p;
    uint32_t n = 0;
    uint32_t i;
    flbc_val k;
    flbc_val v;

    if (map.tag != FLBC_MAP) {
        return FLBC_VAL_UNDEF;
    }
    if (map.raw == NULL) {
        return map.u.obj != NULL ? map : FLBC_VAL_UNDEF;
    }
    copy = flbc_obj_of(rt, 0, NULL, NULL);
    end = map.raw + map.raw_len;
    p = flbc_mp_read_map(map.raw, end, &n);
    for (i = 0; i < n && p != NULL; i++) {
        p = flbc_mp_read(p, end, &k);
        p = p == NULL ? NULL : flbc_mp_read(p, end, &v);
        if (p != NULL && k.tag == FLBC_STR) {
            flbc_val_set(rt, &copy, k.u.s, v);
        }
    }
    return copy.tag == FLBC_MAP && copy.u.obj != NULL ? copy : FLBC_VAL_UNDEF;
}

FLBC_API flbc_str flbc_event_json_line(flbc_rt *rt, flbc_event *ev, flbc_val date_arg)
{
    flbc_str date_key = date_arg.tag == FLBC_UNDEF ? FLBC_STR("date") : flbc_val_as_str(date_arg);
    flbc_buf b = { 0 };
    flbc_val body = flbc_out_pairs(rt, flbc_rec_to_val(rt, &ev->body));
    flbc_val date;
    uint32_t i;
    bool first = true;

    /* { [date_key]: time, ...body }: a body field of that name keeps the
     * first position with its own value, as the spread does in JS. */
    flbc_buf_append(&b, "{", 1);
    if (date_key.len > 0) {
        flbc_out_json_str(&b, date_key);
        flbc_buf_append(&b, ":", 1);
        date = flbc_val_get(body, date_key);
        if (date.tag == FLBC_UNDEF) {
            flbc_out_json_num(&b, ev->time);
        }
        else {
            flbc_out_json_val(&b, date);
        }
        first = false;
    }
    if (body.tag == FLBC_MAP) {
        for (i = 0; i < body.u.obj->len; i++) {
            if (body.u.obj->vals[i].tag == FLBC_UNDEF ||
                (date_key.len > 0 && flbc_str_eq(body.u.obj->keys[i], date_key))) {
                continue;
            }
            if (!first) {
                flbc_buf_append(&b, ",", 1);
            }
            first = false;
            flbc_out_json_str(&b, body.u.obj->keys[i]);
            flbc_buf_append(&b, ":", 1);
            flbc_out_json_val(&b, body.u.obj->vals[i]);
        }
    }
    flbc_buf_append(&b, "}", 1);
    return flbc_out_take(rt, &b);
}

/* A string that reads back as one token after '=': no space, quote or '='. */
static bool flbc_out_bare(flbc_str s)
{
    size_t i;

    if (s.len == 0) {
        return false;
    }
    for (i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char) s.ptr[i];

        if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
            return false;
        }
    }
    return true;
}

FLBC_API flbc_str flbc_rec_key_value(flbc_rt *rt, flbc_val record)
{
    flbc_buf b = { 0 };
    flbc_val map = flbc_out_pairs(rt, record);
    uint32_t i;
    bool first = true;

    if (map.tag != FLBC_MAP) {
        return FLBC_STR_EMPTY;
    }
    for (i = 0; i < map.u.obj->len; i++) {
        flbc_val v = map.u.obj->vals[i];

        if (v.tag == FLBC_UNDEF) {
            continue;
        }
        if (!first) {
            flbc_buf_append(&b, " ", 1);
        }
        first = false;
        flbc_buf_append(&b, map.u.obj->keys[i].ptr, map.u.obj->keys[i].len);
        flbc_buf_append(&b, "=", 1);
        if (v.tag == FLBC_STR && flbc_out_bare(v.u.s)) {
            flbc_buf_append(&b, v.u.s.ptr, v.u.s.len);
        }
        else {
            flbc_out_json_val(&b, v);
        }
    }
    return flbc_out_take(rt, &b);
}

FLBC_API flbc_str flbc_hostname(flbc_rt *rt)
{
    char name[256];
    char *p;
    size_t n;

    if (gethostname(name, sizeof(name)) != 0) {
        return FLBC_STR("localhost");
    }
    name[sizeof(name) - 1] = '\0';
    n = strlen(name);
    p = flbc_alloc(&rt->arena, n);
    if (p == NULL) {
        return FLBC_STR_EMPTY;
    }
    memcpy(p, name, n);
    return (flbc_str) { p, n };
}
