/*
 * flb_input.h (flbc host): input plugins and their instances.
 *
 * Mirrors fluent-bit/flb_input.h (and flb_input_log.h) for what a plugin
 * touches: the plugin struct, the instance fields the flb_plg_* macros
 * read, collectors on a timer and flb_input_log_append(), which takes a
 * buffer of encoded events ([[time, metadata], body] ...).
 */
#ifndef FLB_INPUT_H
#define FLB_INPUT_H

#include <fluent-bit/flb_info.h>
#include <stddef.h>
#include <time.h>
#include <fluent-bit/flb_config.h>
#include <fluent-bit/flb_config_map.h>
#include <fluent-bit/flb_network.h>

/* flags */
#define FLB_INPUT_NET           4       /* takes host and port */
#define FLB_INPUT_PLUGIN_CORE   0
#define FLB_INPUT_CORO        128
#define FLB_INPUT_PRIVATE     256
#define FLB_INPUT_NOTAG       512
#define FLB_INPUT_THREADED   1024
#define FLB_INPUT_NET_SERVER 2048

struct flb_input_instance;

struct flb_input_plugin {
    int type;
    void *proxy;
    int flags;
    char *name;
    char *description;

    struct flb_config_map *config_map;

    int (*cb_init) (struct flb_input_instance *, struct flb_config *, void *);
    int (*cb_pre_run) (struct flb_input_instance *, struct flb_config *, void *);
    int (*cb_collect) (struct flb_input_instance *, struct flb_config *, void *);
    int (*cb_notification) (struct flb_input_instance *, struct flb_config *, void *);
    void *(*cb_flush_buf) (void *, size_t *);
    void (*cb_flush_end) (void *);
    void (*cb_pause) (void *, struct flb_config *);
    void (*cb_resume) (void *, struct flb_config *);
    int (*cb_pause_checked) (void *, struct flb_config *);
    int (*cb_resume_checked) (void *, struct flb_config *);
    int (*cb_ingest) (void *in_context, void *, size_t);
    void (*cb_pre_exit) (void *, struct flb_config *);
    int (*cb_exit) (void *, struct flb_config *);
    void (*cb_destroy) (struct flb_input_plugin *);

    void *instance;
    struct mk_list _head;
};

struct flb_input_instance {
    int flags;
    int id;
    int log_level;
    int log_suppress_interval;
    char name[32];                      /* "<plugin>.<id>" */
    char *alias;
    int test_mode;
    void *context;                      /* set by flb_input_set_context() */
    struct flb_input_plugin *p;
    char *tag;                          /* `tag` property, default: name */
    int tag_len;
    int tag_default;
    struct flb_net_host host;
    struct mk_list properties;          /* struct flb_kv */
    struct mk_list *config_map;
    struct mk_list _head;
    struct flb_config *config;
};

static inline int flb_input_config_map_set(struct flb_input_instance *ins,
                                           void *context)
{
    if (ins->config_map) {
        return flb_config_map_set(ins->config, &ins->properties,
                                  ins->config_map, context);
    }
    return -1;
}

int flb_input_set_property(struct flb_input_instance *ins,
                           const char *k, const char *v);
const char *flb_input_get_property(const char *key,
                                   struct flb_input_instance *ins);
const char *flb_input_name(struct flb_input_instance *ins);
void flb_input_set_context(struct flb_input_instance *ins, void *context);
/* Calls cb_collect every seconds + nanoseconds; returns the collector id. */
int flb_input_set_collector_time(struct flb_input_instance *ins,
                                 int (*cb_collect) (struct flb_input_instance *,
                                                    struct flb_config *, void *),
                                 time_t seconds,
                                 long nanoseconds,
                                 struct flb_config *config);
/* Backpressure: stop and restart calling a collector (cb_pause/cb_resume). */
int flb_input_collector_pause(int coll_id, struct flb_input_instance *ins);
int flb_input_collector_resume(int coll_id, struct flb_input_instance *ins);
/* Appends encoded events; tag NULL means the instance's tag. */
int flb_input_log_append(struct flb_input_instance *ins,
                         const char *tag, size_t tag_len,
                         const void *buf, size_t buf_size);

#endif
