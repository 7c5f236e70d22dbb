/*
 * flb_filter_plugin.h (flbc host): what a filter plugin includes; the
 * flb_plg_* log macros of fluent-bit/flb_filter_plugin.h.
 *
 * Like Fluent Bit's, each macro is an `if` statement (no do/while), checks
 * the instance's log_level and log_suppress_interval, and prefixes the
 * message with "[filter:<plugin>:<instance name or alias>] ".
 */
#ifndef FLB_FILTER_PLUGIN_H
#define FLB_FILTER_PLUGIN_H

#include <fluent-bit/flb_info.h>
#include <fluent-bit/flb_filter.h>
#include <fluent-bit/flb_log.h>

#define flb_filter_plugin_log_suppress_check(ins, fmt, ...) \
    flb_log_suppress_check(ins->log_suppress_interval, fmt, ##__VA_ARGS__)

#define flb_plg_error(ctx, fmt, ...)                                        \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_ERROR))                 \
        if (flb_filter_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_ERROR, NULL, 0, "[filter:%s:%s] " fmt,    \
                          ctx->p->name, flb_filter_name(ctx), ##__VA_ARGS__)

#define flb_plg_warn(ctx, fmt, ...)                                         \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_WARN))                  \
        if (flb_filter_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_WARN, NULL, 0, "[filter:%s:%s] " fmt,     \
                          ctx->p->name, flb_filter_name(ctx), ##__VA_ARGS__)

#define flb_plg_info(ctx, fmt, ...)                                         \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_INFO))                  \
        if (flb_filter_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_INFO, NULL, 0, "[filter:%s:%s] " fmt,     \
                          ctx->p->name, flb_filter_name(ctx), ##__VA_ARGS__)

#define flb_plg_debug(ctx, fmt, ...)                                        \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_DEBUG))                 \
        if (flb_filter_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_DEBUG, NULL, 0, "[filter:%s:%s] " fmt,    \
                          ctx->p->name, flb_filter_name(ctx), ##__VA_ARGS__)

/* Trace lines also carry the plugin's source file and line. */
#define flb_plg_trace(ctx, fmt, ...)                                        \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_TRACE))                 \
        if (flb_filter_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_TRACE, NULL, 0,                           \
                          "[filter:%s:%s at %s:%i] " fmt,                   \
                          ctx->p->name, flb_filter_name(ctx), __FLB_FILENAME__, \
                          __LINE__, ##__VA_ARGS__)

#endif
