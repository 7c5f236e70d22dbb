/*
 * flb_plugin.c (flbc host): the instance functions plugins call:
 * flb_{filter,output,input}_set_property / get_property / name /
 * set_context, FLB_OUTPUT_RETURN's flb_output_return_do, and the input
 * collector and append functions.
 *
 * set_property follows Fluent Bit's flb_filter.c (and its output/input
 * siblings): the value is ${VAR}-expanded, the properties every instance
 * has (match, alias, log_level, ...) are consumed into instance fields,
 * and everything else is kept as a key/value pair for the config map.
 */
#define _POSIX_C_SOURCE 200809L

#include <string.h>
#include <strings.h>
#include <fluent-bit/flb_filter.h>
#include <fluent-bit/flb_input.h>
#include <fluent-bit/flb_kv.h>
#include <fluent-bit/flb_log.h>
#include <fluent-bit/flb_mem.h>
#include <fluent-bit/flb_output.h>
#include <fluent-bit/flb_utils.h>
#include "host.h"

struct host_plugin_io host_io = { .output_ret = -1 };
_Thread_local int host_output_ret = -1;

/* Replaces a string property kept in an instance field (alias, match). */
static void set_string(char **field, flb_sds_t value)
{
    flb_sds_destroy(*field);
    *field = value;
}

/* The properties every instance understands; 1 if consumed, -1 if its
 * value is invalid, 0 if the key is the plugin's own. Takes tmp. */
static int set_common(const char *k, flb_sds_t tmp, char **alias,
                      int *log_level, int *log_suppress_interval)
{
    int ret;

    if (strcasecmp(k, "alias") == 0) {
        set_string(alias, tmp);
        return 1;
    }
    if (strcasecmp(k, "log_level") == 0) {
        ret = flb_log_get_level_str(tmp);
        flb_sds_destroy(tmp);
        if (ret == -1) {
            return -1;
        }
        *log_level = ret;
        return 1;
    }
    if (strcasecmp(k, "log_suppress_interval") == 0) {
        ret = flb_utils_time_to_seconds(tmp);
        flb_sds_destroy(tmp);
        if (ret == -1) {
            return -1;
        }
        *log_suppress_interval = ret;
        return 1;
    }
    return 0;
}

/* Keeps a plugin property; DYNAMIC_ENV entries keep the raw ${VAR} text. */
static int add_property(struct mk_list *properties, struct flb_config_map *map,
                        const char *k, const char *v, flb_sds_t tmp)
{
    struct flb_kv *kv;
    struct flb_config_map *m;

    /* Fluent Bit keeps a property whose value is empty after ${VAR}
     * expansion without a value: the config map skips it, so the plugin's
     * member stays zero (NULL for a string) rather than the default. */
    if (flb_sds_len(tmp) == 0) {
        flb_sds_destroy(tmp);
        tmp = NULL;
    }
    for (m = map; tmp && m && m->name; m++) {
        if (strcasecmp(m->name, k) == 0 && (m->flags & FLB_CONFIG_MAP_DYNAMIC_ENV)) {
            flb_sds_destroy(tmp);
            tmp = flb_sds_create(v);
            if (!tmp) {
                return -1;
            }
            break;
        }
    }
    kv = flb_kv_item_create(properties, (char *) k, NULL);
    if (!kv) {
        flb_sds_destroy(tmp);
        return -1;
    }
    kv->val = tmp;
    return 0;
}

/* -------------------------------------------------------------- filter */

int flb_filter_set_property(struct flb_filter_instance *ins,
                            const char *k, const char *v)
{
    int ret;
    flb_sds_t tmp;

    if (!v) {
        return -1;
    }
    tmp = host_env_translate(v);
    if (!tmp) {
        return -1;
    }
    if (strcasecmp(k, "match") == 0) {
        set_string(&ins->match, tmp);
        return 0;
    }
    if (strcasecmp(k, "match_regex") == 0) {
        /* Routing does not exist in the host: accepted and ignored. */
        flb_sds_destroy(tmp);
        return 0;
    }
    ret = set_common(k, tmp, &ins->alias, &ins->log_level,
                     &ins->log_suppress_interval);
    if (ret != 0) {
        return ret == 1 ? 0 : -1;
    }
    return add_property(&ins->properties, ins->p->config_map, k, v, tmp);
}

const char *flb_filter_get_property(const char *key,
                                    struct flb_filter_instance *ins)
{
    return flb_kv_get_key_value(key, &ins->properties);
}

const char *flb_filter_name(struct flb_filter_instance *ins)
{
    return ins->alias ? ins->alias : ins->name;
}

void flb_filter_set_context(struct flb_filter_instance *ins, void *context)
{
    ins->context = context;
}

/* -------------------------------------------------------------- output */

int flb_output_set_property(struct flb_output_instance *ins,
                            const char *k, const char *v)
{
    int ret;
    flb_sds_t tmp;

    if (!v) {
        return -1;
    }
    tmp = host_env_translate(v);
    if (!tmp) {
        return -1;
    }
    if (strcasecmp(k, "match") == 0) {
        set_string(&ins->match, tmp);
        return 0;
    }
    /* `tls on` reaches the plugin (its upstream refuses it: the host has no
     * TLS); a plugin without a TLS flag rejects it, as in Fluent Bit. */
    if (strcasecmp(k, "tls") == 0) {
        ins->use_tls = flb_utils_bool(tmp) == FLB_TRUE;
        flb_sds_destroy(tmp);
        if (ins->use_tls && (ins->flags & (FLB_IO_TLS | FLB_IO_OPT_TLS)) == 0) {
            flb_error("[config] %s does not support TLS", ins->name);
            return -1;
        }
        return 0;
    }
    /* Routing, workers, TLS settings and network tuning do not exist in the
     * host: accepted like Fluent Bit does, without effect. */
    if (strcasecmp(k, "match_regex") == 0 || strcasecmp(k, "workers") == 0 ||
        strncasecmp(k, "tls.", 4) == 0 ||
        strncasecmp(k, "net.", 4) == 0 || strcasecmp(k, "ipv6") == 0 ||
        strcasecmp(k, "storage.total_limit_size") == 0) {
        flb_sds_destroy(tmp);
        return 0;
    }
    if (strcasecmp(k, "retry_limit") == 0) {
        /* Fluent Bit's spellings: a count, no_limits/false/off, no_retries. */
        if (strcasecmp(tmp, "no_limits") == 0 || strcasecmp(tmp, "false") == 0 ||
            strcasecmp(tmp, "off") == 0) {
            ins->retry_limit = -1;
        }
        else if (strcasecmp(tmp, "no_retries") == 0) {
            ins->retry_limit = 0;
        }
        else {
            ins->retry_limit = atoi(tmp);
            if (ins->retry_limit <= 0) {
                flb_warn("[config] invalid retry_limit. set default.");
                ins->retry_limit = 1;
            }
        }
        flb_sds_destroy(tmp);
        return 0;
    }
    if (strcasecmp(k, "host") == 0) {
        flb_sds_destroy(ins->host.name);
        ins->host.name = tmp;
        return 0;
    }
    if (strcasecmp(k, "port") == 0) {
        ins->host.port = atoi(tmp);
        flb_sds_destroy(tmp);
        return 0;
    }
    ret = set_common(k, tmp, &ins->alias, &ins->log_level,
                     &ins->log_suppress_interval);
    if (ret != 0) {
        return ret == 1 ? 0 : -1;
    }
    return add_property(&ins->properties, ins->p->config_map, k, v, tmp);
}

const char *flb_output_get_property(const char *key,
                                    struct flb_output_instance *ins)
{
    return flb_kv_get_key_value(key, &ins->properties);
}

const char *flb_output_name(struct flb_output_instance *ins)
{
    return ins->alias ? ins->alias : ins->name;
}

void flb_output_set_context(struct flb_output_instance *ins, void *context)
{
    ins->context = context;
}

void flb_output_return_do(int x)
{
    host_output_ret = x;
}

/* --------------------------------------------------------------- input */

int flb_input_set_property(struct flb_input_instance *ins,
                           const char *k, const char *v)
{
    int ret;
    flb_sds_t tmp;

    if (!v) {
        return -1;
    }
    tmp = host_env_translate(v);
    if (!tmp) {
        return -1;
    }
    /* Storage and threading settings have no meaning in the host. */
    if (strncasecmp(k, "storage.", 8) == 0 || strcasecmp(k, "mem_buf_limit") == 0 ||
        strcasecmp(k, "threaded") == 0 || strcasecmp(k, "routable") == 0) {
        flb_sds_destroy(tmp);
        return 0;
    }
    if (strcasecmp(k, "tag") == 0) {
        flb_sds_destroy(ins->tag);
        ins->tag = tmp;
        ins->tag_len = (int) flb_sds_len(tmp);
        ins->tag_default = FLB_FALSE;
        return 0;
    }
    ret = set_common(k, tmp, &ins->alias, &ins->log_level,
                     &ins->log_suppress_interval);
    if (ret != 0) {
        return ret == 1 ? 0 : -1;
    }
    return add_property(&ins->properties, ins->p->config_map, k, v, tmp);
}

const char *flb_input_get_property(const char *key,
                                   struct flb_input_instance *ins)
{
    return flb_kv_get_key_value(key, &ins->properties);
}

const char *flb_input_name(struct flb_input_instance *ins)
{
    return ins->alias ? ins->alias : ins->name;
}

void flb_input_set_context(struct flb_input_instance *ins, void *context)
{
    ins->context = context;
}

int flb_input_set_collector_time(struct flb_input_instance *ins,
                                 int (*cb_collect) (struct flb_input_instance *,
                                                    struct flb_config *, void *),
                                 time_t seconds,
                                 long nanoseconds,
                                 struct flb_config *config)
{
    (void) ins;
    (void) config;

    /* One timer collector per instance is all the host drives. */
    if (host_io.collect) {
        return -1;
    }
    host_io.collect = cb_collect;
    host_io.interval_ns = (long) seconds * 1000000000L + nanoseconds;
    return 0;
}

/* The host has one collector and no backpressure: pausing is recorded
 * (host_io.paused) so that a test can drive cb_pause / cb_resume. */
int flb_input_collector_pause(int coll_id, struct flb_input_instance *ins)
{
    (void) ins;
    if (!host_io.collect || coll_id != 0) {
        return -1;
    }
    host_io.paused = 1;
    return 0;
}

int flb_input_collector_resume(int coll_id, struct flb_input_instance *ins)
{
    (void) ins;
    if (!host_io.collect || coll_id != 0) {
        return -1;
    }
    host_io.paused = 0;
    return 0;
}

int flb_input_log_append(struct flb_input_instance *ins,
                         const char *tag, size_t tag_len,
                         const void *buf, size_t buf_size)
{
    char *tmp;

    (void) ins;
    (void) tag;
    (void) tag_len;

    if (buf_size == 0) {
        return 0;
    }
    tmp = flb_realloc(host_io.appended, host_io.appended_len + buf_size);
    if (!tmp) {
        flb_errno();
        return -1;
    }
    memcpy(tmp + host_io.appended_len, buf, buf_size);
    host_io.appended = tmp;
    host_io.appended_len += buf_size;
    return 0;
}
