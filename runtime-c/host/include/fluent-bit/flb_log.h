/*
 * flb_log.h (flbc host): Fluent Bit's log levels and printing.
 *
 * Same names, level numbers and macros as fluent-bit/flb_log.h. The host
 * prints what flb_log_print formats to stderr with Fluent Bit's header
 * "[YYYY/MM/DD HH:MM:SS.mmm] [level] " (runtime-c/host/flb_log.c).
 */
#ifndef FLB_LOG_H
#define FLB_LOG_H

#include <fluent-bit/flb_info.h>
#include <errno.h>

#define FLB_LOG_OFF     0
#define FLB_LOG_ERROR   1
#define FLB_LOG_WARN    2
#define FLB_LOG_INFO    3  /* default */
#define FLB_LOG_DEBUG   4
#define FLB_LOG_TRACE   5
#define FLB_LOG_HELP    6
#define FLB_LOG_IDEBUG  10

/* Whether a message of msg_level passes an instance set to level_set. */
static inline int flb_log_check_level(int level_set, int msg_level)
{
    return msg_level <= level_set ? FLB_TRUE : FLB_FALSE;
}

/* Whether a message passes the global (service) level. */
int flb_log_check(int level);

void flb_log_print(int type, const char *file, int line, const char *fmt, ...)
    FLB_FORMAT_PRINTF(4, 5);

/* FLB_TRUE when the same message was printed within the last
 * log_suppress_interval seconds (the instance property of that name). */
int flb_log_suppress_check(int log_suppress_interval, const char *fmt, ...)
    FLB_FORMAT_PRINTF(2, 3);

/* "off", "error", "warn"/"warning", "info", "debug", "trace"; -1 if unknown. */
int flb_log_get_level_str(char *str);

int flb_errno_print(int errnum, const char *file, int line);

#define flb_error(fmt, ...)                                         \
    if (flb_log_check(FLB_LOG_ERROR))                               \
        flb_log_print(FLB_LOG_ERROR, NULL, 0, fmt, ##__VA_ARGS__)

#define flb_warn(fmt, ...)                                          \
    if (flb_log_check(FLB_LOG_WARN))                                \
        flb_log_print(FLB_LOG_WARN, NULL, 0, fmt, ##__VA_ARGS__)

#define flb_info(fmt, ...)                                          \
    if (flb_log_check(FLB_LOG_INFO))                                \
        flb_log_print(FLB_LOG_INFO, NULL, 0, fmt, ##__VA_ARGS__)

#define flb_debug(fmt, ...)                                         \
    if (flb_log_check(FLB_LOG_DEBUG))                               \
        flb_log_print(FLB_LOG_DEBUG, NULL, 0, fmt, ##__VA_ARGS__)

#define flb_trace(fmt, ...)                                         \
    if (flb_log_check(FLB_LOG_TRACE))                               \
        flb_log_print(FLB_LOG_TRACE, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

/* Fluent Bit's build defines __FLB_FILENAME__ for every source file; an
 * out-of-tree build (and the host) falls back to __FILE__. */
#ifndef __FLB_FILENAME__
#define __FLB_FILENAME__ __FILE__
#endif

/* Logs strerror(errno) with the call site; evaluates to errno. */
#define flb_errno() flb_errno_print(errno, __FLB_FILENAME__, __LINE__)

#endif
