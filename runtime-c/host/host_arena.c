/*
 * host_arena.c: the arena figures of an flbc plugin instance, for --stats
 * (and test/bench/probe.c). The host only sees the plugin's context as a
 * `void *`; an flbc plugin keeps its runtime (flbc_rt) inside it, with
 * log_ins set to the plugin instance. So the context's heap block is
 * searched for that runtime, bounded by the block's usable size: nothing
 * depends on how the generated context struct is laid out, and a
 * hand-written plugin simply has no runtime to report.
 */
#include <fluent-bit/flb_mem.h>

#if defined(__APPLE__)
#include <malloc/malloc.h>
#define host_block_size(p) malloc_size(p)
#else
#include <malloc.h>
#define host_block_size(p) malloc_usable_size(p)
#endif

#include "flbc_rt.h"
#include "host.h"

int host_arena_stats(void *ctx, const void *ins, struct host_arena_stats *out)
{
    size_t size;
    size_t off;
    const flbc_rt *rt;
    const flbc_block *b;

    if (ctx == NULL) {
        return -1;
    }
    size = host_block_size(ctx);
    for (off = 0; off + sizeof(flbc_rt) <= size; off += sizeof(void *)) {
        rt = (const flbc_rt *) ((const char *) ctx + off);
        if (rt->log_ins == ins && rt->log != NULL) {
            out->high_water = rt->arena.high_water;
            out->kept = 0;
            for (b = rt->arena.blocks; b != NULL; b = b->next) {
                out->kept += b->size;
            }
            return 0;
        }
    }
    return -1;
}
