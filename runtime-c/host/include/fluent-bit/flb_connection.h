/*
 * flb_connection.h (flbc host): one connection taken from an upstream, as
 * struct flb_connection of fluent-bit/flb_connection.h (the fields a plugin
 * may read).
 */
#ifndef FLB_CONNECTION_H
#define FLB_CONNECTION_H

#include <fluent-bit/flb_info.h>

struct flb_upstream;

struct flb_connection {
    int fd;                          /* the socket */
    struct flb_upstream *upstream;   /* where it was taken from */
};

#endif
