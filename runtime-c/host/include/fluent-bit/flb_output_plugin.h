/*
 * flb_output_plugin.h (flbc host): what an output plugin includes; the
 * flb_plg_* log macros of fluent-bit/flb_output_plugin.h, which prefix
 * messages with "[output:<plugin>:<instance name or alias>] ".
 */
#ifndef FLB_OUTPUT_PLUGIN_H
#define FLB_OUTPUT_PLUGIN_H

#include <fluent-bit/flb_info.h>
#include <fluent-bit/flb_output.h>
#include <fluent-bit/flb_log.h>

#define flb_output_plugin_log_suppress_check(ins, fmt, ...) \
    flb_log_suppress_check(ins->log_suppress_interval, fmt, ##__VA_ARGS__)

#define flb_plg_error(ctx, fmt, ...)                                        \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_ERROR))                 \
        if (flb_output_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_ERROR, NULL, 0, "[output:%s:%s] " fmt,    \
                          ctx->p->name, flb_output_name(ctx), ##__VA_ARGS__)

#define flb_plg_warn(ctx, fmt, ...)                                         \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_WARN))                  \
        if (flb_output_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_WARN, NULL, 0, "[output:%s:%s] " fmt,     \
                          ctx->p->name, flb_output_name(ctx), ##__VA_ARGS__)

#define flb_plg_info(ctx, fmt, ...)                                         \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_INFO))                  \
        if (flb_output_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_INFO, NULL, 0, "[output:%s:%s] " fmt,     \
                          ctx->p->name, flb_output_name(ctx), ##__VA_ARGS__)

#define flb_plg_debug(ctx, fmt, ...)                                        \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_DEBUG))                 \
        if (flb_output_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_DEBUG, NULL, 0, "[output:%s:%s] " fmt,    \
                          ctx->p->name, flb_output_name(ctx), ##__VA_ARGS__)

#define flb_plg_trace(ctx, fmt, ...)                                        \
    if (flb_log_check_level(ctx->log_level, FLB_LOG_TRACE))                 \
        if (flb_output_plugin_log_suppress_check(ctx, fmt, ##__VA_ARGS__) == FLB_FALSE) \
            flb_log_print(FLB_LOG_TRACE, NULL, 0,                           \
                          "[output:%s:%s at %s:%i] " fmt,                   \
                          ctx->p->name, flb_output_name(ctx), __FLB_FILENAME__, \
                          __LINE__, ##__VA_ARGS__)

#endif
