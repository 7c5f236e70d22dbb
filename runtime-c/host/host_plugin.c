/*
 * host_plugin.c: binds the host to the plugin it is built around. The one
 * host file that depends on the plugin, compiled with it:
 *   -DFLBC_HOST_PLUGIN=<its registration struct> -DFLBC_HOST_KIND=filter|output|input
 * Every other host file is the same for all plugins, so the toolchain
 * compiles them once per set of flags and links them with each plugin.
 */
#include "host.h" /* the plugin structs stay incomplete: only their address is taken */

#ifndef FLBC_HOST_PLUGIN
#error "define FLBC_HOST_PLUGIN to the plugin symbol, e.g. filter_redact_plugin"
#endif

/* FLBC_HOST_KIND is a bare word, mapped to a number the preprocessor can compare. */
#ifndef FLBC_HOST_KIND
#define FLBC_HOST_KIND filter
#endif
#define HOST_KIND_filter 1
#define HOST_KIND_output 2
#define HOST_KIND_input  3
#define HOST_CAT2(a, b) a##b
#define HOST_CAT(a, b) HOST_CAT2(a, b)
#define HOST_KIND HOST_CAT(HOST_KIND_, FLBC_HOST_KIND)

#if HOST_KIND == HOST_KIND_filter
extern struct flb_filter_plugin FLBC_HOST_PLUGIN;
#define HOST_RUN host_run_filter
#elif HOST_KIND == HOST_KIND_output
extern struct flb_output_plugin FLBC_HOST_PLUGIN;
#define HOST_RUN host_run_output
#elif HOST_KIND == HOST_KIND_input
extern struct flb_input_plugin FLBC_HOST_PLUGIN;
#define HOST_RUN host_run_input
#else
#error "FLBC_HOST_KIND must be filter, output or input"
#endif

const int host_reads_stdin = HOST_KIND != HOST_KIND_input;

int host_run(const char *prog, const struct host_opts *o, struct host_chunks *chunks)
{
    return HOST_RUN(&FLBC_HOST_PLUGIN, prog, o, chunks);
}
