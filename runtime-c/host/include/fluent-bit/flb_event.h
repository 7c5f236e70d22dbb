/*
 * flb_event.h (flbc host): the chunk an output's flush callback receives,
 * as struct flb_event_chunk of fluent-bit/flb_event.h.
 */
#ifndef FLB_EVENT_H
#define FLB_EVENT_H

#include <fluent-bit/flb_info.h>
#include <stddef.h>
#include <fluent-bit/flb_sds.h>

#define FLB_EVENT_TYPE_LOGS     0
#define FLB_EVENT_TYPE_METRICS  1
#define FLB_EVENT_TYPE_TRACES   2

struct flb_event_chunk {
    int type;                   /* FLB_EVENT_TYPE_* */
    flb_sds_t tag;
    void *data;                 /* msgpack events */
    size_t size;
    size_t total_events;
};

#endif
