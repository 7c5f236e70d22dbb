/*
 * flb_sds.c (flbc host): Fluent Bit's dynamic strings (flb_sds.h): a
 * 16-byte header (len, alloc) in front of NUL-terminated bytes.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <fluent-bit/flb_mem.h>
#include <fluent-bit/flb_sds.h>

flb_sds_t flb_sds_create_size(size_t size)
{
    struct flb_sds *h;

    h = flb_malloc(FLB_SDS_HEADER_SIZE + size + 1);
    if (!h) {
        return NULL;
    }
    h->len = 0;
    h->alloc = size;
    h->buf[0] = '\0';
    return h->buf;
}

flb_sds_t flb_sds_create_len(const char *str, int len)
{
    flb_sds_t s;

    if (len < 0) {
        return NULL;
    }
    s = flb_sds_create_size(len);
    if (!s) {
        return NULL;
    }
    if (str && len > 0) {
        memcpy(s, str, len);
    }
    s[len] = '\0';
    flb_sds_len_set(s, len);
    return s;
}

flb_sds_t flb_sds_create(const char *str)
{
    return flb_sds_create_len(str, str ? (int) strlen(str) : 0);
}

flb_sds_t flb_sds_increase(flb_sds_t s, size_t len)
{
    struct flb_sds *h;

    h = flb_realloc(FLB_SDS_HEADER(s),
                    FLB_SDS_HEADER_SIZE + flb_sds_alloc(s) + len + 1);
    if (!h) {
        return NULL;
    }
    h->alloc += len;
    return h->buf;
}

flb_sds_t flb_sds_cat(flb_sds_t s, const char *str, int len)
{
    size_t have;
    flb_sds_t tmp;

    if (len <= 0) {
        return s;
    }
    have = flb_sds_len(s);
    if (flb_sds_avail(s) < (size_t) len) {
        /* Grow geometrically so repeated appends stay linear. */
        tmp = flb_sds_increase(s, (size_t) len + have);
        if (!tmp) {
            return NULL;
        }
        s = tmp;
    }
    memcpy(s + have, str, len);
    s[have + len] = '\0';
    flb_sds_len_set(s, have + len);
    return s;
}

int flb_sds_cat_safe(flb_sds_t *buf, const char *str, int len)
{
    flb_sds_t tmp;

    tmp = flb_sds_cat(*buf, str, len);
    if (!tmp) {
        return -1;
    }
    *buf = tmp;
    return 0;
}

flb_sds_t flb_sds_copy(flb_sds_t s, const char *str, int len)
{
    flb_sds_t tmp;

    if (flb_sds_alloc(s) < (size_t) len) {
        tmp = flb_sds_increase(s, len - flb_sds_alloc(s));
        if (!tmp) {
            return NULL;
        }
        s = tmp;
    }
    if (len > 0) {
        memcpy(s, str, len);
    }
    s[len] = '\0';
    flb_sds_len_set(s, len);
    return s;
}

void flb_sds_destroy(flb_sds_t s)
{
    if (!s) {
        return;
    }
    flb_free(FLB_SDS_HEADER(s));
}

flb_sds_t flb_sds_printf(flb_sds_t *sds, const char *fmt, ...)
{
    int n;
    size_t have;
    va_list ap;
    flb_sds_t s;
    flb_sds_t tmp;

    s = *sds;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return NULL;
    }
    have = flb_sds_len(s);
    if (flb_sds_avail(s) < (size_t) n) {
        tmp = flb_sds_increase(s, (size_t) n + have);
        if (!tmp) {
            return NULL;
        }
        s = tmp;
        *sds = s;
    }
    va_start(ap, fmt);
    vsnprintf(s + have, (size_t) n + 1, fmt, ap);
    va_end(ap);
    flb_sds_len_set(s, have + n);
    return s;
}
