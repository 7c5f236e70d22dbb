/*
 * fuzz_output.c: libFuzzer target for one compiled output plugin, built
 * with the local host (host.c's main renamed away): arbitrary bytes are one
 * chunk, flushed by a fresh instance (properties, cb_init, cb_flush,
 * cb_exit) exactly as `plugin-host --in msgpack` would. What the plugin
 * writes goes to /dev/null: stdout is redirected there, and an output that
 * writes a file gets FLBC_FUZZ_PROP ("path=/dev/null") from the build.
 *
 * Findings, besides a crash, a sanitizer report or a leak:
 *   - cb_init failing, or a flush that returns without FLB_OUTPUT_RETURN;
 *   - a chunk in Fluent Bit's own encoding (canonical_chunk) that is not
 *     delivered: an output may refuse a malformed chunk, never a good one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fluent-bit/flb_output_plugin.h>
#include <fluent-bit/flb_mem.h>
#include "flbc_rt.h"
#include "host.h"

static char log_off[] = "log_level=off";
/* A retry would wait 10 ms and deliver to the same /dev/null again. */
static char no_retries[] = "retry_limit=no_retries";
#ifdef FLBC_FUZZ_PROP
static char output_file[] = FLBC_FUZZ_PROP;
static char *props[] = { log_off, no_retries, output_file };
#else
static char *props[] = { log_off, no_retries };
#endif

/* host_output_ret before the flush: cb_init failed and nothing was flushed. */
#define NOT_FLUSHED (-2)

/*
 * Whether every event is [[EventTime, {metadata}], {body}] as Fluent Bit's
 * encoder writes it, with a record's time (not a group marker) and values
 * nested within the runtime's limit (FLBC_MAX_DEPTH, the body counted one
 * level deeper than the runtime counts it, to stay on the safe side). A
 * sufficient condition for a chunk an output must deliver, checked apart
 * from the runtime's event parser; the other shapes it accepts (legacy
 * events, integer or float times) are left to the no-crash checks.
 */
static int canonical_chunk(const uint8_t *p, const uint8_t *end)
{
    const uint8_t *q;
    uint32_t n;

    while (p < end) {
        q = flbc_mp_read_array(p, end, &n);
        if (q == NULL || n != 2) {
            return 0;
        }
        q = flbc_mp_read_array(q, end, &n);
        if (q == NULL || n != 2) {
            return 0;
        }
        /* fixext 8 of type 0; seconds 0xfffffffe and up are group markers. */
        if (end - q < 10 || q[0] != 0xd7 || q[1] != 0x00 ||
            (q[2] == 0xff && q[3] == 0xff && q[4] == 0xff && q[5] >= 0xfe)) {
            return 0;
        }
        q += 10;
        if (flbc_mp_read_map(q, end, &n) == NULL ||
            (q = flbc_mp_skip_depth(q, end, FLBC_MAX_DEPTH - 2)) == NULL) {
            return 0;
        }
        if (flbc_mp_read_map(q, end, &n) == NULL ||
            (p = flbc_mp_skip_depth(q, end, FLBC_MAX_DEPTH - 2)) == NULL) {
            return 0;
        }
    }
    return 1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void) argc;
    (void) argv;
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
    long records;
    int canonical;

    if (size == 0) {
        return 0;
    }
    memset(&o, 0, sizeof(o));
    o.props = props;
    o.n_props = (int) (sizeof(props) / sizeof(props[0]));
    o.chunk_records = 1000000;
    o.tag = "fuzz";
    /* An exact-size copy: a read past the chunk is an ASan report. */
    chunk.data = flb_malloc(size);
    if (chunk.data == NULL) {
        return 0;
    }
    memcpy(chunk.data, data, size);
    chunk.len = size;
    records = host_count_records(chunk.data, size);
    chunk.records = records > 0 ? (size_t) records : 0;
    canonical = canonical_chunk(chunk.data, chunk.data + size);
    chunks.items = &chunk;
    chunks.n = 1;
    chunks.cap = 1;
    /* One chunk is flushed on this thread, so host_output_ret is its result. */
    host_output_ret = NOT_FLUSHED;
    host_run("fuzz", &o, &chunks);
    flb_free(chunk.data);
    if (host_output_ret == NOT_FLUSHED) {
        fprintf(stderr, "fuzz_output: cb_init failed\n");
        abort();
    }
    if (host_output_ret == -1) {
        fprintf(stderr, "fuzz_output: cb_flush returned without FLB_OUTPUT_RETURN\n");
        abort();
    }
    if (canonical && host_output_ret != FLB_OK) {
        fprintf(stderr, "fuzz_output: a chunk of %ld well-formed events was not delivered "
                "(result %d)\n", records, host_output_ret);
        abort();
    }
    return 0;
}
