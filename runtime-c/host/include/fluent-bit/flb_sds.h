/*
 * flb_sds.h (flbc host): Fluent Bit's dynamic strings.
 *
 * An flb_sds_t points at NUL-terminated bytes preceded by a 16-byte header
 * (length used, bytes allocated), the layout of fluent-bit/flb_sds.h, so the
 * inline accessors below read the length the same way plugins expect.
 * Implemented in runtime-c/host/flb_sds.c.
 */
#ifndef FLB_SDS_H
#define FLB_SDS_H

#include <fluent-bit/flb_info.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FLB_SDS_HEADER_SIZE (sizeof(uint64_t) + sizeof(uint64_t))

typedef char *flb_sds_t;

#pragma pack(push, 1)
struct flb_sds {
    uint64_t len;        /* bytes used */
    uint64_t alloc;      /* bytes available, header and NUL excluded */
    char buf[];
};
#pragma pack(pop)

#define FLB_SDS_HEADER(s) ((struct flb_sds *) ((s) - FLB_SDS_HEADER_SIZE))

static inline size_t flb_sds_len(flb_sds_t s)
{
    return (size_t) FLB_SDS_HEADER(s)->len;
}

static inline int flb_sds_is_empty(flb_sds_t s)
{
    return flb_sds_len(s) == 0 ? FLB_TRUE : FLB_FALSE;
}

static inline void flb_sds_len_set(flb_sds_t s, size_t len)
{
    FLB_SDS_HEADER(s)->len = len;
}

static inline size_t flb_sds_alloc(flb_sds_t s)
{
    return (size_t) FLB_SDS_HEADER(s)->alloc;
}

static inline size_t flb_sds_avail(flb_sds_t s)
{
    return (size_t) (FLB_SDS_HEADER(s)->alloc - FLB_SDS_HEADER(s)->len);
}

static inline int flb_sds_cmp(flb_sds_t s, const char *str, int len)
{
    if (flb_sds_len(s) != (size_t) len) {
        return -1;
    }
    return strncmp(s, str, (size_t) len);
}

static inline int flb_sds_casecmp(flb_sds_t s, const char *str, int len)
{
    if (flb_sds_len(s) != (size_t) len) {
        return -1;
    }
    return strncasecmp(s, str, (size_t) len);
}

flb_sds_t flb_sds_create(const char *str);
flb_sds_t flb_sds_create_len(const char *str, int len);
flb_sds_t flb_sds_create_size(size_t size);
/* Appends; may move the string: always use the returned pointer. */
flb_sds_t flb_sds_cat(flb_sds_t s, const char *str, int len);
int flb_sds_cat_safe(flb_sds_t *buf, const char *str, int len);
flb_sds_t flb_sds_increase(flb_sds_t s, size_t len);
/* Replaces the content with len bytes of str. */
flb_sds_t flb_sds_copy(flb_sds_t s, const char *str, int len);
void flb_sds_destroy(flb_sds_t s);
/* Appends formatted text; *sds is updated if the string moved. */
flb_sds_t flb_sds_printf(flb_sds_t *sds, const char *fmt, ...) FLB_FORMAT_PRINTF(2, 3);

#endif
