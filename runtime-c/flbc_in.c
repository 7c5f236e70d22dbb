#include "flbc.h"

#include <stdio.h>
#include <time.h>

/*
 * flbc_in.c: an input's ctx.emit. Each call encodes one event in Fluent
 * Bit's log format, [[EventTime, {}], body], into the collect call's
 * buffer; the generated cb_collect hands the buffer to Fluent Bit with
 * flb_input_log_append once collect returns, so a collect that emits many
 * records costs one append (and one chunk write) instead of one per record.
 */

FLBC_API double flbc_now(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) {
        return (double) time(NULL);
    }
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

FLBC_API void flbc_emit(flbc_rt *rt, flbc_buf *out, flbc_val record, double time)
{
    if (record.tag != FLBC_MAP) {
        flbc_log(rt, FLBC_LOG_ERROR, "emit: the record is not an object: not emitted");
        return;
    }
    if (isnan(time) || time < 0) {
        time = flbc_now();
    }
    flbc_mp_write_array_header(out, 2);
    flbc_mp_write_array_header(out, 2);
    flbc_mp_write_event_time(out, time);
    flbc_mp_write_map_header(out, 0);
    flbc_mp_write_val(out, record);
}

FLBC_API flbc_str flbc_file_read_from(flbc_rt *rt, flbc_str path, double offset)
{
    char name[4096];
    FILE *f;
    long size;
    size_t n;
    char *p;

    if (path.len == 0 || path.len >= sizeof(name) || memchr(path.ptr, '\0', path.len) != NULL ||
        !(offset >= 0) || offset > 9e15) {
        return FLBC_STR_EMPTY;
    }
    memcpy(name, path.ptr, path.len);
    name[path.len] = '\0';
    f = fopen(name, "rb");
    if (f == NULL) {
        return FLBC_STR_EMPTY;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || (double) size <= offset ||
        fseek(f, (long) offset, SEEK_SET) != 0) {
        fclose(f);
        return FLBC_STR_EMPTY;
    }
    n = (size_t) size - (size_t) offset;
    p = flbc_alloc(&rt->arena, n);
    if (p == NULL) {
        fclose(f);
        flbc_log(rt, FLBC_LOG_ERROR, "readFileFrom: %zu bytes do not fit in the arena", n);
        return FLBC_STR_EMPTY;
    }
    n = fread(p, 1, n, f);
    fclose(f);
    return (flbc_str) { p, n };
}

FLBC_API double flbc_str_byte_length(flbc_str s)
{
    return (double) s.len;
}
