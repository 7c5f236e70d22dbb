#include "flbc.h"

/*
 * flbc_jsonlib.c: JSON.parse and JSON.stringify for plugins, over
 * flbc_json.c's converters. A parsed value is msgpack in the arena, read
 * lazily like a record's fields; pretty printing re-indents the compact
 * text, which has exactly JSON.stringify's layout otherwise.
 */

FLBC_API flbc_val flbc_json_parse_ex(struct flbc_rt *rt, flbc_str text, bool *failed)
{
    flbc_buf buf = { 0 };
    flbc_val out = FLBC_VAL_UNDEF;
    size_t err = 0;
    uint8_t *copy;

    if (failed != NULL) {
        *failed = false;
    }
    if (!flbc_json_to_mp(text.ptr, text.len, &buf, &err)) {
        if (buf.failed) {
            rt->arena.failed = true;
        }
        else {
            flbc_log(rt, FLBC_LOG_ERROR, "SyntaxError: JSON.parse: unexpected input at "
                     "byte %zu of %zu", err, text.len);
        }
        if (failed != NULL) {
            *failed = true;
        }
        flbc_buf_free(&buf);
        return out;
    }
    copy = flbc_alloc(&rt->arena, buf.len);
    if (copy != NULL) {
        memcpy(copy, buf.data, buf.len);
        if (flbc_mp_read(copy, copy + buf.len, &out) == NULL) {
            out = FLBC_VAL_UNDEF;
        }
    }
    flbc_buf_free(&buf);
    return out;
}

FLBC_API flbc_val flbc_json_parse(struct flbc_rt *rt, flbc_str text)
{
    return flbc_json_parse_ex(rt, text, NULL);
}

/* A newline and depth copies of gap. */
static void flbc_jsonlib_newline(flbc_buf *b, flbc_str gap, int depth)
{
    int i;

    flbc_buf_append(b, "\n", 1);
    for (i = 0; i < depth; i++) {
        flbc_buf_append(b, gap.ptr, gap.len);
    }
}

/* JSON.stringify's indented layout of compact JSON text. */
static void flbc_jsonlib_indent(flbc_buf *b, flbc_str json, flbc_str gap)
{
    const char *p = json.ptr;
    size_t n = json.len;
    size_t i;
    int depth = 0;
    bool in_str = false;

    for (i = 0; i < n; i++) {
        char c = p[i];

        if (in_str) {
            flbc_buf_append(b, &c, 1);
            if (c == '\\' && i + 1 < n) {
                flbc_buf_append(b, &p[++i], 1);
            }
            else if (c == '"') {
                in_str = false;
            }
            continue;
        }
        switch (c) {
        case '"':
            in_str = true;
            flbc_buf_append(b, &c, 1);
            break;
        case '{':
        case '[':
            flbc_buf_append(b, &c, 1);
            if (i + 1 < n && (p[i + 1] == '}' || p[i + 1] == ']')) {
                flbc_buf_append(b, &p[++i], 1);     /* {} and [] stay empty */
                break;
            }
            flbc_jsonlib_newline(b, gap, ++depth);
            break;
        case '}':
        case ']':
            flbc_jsonlib_newline(b, gap, --depth);
            flbc_buf_append(b, &c, 1);
            break;
        case ',':
            flbc_buf_append(b, &c, 1);
            flbc_jsonlib_newline(b, gap, depth);
            break;
        case ':':
            flbc_buf_append(b, ": ", 2);
            break;
        default:
            flbc_buf_append(b, &c, 1);
            break;
        }
    }
}

FLBC_API flbc_str flbc_json_stringify(struct flbc_rt *rt, flbc_val v, flbc_val replacer,
                                      flbc_val space)
{
    flbc_str json;
    flbc_str gap = FLBC_STR_EMPTY;
    flbc_buf b = { 0 };
    flbc_str out = FLBC_STR_EMPTY;
    char *copy;
    double d;

    (void) replacer;                       /* only null is declared */
    if (flbc_val_has_big(v, 0)) {
        /* As JavaScript: generated code tests rt->thrown after the call
         * when the plugin uses bigint at all. */
        flbc_throw_new(rt, FLBC_STR("TypeError"), "Do not know how to serialize a BigInt");
        return FLBC_STR_EMPTY;
    }
    json = flbc_val_to_json(rt, v);
    if (flbc_val_is_num(space)) {
        d = flbc_val_to_num(space);
        d = isnan(d) ? 0 : (d > 10 ? 10 : trunc(d));
        if (d >= 1) {
            gap = flbc_str_slice(rt, FLBC_STR("          "), 0, d);
        }
    }
    else if (space.tag == FLBC_STR) {
        gap = flbc_str_slice(rt, space.u.s, 0, 10);
    }
    if (gap.len == 0 || v.tag == FLBC_UNDEF) {
        return json;
    }
    flbc_jsonlib_indent(&b, json, gap);
    if (b.failed) {
        rt->arena.failed = true;
    }
    else if (b.len > 0) {
        copy = flbc_alloc(&rt->arena, b.len);
        if (copy != NULL) {
            memcpy(copy, b.data, b.len);
            out = (flbc_str) { copy, b.len };
        }
    }
    flbc_buf_free(&b);
    return out;
}

FLBC_API flbc_val flbc_json_stringify_val(struct flbc_rt *rt, flbc_val v, flbc_val replacer,
                                          flbc_val space)
{
    if (v.tag == FLBC_UNDEF) {
        return FLBC_VAL_UNDEF;
    }
    return flbc_val_str(flbc_json_stringify(rt, v, replacer, space));
}
