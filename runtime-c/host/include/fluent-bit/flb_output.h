/*
 * flb_output.h (flbc host): output plugins and their instances.
 *
 * Mirrors fluent-bit/flb_output.h for what a plugin touches: the plugin
 * struct and its callbacks, the instance fields the flb_plg_* macros and
 * network plugins read, FLB_OUTPUT_RETURN, the config map helpers and the
 * network defaults (flb_output_net_default, flb_output_upstream_set).
 * Fluent Bit runs a flush in a coroutine and FLB_OUTPUT_RETURN hands the
 * result to the engine; the host calls cb_flush directly and
 * flb_output_return_do() records the result for it.
 */
#ifndef FLB_OUTPUT_H
#define FLB_OUTPUT_H

#include <fluent-bit/flb_info.h>
#include <stddef.h>
#include <fluent-bit/flb_config.h>
#include <fluent-bit/flb_config_map.h>
#include <fluent-bit/flb_event.h>
#include <fluent-bit/flb_io.h>
#include <fluent-bit/flb_network.h>

/* flags */
#define FLB_OUTPUT_NET            32    /* takes host and port */
#define FLB_OUTPUT_PLUGIN_CORE     0
#define FLB_OUTPUT_NO_MULTIPLEX  512
#define FLB_OUTPUT_PRIVATE      1024
#define FLB_OUTPUT_SYNCHRONOUS  2048

/* event_type mask */
#define FLB_OUTPUT_LOGS        1
#define FLB_OUTPUT_METRICS     2
#define FLB_OUTPUT_TRACES      4
#define FLB_OUTPUT_BLOBS       8
#define FLB_OUTPUT_PROFILES   16

struct flb_input_instance;
struct flb_output_instance;
struct flb_output_flush;
struct flb_upstream;
struct flb_tls;

struct flb_output_plugin {
    int event_type;
    int type;
    void *proxy;
    int flags;
    char *name;
    char *description;

    struct flb_config_map *config_map;

    struct flb_net_host host;

    int (*cb_init) (struct flb_output_instance *, struct flb_config *, void *);
    int (*cb_pre_run) (void *, struct flb_config *);
    /* Ends with FLB_OUTPUT_RETURN(FLB_OK | FLB_RETRY | FLB_ERROR). */
    void (*cb_flush) (struct flb_event_chunk *,
                      struct flb_output_flush *,
                      struct flb_input_instance *,
                      void *,
                      struct flb_config *);
    int (*cb_exit) (void *, struct flb_config *);
    void (*cb_destroy) (struct flb_output_plugin *);

    int workers;                        /* default number of workers */
    int (*cb_worker_init) (void *, struct flb_config *);
    int (*cb_worker_exit) (void *, struct flb_config *);
    int (*cb_notification) (struct flb_output_instance *, struct flb_config *, void *);

    struct mk_list _head;
};

struct flb_output_instance {
    int event_type;
    int id;
    int log_level;
    int log_suppress_interval;
    char name[32];                      /* "<plugin>.<id>" */
    char *alias;
    int flags;
    int test_mode;
    struct flb_output_plugin *p;
    void *context;                      /* set by flb_output_set_context() */
    int retry_limit;
    int use_tls;                        /* `tls on` (FLB_IO_TLS/OPT_TLS plugins) */
    char *match;
    struct flb_net_host host;           /* `host` / `port` (FLB_OUTPUT_NET) */
    struct flb_tls *tls;                /* always NULL: the host has no TLS */
    struct mk_list properties;          /* struct flb_kv */
    struct mk_list *config_map;
    struct mk_list net_properties;      /* net.* properties */
    struct mk_list *net_config_map;
    struct mk_list _head;
    struct flb_config *config;
};

/* The flush context of one call (a coroutine in Fluent Bit). */
struct flb_output_flush {
    int id;
    const void *buffer;
    struct flb_config *config;
    struct flb_output_instance *o_ins;
};

/* Hands the flush result to the engine. */
void flb_output_return_do(int x);

#define FLB_OUTPUT_RETURN(x)                                            \
    flb_output_return_do(x);                                            \
    return

static inline int flb_output_config_map_set(struct flb_output_instance *ins,
                                            void *context)
{
    int ret;

    if (ins->config_map) {
        ret = flb_config_map_set(ins->config, &ins->properties,
                                 ins->config_map, context);
        if (ret == -1) {
            return -1;
        }
    }
    return 0;
}

int flb_output_set_property(struct flb_output_instance *ins,
                            const char *k, const char *v);
const char *flb_output_get_property(const char *key,
                                    struct flb_output_instance *ins);
const char *flb_output_name(struct flb_output_instance *ins);
void flb_output_set_context(struct flb_output_instance *ins, void *context);
/* Network outputs: host and port when the user set none. */
void flb_output_net_default(const char *host, int port,
                            struct flb_output_instance *ins);
/* Hands the instance's network settings to its upstream (cb_init). */
int flb_output_upstream_set(struct flb_upstream *u, struct flb_output_instance *ins);

#endif
