/*
 * probe.c: linked into the benchmark's host binaries (test/bench/bench.ts),
 * never into a plugin. Before main() it wraps the plugin's cb_init and
 * cb_filter to record what the benchmark reports about memory:
 *   - the instance's heap at rest: bytes in use (glibc mallinfo2) at the
 *     start of every callback after the first, minus those in use just
 *     before cb_init: the context, the arena block kept between callbacks,
 *     anything else the instance holds while idle;
 *   - the biggest input chunk and the biggest output buffer a callback
 *     handed back (malloc_usable_size), i.e. the heap a callback needs on
 *     top of the instance;
 *   - for flbc plugins, the arena's high-water mark (flbc_arena.high_water:
 *     the most arena bytes in use at once; the arena is rolled back after
 *     every record) and the bytes of the arena blocks it holds, as the
 *     host's host_arena_stats reads them.
 * The filter call itself goes through bench_cb_filter, a function of its
 * own so that callgrind can count exactly the plugin's callback
 * (--toggle-collect=bench_cb_filter) whatever the plugin names its own.
 * The report is one line on stderr at exit: "probe: key=value ...".
 */
#define _GNU_SOURCE

#include <malloc.h>
#include <stdio.h>
#include <fluent-bit/flb_filter_plugin.h>
#include <fluent-bit/flb_mem.h>
#include "flbc_rt.h"
#include "host.h"

#ifndef FLBC_HOST_PLUGIN
#error "define FLBC_HOST_PLUGIN"
#endif
extern struct flb_filter_plugin FLBC_HOST_PLUGIN;

typedef int (*filter_fn)(const void *, size_t, const char *, int, void **, size_t *,
                         struct flb_filter_instance *, struct flb_input_instance *,
                         void *, struct flb_config *);
typedef int (*init_fn)(struct flb_filter_instance *, struct flb_config *, void *);

static filter_fn plugin_filter;
static init_fn plugin_init;

static size_t heap_before_init;
static size_t heap_after_init;
static size_t heap_rest_max;
static size_t calls;
static size_t in_max;
static size_t out_max;
static size_t arena_high_water;
static size_t arena_blocks_max;
static int has_rt;

static size_t heap_in_use(void)
{
    return mallinfo2().uordblks;
}

static int probe_init(struct flb_filter_instance *ins, struct flb_config *config, void *data)
{
    int ret;

    heap_before_init = heap_in_use();
    ret = plugin_init ? plugin_init(ins, config, data) : 0;
    heap_after_init = heap_in_use();
    return ret;
}

/* What callgrind counts: the plugin's callback and everything it calls. */
__attribute__((noinline)) int bench_cb_filter(const void *data, size_t bytes,
                                              const char *tag, int tag_len,
                                              void **out_buf, size_t *out_bytes,
                                              struct flb_filter_instance *ins,
                                              struct flb_input_instance *i_ins,
                                              void *ctx, struct flb_config *config)
{
    return plugin_filter(data, bytes, tag, tag_len, out_buf, out_bytes, ins, i_ins, ctx,
                         config);
}

static int probe_filter(const void *data, size_t bytes, const char *tag, int tag_len,
                        void **out_buf, size_t *out_bytes,
                        struct flb_filter_instance *ins, struct flb_input_instance *i_ins,
                        void *ctx, struct flb_config *config)
{
    int ret;
    size_t rest;
    struct host_arena_stats arena;

    rest = heap_in_use() - heap_before_init;
    if (calls > 0 && rest > heap_rest_max) {
        heap_rest_max = rest;
    }
    calls++;
    if (bytes > in_max) {
        in_max = bytes;
    }
    ret = bench_cb_filter(data, bytes, tag, tag_len, out_buf, out_bytes, ins, i_ins, ctx,
                          config);
    if (ret == FLB_FILTER_MODIFIED && *out_buf != NULL &&
        malloc_usable_size(*out_buf) > out_max) {
        out_max = malloc_usable_size(*out_buf);
    }
    if (host_arena_stats(ctx, ins, &arena) == 0) {
        has_rt = 1;
        arena_high_water = arena.high_water;
        if (arena.kept > arena_blocks_max) {
            arena_blocks_max = arena.kept;
        }
    }
    return ret;
}

__attribute__((constructor)) static void probe_install(void)
{
    /* stdio would malloc stdout's buffer at the first write, inside what
     * is measured as the instance's heap at rest. */
    static char out_buffer[1 << 16];

    setvbuf(stdout, out_buffer, _IOFBF, sizeof(out_buffer));
    plugin_init = (init_fn) FLBC_HOST_PLUGIN.cb_init;
    plugin_filter = (filter_fn) FLBC_HOST_PLUGIN.cb_filter;
    FLBC_HOST_PLUGIN.cb_init = probe_init;
    FLBC_HOST_PLUGIN.cb_filter = probe_filter;
}

__attribute__((destructor)) static void probe_report(void)
{
    fprintf(stderr,
            "probe: calls=%zu heap_init=%zu heap_rest=%zu in_max=%zu out_max=%zu "
            "arena_high_water=%s%zu arena_blocks=%zu\n",
            calls, heap_after_init - heap_before_init, heap_rest_max, in_max, out_max,
            has_rt ? "" : "-", arena_high_water, arena_blocks_max);
}
