#include "flbc.h"

/*
 * flbc_mem.c: the per-callback arena and the growable heap buffer.
 *
 * Every byte the runtime allocates goes through FLBC_MALLOC / FLBC_REALLOC /
 * FLBC_FREE here or in flbc_buf, so limits and fault injection live in one
 * place. The arena is a bump allocator over a list of blocks, newest first;
 * blocks double in size so a record that needs a lot of memory costs a
 * logarithmic number of mallocs, and rolling back keeps one block so the
 * steady state does no malloc per record.
 */

/* Alignment of every arena allocation: enough for double, int64 and
 * pointers, the largest things the runtime stores. */
#define FLBC_ARENA_ALIGN 16

static inline size_t flbc_arena_limit(const flbc_arena *a)
{
    return a->cap != 0 ? a->cap : FLBC_ARENA_CAP_DEFAULT;
}

static inline char *flbc_arena_block_data(flbc_block *b)
{
    return (char *) (b + 1);
}

/* Frees every block of the list starting at b. */
static void flbc_arena_free_list(flbc_block *b)
{
    flbc_block *next;

    while (b != NULL) {
        next = b->next;
        FLBC_FREE(b);
        b = next;
    }
}

/*
 * Keeps a single block worth reusing and frees the others: the largest one
 * not above FLBC_ARENA_KEEP_MAX, so that a record which needed a second or
 * third block does not pay the same mallocs again on the next record, while
 * one huge record does not pin a huge block forever.
 */
static void flbc_arena_keep_one(flbc_arena *a)
{
    flbc_block *b;
    flbc_block *next;
    flbc_block *keep = NULL;

    for (b = a->blocks; b != NULL; b = b->next) {
        if (b->size <= FLBC_ARENA_KEEP_MAX && (keep == NULL || b->size > keep->size)) {
            keep = b;
        }
    }
    for (b = a->blocks; b != NULL; b = next) {
        next = b->next;
        if (b != keep) {
            FLBC_FREE(b);
        }
    }
    a->blocks = keep;
    if (keep != NULL) {
        keep->next = NULL;
        a->cur = flbc_arena_block_data(keep);
        a->end = a->cur + keep->size;
    }
    else {
        a->cur = NULL;
        a->end = NULL;
    }
    a->used = 0;
}

FLBC_API void *flbc_alloc(flbc_arena *a, size_t n)
{
    size_t pad;
    size_t limit = flbc_arena_limit(a);
    size_t size;
    flbc_block *b;
    char *p;

    if (n == 0) {
        n = 1;
    }
    pad = a->cur != NULL ? (size_t) (-(uintptr_t) a->cur & (FLBC_ARENA_ALIGN - 1)) : 0;
    if (a->cur != NULL && n <= (size_t) (a->end - a->cur) &&
        pad <= (size_t) (a->end - a->cur) - n) {
        if (flbc_unlikely(a->used + pad + n > limit)) {
            a->failed = true;
            return NULL;
        }
        p = a->cur + pad;
        a->cur = p + n;
        a->used += pad + n;
        if (a->used > a->high_water) {
            a->high_water = a->used;
        }
        return p;
    }

    /* A new block: double the newest one, at least n, at most what the
     * cap still allows (so a near-cap arena does not ask for a huge block). */
    if (n > limit || a->used > limit - n) {
        a->failed = true;
        return NULL;
    }
    size = a->blocks != NULL ? a->blocks->size * 2 : FLBC_ARENA_BLOCK;
    if (size > limit - a->used) {
        size = limit - a->used;
    }
    if (size < n) {
        size = n;
    }
    size = (size + FLBC_ARENA_ALIGN - 1) & ~(size_t) (FLBC_ARENA_ALIGN - 1);
    b = FLBC_MALLOC(sizeof(flbc_block) + size);
    if (b == NULL) {
        a->failed = true;
        return NULL;
    }
    b->next = a->blocks;
    b->size = size;
    a->blocks = b;
    /* The block header is 16 bytes on 64-bit targets, so the data is
     * aligned as malloc's result is. */
    p = flbc_arena_block_data(b);
    a->cur = p + n;
    a->end = p + size;
    a->used += n;
    if (a->used > a->high_water) {
        a->high_water = a->used;
    }
    return p;
}

FLBC_API flbc_arena_mark flbc_arena_save(const flbc_arena *a)
{
    flbc_arena_mark m;

    m.blocks = a->blocks;
    m.cur = a->cur;
    m.end = a->end;
    m.used = a->used;
    return m;
}

FLBC_API void flbc_arena_restore(flbc_arena *a, flbc_arena_mark m)
{
    flbc_block *b;

    if (m.used == 0 && a->used == 0) {
        return;                              /* nothing allocated since a reset */
    }
    if (m.used == 0) {
        /* Nothing before the mark is alive: same as a reset, which may keep
         * a bigger block than the mark's (the mark's block pointer is not
         * used, so the mark stays valid for the next record). */
        flbc_arena_keep_one(a);
        return;
    }
    while (a->blocks != NULL && a->blocks != m.blocks) {
        b = a->blocks;
        a->blocks = b->next;
        FLBC_FREE(b);
    }
    if (a->blocks == NULL) {
        /* The mark's block is gone (a reset in between): never point into
         * freed memory, start over empty. */
        a->cur = NULL;
        a->end = NULL;
        a->used = 0;
        return;
    }
    a->cur = m.cur;
    a->end = m.end;
    a->used = m.used;
}

FLBC_API void flbc_arena_reset(flbc_arena *a)
{
    flbc_arena_keep_one(a);
    a->failed = false;
}

FLBC_API void flbc_arena_free(flbc_arena *a)
{
    flbc_arena_free_list(a->blocks);
    a->blocks = NULL;
    a->cur = NULL;
    a->end = NULL;
    a->used = 0;
    a->failed = false;
}

/* ---------------------------------------------------------------- buffers */

FLBC_API bool flbc_buf_reserve(flbc_buf *b, size_t extra)
{
    size_t need;
    size_t cap;
    uint8_t *data;

    if (b->failed) {
        return false;
    }
    if (extra > SIZE_MAX - b->len) {
        b->failed = true;
        return false;
    }
    need = b->len + extra;
    if (need <= b->cap) {
        return true;
    }
    cap = b->cap != 0 ? b->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    data = FLBC_REALLOC(b->data, cap);
    if (data == NULL) {
        b->failed = true;
        return false;
    }
    b->data = data;
    b->cap = cap;
    return true;
}

/* flbc_buf_append when the bytes do not fit: apart, so that the common
 * case is a leaf that saves no registers. */
static void flbc_buf_append_grow(flbc_buf *b, const void *p, size_t n)
{
    if (n == 0 || !flbc_buf_reserve(b, n)) {
        return;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

FLBC_API void flbc_buf_append(flbc_buf *b, const void *p, size_t n)
{
    /* n - 1 wraps for n == 0, which takes the slow path and does nothing;
     * a failed buffer stays as it is. */
    if (flbc_likely(n - 1 < b->cap - b->len && !b->failed)) {
        memcpy(b->data + b->len, p, n);
        b->len += n;
        return;
    }
    flbc_buf_append_grow(b, p, n);
}

FLBC_API void flbc_buf_free(flbc_buf *b)
{
    if (b->data != NULL) {
        FLBC_FREE(b->data);
    }
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->failed = false;
}
