#include "flbc.h"

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
