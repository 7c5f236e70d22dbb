/*
 * flb_network.h (flbc host): the address a network plugin is configured
 * with (`host`, `port`), as struct flb_net_host of fluent-bit/flb_network.h.
 */
#ifndef FLB_NETWORK_H
#define FLB_NETWORK_H

#include <fluent-bit/flb_info.h>
#include <fluent-bit/flb_sds.h>

struct flb_uri;

struct flb_net_host {
    int ipv6;                   /* IPv6 required? */
    flb_sds_t address;          /* address as configured */
    int port;                   /* TCP port */
    flb_sds_t name;             /* host name */
    flb_sds_t listen;           /* listen interface */
    struct flb_uri *uri;        /* extra URI parameters */
};

#endif
