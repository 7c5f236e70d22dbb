/*
 * call_depth.c: the call-depth limit (flbc_enter / flbc_leave) through
 * flbc_filter_chunk, for test/limits.test.ts. A record callback recurses
 * as deep as the record's "n" asks, guarded as generated functions are;
 * a record that hits FLBC_MAX_CALL_DEPTH must come back unchanged, with
 * one log line, and the next record must run normally.
 * Prints "ok" and exits 0, or says what went wrong and exits 1.
 */
#include <stdio.h>
#include <stdlib.h>

#define FLBC_MALLOC(n)     malloc(n)
#define FLBC_REALLOC(p, n) realloc((p), (n))
#define FLBC_FREE(p)       free(p)
#include "flbc_rt.h"

static int logged;

static void count_log(void *ins, int level, const char *msg)
{
    (void) ins;
    (void) level;
    fprintf(stderr, "log: %s\n", msg);
    logged++;
}

/* A guarded plugin function: returns its depth. */
static double depth_of(flbc_rt *rt, double n)
{
    double r;

    if (flbc_unlikely(!flbc_enter(rt))) {
        return 0;
    }
    r = n <= 0 ? 0 : 1 + depth_of(rt, n - 1);
    flbc_leave(rt);
    return r;
}

static int record_fn(flbc_rt *rt, flbc_event *ev, void *ctx)
{
    flbc_val n = flbc_rec_get(&ev->body, FLBC_STR("n"));

    (void) ctx;
    flbc_rec_set(&ev->body, FLBC_STR("d"), flbc_val_num(depth_of(rt, flbc_val_to_num(n))));
    return FLBC_KEEP;
}

/* [[EventTime(1), {}], {"n": n}] */
static void put_event(flbc_buf *b, int64_t n)
{
    static const uint8_t head[] = { 0x92, 0x92, 0xd7, 0x00, 0, 0, 0, 1, 0, 0, 0, 0, 0x80 };

    flbc_buf_append(b, head, sizeof(head));
    flbc_mp_write_map_header(b, 1);
    flbc_mp_write_str(b, FLBC_STR("n"));
    flbc_mp_write_int(b, n);
}

static bool contains(const uint8_t *hay, size_t n, const uint8_t *needle, size_t m)
{
    size_t i;

    for (i = 0; i + m <= n; i++) {
        if (memcmp(hay + i, needle, m) == 0) {
            return true;
        }
    }
    return false;
}

int main(void)
{
    flbc_rt rt;
    flbc_buf in = { 0 };
    void *out = NULL;
    size_t out_len = 0;
    int ret;

    flbc_rt_init(&rt, count_log, NULL);
    put_event(&in, 10);
    put_event(&in, 1000000);                   /* far past the limit */
    put_event(&in, FLBC_MAX_CALL_DEPTH - 2);   /* just within it */
    ret = flbc_filter_chunk(&rt, in.data, in.len, "t", 1, &out, &out_len, record_fn, NULL);
    if (ret != FLBC_MODIFIED) {
        printf("expected MODIFIED, got %d\n", ret);
        return 1;
    }
    if (rt.stats.failed != 1 || rt.stats.modified != 2 || rt.depth != 0 || rt.call_overflow) {
        printf("stats: failed=%llu modified=%llu depth=%u overflow=%d\n",
               (unsigned long long) rt.stats.failed, (unsigned long long) rt.stats.modified,
               rt.depth, rt.call_overflow);
        return 1;
    }
    {
        flbc_buf deep = { 0 };

        put_event(&deep, 1000000);
        if (!contains(out, out_len, deep.data, deep.len)) {
            printf("the deep record did not come back unchanged\n");
            return 1;
        }
        flbc_buf_free(&deep);
    }
    free(out);
    flbc_buf_free(&in);
    flbc_rt_free(&rt);
    /* One RangeError line for the record, one summary line for the chunk. */
    if (logged != 2) {
        printf("expected 2 log lines, got %d\n", logged);
        return 1;
    }
    printf("ok\n");
    return 0;
}
