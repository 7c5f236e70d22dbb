/*
 * flb_http_client.h (flbc host): Fluent Bit's HTTP/1.1 client, as in
 * fluent-bit/flb_http_client.h: a request over one upstream connection
 * (flb_http_client), extra headers (flb_http_add_header), sent and its
 * response read whole (flb_http_do), then freed.
 *
 * The request is what Fluent Bit writes: `<METHOD> <uri> HTTP/1.1`, then
 * `Host: <host>:<port>` and `Content-Length: <n>`, then the added headers
 * in order, a blank line and the body. (Fluent Bit adds `Connection:
 * keep-alive` when the upstream keeps connections alive; the host never
 * does.) The response fields are those of struct flb_http_client_response
 * that plugins read; a chunked body is decoded in place.
 */
#ifndef FLB_HTTP_CLIENT_H
#define FLB_HTTP_CLIENT_H

#include <fluent-bit/flb_info.h>
#include <stddef.h>
#include <fluent-bit/flb_io.h>
#include <fluent-bit/flb_upstream.h>
#include <fluent-bit/flb_upstream_conn.h>

/* Methods */
#define FLB_HTTP_GET         0
#define FLB_HTTP_POST        1
#define FLB_HTTP_PUT         2
#define FLB_HTTP_HEAD        3
#define FLB_HTTP_CONNECT     4
#define FLB_HTTP_PATCH       5
#define FLB_HTTP_DELETE      6

/* Flags */
#define FLB_HTTP_10          1
#define FLB_HTTP_11          2

/* Response buffer: grows from this size up to data_size_max. */
#define FLB_HTTP_DATA_SIZE_MAX   4096

struct flb_http_client_response {
    int status;                 /* HTTP status, e.g. 200 */
    int content_length;         /* -1 when the response has none */
    int chunked_encoding;
    char *headers_end;          /* just past the blank line after the headers */
    char *payload;              /* the body (in data), NULL when empty */
    size_t payload_size;
    char *data;                 /* the response as read (body decoded), NUL-terminated */
    size_t data_len;
    size_t data_size;
    size_t data_size_max;       /* 0: no limit */
};

struct flb_http_client {
    struct flb_connection *u_conn;
    int method;
    const char *uri;
    const char *body_buf;
    int body_len;
    char *header_buf;           /* request line and headers */
    size_t header_len;
    size_t header_size;
    struct flb_http_client_response resp;
};

/* host NULL and port 0: the Host header names the upstream's host:port. */
struct flb_http_client *flb_http_client(struct flb_connection *u_conn,
                                        int method, const char *uri,
                                        const char *body, size_t body_len,
                                        const char *host, int port,
                                        const char *proxy, int flags);
int flb_http_add_header(struct flb_http_client *c,
                        const char *key, size_t key_len,
                        const char *val, size_t val_len);
/* Largest response kept (headers included); 0: no limit. A size below the
 * current limit is refused (-1), as in Fluent Bit. */
int flb_http_buffer_size(struct flb_http_client *c, size_t size);
/* Sends the request and reads the whole response: 0, or -1 when writing,
 * reading or parsing failed (logged). *bytes gets the bytes sent. */
int flb_http_do(struct flb_http_client *c, size_t *bytes);
void flb_http_client_destroy(struct flb_http_client *c);

#endif
