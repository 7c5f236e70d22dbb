/*
 * host_sock.c (flbc host): the transport host_net.c runs on, blocking
 * POSIX sockets. Connecting, and each read or write, give up after
 * HOST_NET_TIMEOUT_S seconds (Fluent Bit's net.connect_timeout default).
 * Kept apart from the HTTP client so that the output fuzz targets can link
 * a canned transport instead (runtime-c/test/fuzz/net_stub.c) and run a
 * network output's whole flush without a server.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <fluent-bit/flb_log.h>
#include "host.h"

#define HOST_NET_TIMEOUT_S 10

/* Linux reports a write to a closed socket as EPIPE with this flag instead
 * of killing the process with SIGPIPE; BSDs use SO_NOSIGPIPE instead. */
#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0
#endif

static int set_blocking(int fd, int blocking)
{
    int fl = fcntl(fd, F_GETFL, 0);

    if (fl == -1) {
        return -1;
    }
    return fcntl(fd, F_SETFL, blocking ? (fl & ~O_NONBLOCK) : (fl | O_NONBLOCK));
}

/* Connects fd to addr within HOST_NET_TIMEOUT_S; 0, or an errno value. */
static int connect_within(int fd, const struct addrinfo *addr)
{
    struct pollfd pfd = { .fd = fd, .events = POLLOUT };
    socklen_t len = sizeof(int);
    int err = 0;
    int ret;

    if (set_blocking(fd, 0) == -1) {
        return errno;
    }
    if (connect(fd, addr->ai_addr, addr->ai_addrlen) == 0) {
        return set_blocking(fd, 1) == -1 ? errno : 0;
    }
    if (errno != EINPROGRESS) {
        return errno;
    }
    do {
        ret = poll(&pfd, 1, HOST_NET_TIMEOUT_S * 1000);
    } while (ret == -1 && errno == EINTR);
    if (ret == 0) {
        return ETIMEDOUT;
    }
    if (ret == -1) {
        return errno;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == -1) {
        return errno;
    }
    if (err != 0) {
        return err;
    }
    return set_blocking(fd, 1) == -1 ? errno : 0;
}

static void set_timeouts(int fd)
{
    struct timeval tv = { HOST_NET_TIMEOUT_S, 0 };
#ifdef SO_NOSIGPIPE
    int on = 1;

    setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof(on));
#endif
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

int host_sock_connect(const char *host, int port, int ipv6)
{
    struct addrinfo hints;
    struct addrinfo *res = NULL;
    struct addrinfo *a;
    char service[16];
    int fd = -1;
    int err = 0;
    int ret;

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = ipv6 ? AF_INET6 : AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    snprintf(service, sizeof(service), "%i", port);
    ret = getaddrinfo(host, service, &hints, &res);
    if (ret != 0) {
        flb_error("[upstream] cannot resolve %s: %s", host, gai_strerror(ret));
        return -1;
    }
    for (a = res; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd == -1) {
            err = errno;
            continue;
        }
        err = connect_within(fd, a);
        if (err == 0) {
            break;
        }
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd == -1) {
        flb_error("[upstream] connection to %s:%i failed: %s", host, port, strerror(err));
        return -1;
    }
    set_timeouts(fd);
    return fd;
}

ssize_t host_sock_send(int fd, const void *data, size_t len)
{
    ssize_t n;

    do {
        n = send(fd, data, len, MSG_NOSIGNAL);
    } while (n == -1 && errno == EINTR);
    return n;
}

ssize_t host_sock_recv(int fd, void *buf, size_t len)
{
    ssize_t n;

    do {
        n = recv(fd, buf, len, 0);
    } while (n == -1 && errno == EINTR);
    return n;
}

void host_sock_close(int fd)
{
    close(fd);
}
