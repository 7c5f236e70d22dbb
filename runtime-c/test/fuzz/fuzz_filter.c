/*
 * fuzz_filter.c: libFuzzer target for one compiled filter plugin, built
 * with the local host (host.c's main renamed away): arbitrary bytes are one
 * chunk, run through a fresh instance (properties, cb_init, cb_filter,
 * cb_exit) exactly as `plugin-host --in msgpack --out msgpack` would.
 *
 * host_run fails when the filter hands back a chunk that is not a sequence
 * of well-formed events; that is a finding, like any sanitizer report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fluent-bit/flb_mem.h>
#include "host.h"

static char log_off[] = "log_level=off";
static char *props[] = { log_off };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void) argc;
    (void) argv;
    /* The host writes the chunks it gets back to stdout. */
    if (freopen("/dev/null", "w", stdout) == NULL) {
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct host_opts o;
    struct host_chunk chunk;
    struct host_chunks chunks;

    if (size == 0) {
        return 0;
    }
    memset(&o, 0, sizeof(o));
    o.props = props;
    o.n_props = 1;
    o.chunk_records = 1000000;
    o.tag = "fuzz";
    /* An exact-size copy: a read past the chunk is an ASan report. */
    chunk.data = flb_malloc(size);
    if (chunk.data == NULL) {
        return 0;
    }
    memcpy(chunk.data, data, size);
    chunk.len = size;
    chunk.records = 0;
    chunks.items = &chunk;
    chunks.n = 1;
    chunks.cap = 1;
    if (host_run("fuzz", &o, &chunks) != 0) {
        abort();
    }
    flb_free(chunk.data);
    return 0;
}
