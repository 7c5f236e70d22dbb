/*
 * flb_mem.h (flbc host): Fluent Bit's allocator wrappers.
 *
 * Same behaviour as fluent-bit/flb_mem.h: thin inline wrappers over libc,
 * where a request for zero bytes returns NULL instead of a unique pointer
 * (plugins must not rely on malloc(0)).
 */
#ifndef FLB_MEM_H
#define FLB_MEM_H

#include <fluent-bit/flb_info.h>
#include <stdlib.h>
#include <string.h>

static inline void *flb_malloc(const size_t size)
{
    if (size == 0) {
        return NULL;
    }
    return malloc(size);
}

static inline void *flb_calloc(size_t n, const size_t size)
{
    if (size == 0) {
        return NULL;
    }
    return calloc(n, size);
}

static inline void *flb_realloc(void *ptr, const size_t size)
{
    return realloc(ptr, size);
}

/* Zero-fills the bytes past old_size when the block grows. */
static inline void *flb_realloc_z(void *ptr, const size_t old_size,
                                  const size_t new_size)
{
    char *p;

    p = flb_realloc(ptr, new_size);
    if (!p) {
        return NULL;
    }
    if (new_size > old_size) {
        memset(p + old_size, 0, new_size - old_size);
    }
    return p;
}

static inline void flb_free(void *ptr)
{
    free(ptr);
}

#endif
