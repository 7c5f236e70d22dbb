/*
 * flb_utils.h (flbc host): the value parsers behind the config map, with
 * the behaviour of Fluent Bit's src/flb_utils.c (see flb_utils.c here).
 */
#ifndef FLB_UTILS_H
#define FLB_UTILS_H

#include <fluent-bit/flb_info.h>
#include <stdint.h>

/* "10", "1.5K", "2MB", "1G" (powers of 1000), "false" -> 0; -1 if invalid. */
int64_t flb_utils_size_to_bytes(const char *size);
/* "30", "5m", "2h", "1d" -> seconds; leading digits only (atoi), never fails. */
int flb_utils_time_to_seconds(const char *time);
/* true/on/yes -> FLB_TRUE, false/off/no -> FLB_FALSE (any case), else -1. */
int flb_utils_bool(const char *val);

#endif
