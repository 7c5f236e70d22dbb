/*
 * host_net.c (flbc host): the slice of Fluent Bit's network layer that
 * network outputs call, over blocking POSIX sockets: upstreams
 * (flb_upstream_create / _destroy, flb_output_net_default,
 * flb_output_upstream_set), connections (flb_upstream_conn_get / _release),
 * raw writes (flb_io_net_write) and the HTTP/1.1 client (flb_http_client,
 * flb_http_add_header, flb_http_do, flb_http_client_destroy).
 *
 * Where Fluent Bit yields the flush coroutine while it connects, writes and
 * reads, the host blocks the flushing thread: the plugin sees the same
 * results, one request at a time per worker thread. Every connection is
 * opened by conn_get and closed by conn_release (Fluent Bit with
 * `net.keepalive off`), so a request never meets a connection the server
 * closed while it sat idle. TLS is refused with an error: it needs Fluent
 * Bit itself. The sockets themselves are host_sock.c's.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <fluent-bit/flb_http_client.h>
#include <fluent-bit/flb_log.h>
#include <fluent-bit/flb_mem.h>
#include <fluent-bit/flb_output.h>
#include <fluent-bit/flb_sds.h>
#include <fluent-bit/flb_upstream.h>
#include <fluent-bit/flb_upstream_conn.h>
#include "host.h"

/* ------------------------------------------------------------ upstreams */

void flb_output_net_default(const char *host, int port,
                            struct flb_output_instance *ins)
{
    if (!ins->host.name) {
        ins->host.name = flb_sds_create(host);
    }
    if (ins->host.port == 0) {
        ins->host.port = port;
    }
}

int flb_output_upstream_set(struct flb_upstream *u, struct flb_output_instance *ins)
{
    /* Fluent Bit copies the instance's net.* settings and TLS flag into the
     * upstream here; the host has no such settings. */
    (void) ins;
    return u ? 0 : -1;
}

struct flb_upstream *flb_upstream_create(struct flb_config *config,
                                         const char *host, int port, int flags,
                                         struct flb_tls *tls)
{
    struct flb_upstream *u;

    (void) config;
    (void) tls;
    if (flags & FLB_IO_TLS) {
        flb_error("[upstream] TLS is not available in the flbc local host: run the "
                  "plugin in Fluent Bit for 'tls on', or set 'tls off'");
        return NULL;
    }
    if (!host || port <= 0 || port > 65535) {
        flb_error("[upstream] invalid address %s:%i", host ? host : "(none)", port);
        return NULL;
    }
    u = flb_calloc(1, sizeof(struct flb_upstream));
    if (!u) {
        return NULL;
    }
    u->tcp_host = flb_malloc(strlen(host) + 1);
    if (!u->tcp_host) {
        flb_free(u);
        return NULL;
    }
    strcpy(u->tcp_host, host);
    u->tcp_port = port;
    u->flags = flags;
    return u;
}

int flb_upstream_destroy(struct flb_upstream *u)
{
    if (u) {
        flb_free(u->tcp_host);
        flb_free(u);
    }
    return 0;
}

/* ---------------------------------------------------------- connections */

struct flb_connection *flb_upstream_conn_get(struct flb_upstream *u)
{
    struct flb_connection *conn;
    int fd;

    fd = host_sock_connect(u->tcp_host, u->tcp_port, (u->flags & FLB_IO_IPV6) != 0);
    if (fd == -1) {
        return NULL;
    }
    conn = flb_calloc(1, sizeof(struct flb_connection));
    if (!conn) {
        host_sock_close(fd);
        return NULL;
    }
    conn->fd = fd;
    conn->upstream = u;
    return conn;
}

int flb_upstream_conn_release(struct flb_connection *u_conn)
{
    if (u_conn) {
        host_sock_close(u_conn->fd);
        flb_free(u_conn);
    }
    return 0;
}

int flb_io_net_write(struct flb_connection *connection, const void *data,
                     size_t len, size_t *out_len)
{
    const char *p = data;
    size_t done = 0;
    ssize_t n;

    while (done < len) {
        n = host_sock_send(connection->fd, p + done, len - done);
        if (n <= 0) {
            flb_error("[net] write to %s:%i failed after %zu of %zu bytes: %s",
                      connection->upstream->tcp_host, connection->upstream->tcp_port,
                      done, len, n == 0 ? "connection closed" : strerror(errno));
            *out_len = done;
            return -1;
        }
        done += (size_t) n;
    }
    *out_len = done;
    return done > INT_MAX ? INT_MAX : (int) done;
}

/* ---------------------------------------------------------- HTTP client */

/* Appends n bytes to c->header_buf, growing it; -1 when out of memory. */
static int header_append(struct flb_http_client *c, const char *p, size_t n)
{
    size_t size = c->header_size;
    char *tmp;

    while (c->header_len + n + 1 > size) {
        size *= 2;
    }
    if (size != c->header_size) {
        tmp = flb_realloc(c->header_buf, size);
        if (!tmp) {
            return -1;
        }
        c->header_buf = tmp;
        c->header_size = size;
    }
    memcpy(c->header_buf + c->header_len, p, n);
    c->header_len += n;
    c->header_buf[c->header_len] = '\0';
    return 0;
}

static const char *method_name(int method)
{
    switch (method) {
    case FLB_HTTP_GET:
        return "GET";
    case FLB_HTTP_POST:
        return "POST";
    case FLB_HTTP_PUT:
        return "PUT";
    case FLB_HTTP_HEAD:
        return "HEAD";
    case FLB_HTTP_PATCH:
        return "PATCH";
    case FLB_HTTP_DELETE:
        return "DELETE";
    default:
        return NULL;
    }
}

struct flb_http_client *flb_http_client(struct flb_connection *u_conn,
                                        int method, const char *uri,
                                        const char *body, size_t body_len,
                                        const char *host, int port,
                                        const char *proxy, int flags)
{
    struct flb_http_client *c;
    const char *name = method_name(method);
    const char *h = host ? host : u_conn->upstream->tcp_host;
    int p = port ? port : u_conn->upstream->tcp_port;
    struct in6_addr addr6;
    char line[64];
    int ok;

    /* CONNECT and proxies are Fluent Bit's own business: never asked for. */
    if (!name || proxy || body_len > INT_MAX) {
        return NULL;
    }
    c = flb_calloc(1, sizeof(struct flb_http_client));
    if (!c) {
        return NULL;
    }
    c->u_conn = u_conn;
    c->method = method;
    c->uri = uri;
    c->body_buf = body;
    c->body_len = (int) body_len;
    c->header_size = 512;
    c->header_buf = flb_malloc(c->header_size);
    c->resp.content_length = -1;
    c->resp.data_size = FLB_HTTP_DATA_SIZE_MAX;
    c->resp.data_size_max = FLB_HTTP_DATA_SIZE_MAX;
    c->resp.data = flb_malloc(c->resp.data_size);
    if (!c->header_buf || !c->resp.data) {
        flb_http_client_destroy(c);
        return NULL;
    }
    c->resp.data[0] = '\0';
    ok = header_append(c, name, strlen(name)) == 0 &&
         header_append(c, " ", 1) == 0 &&
         header_append(c, uri, strlen(uri)) == 0;
    snprintf(line, sizeof(line), " HTTP/1.%i\r\n", (flags & FLB_HTTP_10) ? 0 : 1);
    ok = ok && header_append(c, line, strlen(line)) == 0;
    /* Host: as Fluent Bit writes it, an IPv6 address in brackets. */
    ok = ok && header_append(c, "Host: ", 6) == 0;
    if (inet_pton(AF_INET6, h, &addr6) == 1) {
        ok = ok && header_append(c, "[", 1) == 0 && header_append(c, h, strlen(h)) == 0 &&
             header_append(c, "]", 1) == 0;
    }
    else {
        ok = ok && header_append(c, h, strlen(h)) == 0;
    }
    snprintf(line, sizeof(line), ":%i\r\nContent-Length: %i\r\n", p, c->body_len);
    ok = ok && header_append(c, line, strlen(line)) == 0;
    if (!ok) {
        flb_http_client_destroy(c);
        return NULL;
    }
    return c;
}

int flb_http_add_header(struct flb_http_client *c,
                        const char *key, size_t key_len,
                        const char *val, size_t val_len)
{
    if (header_append(c, key, key_len) == -1 || header_append(c, ": ", 2) == -1 ||
        header_append(c, val, val_len) == -1 || header_append(c, "\r\n", 2) == -1) {
        return -1;
    }
    return 0;
}

int flb_http_buffer_size(struct flb_http_client *c, size_t size)
{
    if (size != 0 && size < c->resp.data_size_max) {
        flb_error("[http] requested buffer size %zu (bytes) needs to be greater than "
                  "minimum size allowed %zu (bytes)", size, c->resp.data_size_max);
        return -1;
    }
    c->resp.data_size_max = size;
    return 0;
}

/* Offset of "\r\n\r\n" in p[0, n) plus 4, or 0 when absent. */
static size_t find_headers_end(const char *p, size_t n)
{
    size_t i;

    for (i = 0; i + 4 <= n; i++) {
        if (p[i] == '\r' && memcmp(p + i, "\r\n\r\n", 4) == 0) {
            return i + 4;
        }
    }
    return 0;
}

/* The value of header `name` in the header block [p, end), or NULL. */
static const char *header_value(const char *p, const char *end, const char *name,
                                size_t *len)
{
    size_t n = strlen(name);
    const char *line = p;
    const char *eol;
    const char *v;

    while (line < end) {
        eol = line;
        while (eol < end && *eol != '\r') {
            eol++;
        }
        if ((size_t) (eol - line) > n && line[n] == ':' && strncasecmp(line, name, n) == 0) {
            v = line + n + 1;
            while (v < eol && (*v == ' ' || *v == '\t')) {
                v++;
            }
            *len = (size_t) (eol - v);
            while (*len > 0 && (v[*len - 1] == ' ' || v[*len - 1] == '\t')) {
                (*len)--;
            }
            return v;
        }
        line = eol + 2;
    }
    return NULL;
}

/*
 * Walks a chunked body in [p, p + n): its decoded size in *size and the
 * bytes it spans (trailers included) in *used. 1 when complete, 0 when more
 * bytes are needed, -1 when malformed. With `out`, also writes the decoded
 * bytes there (out <= p: decoding in place only ever moves bytes down).
 */
static int dechunk(char *p, size_t n, char *out, size_t *size, size_t *used)
{
    size_t pos = 0;
    size_t len;
    size_t line;
    int digits;
    int c;

    *size = 0;
    for (;;) {
        len = 0;
        digits = 0;
        for (line = pos; line < n && p[line] != '\r'; line++) {
            c = (unsigned char) p[line];
            if (c == ';') {
                break;
            }
            if (c >= '0' && c <= '9') {
                c -= '0';
            }
            else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
                c = (c | 0x20) - 'a' + 10;
            }
            else {
                return -1;
            }
            if (len > (SIZE_MAX >> 4)) {
                return -1;
            }
            len = len * 16 + (size_t) c;
            digits++;
        }
        while (line < n && p[line] != '\r') {
            line++;
        }
        if (line + 2 > n) {
            return 0;
        }
        if (digits == 0 || p[line + 1] != '\n') {
            return -1;
        }
        pos = line + 2;
        if (len == 0) {
            /* Trailers: header lines up to an empty one. */
            for (;;) {
                for (line = pos; line < n && p[line] != '\r'; line++) {
                }
                if (line + 2 > n) {
                    return 0;
                }
                if (line == pos) {
                    *used = line + 2;
                    return 1;
                }
                pos = line + 2;
            }
        }
        if (n - pos < len + 2) {
            return 0;
        }
        if (p[pos + len] != '\r' || p[pos + len + 1] != '\n') {
            return -1;
        }
        if (out) {
            memmove(out + *size, p + pos, len);
        }
        *size += len;
        pos += len + 2;
    }
}

/*
 * Whether the response in c->resp.data is complete: 1 (payload set), 0 when
 * more bytes are needed, -1 when malformed. `eof`: the server closed the
 * connection, which ends a body that has neither a length nor chunks.
 */
static int response_complete(struct flb_http_client *c, int eof)
{
    struct flb_http_client_response *r = &c->resp;
    size_t head = find_headers_end(r->data, r->data_len);
    const char *v;
    size_t vlen;
    size_t size;
    size_t used;
    char *body;
    int ret;

    if (head == 0) {
        return eof ? -1 : 0;
    }
    if (r->status == 0) {
        if (r->data_len < 12 || strncmp(r->data, "HTTP/1.", 7) != 0 ||
            r->data[8] != ' ' || r->data[9] < '1' || r->data[9] > '5' ||
            r->data[10] < '0' || r->data[10] > '9' || r->data[11] < '0' || r->data[11] > '9') {
            return -1;
        }
        r->status = (r->data[9] - '0') * 100 + (r->data[10] - '0') * 10 + (r->data[11] - '0');
        r->headers_end = r->data + head;
        v = header_value(r->data, r->data + head, "Content-Length", &vlen);
        if (v) {
            r->content_length = 0;
            for (size = 0; size < vlen; size++) {
                if (v[size] < '0' || v[size] > '9' || r->content_length > (INT_MAX - 9) / 10) {
                    return -1;
                }
                r->content_length = r->content_length * 10 + (v[size] - '0');
            }
        }
        v = header_value(r->data, r->data + head, "Transfer-Encoding", &vlen);
        r->chunked_encoding = v && vlen == 7 && strncasecmp(v, "chunked", 7) == 0;
    }
    r->headers_end = r->data + head;
    body = r->data + head;
    /* No body, whatever the headers say (RFC 9112, 6.3). */
    if (c->method == FLB_HTTP_HEAD || r->status < 200 || r->status == 204 ||
        r->status == 304) {
        r->payload_size = 0;
    }
    else if (r->chunked_encoding) {
        ret = dechunk(body, r->data_len - head, NULL, &size, &used);
        if (ret != 1) {
            return ret == 0 && eof ? -1 : ret;
        }
        dechunk(body, r->data_len - head, body, &size, &used);
        r->payload_size = size;
    }
    else if (r->content_length >= 0) {
        if (r->data_len - head < (size_t) r->content_length) {
            return eof ? -1 : 0;
        }
        r->payload_size = (size_t) r->content_length;
    }
    else if (!eof) {
        return 0;
    }
    else {
        r->payload_size = r->data_len - head;
    }
    r->data_len = head + r->payload_size;
    r->data[r->data_len] = '\0';
    r->payload = r->payload_size > 0 ? body : NULL;
    return 1;
}

/* Reads until the response is complete; 0, or -1 (logged). */
static int read_response(struct flb_http_client *c)
{
    struct flb_http_client_response *r = &c->resp;
    struct flb_upstream *u = c->u_conn->upstream;
    size_t size;
    ssize_t n;
    char *tmp;
    int ret;

    for (;;) {
        if (r->data_size - r->data_len < 2) {
            size = r->data_size * 2;
            if (r->data_size_max != 0 && size > r->data_size_max) {
                size = r->data_size_max;
            }
            if (size <= r->data_size) {
                flb_error("[http_client] response from %s:%i larger than %zu bytes",
                          u->tcp_host, u->tcp_port, r->data_size_max);
                return -1;
            }
            tmp = flb_realloc(r->data, size);
            if (!tmp) {
                return -1;
            }
            r->data = tmp;
            r->data_size = size;
        }
        n = host_sock_recv(c->u_conn->fd, r->data + r->data_len,
                           r->data_size - r->data_len - 1);
        if (n == -1) {
            flb_error("[http_client] reading the response from %s:%i failed: %s",
                      u->tcp_host, u->tcp_port,
                      errno == EAGAIN || errno == EWOULDBLOCK ? "timed out" : strerror(errno));
            return -1;
        }
        r->data_len += (size_t) n;
        r->data[r->data_len] = '\0';
        ret = response_complete(c, n == 0);
        if (ret == 1) {
            return 0;
        }
        if (ret == -1) {
            flb_error("[http_client] %s from %s:%i", n == 0 ? "incomplete response" :
                      "malformed response", u->tcp_host, u->tcp_port);
            return -1;
        }
    }
}

int flb_http_do(struct flb_http_client *c, size_t *bytes)
{
    size_t head = 0;
    size_t body = 0;

    *bytes = 0;
    if (header_append(c, "\r\n", 2) == -1) {
        return -1;
    }
    if (flb_io_net_write(c->u_conn, c->header_buf, c->header_len, &head) == -1) {
        return -1;
    }
    if (c->body_len > 0 &&
        flb_io_net_write(c->u_conn, c->body_buf, (size_t) c->body_len, &body) == -1) {
        return -1;
    }
    *bytes = head + body;
    return read_response(c);
}

void flb_http_client_destroy(struct flb_http_client *c)
{
    if (c) {
        flb_free(c->header_buf);
        flb_free(c->resp.data);
        flb_free(c);
    }
}
