/*
 * flb_log.c (flbc host): Fluent Bit's log output (flb_log.h).
 *
 * Lines look like Fluent Bit's:
 *     [2026/01/31 12:00:00.123] [error] [filter:redact:redact.0] message
 * The level is right-aligned in 5 columns ("[ info]", "[ warn]"), and on a
 * terminal the header is colored the same way. FLBC_HOST_LOG_NOTIME=1
 * leaves out the timestamp so that test expectations are deterministic.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <fluent-bit/flb_log.h>
#include <fluent-bit/flb_mem.h>
#include "host.h"

/* Fluent Bit's message buffer is one 4 KiB block, header included. */
#define HOST_LOG_BUF 4096

/* Log suppression keeps this many recent messages (FLB_LOG_CACHE_ENTRIES). */
#define HOST_LOG_CACHE 10

struct host_log_entry {
    char *msg;
    time_t when;
};

static struct host_log_entry log_cache[HOST_LOG_CACHE];

static const char *level_title(int type)
{
    switch (type) {
    case FLB_LOG_HELP:
        return "help";
    case FLB_LOG_INFO:
        return "info";
    case FLB_LOG_WARN:
        return "warn";
    case FLB_LOG_ERROR:
        return "error";
    case FLB_LOG_DEBUG:
    case FLB_LOG_IDEBUG:
        return "debug";
    case FLB_LOG_TRACE:
        return "trace";
    default:
        return NULL;
    }
}

/* Fluent Bit's (Monkey's) terminal colors per level. */
static const char *level_color(int type)
{
    switch (type) {
    case FLB_LOG_HELP:
    case FLB_LOG_IDEBUG:
        return "\033[96m";
    case FLB_LOG_INFO:
        return "\033[92m";
    case FLB_LOG_WARN:
    case FLB_LOG_DEBUG:
        return "\033[93m";
    case FLB_LOG_ERROR:
        return "\033[91m";
    case FLB_LOG_TRACE:
        return "\033[94m";
    default:
        return "";
    }
}

static int no_time(void)
{
    const char *v = getenv("FLBC_HOST_LOG_NOTIME");

    return v && v[0] != '\0' && strcmp(v, "0") != 0;
}

/* The service (global) level is info, Fluent Bit's default: error, warn and
 * info print, debug and trace do not. Plugin lines use the instance's
 * log_level instead (flb_plg_*). */
int flb_log_check(int level)
{
    return level <= FLB_LOG_INFO ? FLB_TRUE : FLB_FALSE;
}

void flb_log_print(int type, const char *file, int line, const char *fmt, ...)
{
    int n;
    size_t len;
    char buf[HOST_LOG_BUF];
    const char *title;
    const char *bold = "";
    const char *reset = "";
    const char *color = "";
    struct timespec ts;
    struct tm tm;
    va_list ap;

    /* Like Fluent Bit, the source position is not printed. */
    (void) file;
    (void) line;

    title = level_title(type);
    if (!title) {
        return;
    }

    if (isatty(STDERR_FILENO)) {
        bold = "\033[1m";
        reset = "\033[0m";
        color = level_color(type);
    }

    len = 0;
    if (!no_time()) {
        clock_gettime(CLOCK_REALTIME, &ts);
        localtime_r(&ts.tv_sec, &tm);
        len = (size_t) snprintf(buf, sizeof(buf),
                                "%s[%s%i/%02i/%02i %02i:%02i:%02i.%03ld%s]%s ",
                                bold, reset, tm.tm_year + 1900, tm.tm_mon + 1,
                                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                                (long) (ts.tv_nsec / 1000000), bold, reset);
    }
    len += (size_t) snprintf(buf + len, sizeof(buf) - len, "[%s%5s%s] ",
                             color, title, reset);

    /* Leave room for the newline; a longer message is cut, as in Fluent Bit. */
    va_start(ap, fmt);
    n = vsnprintf(buf + len, sizeof(buf) - len - 1, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if ((size_t) n >= sizeof(buf) - len - 1) {
        len = sizeof(buf) - 2;
    }
    else {
        len += (size_t) n;
    }
    buf[len++] = '\n';
    fwrite(buf, 1, len, stderr);
}

int flb_log_suppress_check(int log_suppress_interval, const char *fmt, ...)
{
    int i;
    int oldest;
    char buf[HOST_LOG_BUF];
    time_t now;
    va_list ap;

    if (log_suppress_interval <= 0) {
        return FLB_FALSE;
    }

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);

    now = time(NULL);
    oldest = 0;
    for (i = 0; i < HOST_LOG_CACHE; i++) {
        if (log_cache[i].msg && strcmp(log_cache[i].msg, buf) == 0) {
            if (now - log_cache[i].when < log_suppress_interval) {
                return FLB_TRUE;
            }
            log_cache[i].when = now;
            return FLB_FALSE;
        }
        if (!log_cache[i].msg ||
            (log_cache[oldest].msg && log_cache[i].when < log_cache[oldest].when)) {
            oldest = i;
        }
    }

    /* A new message replaces the oldest one remembered. */
    flb_free(log_cache[oldest].msg);
    log_cache[oldest].msg = flb_malloc(strlen(buf) + 1);
    if (log_cache[oldest].msg) {
        memcpy(log_cache[oldest].msg, buf, strlen(buf) + 1);
        log_cache[oldest].when = now;
    }
    return FLB_FALSE;
}

void host_log_cleanup(void)
{
    int i;

    for (i = 0; i < HOST_LOG_CACHE; i++) {
        flb_free(log_cache[i].msg);
        log_cache[i].msg = NULL;
    }
}

int flb_log_get_level_str(char *str)
{
    if (strcasecmp(str, "off") == 0) {
        return FLB_LOG_OFF;
    }
    if (strcasecmp(str, "error") == 0) {
        return FLB_LOG_ERROR;
    }
    if (strcasecmp(str, "warn") == 0 || strcasecmp(str, "warning") == 0) {
        return FLB_LOG_WARN;
    }
    if (strcasecmp(str, "info") == 0) {
        return FLB_LOG_INFO;
    }
    if (strcasecmp(str, "debug") == 0) {
        return FLB_LOG_DEBUG;
    }
    if (strcasecmp(str, "trace") == 0) {
        return FLB_LOG_TRACE;
    }
    return -1;
}

int flb_errno_print(int errnum, const char *file, int line)
{
    char buf[256];

    if (strerror_r(errnum, buf, sizeof(buf)) != 0) {
        snprintf(buf, sizeof(buf), "Unknown error %d", errnum);
    }
    flb_error("[%s:%i errno=%i] %s", file, line, errnum, buf);
    return errnum;
}
