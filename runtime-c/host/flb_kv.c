/*
 * flb_kv.c (flbc host): property pairs (flb_kv.h) and string lists
 * (flb_slist.h), with the splitting rules of Fluent Bit's src/flb_slist.c.
 */
#define _POSIX_C_SOURCE 200809L

#include <string.h>
#include <strings.h>
#include <fluent-bit/flb_kv.h>
#include <fluent-bit/flb_log.h>
#include <fluent-bit/flb_mem.h>
#include <fluent-bit/flb_slist.h>

/* ------------------------------------------------------------------ kv */

struct flb_kv *flb_kv_item_create(struct mk_list *list, char *k_buf, char *v_buf)
{
    struct flb_kv *kv;

    kv = flb_calloc(1, sizeof(struct flb_kv));
    if (!kv) {
        flb_errno();
        return NULL;
    }
    kv->key = flb_sds_create(k_buf);
    if (!kv->key) {
        flb_free(kv);
        return NULL;
    }
    if (v_buf) {
        kv->val = flb_sds_create(v_buf);
        if (!kv->val) {
            flb_sds_destroy(kv->key);
            flb_free(kv);
            return NULL;
        }
    }
    mk_list_add(&kv->_head, list);
    return kv;
}

void flb_kv_item_destroy(struct flb_kv *kv)
{
    flb_sds_destroy(kv->key);
    flb_sds_destroy(kv->val);
    mk_list_del(&kv->_head);
    flb_free(kv);
}

void flb_kv_release(struct mk_list *list)
{
    struct mk_list *head;
    struct mk_list *tmp;

    mk_list_foreach_safe(head, tmp, list) {
        flb_kv_item_destroy(mk_list_entry(head, struct flb_kv, _head));
    }
}

const char *flb_kv_get_key_value(const char *key, struct mk_list *list)
{
    size_t len;
    struct mk_list *head;
    struct flb_kv *kv;

    if (!key) {
        return NULL;
    }
    len = strlen(key);
    if (len == 0) {
        return NULL;
    }
    mk_list_foreach(head, list) {
        kv = mk_list_entry(head, struct flb_kv, _head);
        if (flb_sds_len(kv->key) == len && strncasecmp(kv->key, key, len) == 0) {
            return kv->val;
        }
    }
    return NULL;
}

/* --------------------------------------------------------------- slist */

int flb_slist_create(struct mk_list *list)
{
    mk_list_init(list);
    return 0;
}

int flb_slist_add_sds(struct mk_list *head, flb_sds_t str)
{
    struct flb_slist_entry *e;

    e = flb_malloc(sizeof(struct flb_slist_entry));
    if (!e) {
        flb_errno();
        return -1;
    }
    e->str = str;
    mk_list_add(&e->_head, head);
    return 0;
}

int flb_slist_add_n(struct mk_list *head, const char *str, int len)
{
    flb_sds_t s;

    s = flb_sds_create_len(str, len);
    if (!s) {
        return -1;
    }
    if (flb_slist_add_sds(head, s) == -1) {
        flb_sds_destroy(s);
        return -1;
    }
    return 0;
}

int flb_slist_add(struct mk_list *head, const char *str)
{
    if (!str || str[0] == '\0') {
        return -1;
    }
    return flb_slist_add_n(head, str, (int) strlen(str));
}

void flb_slist_destroy(struct mk_list *list)
{
    struct mk_list *head;
    struct mk_list *tmp;
    struct flb_slist_entry *e;

    mk_list_foreach_safe(head, tmp, list) {
        e = mk_list_entry(head, struct flb_slist_entry, _head);
        flb_sds_destroy(e->str);
        mk_list_del(&e->_head);
        flb_free(e);
    }
}

struct flb_slist_entry *flb_slist_entry_get(struct mk_list *list, int n)
{
    int i = 0;
    struct mk_list *head;

    mk_list_foreach(head, list) {
        if (i++ == n) {
            return mk_list_entry(head, struct flb_slist_entry, _head);
        }
    }
    return NULL;
}

static const char *skip_spaces(const char *p)
{
    while (*p == ' ') {
        p++;
    }
    return p;
}

int flb_slist_split_string(struct mk_list *list, const char *str,
                           int separator, int max_split)
{
    int count = 0;
    const char *p;
    const char *end;
    const char *first;
    const char *last;

    if (!str) {
        return -1;
    }

    p = str;
    while (*p) {
        end = strchr(p, separator);
        if (!end) {
            end = p + strlen(p);
        }

        /* Only spaces are trimmed (not tabs), and empty pieces vanish. */
        first = skip_spaces(p);
        last = end;
        while (last > first && last[-1] == ' ') {
            last--;
        }
        if (last > first) {
            if (flb_slist_add_n(list, first, (int) (last - first)) == -1) {
                return -1;
            }
            count++;

            /* Past max_split entries the remainder is one last entry. */
            if (max_split > 0 && count >= max_split) {
                p = *end ? skip_spaces(end + 1) : end;
                if (*p) {
                    if (flb_slist_add(list, p) == -1) {
                        return -1;
                    }
                    count++;
                }
                break;
            }
        }
        p = *end ? end + 1 : end;
    }
    return count;
}

/* The next space separated token, or NULL at the end. A token starting
 * with '"' runs to the next '"' not preceded by a backslash, and \" inside
 * it becomes '"'; an unterminated quote takes the rest of the string. */
static flb_sds_t next_token(const char **cursor)
{
    int quoted = 0;
    const char *p;
    const char *start;
    flb_sds_t out;
    char *in;
    char *w;

    if (!*cursor) {
        return NULL;
    }
    p = skip_spaces(*cursor);
    start = p;
    if (*p == '"') {
        quoted = 1;
        start = ++p;
        while (*p && !(*p == '"' && p[-1] != '\\')) {
            p++;
        }
    }
    else {
        while (*p && *p != ' ') {
            p++;
        }
    }

    if (!*p) {
        /* Last token (an unterminated quote keeps its escapes). */
        *cursor = NULL;
        return p > start ? flb_sds_create(start) : NULL;
    }

    out = flb_sds_create_len(start, (int) (p - start));
    if (!out) {
        *cursor = NULL;
        return NULL;
    }
    if (quoted) {
        for (in = out, w = out; *in; w++) {
            if (in[0] == '\\' && in[1] == '"') {
                *w = '"';
                in += 2;
            }
            else {
                *w = *in++;
            }
        }
        *w = '\0';
        flb_sds_len_set(out, (size_t) (w - out));
    }
    *cursor = skip_spaces(p + 1);
    return out;
}

int flb_slist_split_tokens(struct mk_list *list, const char *str, int max_split)
{
    int count = 0;
    const char *cursor = str;
    const char *rest;
    flb_sds_t tok;

    while ((tok = next_token(&cursor))) {
        if (flb_slist_add_sds(list, tok) == -1) {
            flb_sds_destroy(tok);
            return -1;
        }
        if (!cursor) {
            break;
        }
        count++;
        if (max_split > 0 && count >= max_split) {
            rest = skip_spaces(cursor);
            if (*rest && flb_slist_add(list, rest) == -1) {
                return -1;
            }
            break;
        }
    }
    return 0;
}
