/*
 * grep.c: the benchmark's grep job written by hand, the way a Fluent Bit
 * plugin author writes a filter against the plugin API with msgpack-c:
 * every event is decoded with a full unpacker (msgpack_unpack_next), the
 * body's `msg` is matched with a POSIX regex compiled once at init
 * (REG_STARTEND: no copy of the string), and each kept event is packed
 * again into a new buffer. Keeps the records whose msg matches
 * ` -> 5\d\d `, like Fluent Bit's `grep` with `Regex msg  -> 5\d\d `.
 *
 * A baseline for `npm run bench` (test/bench/bench.ts), not part of flbc.
 */
#define _GNU_SOURCE

#include <regex.h>
#include <string.h>
#include <msgpack.h>
#include <fluent-bit/flb_filter_plugin.h>
#include <fluent-bit/flb_mem.h>

struct c_grep_ctx {
    regex_t re;
};

static int cb_c_grep_init(struct flb_filter_instance *ins, struct flb_config *config,
                          void *data)
{
    struct c_grep_ctx *ctx;

    (void) config;
    (void) data;
    ctx = flb_calloc(1, sizeof(*ctx));
    if (!ctx) {
        return -1;
    }
    if (regcomp(&ctx->re, " -> 5[0-9][0-9] ", REG_EXTENDED | REG_NOSUB) != 0) {
        flb_plg_error(ins, "cannot compile the pattern");
        flb_free(ctx);
        return -1;
    }
    flb_filter_set_context(ins, ctx);
    return 0;
}

/* The body map of an event [[time, metadata], body] or [time, body]. */
static const msgpack_object *event_body(const msgpack_object *root)
{
    if (root->type != MSGPACK_OBJECT_ARRAY || root->via.array.size != 2) {
        return NULL;
    }
    if (root->via.array.ptr[1].type != MSGPACK_OBJECT_MAP) {
        return NULL;
    }
    return &root->via.array.ptr[1];
}

static int keep_record(struct c_grep_ctx *ctx, const msgpack_object *body)
{
    uint32_t i;
    const msgpack_object_kv *kv;
    regmatch_t m;

    for (i = 0; i < body->via.map.size; i++) {
        kv = &body->via.map.ptr[i];
        if (kv->key.type != MSGPACK_OBJECT_STR || kv->key.via.str.size != 3 ||
            memcmp(kv->key.via.str.ptr, "msg", 3) != 0) {
            continue;
        }
        if (kv->val.type != MSGPACK_OBJECT_STR) {
            return 0;
        }
        m.rm_so = 0;
        m.rm_eo = kv->val.via.str.size;
        return regexec(&ctx->re, kv->val.via.str.ptr, 1, &m, REG_STARTEND) == 0;
    }
    return 0;
}

static int cb_c_grep_filter(const void *data, size_t bytes, const char *tag, int tag_len,
                            void **out_buf, size_t *out_bytes,
                            struct flb_filter_instance *ins,
                            struct flb_input_instance *i_ins,
                            void *filter_context, struct flb_config *config)
{
    struct c_grep_ctx *ctx = filter_context;
    msgpack_unpacked result;
    msgpack_sbuffer sbuf;
    msgpack_packer pk;
    const msgpack_object *body;
    size_t off = 0;
    int kept = 0;
    int total = 0;

    (void) tag;
    (void) tag_len;
    (void) ins;
    (void) i_ins;
    (void) config;

    msgpack_sbuffer_init(&sbuf);
    msgpack_packer_init(&pk, &sbuf, msgpack_sbuffer_write);
    msgpack_unpacked_init(&result);
    while (msgpack_unpack_next(&result, data, bytes, &off) == MSGPACK_UNPACK_SUCCESS) {
        total++;
        body = event_body(&result.data);
        if (body == NULL || keep_record(ctx, body)) {
            msgpack_pack_object(&pk, result.data);
            kept++;
        }
    }
    msgpack_unpacked_destroy(&result);

    if (kept == total) {
        msgpack_sbuffer_destroy(&sbuf);
        return FLB_FILTER_NOTOUCH;
    }
    *out_buf = sbuf.data;
    *out_bytes = sbuf.size;
    return FLB_FILTER_MODIFIED;
}

static int cb_c_grep_exit(void *data, struct flb_config *config)
{
    struct c_grep_ctx *ctx = data;

    (void) config;
    if (ctx) {
        regfree(&ctx->re);
        flb_free(ctx);
    }
    return 0;
}

struct flb_filter_plugin filter_c_grep_plugin = {
    .name        = "c_grep",
    .description = "grep job by hand: msgpack-c and POSIX regex",
    .cb_init     = cb_c_grep_init,
    .cb_filter   = cb_c_grep_filter,
    .cb_exit     = cb_c_grep_exit,
    .flags       = 0,
    .event_type  = FLB_FILTER_LOGS,
};
