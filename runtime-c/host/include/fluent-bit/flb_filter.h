/*
 * flb_filter.h (flbc host): filter plugins and their instances.
 *
 * Mirrors fluent-bit/flb_filter.h: the same callback signatures, return
 * codes and helper functions. The instance keeps the fields that plugins
 * and the flb_plg_* macros read (log_level, log_suppress_interval, p,
 * name/alias, context, properties, config_map, config); Fluent Bit's
 * metrics and routing fields have no counterpart in the host.
 */
#ifndef FLB_FILTER_H
#define FLB_FILTER_H

#include <fluent-bit/flb_info.h>
#include <stddef.h>
#include <fluent-bit/flb_config.h>
#include <fluent-bit/flb_config_map.h>

#define FLB_FILTER_MODIFIED 1
#define FLB_FILTER_NOTOUCH  2

/* event_type mask */
#define FLB_FILTER_LOGS     1
#define FLB_FILTER_METRICS  2
#define FLB_FILTER_TRACES   4

struct flb_input_instance;
struct flb_filter_instance;

struct flb_filter_plugin {
    int event_type;                 /* FLB_FILTER_LOGS, ...; 0 means logs */
    int flags;
    char *name;                     /* short name: "grep" */
    char *description;

    struct flb_config_map *config_map;

    int (*cb_pre_run) (struct flb_filter_instance *, struct flb_config *, void *);
    int (*cb_init) (struct flb_filter_instance *, struct flb_config *, void *);
    /* data/bytes: the chunk; tag/tag_len; out_buf/out_bytes: a new chunk
     * (flb_malloc'd) when returning FLB_FILTER_MODIFIED. */
    int (*cb_filter) (const void *, size_t,
                      const char *, int,
                      void **, size_t *,
                      struct flb_filter_instance *,
                      struct flb_input_instance *,
                      void *, struct flb_config *);
    int (*cb_exit) (void *, struct flb_config *);
    int (*cb_notification) (struct flb_filter_instance *, struct flb_config *, void *);

    struct mk_list _head;
};

struct flb_filter_instance {
    int event_type;
    int id;                         /* instance number: redact.0 -> 0 */
    int log_level;                  /* FLB_LOG_*, from `log_level` */
    int log_suppress_interval;      /* seconds, from `log_suppress_interval` */
    char name[32];                  /* "<plugin>.<id>" */
    char *alias;                    /* `alias` property, or NULL */
    char *match;                    /* `match` property, or NULL */
    void *parent_processor;
    void *context;                  /* set by flb_filter_set_context() */
    void *data;
    struct flb_filter_plugin *p;
    struct mk_list properties;      /* struct flb_kv, plugin properties */
    struct mk_list *config_map;     /* flb_config_map_create() of p->config_map */
    struct mk_list _head;
    struct flb_config *config;
};

static inline int flb_filter_config_map_set(struct flb_filter_instance *ins,
                                            void *context)
{
    return flb_config_map_set(ins->config, &ins->properties, ins->config_map,
                              context);
}

int flb_filter_set_property(struct flb_filter_instance *ins,
                            const char *k, const char *v);
const char *flb_filter_get_property(const char *key,
                                    struct flb_filter_instance *ins);
/* The alias if set, else the numbered name. */
const char *flb_filter_name(struct flb_filter_instance *ins);
void flb_filter_set_context(struct flb_filter_instance *ins, void *context);

#endif
