/*
 * host_filter.c: drives a filter plugin the way Fluent Bit's flb_filter.c
 * does: properties, config map check, cb_init, then cb_filter on every
 * chunk (FLB_FILTER_MODIFIED hands over a new flb_malloc'd chunk, anything
 * else keeps the input chunk), and cb_exit.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <fluent-bit/flb_filter_plugin.h>
#include <fluent-bit/flb_input.h>
#include <fluent-bit/flb_kv.h>
#include <fluent-bit/flb_mem.h>
#include "flbc_rt.h"
#include "host.h"

/* The input the chunks come from, as cb_filter's i_ins: Fluent Bit always
 * passes one, so a plugin may read its name or tag. */
static struct flb_input_plugin host_input_plugin = {
    .name = "host",
    .description = "flbc local host input",
};

static int set_filter_property(void *ins, const char *k, const char *v)
{
    return flb_filter_set_property(ins, k, v);
}

static int is_active(struct flb_filter_instance *ins)
{
    const char *v = flb_kv_get_key_value("active", &ins->properties);

    return !(v && (strcasecmp(v, "false") == 0 || strcmp(v, "0") == 0));
}

static void destroy_filter(struct flb_filter_instance *ins)
{
    flb_config_map_destroy(ins->config_map);
    flb_kv_release(&ins->properties);
    flb_sds_destroy(ins->match);
    flb_sds_destroy(ins->alias);
    flb_free(ins);
}

/* Runs every chunk through cb_filter and writes the results. */
static int run_filter(struct flb_filter_instance *ins, struct flb_config *config,
                      const struct host_opts *o, struct host_chunks *chunks,
                      int active)
{
    struct flb_input_instance input;
    struct flb_input_instance *i_ins = &input;
    int ret;
    int rc = HOST_EXIT_OK;
    long out_records;
    size_t i;
    size_t out_bytes;
    size_t modified = 0;
    size_t total_in = 0;
    size_t total_out = 0;
    size_t bytes_in = 0;
    size_t bytes_out = 0;
    void *out_buf;
    const uint8_t *data;
    size_t len;
    flbc_buf text = { 0 };
    struct host_arena_stats arena;

    memset(&input, 0, sizeof(input));
    input.p = &host_input_plugin;
    input.config = config;
    input.log_level = FLB_LOG_INFO;
    input.log_suppress_interval = -1;
    snprintf(input.name, sizeof(input.name), "host.0");
    input.tag = (char *) o->tag;
    input.tag_len = (int) strlen(o->tag);
    mk_list_init(&input.properties);

    for (i = 0; i < chunks->n && rc == HOST_EXIT_OK; i++) {
        out_buf = NULL;
        out_bytes = 0;
        ret = FLB_FILTER_NOTOUCH;
        if (active) {
            ret = ins->p->cb_filter(chunks->items[i].data, chunks->items[i].len,
                                    o->tag, (int) strlen(o->tag),
                                    &out_buf, &out_bytes,
                                    ins, i_ins, ins->context, config);
        }

        /* As flb_filter_do: anything but MODIFIED keeps the input chunk. */
        if (ret == FLB_FILTER_MODIFIED) {
            data = out_buf;
            len = out_bytes;
            modified++;
        }
        else {
            data = chunks->items[i].data;
            len = chunks->items[i].len;
        }

        out_records = host_count_records(data, len);
        if (o->trace) {
            fprintf(stderr, "chunk %zu: in=%zu out=%ld result=%s\n", i + 1,
                    chunks->items[i].records, out_records,
                    ret == FLB_FILTER_MODIFIED ? "MODIFIED" :
                    ret == FLB_FILTER_NOTOUCH ? "NOTOUCH" : "OTHER");
        }
        if (ret == FLB_FILTER_MODIFIED && out_records < 0) {
            fprintf(stderr, "chunk %zu: the filter returned a malformed chunk "
                    "(%zu bytes)\n", i + 1, len);
            rc = HOST_EXIT_FAIL;
        }
        else if (o->out_json) {
            text.len = 0;
            if (host_chunk_to_json(data, len, o->events, &text) == -1) {
                fprintf(stderr, "chunk %zu: input chunk is not valid msgpack "
                        "events\n", i + 1);
                rc = HOST_EXIT_FAIL;
            }
            if (text.len > 0) {
                fwrite(text.data, 1, text.len, stdout);
            }
        }
        else if (len > 0) {
            fwrite(data, 1, len, stdout);
        }
        total_in += chunks->items[i].records;
        total_out += out_records > 0 ? (size_t) out_records : 0;
        bytes_in += chunks->items[i].len;
        bytes_out += len;

        if (ret == FLB_FILTER_MODIFIED) {
            flb_free(out_buf);
        }
    }
    flbc_buf_free(&text);
    fflush(stdout);
    if (o->stats) {
        fprintf(stderr,
                "stats: chunks=%zu records_in=%zu records_out=%zu bytes_in=%zu "
                "bytes_out=%zu modified=%zu notouch=%zu",
                chunks->n, total_in, total_out, bytes_in, bytes_out, modified,
                chunks->n - modified);
        if (host_arena_stats(ins->context, ins, &arena) == 0) {
            fprintf(stderr, " arena_high_water=%zu arena_kept=%zu",
                    arena.high_water, arena.kept);
        }
        fputc('\n', stderr);
    }
    return rc;
}

int host_run_filter(struct flb_filter_plugin *p, const char *prog,
                    const struct host_opts *o, struct host_chunks *chunks)
{
    int rc;
    int active;
    struct flb_config config = { .log_level = FLB_LOG_INFO };
    struct flb_filter_instance *ins;

    config.program_name = (char *) prog;
    ins = flb_calloc(1, sizeof(struct flb_filter_instance));
    if (!ins) {
        return HOST_EXIT_FAIL;
    }
    ins->config = &config;
    ins->p = p;
    ins->event_type = p->event_type ? p->event_type : FLB_FILTER_LOGS;
    ins->id = 0;
    snprintf(ins->name, sizeof(ins->name) - 1, "%s.%i", p->name, ins->id);
    ins->log_level = -1;
    ins->log_suppress_interval = -1;
    mk_list_init(&ins->properties);

    if (host_apply_properties(o, "filter", p->name, set_filter_property, ins) == -1) {
        destroy_filter(ins);
        return HOST_EXIT_FAIL;
    }

    /* flb_filter_init: the service level, then the config map check. */
    if (ins->log_level == -1) {
        ins->log_level = config.log_level;
    }
    if (p->config_map) {
        ins->config_map = flb_config_map_create(&config, p->config_map);
        if (!ins->config_map) {
            flb_error("[filter] error loading config map for '%s' plugin", p->name);
            destroy_filter(ins);
            return HOST_EXIT_FAIL;
        }
        if (flb_config_map_properties_check(p->name, &ins->properties,
                                            ins->config_map) == -1) {
            destroy_filter(ins);
            return HOST_EXIT_FAIL;
        }
    }

    /* active=false: Fluent Bit neither initializes nor calls the filter. */
    active = is_active(ins);
    if (active) {
        if (p->cb_pre_run && p->cb_pre_run(ins, &config, ins->data) != 0) {
            flb_error("Failed pre_run callback on filter %s", ins->name);
            destroy_filter(ins);
            return HOST_EXIT_FAIL;
        }
        if (p->cb_init && p->cb_init(ins, &config, ins->data) != 0) {
            flb_error("Failed initialize filter %s", ins->name);
            flb_error("[engine] filter initialization failed");
            destroy_filter(ins);
            return HOST_EXIT_FAIL;
        }
    }

    config.is_running = FLB_TRUE;
    rc = run_filter(ins, &config, o, chunks, active);
    config.is_running = FLB_FALSE;

    /* flb_filter_instance_exit: cb_exit only with a context. */
    if (active && p->cb_exit && ins->context) {
        p->cb_exit(ins->context, &config);
    }
    destroy_filter(ins);
    return rc;
}
