/*
 * fuzz_msgpack.c: libFuzzer target for the runtime's msgpack reader and
 * cb_filter's chunk loop, with arbitrary bytes as a chunk.
 *
 * Checks, besides "no crash, no sanitizer report, no leak":
 *   - flbc_mp_skip / flbc_mp_read / flbc_mp_to_json stay inside the input;
 *   - flbc_filter_chunk over a malformed chunk returns it untouched;
 *   - a chunk it rewrites is again a sequence of well-formed events, and a
 *     well-formed chunk in which the callback changes nothing is untouched.
 * The callback reads a few keys and, steered by the record's own bytes,
 * keeps, edits, deletes from, replaces or drops the record.
 */
#include <stdio.h>
#include <stdlib.h>

#define FLBC_MALLOC(n)     malloc(n)
#define FLBC_REALLOC(p, n) realloc((p), (n))
#define FLBC_FREE(p)       free(p)
#include "flbc_rt.h"

static void quiet_log(void *ins, int level, const char *msg)
{
    (void) ins;
    (void) level;
    (void) msg;
}

/* What the callback does, from the body's size (deterministic per input). */
static int record_fn(flbc_rt *rt, flbc_event *ev, void *ctx)
{
    flbc_val v;
    size_t n = (size_t) (ev->body.map_end - ev->body.map);
    int *mode = ctx;

    v = flbc_rec_get(&ev->body, FLBC_STR("log"));
    (void) flbc_val_to_str(rt, v);
    (void) flbc_rec_has(&ev->body, FLBC_STR("level"));
    if (*mode == 0) {
        return FLBC_KEEP;                      /* the read-only pass */
    }
    switch (n % 5) {
    case 0:
        return FLBC_KEEP;
    case 1:
        flbc_rec_set(&ev->body, FLBC_STR("seen"), flbc_val_num((double) n));
        return FLBC_KEEP;
    case 2:
        flbc_rec_delete(&ev->body, FLBC_STR("log"));
        ev->time_set = true;
        ev->time = 1.5;
        return FLBC_KEEP;
    case 3:
        return FLBC_DROP;
    default:
        return flbc_filter_result(rt, ev, flbc_rec_to_val(rt, &ev->body));
    }
}

/* Whether [p, end) is a sequence of events flbc_filter_chunk accepts. */
static bool well_formed(flbc_rt *rt, const uint8_t *p, size_t len)
{
    int mode = 0;
    void *out = NULL;
    size_t out_len = 0;
    uint64_t before = rt->stats.chunks_malformed;

    if (flbc_filter_chunk(rt, p, len, "t", 1, &out, &out_len, record_fn, &mode) != FLBC_NOTOUCH) {
        abort();                               /* nothing changed: must be NOTOUCH */
    }
    return rt->stats.chunks_malformed == before;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *p = data;
    const uint8_t *end = data + size;
    const uint8_t *next;
    flbc_val v;
    flbc_buf json = { 0 };
    flbc_rt rt;
    int mode = 1;
    void *out = NULL;
    size_t out_len = 0;
    bool ok;
    int ret;

    /* The reader alone. */
    while (p < end) {
        next = flbc_mp_skip(p, end);
        if (next == NULL) {
            if (flbc_mp_read(p, end, &v) != NULL && v.tag != FLBC_ARR && v.tag != FLBC_MAP) {
                abort();                       /* a scalar read but not skipped */
            }
            break;
        }
        if (next <= p || next > end || flbc_mp_read(p, next, &v) == NULL) {
            abort();
        }
        json.len = 0;
        if (!flbc_mp_to_json(p, next, &json, FLBC_JSON_TYPED_FLOATS) && !json.failed) {
            abort();                           /* skip accepted what to_json rejects */
        }
        p = next;
    }
    flbc_buf_free(&json);

    /* The chunk loop. */
    flbc_rt_init(&rt, quiet_log, NULL);
    rt.arena.cap = 1 << 20;
    ok = well_formed(&rt, data, size);
    ret = flbc_filter_chunk(&rt, data, size, "t", 1, &out, &out_len, record_fn, &mode);
    if (ret == FLBC_MODIFIED) {
        if (!ok || !well_formed(&rt, out, out_len)) {
            abort();                           /* rewrote a bad chunk, or wrote one */
        }
        free(out);
    }
    flbc_rt_free(&rt);
    return 0;
}
