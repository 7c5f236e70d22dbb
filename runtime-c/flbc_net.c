#include "flbc.h"

/*
 * flbc_net.c: ctx.http.request and ctx.tcp.write of an output declared
 * `net: true`, over Fluent Bit's own network API, the calls plugins/out_http
 * and plugins/out_tcp make: flb_upstream_conn_get, flb_http_client +
 * flb_http_add_header + flb_http_do, flb_io_net_write,
 * flb_upstream_conn_release. Only a network output's plugin defines
 * FLBC_NET (and includes those headers first); the local host implements
 * the same functions over blocking sockets (runtime-c/host/host_net.c).
 *
 * Each call takes a connection from the upstream and gives it back before
 * it returns. In Fluent Bit every wait (connecting, writing, reading the
 * response) yields the flush coroutine to the event loop: the plugin's
 * flush reads as synchronous code and blocks nothing. With net.keepalive
 * (Fluent Bit's default) the connection goes back to a pool for the next
 * call.
 *
 * Failures throw (flbc_exc.c): a request the plugin got wrong (a method
 * Fluent Bit's client cannot send, a uri or header that would break the
 * request line or headers, a header the client sets itself) is an Error;
 * a connection that cannot be made, written, or read to a complete
 * response is an I/O error, which makes an uncaught flush "retry". A
 * response is never an error here: every status comes back to the plugin,
 * which decides; one of 400 or above is logged with the first bytes of
 * its body, so that what went wrong is in Fluent Bit's log whatever the
 * plugin does with it.
 */
#ifdef FLBC_NET

static const struct {
    const char *name;
    int code;
} flbc_net_methods[] = {
    { "GET", FLB_HTTP_GET },
    { "POST", FLB_HTTP_POST },
    { "PUT", FLB_HTTP_PUT },
    { "PATCH", FLB_HTTP_PATCH },
    { "DELETE", FLB_HTTP_DELETE },
    { "HEAD", FLB_HTTP_HEAD },
};

/* Headers the client writes itself: a second copy would corrupt the
 * request (two lengths) or contradict the connection's handling. */
static const char *const flbc_net_auto_headers[] = {
    "host", "content-length", "transfer-encoding", "connection",
};

static int flbc_net_method(flbc_str m)
{
    size_t i;

    for (i = 0; i < sizeof(flbc_net_methods) / sizeof(flbc_net_methods[0]); i++) {
        if (flbc_str_eq(m, (flbc_str) { flbc_net_methods[i].name,
                                        strlen(flbc_net_methods[i].name) })) {
            return flbc_net_methods[i].code;
        }
    }
    return -1;
}

/* An origin-form target: "/" then visible ASCII or UTF-8 bytes. */
static bool flbc_net_uri_ok(flbc_str uri)
{
    size_t i;

    if (uri.len == 0 || uri.ptr[0] != '/') {
        return false;
    }
    for (i = 0; i < uri.len; i++) {
        unsigned char c = (unsigned char) uri.ptr[i];

        if (c <= ' ' || c == 0x7f) {
            return false;
        }
    }
    return true;
}

/* An RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~ */
static bool flbc_net_token(flbc_str s)
{
    size_t i;

    if (s.len == 0) {
        return false;
    }
    for (i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char) s.ptr[i];

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL))) {
            return false;
        }
    }
    return true;
}

static bool flbc_net_header_value_ok(flbc_str s)
{
    size_t i;

    for (i = 0; i < s.len; i++) {
        if (s.ptr[i] == '\r' || s.ptr[i] == '\n' || s.ptr[i] == '\0') {
            return false;
        }
    }
    return true;
}

static bool flbc_net_is_auto_header(flbc_str name)
{
    size_t i;
    size_t j;

    for (i = 0; i < sizeof(flbc_net_auto_headers) / sizeof(flbc_net_auto_headers[0]); i++) {
        const char *a = flbc_net_auto_headers[i];

        if (strlen(a) != name.len) {
            continue;
        }
        for (j = 0; j < name.len; j++) {
            if ((name.ptr[j] | 0x20) != a[j]) {
                break;
            }
        }
        if (j == name.len) {
            return true;
        }
    }
    return false;
}

/*
 * The plugin's headers as (name, value) strings in *out, checked; false
 * with an Error thrown when one is wrong. Values that are not strings
 * (only an untyped Value can hold one) are sent as String(value).
 */
static bool flbc_net_headers(flbc_rt *rt, flbc_val headers, flbc_arr **names, flbc_str **values)
{
    flbc_arr *keys;
    flbc_str name;
    uint32_t i;

    *names = NULL;
    *values = NULL;
    if (headers.tag != FLBC_MAP) {
        return true;
    }
    keys = flbc_obj_keys(rt, headers);
    if (flbc_arr_len(keys) == 0) {
        return true;
    }
    *values = flbc_alloc(&rt->arena, flbc_arr_len(keys) * sizeof(flbc_str));
    if (*values == NULL) {
        flbc_throw_new(rt, FLBC_STR("IoError"), "http.request: out of memory");
        return false;
    }
    for (i = 0; i < flbc_arr_len(keys); i++) {
        name = flbc_val_as_str(flbc_arr_get(keys, i));
        (*values)[i] = flbc_val_to_str(rt, flbc_val_get(headers, name));
        if (!flbc_net_token(name)) {
            flbc_throw_new(rt, FLBC_STR("Error"), "http.request: invalid header name '%.*s'",
                           (int) name.len, name.ptr);
            return false;
        }
        if (flbc_net_is_auto_header(name)) {
            flbc_throw_new(rt, FLBC_STR("Error"),
                           "http.request: the '%.*s' header is set by the HTTP client",
                           (int) name.len, name.ptr);
            return false;
        }
        if (!flbc_net_header_value_ok((*values)[i])) {
            flbc_throw_new(rt, FLBC_STR("Error"),
                           "http.request: the value of header '%.*s' holds a line break or NUL",
                           (int) name.len, name.ptr);
            return false;
        }
    }
    *names = keys;
    return true;
}

/* An arena copy of n bytes at p. */
static flbc_str flbc_net_copy(flbc_rt *rt, const char *p, size_t n)
{
    char *copy;

    if (n == 0) {
        return FLBC_STR_EMPTY;
    }
    copy = flbc_alloc(&rt->arena, n);
    if (copy == NULL) {
        return FLBC_STR_EMPTY;
    }
    memcpy(copy, p, n);
    return (flbc_str) { copy, n };
}

/*
 * The response headers in [p, end) (the block after the status line) as a
 * map: names in lower case, values without surrounding blanks; a repeated
 * header's values joined with ", ", in order (as Node's http module does).
 */
static flbc_val flbc_net_response_headers(flbc_rt *rt, const char *p, const char *end)
{
    flbc_val map = flbc_obj_of(rt, 0, NULL, NULL);
    flbc_val prev;
    flbc_str name;
    flbc_str value;
    const char *eol;
    const char *colon;
    char *lower;
    size_t i;

    while (p < end) {
        for (eol = p; eol < end && *eol != '\r' && *eol != '\n'; eol++) {
        }
        colon = memchr(p, ':', (size_t) (eol - p));
        if (colon != NULL && colon > p) {
            lower = flbc_alloc(&rt->arena, (size_t) (colon - p));
            if (lower == NULL) {
                return map;
            }
            for (i = 0; i < (size_t) (colon - p); i++) {
                lower[i] = p[i] >= 'A' && p[i] <= 'Z' ? (char) (p[i] | 0x20) : p[i];
            }
            name = (flbc_str) { lower, (size_t) (colon - p) };
            value.ptr = colon + 1;
            while (value.ptr < eol && (*value.ptr == ' ' || *value.ptr == '\t')) {
                value.ptr++;
            }
            value.len = (size_t) (eol - value.ptr);
            while (value.len > 0 && (value.ptr[value.len - 1] == ' ' ||
                                     value.ptr[value.len - 1] == '\t')) {
                value.len--;
            }
            value = flbc_net_copy(rt, value.ptr, value.len);
            prev = flbc_val_get(map, name);
            if (prev.tag == FLBC_STR) {
                value = flbc_str_concat_n(rt, 3, (flbc_str[]) { prev.u.s, FLBC_STR(", "), value });
            }
            flbc_val_set(rt, &map, name, flbc_val_str(value));
        }
        p = eol;
        while (p < end && (*p == '\r' || *p == '\n')) {
            p++;
        }
    }
    return map;
}

/* Logs a response: 400 and above as an error with the start of its body
 * (control characters as spaces, so that it stays one line), the rest at
 * debug level. */
static void flbc_net_log_response(flbc_rt *rt, flbc_str method, flbc_str uri, int status,
                                  flbc_str body)
{
    char quote[FLBC_HTTP_LOG_BODY + 1];
    size_t n = body.len < FLBC_HTTP_LOG_BODY ? body.len : FLBC_HTTP_LOG_BODY;
    size_t i;

    if (status < 400) {
        flbc_log(rt, FLBC_LOG_DEBUG, "http.request: %.*s %.*s: HTTP %i", (int) method.len,
                 method.ptr, (int) uri.len, uri.ptr, status);
        return;
    }
    if (body.len == 0) {
        flbc_log(rt, FLBC_LOG_ERROR, "http.request: %.*s %.*s: HTTP %i, empty response",
                 (int) method.len, method.ptr, (int) uri.len, uri.ptr, status);
        return;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char) body.ptr[i];

        quote[i] = c < ' ' || c == 0x7f ? ' ' : (char) c;
    }
    quote[n] = '\0';
    flbc_log(rt, FLBC_LOG_ERROR, "http.request: %.*s %.*s: HTTP %i, response: %s%s",
             (int) method.len, method.ptr, (int) uri.len, uri.ptr, status, quote,
             body.len > n ? "..." : "");
}

/* { status, headers, body } of a finished exchange, copied into the arena
 * (the client's buffer is freed right after); the body also in *body. */
static flbc_val flbc_net_response(flbc_rt *rt, struct flb_http_client *c, flbc_str *body)
{
    const char *data = c->resp.data;
    const char *head = c->resp.headers_end != NULL ? c->resp.headers_end : data + c->resp.data_len;
    const char *line = memchr(data, '\n', (size_t) (head - data));
    flbc_val headers = flbc_net_response_headers(rt, line != NULL ? line + 1 : head, head);

    *body = c->resp.payload != NULL ? flbc_net_copy(rt, c->resp.payload, c->resp.payload_size)
                                    : FLBC_STR_EMPTY;
    return flbc_obj_of(rt, 3,
                       (flbc_str[]) { FLBC_STR("status"), FLBC_STR("headers"), FLBC_STR("body") },
                       (flbc_val[]) { flbc_val_num(c->resp.status), headers, flbc_val_str(*body) });
}

FLBC_API flbc_val flbc_http_request(flbc_rt *rt, struct flb_upstream *u, flbc_str method,
                                    flbc_str uri, flbc_val headers, flbc_str body)
{
    int code = flbc_net_method(method);
    struct flb_connection *conn;
    struct flb_http_client *c;
    flbc_arr *names;
    flbc_str *values;
    flbc_str name;
    flbc_str text;
    flbc_val res;
    char *target;
    size_t sent;
    uint32_t i;
    int ret;

    if (code < 0) {
        flbc_throw_new(rt, FLBC_STR("Error"), "http.request: unsupported method '%.*s' "
                       "(GET, POST, PUT, PATCH, DELETE or HEAD)", (int) method.len, method.ptr);
        return FLBC_VAL_UNDEF;
    }
    if (!flbc_net_uri_ok(uri)) {
        flbc_throw_new(rt, FLBC_STR("Error"), "http.request: invalid uri '%.*s' (a path "
                       "starting with '/', without spaces or control characters)",
                       (int) uri.len, uri.ptr);
        return FLBC_VAL_UNDEF;
    }
    if (!flbc_net_headers(rt, headers, &names, &values)) {
        return FLBC_VAL_UNDEF;
    }
    target = flbc_alloc(&rt->arena, uri.len + 1);
    if (target == NULL) {
        flbc_throw_new(rt, FLBC_STR("IoError"), "http.request: out of memory");
        return FLBC_VAL_UNDEF;
    }
    memcpy(target, uri.ptr, uri.len);
    target[uri.len] = '\0';

    conn = flb_upstream_conn_get(u);
    if (conn == NULL) {
        flbc_throw_new(rt, FLBC_STR("IoError"), "http.request: no connection to %s:%i",
                       u->tcp_host, u->tcp_port);
        return FLBC_VAL_UNDEF;
    }
    c = flb_http_client(conn, code, target, body.ptr, body.len, NULL, 0, NULL, 0);
    if (c == NULL) {
        flb_upstream_conn_release(conn);
        flbc_throw_new(rt, FLBC_STR("IoError"), "http.request: cannot create the request");
        return FLBC_VAL_UNDEF;
    }
    ret = flb_http_buffer_size(c, FLBC_HTTP_RESPONSE_MAX);
    for (i = 0; ret == 0 && i < flbc_arr_len(names); i++) {
        name = flbc_val_as_str(flbc_arr_get(names, i));
        ret = flb_http_add_header(c, name.ptr, name.len, values[i].ptr, values[i].len);
    }
    if (ret == 0) {
        ret = flb_http_do(c, &sent);
    }
    if (ret != 0) {
        flb_http_client_destroy(c);
        flb_upstream_conn_release(conn);
        flbc_throw_new(rt, FLBC_STR("IoError"), "http.request: %.*s %.*s to %s:%i failed: "
                       "no complete response", (int) method.len, method.ptr, (int) uri.len,
                       uri.ptr, u->tcp_host, u->tcp_port);
        return FLBC_VAL_UNDEF;
    }
    res = flbc_net_response(rt, c, &text);
    flbc_net_log_response(rt, method, uri, c->resp.status, text);
    flb_http_client_destroy(c);
    flb_upstream_conn_release(conn);
    return res;
}

FLBC_API void flbc_tcp_write(flbc_rt *rt, struct flb_upstream *u, flbc_str data)
{
    struct flb_connection *conn = flb_upstream_conn_get(u);
    size_t sent = 0;
    int ret = 0;

    if (conn == NULL) {
        flbc_throw_new(rt, FLBC_STR("IoError"), "tcp.write: no connection to %s:%i",
                       u->tcp_host, u->tcp_port);
        return;
    }
    if (data.len > 0) {
        ret = flb_io_net_write(conn, data.ptr, data.len, &sent);
    }
    flb_upstream_conn_release(conn);
    if (ret == -1) {
        flbc_throw_new(rt, FLBC_STR("IoError"), "tcp.write: writing %zu bytes to %s:%i failed",
                       data.len, u->tcp_host, u->tcp_port);
    }
}

#endif /* FLBC_NET */
