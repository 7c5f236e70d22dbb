#include "flbc.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

/*
 * flbc_rt.c: the per-instance runtime state and logging.
 *
 * Messages are formatted into a bounded stack buffer: logging never
 * allocates, so it still works when the arena or the heap is exhausted,
 * which is exactly when there is something to say.
 */

#define FLBC_LOG_MAX 1024

FLBC_API void flbc_rt_init(flbc_rt *rt, flbc_log_fn log, void *ins)
{
    memset(rt, 0, sizeof(*rt));
    rt->log = log;
    rt->log_ins = ins;
    rt->tag = FLBC_STR_EMPTY;
    rt->index_records = true;
    /* Math.random: a different sequence per instance and per start. */
    rt->random_state = ((uint64_t) (uintptr_t) rt * 0x9e3779b97f4a7c15ull) ^
                       ((uint64_t) time(NULL) << 17) ^ 0x2545f4914f6cdd1dull;
    if (rt->random_state == 0) {
        rt->random_state = 0x2545f4914f6cdd1dull;
    }
}

FLBC_API void flbc_rt_set_keys(flbc_rt *rt, const flbc_str *keys, uint32_t n, int naming)
{
    uint32_t i;

    rt->index_records = naming == FLBC_KEYS_COMPUTED;
    rt->keys = keys;
    /* Generated code never names more; the walk must never write past at[]. */
    rt->n_keys = n < FLBC_REC_KEYS ? n : FLBC_REC_KEYS;
    memset(rt->key_by_len, 0, sizeof(rt->key_by_len));
    /* Backwards, so that each length's chain lists its keys in order. */
    for (i = rt->n_keys; i > 0; i--) {
        if (keys[i - 1].len < 32) {
            rt->key_next[i - 1] = rt->key_by_len[keys[i - 1].len];
            rt->key_by_len[keys[i - 1].len] = (uint8_t) i;
        }
    }
    for (i = 0; i < rt->n_keys; i++) {
        uint8_t word[8] = { 0 };
        uint8_t mask[8] = { 0 };
        size_t n8 = keys[i].len < 8 ? keys[i].len : 8;

        /* Byte arrays read as words, so that the comparison holds on any
         * byte order. */
        if (n8 > 0) {
            memcpy(word, keys[i].ptr, n8);
        }
        memset(mask, 0xff, n8);
        memcpy(&rt->key_word[i], word, 8);
        memcpy(&rt->key_mask[i], mask, 8);
    }
}

FLBC_API void flbc_rt_free(flbc_rt *rt)
{
    flbc_arena_free(&rt->arena);
}

/* Marks a message cut at the buffer's end with "...". */
static void flbc_rt_ellipsis(char *msg, size_t size)
{
    memcpy(msg + size - 4, "...", 4);
}

FLBC_API void flbc_log(flbc_rt *rt, int level, const char *fmt, ...)
{
    char msg[FLBC_LOG_MAX];
    va_list ap;
    int n;

    if (rt->log == NULL) {
        return;
    }
    va_start(ap, fmt);
    n = vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if ((size_t) n >= sizeof(msg)) {
        flbc_rt_ellipsis(msg, sizeof(msg));
    }
    rt->log(rt->log_ins, level, msg);
}

/*
 * A plugin's own message: bytes as they are, except NUL, which C's log
 * functions would take for the end of the text; it is written as "\0".
 */
FLBC_API void flbc_log_str(flbc_rt *rt, int level, flbc_str text)
{
    char msg[FLBC_LOG_MAX];
    size_t n = 0;
    size_t i;

    if (rt->log == NULL) {
        return;
    }
    for (i = 0; i < text.len; i++) {
        if (n + 2 >= sizeof(msg)) {
            flbc_rt_ellipsis(msg, sizeof(msg));
            rt->log(rt->log_ins, level, msg);
            return;
        }
        if (text.ptr[i] == '\0') {
            msg[n++] = '\\';
            msg[n++] = '0';
        }
        else {
            msg[n++] = text.ptr[i];
        }
    }
    msg[n] = '\0';
    rt->log(rt->log_ins, level, msg);
}

FLBC_API bool flbc_call_overflow(flbc_rt *rt)
{
    if (!rt->call_overflow) {
        rt->call_overflow = true;
        flbc_log(rt, FLBC_LOG_ERROR,
                 "RangeError: maximum call depth (%d) exceeded: the record is passed "
                 "through unchanged", FLBC_MAX_CALL_DEPTH);
    }
    return false;
}
