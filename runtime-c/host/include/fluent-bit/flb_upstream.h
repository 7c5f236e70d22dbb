/*
 * flb_upstream.h (flbc host): an output's destination, as in
 * fluent-bit/flb_upstream.h: created in cb_init from the instance's
 * `host` / `port` (flb_upstream_create), registered with
 * flb_output_upstream_set, destroyed in cb_exit.
 *
 * Fluent Bit keeps a pool of connections per upstream (reused with
 * net.keepalive, the default) and does TLS; the host opens one plain TCP
 * connection per flb_upstream_conn_get and closes it on release, as Fluent
 * Bit does with `net.keepalive off`. TLS is refused (host_net.c).
 */
#ifndef FLB_UPSTREAM_H
#define FLB_UPSTREAM_H

#include <fluent-bit/flb_info.h>
#include <fluent-bit/flb_config.h>
#include <fluent-bit/flb_io.h>

struct flb_tls;

struct flb_upstream {
    char *tcp_host;             /* the host name or address to connect to */
    int tcp_port;
    int flags;                  /* FLB_IO_* */
};

/* NULL (logged) when out of memory, or when flags ask for TLS. */
struct flb_upstream *flb_upstream_create(struct flb_config *config,
                                         const char *host, int port, int flags,
                                         struct flb_tls *tls);
int flb_upstream_destroy(struct flb_upstream *u);

#endif
