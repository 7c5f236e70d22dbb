/*
 * host.c: runs one compiled plugin without Fluent Bit.
 *
 *   plugin-host [-p key=value]... [--events] [--in json|msgpack]
 *               [--out json|msgpack] [--chunk-records N] [--tag TAG]
 *               [--trace] [--stats] [--count N] [--duration S] [--no-wait]
 *               < input
 *
 * Built together with the plugin's C file:
 *   cc ... plugin.c <every runtime-c/host .c file> -lm
 *      -DFLBC_HOST_PLUGIN=filter_x_plugin -DFLBC_HOST_KIND=filter
 * (only host_plugin.c reads the two macros, so the other files can be
 * compiled once and linked with any plugin).
 * It creates one instance the way Fluent Bit does (name "<plugin>.0",
 * properties checked against the config map, cb_init, the callbacks, then
 * cb_exit), so a plugin sees the same API, values and errors as in a real
 * pipeline. This file reads the command line and the input; host_filter.c,
 * host_output.c and host_input.c drive each kind of plugin.
 * Exit codes: 0 ok, 1 plugin/init/input error, 2 usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fluent-bit/flb_log.h>
#include <fluent-bit/flb_mem.h>
#include "host.h"

static void usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s [-p key=value]... [--events] [--in json|msgpack] "
            "[--out json|msgpack]\n"
            "       [--chunk-records N] [--tag TAG] [--trace] [--stats]\n"
            "       [--count N] [--duration S] [--no-wait] < input\n",
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

/* A positive integer option value; 0 if invalid. */
static size_t parse_count(const char *v)
{
    char *end;
    unsigned long long n;

    if (v[0] < '0' || v[0] > '9') {
        return 0;
    }
    n = strtoull(v, &end, 10);
    return *end == '\0' ? (size_t) n : 0;
}

/* 0, or the exit code after printing why. */
static int parse_args(int argc, char **argv, struct host_opts *o)
{
    int i;
    char *end;
    const char *a;
    const char *v;

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
        v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--events") == 0) {
            o->events = 1;
            continue;
        }
        if (strcmp(a, "--trace") == 0) {
            o->trace = 1;
            continue;
        }
        if (strcmp(a, "--stats") == 0) {
            o->stats = 1;
            continue;
        }
        if (strcmp(a, "--no-wait") == 0) {
            o->no_wait = 1;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(argv[0]);
            return HOST_EXIT_USAGE;
        }
        if (strcmp(a, "-p") != 0 && strcmp(a, "--in") != 0 && strcmp(a, "--out") != 0 &&
            strcmp(a, "--chunk-records") != 0 && strcmp(a, "--tag") != 0 &&
            strcmp(a, "--count") != 0 && strcmp(a, "--duration") != 0) {
            fprintf(stderr, "%s: unknown option: %s\n", argv[0], a);
            usage(argv[0]);
            return HOST_EXIT_USAGE;
        }
        if (!v) {
            fprintf(stderr, "%s: %s expects a value\n", argv[0], a);
            return HOST_EXIT_USAGE;
        }
        i++;
        if (strcmp(a, "-p") == 0) {
            if (!strchr(v, '=') || v[0] == '=') {
                fprintf(stderr, "%s: -p expects key=value, got '%s'\n", argv[0], v);
                return HOST_EXIT_USAGE;
            }
            o->props[o->n_props++] = argv[i];
        }
        else if (strcmp(a, "--in") == 0 || strcmp(a, "--out") == 0) {
            if (parse_format(v, a[2] == 'i' ? &o->in_json : &o->out_json) == -1) {
                fprintf(stderr, "%s: %s expects json or msgpack\n", argv[0], a);
                return HOST_EXIT_USAGE;
            }
        }
        else if (strcmp(a, "--chunk-records") == 0 || strcmp(a, "--count") == 0) {
            if (parse_count(v) == 0) {
                fprintf(stderr, "%s: %s expects a positive number\n", argv[0], a);
                return HOST_EXIT_USAGE;
            }
            if (strcmp(a, "--count") == 0) {
                o->count = parse_count(v);
            }
            else {
                o->chunk_records = parse_count(v);
            }
        }
        else if (strcmp(a, "--duration") == 0) {
            o->duration = strtod(v, &end);
            if (*end != '\0' || !(o->duration > 0)) {
                fprintf(stderr, "%s: --duration expects seconds > 0\n", argv[0]);
                return HOST_EXIT_USAGE;
            }
        }
        else {
            o->tag = v;
        }
    }
    return 0;
}

/* All of stdin, in one flb_malloc block. */
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
    while ((n = fread(buf + *len, 1, cap - *len, stdin)) > 0) {
        *len += n;
        if (*len == cap) {
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
    return buf;
}

int host_apply_properties(const struct host_opts *o, const char *kind,
                          const char *plugin_name,
                          int (*set)(void *ins, const char *k, const char *v),
                          void *ins)
{
    int i;
    int ret;
    char *kv;
    char *eq;

    for (i = 0; i < o->n_props; i++) {
        /* Split "key=value" in place, as argv is ours to edit. */
        kv = o->props[i];
        eq = strchr(kv, '=');
        *eq = '\0';
        ret = set(ins, kv, eq + 1);
        if (ret == -1) {
            flb_error("[config] could not configure property '%s' on "
                      "%s plugin with section name '%s'", kv, kind, plugin_name);
        }
        *eq = '=';
        if (ret == -1) {
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    int rc;
    char *input = NULL;
    size_t len = 0;
    struct host_opts o;
    struct host_chunks chunks = { 0 };

    rc = parse_args(argc, argv, &o);
    if (rc != 0) {
        flb_free(o.props);
        return rc;
    }

    /* An input plugin produces the records: stdin is not read. */
    if (host_reads_stdin) {
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
    }

    rc = rc == 0 ? host_run(argv[0], &o, &chunks) : HOST_EXIT_FAIL;

    host_chunks_free(&chunks);
    host_log_cleanup();
    flb_free(host_io.appended);
    flb_free(o.props);
    return rc;
}
