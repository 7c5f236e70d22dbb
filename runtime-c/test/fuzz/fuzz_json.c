/*
 * fuzz_json.c: libFuzzer target for JSON.parse (flbc_json_to_mp) and its
 * way back (flbc_mp_to_json).
 *
 * Whatever the text, parsing stays in bounds and frees what it took; text
 * that parses prints back to JSON that parses again, and after that one
 * round the msgpack is a fixpoint (the first round may change the value
 * only where JavaScript would: invalid UTF-8 bytes become U+FFFD).
 */
#include <stdio.h>
#include <stdlib.h>

#define FLBC_MALLOC(n)     malloc(n)
#define FLBC_REALLOC(p, n) realloc((p), (n))
#define FLBC_FREE(p)       free(p)
#include "flbc_rt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    flbc_buf mp = { 0 };
    flbc_buf text = { 0 };
    flbc_buf mp2 = { 0 };
    flbc_buf text2 = { 0 };
    flbc_buf mp3 = { 0 };
    size_t err = 0;

    if (flbc_json_to_mp((const char *) data, size, &mp, &err)) {
        if (mp.failed || flbc_mp_skip(mp.data, mp.data + mp.len) != mp.data + mp.len) {
            abort();                           /* not exactly one msgpack object */
        }
        if (!flbc_mp_to_json(mp.data, mp.data + mp.len, &text, FLBC_JSON_TYPED_FLOATS)) {
            abort();
        }
        if (!flbc_json_to_mp((const char *) text.data, text.len, &mp2, &err)) {
            fprintf(stderr, "printed JSON does not parse: %.*s\n", (int) text.len,
                    (const char *) text.data);
            abort();
        }
        if (!flbc_mp_to_json(mp2.data, mp2.data + mp2.len, &text2, FLBC_JSON_TYPED_FLOATS) ||
            !flbc_json_to_mp((const char *) text2.data, text2.len, &mp3, &err) ||
            mp3.len != mp2.len || memcmp(mp3.data, mp2.data, mp2.len) != 0) {
            fprintf(stderr, "not a fixpoint: %.*s then %.*s\n", (int) text.len,
                    (const char *) text.data, (int) text2.len, (const char *) text2.data);
            abort();
        }
    }
    else if (err > size) {
        abort();                               /* error offset past the text */
    }
    flbc_buf_free(&mp);
    flbc_buf_free(&text);
    flbc_buf_free(&mp2);
    flbc_buf_free(&text2);
    flbc_buf_free(&mp3);
    return 0;
}
