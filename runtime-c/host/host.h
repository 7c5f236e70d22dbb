/*
 * host.h: what the host's own modules share; plugins never see it (it is
 * not under include/).
 */
#ifndef FLBC_HOST_H
#define FLBC_HOST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <fluent-bit/flb_sds.h>

/* Exit codes of the host program. */
#define HOST_EXIT_OK     0
#define HOST_EXIT_FAIL   1     /* plugin, init or input error */
#define HOST_EXIT_USAGE  2

/* ${VAR} and ${VAR:-default} expansion from the process environment, as
 * Fluent Bit applies to property values; NULL when out of memory. */
flb_sds_t host_env_translate(const char *value);

/* Frees what flb_log.c keeps for log suppression. */
void host_log_cleanup(void);

/* Output and input plugins: the last FLB_OUTPUT_RETURN value, the timer
 * collector an input registered, and what it appended. */
struct flb_input_instance;
struct flb_config;
typedef int (*host_collect_fn)(struct flb_input_instance *,
                               struct flb_config *, void *);

struct host_plugin_io {
    int output_ret;            /* unused: see host_output_ret */
    host_collect_fn collect;   /* NULL until flb_input_set_collector_time */
    long interval_ns;
    int paused;                /* flb_input_collector_pause without resume */
    char *appended;            /* flb_input_log_append bytes (flb_malloc) */
    size_t appended_len;
};

extern struct host_plugin_io host_io;

/* FLB_OUTPUT_RETURN's value for the flush running on this thread (-1 until
 * then): an output with workers flushes several chunks at once. */
extern _Thread_local int host_output_ret;

/* The transport under host_net.c's upstreams and HTTP client (host_sock.c;
 * the output fuzz targets link runtime-c/test/fuzz/net_stub.c instead).
 * host_sock_connect returns a connected socket, or -1 with the error
 * logged as Fluent Bit's upstream logs it; send and recv are send(2) and
 * recv(2), retried on EINTR and never raising SIGPIPE. */
int host_sock_connect(const char *host, int port, int ipv6);
ssize_t host_sock_send(int fd, const void *data, size_t len);
ssize_t host_sock_recv(int fd, void *buf, size_t len);
void host_sock_close(int fd);

/* Chunks handed to a plugin: each in its own exact-size flb_malloc block,
 * so that a read past the end is caught by ASan/valgrind. */
struct host_chunk {
    uint8_t *data;
    size_t len;
    size_t records;            /* log events, group markers excluded */
};

struct host_chunks {
    struct host_chunk *items;
    size_t n;
    size_t cap;
};

/* JSON lines (bodies, or [[time, metadata], body] with events) -> chunks of
 * per_chunk records, encoded as Fluent Bit's log event encoder does. Prints
 * the offending line number and returns -1 on bad input. */
int host_chunks_from_json(const char *text, size_t len, int events,
                          size_t per_chunk, struct host_chunks *out);
/* Raw msgpack events -> chunks of per_chunk events, bytes as given; a
 * malformed tail goes, as is, into the last chunk. */
int host_chunks_from_msgpack(const uint8_t *data, size_t len,
                             size_t per_chunk, struct host_chunks *out);
void host_chunks_free(struct host_chunks *c);

/* Log records in a chunk; -1 if it is not a sequence of valid events. */
long host_count_records(const uint8_t *data, size_t len);
/* Appends one JSON line per record body (events: [[time, metadata], body],
 * group markers included) to out; -1 if the chunk is malformed. */
struct flbc_buf;
int host_chunk_to_json(const uint8_t *data, size_t len, int events,
                       struct flbc_buf *out);

/* An flbc plugin instance's arena: the most bytes it had in use at once
 * (it is rolled back after every record) and the bytes of the blocks it
 * keeps. host_arena_stats finds the plugin's runtime in its context (ctx,
 * a heap block, and ins, the plugin instance); -1 when there is none (a
 * hand-written plugin). */
struct host_arena_stats {
    size_t high_water;
    size_t kept;
};
int host_arena_stats(void *ctx, const void *ins, struct host_arena_stats *out);


/* The command line. */
struct host_opts {
    char **props;              /* "key=value" strings from argv */
    int n_props;
    int events;                /* --events */
    int in_json;               /* --in json (1) or msgpack (0) */
    int out_json;              /* --out json (1) or msgpack (0) */
    size_t chunk_records;      /* --chunk-records */
    const char *tag;           /* --tag */
    int trace;                 /* --trace */
    int stats;                 /* --stats */
    size_t count;              /* input: --count N records (0: not set) */
    double duration;           /* input: --duration S seconds (0: not set) */
    int no_wait;               /* input: --no-wait, collect without sleeping */
};

/* Applies every -p to an instance through its kind's set_property; logs
 * Fluent Bit's "could not configure property" error and returns -1 on a
 * rejected value. */
int host_apply_properties(const struct host_opts *o, const char *kind,
                          const char *plugin_name,
                          int (*set)(void *ins, const char *k, const char *v),
                          void *ins);

/* Runs the plugin over the chunks (filter, output) or collects from it
 * (input); returns the exit code. host_plugin.c defines it for the plugin
 * the host is built around, calling that kind's driver below. */
int host_run(const char *prog, const struct host_opts *o, struct host_chunks *chunks);

/* Whether the plugin reads records from stdin (not an input); host_plugin.c. */
extern const int host_reads_stdin;

struct flb_filter_plugin;
struct flb_output_plugin;
struct flb_input_plugin;
int host_run_filter(struct flb_filter_plugin *p, const char *prog,
                    const struct host_opts *o, struct host_chunks *chunks);
int host_run_output(struct flb_output_plugin *p, const char *prog,
                    const struct host_opts *o, struct host_chunks *chunks);
int host_run_input(struct flb_input_plugin *p, const char *prog,
                   const struct host_opts *o, struct host_chunks *chunks);

#endif
