/*
 * host.c: runs one compiled plugin without Fluent Bit.
 *
 *   plugin-host [-p key=value]... [--events] [--in json|msgpack]
 *               [--out json|msgpack] [--chunk-records N] [--tag TAG]
 *               [--trace] [--stats]  < input
 *
 * Built together with the plugin's C file:
 *   cc ... plugin.c <every runtime-c/host .c file> -lm
 *      -DFLBC_HOST_PLUGIN=filter_x_plugin -DFLBC_HOST_KIND=filter
 * It creates one instance the way Fluent Bit does (name "<plugin>.0",
 * properties checked against the config map, cb_init, the callbacks, then
 * cb_exit), so a plugin sees the same API, values and errors as in a real
 * pipeline. Exit codes: 0 ok, 1 plugin/init/input error, 2 usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fluent-bit/flb_filter_plugin.h>
#include <fluent-bit/flb_mem.h>
#include <fluent-bit/flb_kv.h>
#include "flbc_rt.h"
#include "host.h"

#ifndef FLBC_HOST_PLUGIN
#error "define FLBC_HOST_PLUGIN to the plugin's symbol, e.g. filter_redact_plugin"
#endif
#ifndef FLBC_HOST_KIND
#define FLBC_HOST_KIND filter
#endif

/* FLBC_HOST_KIND is a bare word; map it to a number the preprocessor can
 * compare. */
#define HOST_KIND_filter 1
#define HOST_KIND_output 2
#define HOST_KIND_input  3
#define HOST_CAT2(a, b) a##b
#define HOST_CAT(a, b) HOST_CAT2(a, b)
#define HOST_KIND HOST_CAT(HOST_KIND_, FLBC_HOST_KIND)

struct host_opts {
    char **props;              /* "key=value" strings from argv */
    int n_props;
    int events;
    int in_json;
    int out_json;
    size_t chunk_records;
    const char *tag;
    int trace;
    int stats;
};

static void usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s [-p key=value]... [--events] [--in json|msgpack] "
            "[--out json|msgpack]\n"
            "       [--chunk-records N] [--tag TAG] [--trace] [--stats] < input\n",
            prog);
}

static int parse_format(const char *v, int *json)
{
    if (strcmp(v, "json") == 0) {
        *json = 1;
        return 0;
    }
    if (strcmp(v, "msgpack") == 0) {
        *json = 0;
        return 0;
    }
    return -1;
}

/* 0, or HOST_EXIT_USAGE after printing why. */
static int parse_args(int argc, char **argv, struct host_opts *o)
{
    int i;
    char *end;
    const char *a;
    unsigned long long n;

    memset(o, 0, sizeof(*o));
    o->in_json = 1;
    o->out_json = 1;
    o->chunk_records = 64;
    o->tag = "test";
    o->props = flb_calloc((size_t) argc, sizeof(char *));
    if (!o->props) {
        return HOST_EXIT_FAIL;
    }

    for (i = 1; i < argc; i++) {
        a = argv[i];
        if (strcmp(a, "--events") == 0) {
            o->events = 1;
        }
        else if (strcmp(a, "--trace") == 0) {
            o->trace = 1;
        }
        else if (strcmp(a, "--stats") == 0) {
            o->stats = 1;
        }
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(argv[0]);
            return HOST_EXIT_USAGE;
        }
        else if (i + 1 >= argc) {
            fprintf(stderr, "%s: unknown option or missing value: %s\n", argv[0], a);
            usage(argv[0]);
            return HOST_EXIT_USAGE;
        }
        else if (strcmp(a, "-p") == 0) {
            if (!strchr(argv[i + 1], '=') || argv[i + 1][0] == '=') {
                fprintf(stderr, "%s: -p expects key=value, got '%s'\n",
                        argv[0], argv[i + 1]);
                return HOST_EXIT_USAGE;
            }
            o->props[o->n_props++] = argv[++i];
        }
        else if (strcmp(a, "--in") == 0 || strcmp(a, "--out") == 0) {
            if (parse_format(argv[i + 1], a[2] == 'i' ? &o->in_json : &o->out_json)) {
                fprintf(stderr, "%s: %s expects json or msgpack\n", argv[0], a);
                return HOST_EXIT_USAGE;
            }
            i++;
        }
        else if (strcmp(a, "--chunk-records") == 0) {
            n = strtoull(argv[i + 1], &end, 10);
            if (*end != '\0' || n == 0 || argv[i + 1][0] == '-') {
                fprintf(stderr, "%s: --chunk-records expects a positive number\n",
                        argv[0]);
                return HOST_EXIT_USAGE;
            }
            o->chunk_records = (size_t) n;
            i++;
        }
        else if (strcmp(a, "--tag") == 0) {
            o->tag = argv[++i];
        }
        else {
            fprintf(stderr, "%s: unknown option: %s\n", argv[0], a);
            usage(argv[0]);
            return HOST_EXIT_USAGE;
        }
    }
    return 0;
}

/* All of stdin, in one flb_malloc block (NUL-terminated for convenience). */
static char *read_stdin(size_t *len)
{
    size_t n;
    size_t cap = 65536;
    char *buf;
    char *tmp;

    *len = 0;
    buf = flb_malloc(cap);
    if (!buf) {
        return NULL;
    }
    while ((n = fread(buf + *len, 1, cap - *len - 1, stdin)) > 0) {
        *len += n;
        if (cap - *len - 1 == 0) {
            tmp = flb_realloc(buf, cap * 2);
            if (!tmp) {
                flb_free(buf);
                return NULL;
            }
            buf = tmp;
            cap *= 2;
        }
    }
    if (ferror(stdin)) {
        flb_free(buf);
        return NULL;
    }
    buf[*len] = '\0';
    return buf;
}

/* Splits "key=value" in place and hands it to set_property. */
static int apply_property(char *kv, const char *plugin_name,
                          int (*set)(void *, const char *, const char *),
                          void *ins)
{
    int ret;
    char *eq = strchr(kv, '=');

    *eq = '\0';
    ret = set(ins, kv, eq + 1);
    if (ret == -1) {
        flb_error("[config] could not configure property '%s' on "
                  "%s plugin with section name '%s'",
                  kv, "filter", plugin_name);
    }
    *eq = '=';
    return ret;
}

static void print_stats(const char *what, size_t chunks, size_t in_records,
                        size_t out_records, size_t in_bytes, size_t out_bytes,
                        size_t modified)
{
    fprintf(stderr,
            "stats: %s chunks=%zu records_in=%zu records_out=%zu "
            "bytes_in=%zu bytes_out=%zu modified=%zu notouch=%zu\n",
            what, chunks, in_records, out_records, in_bytes, out_bytes,
            modified, chunks - modified);
}

#if HOST_KIND == HOST_KIND_filter

extern struct flb_filter_plugin FLBC_HOST_PLUGIN;

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

    for (i = 0; i < chunks->n && rc == HOST_EXIT_OK; i++) {
        out_buf = NULL;
        out_bytes = 0;
        ret = FLB_FILTER_NOTOUCH;
        if (active) {
            ret = ins->p->cb_filter(chunks->items[i].data, chunks->items[i].len,
                                    o->tag, (int) strlen(o->tag),
                                    &out_buf, &out_bytes,
                                    ins, NULL, ins->context, config);
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
            fwrite(text.data, 1, text.len, stdout);
        }
        else {
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
        print_stats("filter", chunks->n, total_in, total_out, bytes_in, bytes_out,
                    modified);
    }
    return rc;
}

static int host_main(const char *prog, struct host_opts *o, struct host_chunks *chunks)
{
    int i;
    int rc;
    int active;
    struct flb_config config = { .log_level = FLB_LOG_INFO };
    struct flb_filter_plugin *p = &FLBC_HOST_PLUGIN;
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

    for (i = 0; i < o->n_props; i++) {
        if (apply_property(o->props[i], p->name, set_filter_property, ins) == -1) {
            destroy_filter(ins);
            return HOST_EXIT_FAIL;
        }
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

#else

static int host_main(const char *prog, struct host_opts *o, struct host_chunks *chunks)
{
    (void) o;
    (void) chunks;
    (void) apply_property;
    (void) print_stats;
    fprintf(stderr, "%s: running %s plugins is not implemented in the host yet\n",
            prog, HOST_KIND == HOST_KIND_output ? "output" : "input");
    return HOST_EXIT_USAGE;
}

#endif

int main(int argc, char **argv)
{
    int rc;
    char *input;
    size_t len;
    struct host_opts o;
    struct host_chunks chunks = { 0 };

    rc = parse_args(argc, argv, &o);
    if (rc != 0) {
        flb_free(o.props);
        return rc;
    }

    input = read_stdin(&len);
    if (!input) {
        fprintf(stderr, "%s: cannot read stdin\n", argv[0]);
        flb_free(o.props);
        return HOST_EXIT_FAIL;
    }
    if (o.in_json) {
        rc = host_chunks_from_json(input, len, o.events, o.chunk_records, &chunks);
    }
    else {
        rc = host_chunks_from_msgpack((const uint8_t *) input, len,
                                      o.chunk_records, &chunks);
    }
    flb_free(input);

    if (rc == 0) {
        rc = host_main(argv[0], &o, &chunks);
    }
    else {
        rc = HOST_EXIT_FAIL;
    }
    host_chunks_free(&chunks);
    host_log_cleanup();
    flb_free(host_io.appended);
    flb_free(o.props);
    return rc;
}
