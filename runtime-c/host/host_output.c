/*
 * host_output.c: drives an output plugin the way Fluent Bit's engine does:
 * properties, config map check, cb_init, then cb_flush once per chunk. The
 * flush ends with FLB_OUTPUT_RETURN(FLB_OK | FLB_RETRY | FLB_ERROR); a
 * retry is attempted again up to the instance's retry_limit (default 1,
 * "no_limits" is capped here), after a short exponential backoff instead of
 * Fluent Bit's seconds-long scheduler wait. The plugin's own stdout goes
 * straight through; the host writes nothing to stdout.
 *
 * An output whose plugin struct sets `workers` above 1 is flushed the way
 * Fluent Bit's output thread pool does it: that many threads, each taking
 * the next chunk, so flushes of one instance run concurrently (run it under
 * ThreadSanitizer to check a plugin for shared state).
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <fluent-bit/flb_output_plugin.h>
#include <fluent-bit/flb_kv.h>
#include <fluent-bit/flb_mem.h>
#include "flbc_rt.h"
#include "host.h"

/* retry_limit=no_limits would loop forever on a plugin that always retries. */
#define HOST_MAX_RETRIES 16

/* First retry waits this long, doubling up to HOST_RETRY_WAIT_MAX_MS. */
#define HOST_RETRY_WAIT_MS     10
#define HOST_RETRY_WAIT_MAX_MS 1000

static int set_output_property(void *ins, const char *k, const char *v)
{
    return flb_output_set_property(ins, k, v);
}

static void destroy_output(struct flb_output_instance *ins)
{
    flb_config_map_destroy(ins->config_map);
    flb_kv_release(&ins->properties);
    flb_kv_release(&ins->net_properties);
    flb_sds_destroy(ins->match);
    flb_sds_destroy(ins->alias);
    flb_sds_destroy(ins->host.name);
    flb_free(ins);
}

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

    nanosleep(&ts, NULL);
}

static const char *result_name(int ret)
{
    switch (ret) {
    case FLB_OK:
        return "OK";
    case FLB_RETRY:
        return "RETRY";
    case FLB_ERROR:
        return "ERROR";
    default:
        return "NONE";
    }
}

/* Flushes one chunk with retries; 0 when delivered, -1 when given up,
 * -2 when the plugin returned without FLB_OUTPUT_RETURN. */
static int flush_chunk(struct flb_output_instance *ins, struct flb_config *config,
                       const struct host_opts *o, struct host_chunk *chunk,
                       size_t n, size_t *retries)
{
    int ret;
    int attempt;
    int limit;
    long wait = HOST_RETRY_WAIT_MS;
    struct flb_event_chunk evc;
    struct flb_output_flush flush;

    memset(&evc, 0, sizeof(evc));
    evc.type = FLB_EVENT_TYPE_LOGS;
    evc.tag = flb_sds_create(o->tag);
    evc.data = chunk->data;
    evc.size = chunk->len;
    evc.total_events = chunk->records;
    memset(&flush, 0, sizeof(flush));
    flush.buffer = chunk->data;
    flush.config = config;
    flush.o_ins = ins;
    if (!evc.tag) {
        return -1;
    }

    limit = ins->retry_limit < 0 || ins->retry_limit > HOST_MAX_RETRIES ?
            HOST_MAX_RETRIES : ins->retry_limit;
    for (attempt = 0; ; attempt++) {
        host_output_ret = -1;
        ins->p->cb_flush(&evc, &flush, NULL, ins->context, config);
        ret = host_output_ret;
        if (o->trace) {
            fprintf(stderr, "chunk %zu: records=%zu attempt=%i result=%s\n",
                    n, chunk->records, attempt + 1, result_name(ret));
        }
        if (ret == -1) {
            fprintf(stderr, "chunk %zu: cb_flush returned without "
                    "FLB_OUTPUT_RETURN\n", n);
            ret = -2;
            break;
        }
        if (ret == FLB_OK) {
            if (attempt > 0) {
                flb_info("[engine] flush chunk '%zu' succeeded at retry %i: "
                         "task_id=%zu, input=%s > output=%s (out_id=0)",
                         n, attempt, n - 1, "host.0", flb_output_name(ins));
            }
            ret = 0;
            break;
        }
        if (ret == FLB_RETRY && attempt < limit) {
            flb_warn("[engine] failed to flush chunk '%zu', retry in %li seconds: "
                     "task_id=%zu, input=%s > output=%s (out_id=0)",
                     n, wait / 1000, n - 1, "host.0", flb_output_name(ins));
            (*retries)++;
            sleep_ms(wait);
            wait = wait * 2 > HOST_RETRY_WAIT_MAX_MS ? HOST_RETRY_WAIT_MAX_MS : wait * 2;
            continue;
        }
        if (ret == FLB_RETRY) {
            flb_error("[engine] chunk '%zu' cannot be retried: "
                      "task_id=%zu, input=%s > output=%s",
                      n, n - 1, "host.0", flb_output_name(ins));
        }
        ret = -1;
        break;
    }
    flb_sds_destroy(evc.tag);
    return ret;
}

/* One worker thread's share: the next chunk until none is left. */
struct host_workers {
    struct flb_output_instance *ins;
    struct flb_config *config;
    const struct host_opts *o;
    struct host_chunks *chunks;
    atomic_size_t next;
    atomic_size_t failed;
    atomic_size_t retries;
    atomic_int missing_return;
};

static void *flush_worker(void *arg)
{
    struct host_workers *w = arg;
    size_t i;
    size_t retries;
    int ret;

    while ((i = atomic_fetch_add(&w->next, 1)) < w->chunks->n) {
        retries = 0;
        ret = flush_chunk(w->ins, w->config, w->o, &w->chunks->items[i], i + 1, &retries);
        atomic_fetch_add(&w->retries, retries);
        if (ret == -2) {
            atomic_store(&w->missing_return, 1);
        }
        else if (ret == -1) {
            atomic_fetch_add(&w->failed, 1);
        }
    }
    return NULL;
}

/* Flushes every chunk on n threads; -2 if a flush never returned. */
static int flush_workers(struct flb_output_instance *ins, struct flb_config *config,
                         const struct host_opts *o, struct host_chunks *chunks, int n,
                         size_t *failed, size_t *retries)
{
    pthread_t threads[64];
    struct host_workers w;
    int started = 0;
    int i;

    w.ins = ins;
    w.config = config;
    w.o = o;
    w.chunks = chunks;
    atomic_init(&w.next, 0);
    atomic_init(&w.failed, 0);
    atomic_init(&w.retries, 0);
    atomic_init(&w.missing_return, 0);
    if (n > 64) {
        n = 64;
    }
    for (i = 0; i < n; i++) {
        if (pthread_create(&threads[i], NULL, flush_worker, &w) != 0) {
            break;
        }
        started++;
    }
    if (started == 0) {
        flush_worker(&w);
    }
    for (i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
    }
    fflush(stdout);
    *failed += atomic_load(&w.failed);
    *retries += atomic_load(&w.retries);
    return atomic_load(&w.missing_return) ? -2 : 0;
}

int host_run_output(struct flb_output_plugin *p, const char *prog,
                    const struct host_opts *o, struct host_chunks *chunks)
{
    int ret;
    int rc = HOST_EXIT_OK;
    size_t i;
    size_t failed = 0;
    size_t retries = 0;
    struct flb_config config = { .log_level = FLB_LOG_INFO };
    struct flb_output_instance *ins;

    config.program_name = (char *) prog;
    ins = flb_calloc(1, sizeof(struct flb_output_instance));
    if (!ins) {
        return HOST_EXIT_FAIL;
    }
    ins->config = &config;
    ins->p = p;
    ins->flags = p->flags;
    ins->event_type = p->event_type ? p->event_type : FLB_OUTPUT_LOGS;
    snprintf(ins->name, sizeof(ins->name) - 1, "%s.%i", p->name, 0);
    ins->log_level = -1;
    ins->log_suppress_interval = -1;
    ins->retry_limit = 1;
    mk_list_init(&ins->properties);
    mk_list_init(&ins->net_properties);

    if (host_apply_properties(o, "output", p->name, set_output_property, ins) == -1) {
        destroy_output(ins);
        return HOST_EXIT_FAIL;
    }
    if (ins->log_level == -1) {
        ins->log_level = config.log_level;
    }
    if (p->config_map) {
        ins->config_map = flb_config_map_create(&config, p->config_map);
        if (!ins->config_map) {
            flb_error("[output] error loading config map for '%s' plugin", p->name);
            destroy_output(ins);
            return HOST_EXIT_FAIL;
        }
        if (flb_config_map_properties_check(p->name, &ins->properties,
                                            ins->config_map) == -1) {
            destroy_output(ins);
            return HOST_EXIT_FAIL;
        }
    }
    if (p->cb_init && p->cb_init(ins, &config, NULL) == -1) {
        flb_error("[output] failed to initialize '%s' plugin", p->name);
        flb_error("[engine] output initialization failed");
        destroy_output(ins);
        return HOST_EXIT_FAIL;
    }

    config.is_running = FLB_TRUE;
    if (p->workers > 1 && chunks->n > 1) {
        ret = flush_workers(ins, &config, o, chunks, p->workers, &failed, &retries);
        if (ret == -2) {
            rc = HOST_EXIT_FAIL;
        }
    }
    else {
        for (i = 0; i < chunks->n; i++) {
            ret = flush_chunk(ins, &config, o, &chunks->items[i], i + 1, &retries);
            fflush(stdout);
            if (ret == -2) {
                rc = HOST_EXIT_FAIL;
                break;
            }
            failed += ret == -1;
        }
    }
    config.is_running = FLB_FALSE;

    if (p->cb_exit && ins->context) {
        p->cb_exit(ins->context, &config);
    }
    fflush(stdout);
    if (o->stats) {
        fprintf(stderr, "stats: chunks=%zu delivered=%zu failed=%zu retries=%zu\n",
                chunks->n, chunks->n - failed, failed, retries);
    }
    destroy_output(ins);
    return failed > 0 ? HOST_EXIT_FAIL : rc;
}
