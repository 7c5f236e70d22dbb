/*
 * net_stub.c: the host's transport (host_sock.c's functions, see host.h)
 * for the output fuzz targets, without sockets or a server. Every
 * connection succeeds, takes every byte written to it, and answers with one
 * canned "200 OK", so a network output's flush runs to its end: the plugin
 * and the runtime build the request, the host's HTTP client writes it and
 * parses the response, and a well-formed chunk is delivered as with a real
 * server (fuzz_output.c checks that it is).
 */
#include <string.h>
#include "host.h"

static const char response[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

/* A connection is opened, used and closed by one flush on one thread (the
 * host has no keepalive), so the open connection's state is per thread. */
static _Thread_local size_t response_read;

int host_sock_connect(const char *host, int port, int ipv6)
{
    (void) host;
    (void) port;
    (void) ipv6;
    response_read = 0;
    /* Never passed to the kernel: every call on it lands here. */
    return 1;
}

ssize_t host_sock_send(int fd, const void *data, size_t len)
{
    (void) fd;
    (void) data;
    return (ssize_t) len;
}

ssize_t host_sock_recv(int fd, void *buf, size_t len)
{
    size_t left = sizeof(response) - 1 - response_read;
    size_t n = len < left ? len : left;

    (void) fd;
    memcpy(buf, response + response_read, n);
    response_read += n;
    return (ssize_t) n;
}

void host_sock_close(int fd)
{
    (void) fd;
}
