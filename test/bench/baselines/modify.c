/*
 * modify.c: the benchmark's modify job written by hand, the way a Fluent
 * Bit plugin author writes a filter against the plugin API with msgpack-c:
 * every event is decoded with a full unpacker (msgpack_unpack_next) and
 * packed again into a new buffer with `password` removed, `msg` renamed to
 * `message` (last, as the TypeScript version orders it) and `env: prod`
 * added, like Fluent Bit's `modify` with `Remove password`,
 * `Rename msg message` and `Add env prod`.
 *
 * A baseline for `npm run bench` (test/bench/bench.ts), not part of flbc.
 */
#define _GNU_SOURCE

#include <string.h>
#include <msgpack.h>
#include <fluent-bit/flb_filter_plugin.h>
#include <fluent-bit/flb_mem.h>

static int cb_c_modify_init(struct flb_filter_instance *ins, struct flb_config *config,
                            void *data)
{
    (void) ins;
    (void) config;
    (void) data;
    return 0;
}

static int key_is(const msgpack_object *k, const char *name, size_t len)
{
    return k->type == MSGPACK_OBJECT_STR && k->via.str.size == len &&
           memcmp(k->via.str.ptr, name, len) == 0;
}

static void pack_str(msgpack_packer *pk, const char *s, size_t len)
{
    msgpack_pack_str(pk, len);
    msgpack_pack_str_body(pk, s, len);
}

static void pack_body(msgpack_packer *pk, const msgpack_object *body)
{
    uint32_t i;
    uint32_t n = body->via.map.size + 1;
    const msgpack_object_kv *kv;
    const msgpack_object *msg = NULL;

    for (i = 0; i < body->via.map.size; i++) {
        if (key_is(&body->via.map.ptr[i].key, "password", 8)) {
            n--;
        }
    }
    msgpack_pack_map(pk, n);
    for (i = 0; i < body->via.map.size; i++) {
        kv = &body->via.map.ptr[i];
        if (key_is(&kv->key, "password", 8)) {
            continue;
        }
        if (key_is(&kv->key, "msg", 3)) {
            msg = &kv->val;
            continue;
        }
        msgpack_pack_object(pk, kv->key);
        msgpack_pack_object(pk, kv->val);
    }
    if (msg != NULL) {
        pack_str(pk, "message", 7);
        msgpack_pack_object(pk, *msg);
    }
    pack_str(pk, "env", 3);
    pack_str(pk, "prod", 4);
}

static int cb_c_modify_filter(const void *data, size_t bytes, const char *tag, int tag_len,
                              void **out_buf, size_t *out_bytes,
                              struct flb_filter_instance *ins,
                              struct flb_input_instance *i_ins,
                              void *filter_context, struct flb_config *config)
{
    msgpack_unpacked result;
    msgpack_sbuffer sbuf;
    msgpack_packer pk;
    const msgpack_object *root;
    size_t off = 0;

    (void) tag;
    (void) tag_len;
    (void) ins;
    (void) i_ins;
    (void) filter_context;
    (void) config;

    msgpack_sbuffer_init(&sbuf);
    msgpack_packer_init(&pk, &sbuf, msgpack_sbuffer_write);
    msgpack_unpacked_init(&result);
    while (msgpack_unpack_next(&result, data, bytes, &off) == MSGPACK_UNPACK_SUCCESS) {
        root = &result.data;
        if (root->type != MSGPACK_OBJECT_ARRAY || root->via.array.size != 2 ||
            root->via.array.ptr[1].type != MSGPACK_OBJECT_MAP) {
            msgpack_pack_object(&pk, *root);
            continue;
        }
        msgpack_pack_array(&pk, 2);
        msgpack_pack_object(&pk, root->via.array.ptr[0]);
        pack_body(&pk, &root->via.array.ptr[1]);
    }
    msgpack_unpacked_destroy(&result);

    *out_buf = sbuf.data;
    *out_bytes = sbuf.size;
    return FLB_FILTER_MODIFIED;
}

static int cb_c_modify_exit(void *data, struct flb_config *config)
{
    (void) data;
    (void) config;
    return 0;
}

struct flb_filter_plugin filter_c_modify_plugin = {
    .name        = "c_modify",
    .description = "modify job by hand: msgpack-c",
    .cb_init     = cb_c_modify_init,
    .cb_filter   = cb_c_modify_filter,
    .cb_exit     = cb_c_modify_exit,
    .flags       = 0,
    .event_type  = FLB_FILTER_LOGS,
};
