/*
 * flb_io.h (flbc host): the transport flags of fluent-bit/flb_io.h and
 * flb_io_net_write, which network outputs write raw bytes with. In Fluent
 * Bit the write yields the flush coroutine until the socket is writable;
 * the host writes on a blocking socket (host_net.c).
 */
#ifndef FLB_IO_H
#define FLB_IO_H

#include <fluent-bit/flb_info.h>
#include <stddef.h>

/* Transport of an upstream (flb_upstream_create's flags). */
#define FLB_IO_TCP         1
#define FLB_IO_TLS         2
#define FLB_IO_OPT_TLS     4    /* plugin flag: TLS when `tls on` */
#define FLB_IO_ASYNC       8
#define FLB_IO_TCP_KA     16
#define FLB_IO_IPV6      128

struct flb_connection;

/* Writes the len bytes; *out_len gets the bytes written. Returns -1 on
 * failure, else what was written. */
int flb_io_net_write(struct flb_connection *connection, const void *data,
                     size_t len, size_t *out_len);

#endif
