/*
 * flb_upstream_conn.h (flbc host): taking a connection from an upstream and
 * giving it back, as in fluent-bit/flb_upstream_conn.h. In Fluent Bit
 * flb_upstream_conn_get yields the flush coroutine while it connects; the
 * host connects a blocking socket (host_net.c).
 */
#ifndef FLB_UPSTREAM_CONN_H
#define FLB_UPSTREAM_CONN_H

#include <fluent-bit/flb_info.h>
#include <fluent-bit/flb_connection.h>
#include <fluent-bit/flb_upstream.h>

/* A connected connection, or NULL (logged) when connecting failed. */
struct flb_connection *flb_upstream_conn_get(struct flb_upstream *u);
int flb_upstream_conn_release(struct flb_connection *u_conn);

#endif
