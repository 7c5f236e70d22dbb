/*
 * host_input.c: drives an input plugin: properties, config map check,
 * cb_init (which registers a timer collector with
 * flb_input_set_collector_time), then the collector on its interval until
 * --count records were appended or --duration seconds passed (one round
 * when neither is given; --no-wait skips the sleeps). Records appended
 * with flb_input_log_append are written like a filter's output: JSON
 * bodies, --events, or raw msgpack.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <fluent-bit/flb_input_plugin.h>
#include <fluent-bit/flb_kv.h>
#include <fluent-bit/flb_mem.h>
#include "flbc_rt.h"
#include "host.h"

static int set_input_property(void *ins, const char *k, const char *v)
{
    return flb_input_set_property(ins, k, v);
}

static void destroy_input(struct flb_input_instance *ins)
{
    flb_config_map_destroy(ins->config_map);
    flb_kv_release(&ins->properties);
    flb_sds_destroy(ins->alias);
    flb_sds_destroy(ins->tag);
    flb_free(ins);
}

static double now_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Writes what the plugin appended, up to `room` records (0: no limit);
 * returns the records written or -1 if the events are malformed. */
static long write_appended(const struct host_opts *o, size_t room)
{
    long written = 0;
    size_t i;
    struct host_chunks events = { 0 };
    flbc_buf text = { 0 };

    if (host_chunks_from_msgpack((const uint8_t *) host_io.appended,
                                 host_io.appended_len, 1, &events) == -1) {
        return -1;
    }
    host_io.appended_len = 0;
    for (i = 0; i < events.n && (room == 0 || (size_t) written < room); i++) {
        if (o->out_json) {
            text.len = 0;
            if (host_chunk_to_json(events.items[i].data, events.items[i].len,
                                   o->events, &text) == -1) {
                written = -1;
                break;
            }
            if (text.len > 0) {
                fwrite(text.data, 1, text.len, stdout);
            }
        }
        else {
            fwrite(events.items[i].data, 1, events.items[i].len, stdout);
        }
        written += (long) events.items[i].records;
    }
    flbc_buf_free(&text);
    host_chunks_free(&events);
    return written;
}

int host_run_input(struct flb_input_plugin *p, const char *prog,
                   const struct host_opts *o, struct host_chunks *chunks)
{
    int rc = HOST_EXIT_OK;
    long n;
    size_t rounds = 0;
    size_t emitted = 0;
    double start;
    double left;
    struct timespec wait;
    struct flb_config config = { .log_level = FLB_LOG_INFO };
    struct flb_input_instance *ins;

    (void) chunks;
    config.program_name = (char *) prog;
    ins = flb_calloc(1, sizeof(struct flb_input_instance));
    if (!ins) {
        return HOST_EXIT_FAIL;
    }
    ins->config = &config;
    ins->p = p;
    ins->flags = p->flags;
    snprintf(ins->name, sizeof(ins->name) - 1, "%s.%i", p->name, 0);
    ins->log_level = -1;
    ins->log_suppress_interval = -1;
    mk_list_init(&ins->properties);

    if (host_apply_properties(o, "input", p->name, set_input_property, ins) == -1) {
        destroy_input(ins);
        return HOST_EXIT_FAIL;
    }
    if (ins->log_level == -1) {
        ins->log_level = config.log_level;
    }
    if (p->config_map) {
        ins->config_map = flb_config_map_create(&config, p->config_map);
        if (!ins->config_map) {
            flb_error("[input] error loading config map for '%s' plugin", p->name);
            destroy_input(ins);
            return HOST_EXIT_FAIL;
        }
        if (flb_config_map_properties_check(p->name, &ins->properties,
                                            ins->config_map) == -1) {
            destroy_input(ins);
            return HOST_EXIT_FAIL;
        }
    }

    /* flb_input_instance_init: the default tag is the instance name. */
    if (p->cb_init) {
        flb_plg_info(ins, "initializing");
        flb_plg_info(ins, "storage_strategy='memory' (memory only)");
        if (!ins->tag) {
            flb_input_set_property(ins, "tag", ins->name);
            ins->tag_default = FLB_TRUE;
        }
        if (p->cb_init(ins, &config, NULL) != 0) {
            flb_error("failed initialize input %s", ins->name);
            flb_error("[engine] input initialization failed");
            destroy_input(ins);
            return HOST_EXIT_FAIL;
        }
    }
    if (!host_io.collect) {
        fprintf(stderr, "%s: the input registered no timer collector "
                "(flb_input_set_collector_time)\n", prog);
        rc = HOST_EXIT_FAIL;
    }

    config.is_running = FLB_TRUE;
    start = now_seconds();
    while (rc == HOST_EXIT_OK) {
        host_io.collect(ins, &config, ins->context);
        rounds++;
        n = write_appended(o, o->count ? o->count - emitted : 0);
        if (n < 0) {
            fprintf(stderr, "%s: the input appended malformed events\n", prog);
            rc = HOST_EXIT_FAIL;
            break;
        }
        emitted += (size_t) n;
        if (o->trace) {
            fprintf(stderr, "collect %zu: records=%ld\n", rounds, n);
        }
        if ((o->count && emitted >= o->count) || (!o->count && o->duration <= 0)) {
            break;
        }
        left = o->duration > 0 ? o->duration - (now_seconds() - start) : 1e9;
        if (left <= 0) {
            break;
        }
        if (!o->no_wait) {
            if ((double) host_io.interval_ns / 1e9 < left) {
                left = (double) host_io.interval_ns / 1e9;
            }
            wait.tv_sec = (time_t) left;
            wait.tv_nsec = (long) ((left - (double) wait.tv_sec) * 1e9);
            nanosleep(&wait, NULL);
        }
    }
    config.is_running = FLB_FALSE;
    fflush(stdout);

    if (p->cb_exit && ins->context) {
        p->cb_exit(ins->context, &config);
    }
    if (o->stats) {
        fprintf(stderr, "stats: collects=%zu records=%zu\n", rounds, emitted);
    }
    destroy_input(ins);
    return rc;
}
