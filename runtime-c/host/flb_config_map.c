/*
 * flb_config_map.c (flbc host): config maps (flb_config_map.h).
 *
 * The same steps as Fluent Bit's src/flb_config_map.c, so a plugin sees
 * the same values and the same errors:
 *   - flb_config_map_create() copies the plugin's table per instance and
 *     parses each default (a bad boolean default fails the instance);
 *   - flb_config_map_properties_check() rejects keys the map lacks
 *     (case-insensitive) and single-valued keys given twice;
 *   - flb_config_map_set() writes defaults not overridden, then the given
 *     properties, at each entry's offset. Only booleans and lists can fail;
 *     INT/DOUBLE go through atoi/atof and never do.
 * Values written into the context (strings, lists) stay owned by the map
 * and are freed by flb_config_map_destroy().
 */
#define _POSIX_C_SOURCE 200809L

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fluent-bit/flb_config.h>
#include <fluent-bit/flb_config_map.h>
#include <fluent-bit/flb_kv.h>
#include <fluent-bit/flb_log.h>
#include <fluent-bit/flb_mem.h>
#include <fluent-bit/flb_slist.h>
#include <fluent-bit/flb_utils.h>
#include "host.h"

static int is_list_type(int type)
{
    return type >= FLB_CONFIG_MAP_CLIST && type <= FLB_CONFIG_MAP_SLIST_4;
}

/* "a, b" -> [a, b] for CLIST_*, "a b" for SLIST_*; NULL on error. */
static struct mk_list *parse_list(struct flb_config_map *m, const char *str)
{
    int ret;
    int max_split = 0;
    struct mk_list *list;

    list = flb_malloc(sizeof(struct mk_list));
    if (!list) {
        flb_errno();
        return NULL;
    }
    mk_list_init(list);

    if (m->type >= FLB_CONFIG_MAP_CLIST && m->type <= FLB_CONFIG_MAP_CLIST_4) {
        max_split = m->type - FLB_CONFIG_MAP_CLIST;
        ret = flb_slist_split_string(list, str, ',', max_split);
    }
    else {
        max_split = m->type - FLB_CONFIG_MAP_SLIST;
        ret = flb_slist_split_tokens(list, str, max_split);
    }
    if (ret == -1) {
        flb_error("[config map] error reading list of options");
        flb_slist_destroy(list);
        flb_free(list);
        return NULL;
    }
    return list;
}

static void destroy_value(int type, struct flb_config_map_val *v)
{
    if (type == FLB_CONFIG_MAP_STR) {
        flb_sds_destroy(v->val.str);
        flb_sds_destroy(v->raw);
        v->val.str = NULL;
        v->raw = NULL;
    }
    else if (is_list_type(type) && v->val.list) {
        flb_slist_destroy(v->val.list);
        flb_free(v->val.list);
        v->val.list = NULL;
    }
}

/* Parses text into v according to the entry's type; what_default selects
 * the wording of Fluent Bit's messages for defaults vs. given values. */
static int parse_value(struct flb_config_map *m, const char *text,
                       struct flb_config_map_val *v, int what_default)
{
    int ret;

    switch (m->type) {
    case FLB_CONFIG_MAP_STR:
        v->val.str = host_env_translate(text);
        if (!v->val.str) {
            return -1;
        }
        if (what_default || (m->flags & FLB_CONFIG_MAP_DYNAMIC_ENV)) {
            v->raw = flb_sds_create(text);
            if (!v->raw) {
                return -1;
            }
        }
        return 0;
    case FLB_CONFIG_MAP_BOOL:
        ret = flb_utils_bool(text);
        if (ret == -1) {
            if (what_default) {
                flb_error("[config map] invalid default value for boolean '%s=%s'",
                          m->name, text);
            }
            else {
                flb_error("[config map] invalid value for boolean property '%s=%s'",
                          m->name, text);
            }
            return -1;
        }
        v->val.boolean = ret;
        return 0;
    case FLB_CONFIG_MAP_INT:
        v->val.i_num = atoi(text);
        return 0;
    case FLB_CONFIG_MAP_DOUBLE:
        v->val.d_num = atof(text);
        return 0;
    case FLB_CONFIG_MAP_SIZE:
        v->val.s_num = (size_t) flb_utils_size_to_bytes(text);
        return 0;
    case FLB_CONFIG_MAP_TIME:
        v->val.i_num = flb_utils_time_to_seconds(text);
        return 0;
    default:
        if (is_list_type(m->type)) {
            v->val.list = parse_list(m, text);
            if (!v->val.list) {
                flb_error("[config map] cannot parse list of values '%s'", text);
                return -1;
            }
        }
        /* STR_PREFIX, DEPRECATED, VARIANT: nothing to parse here. */
        return 0;
    }
}

/* Writes an entry's value into the plugin context at its offset. */
static void write_value(struct flb_config_map *m, struct flb_config_map_val *v,
                        char *base)
{
    char *at = base + m->offset;

    switch (m->type) {
    case FLB_CONFIG_MAP_STR:
        memcpy(at, &v->val.str, sizeof(flb_sds_t));
        break;
    case FLB_CONFIG_MAP_INT:
    case FLB_CONFIG_MAP_TIME:
        memcpy(at, &v->val.i_num, sizeof(int));
        break;
    case FLB_CONFIG_MAP_BOOL:
        memcpy(at, &v->val.boolean, sizeof(int));
        break;
    case FLB_CONFIG_MAP_DOUBLE:
        memcpy(at, &v->val.d_num, sizeof(double));
        break;
    case FLB_CONFIG_MAP_SIZE:
        memcpy(at, &v->val.s_num, sizeof(size_t));
        break;
    default:
        if (is_list_type(m->type)) {
            memcpy(at, &v->val.list, sizeof(struct mk_list *));
        }
        break;
    }
}

struct mk_list *flb_config_map_create(struct flb_config *config,
                                      struct flb_config_map *map)
{
    struct mk_list *list;
    struct flb_config_map *m;
    struct flb_config_map *copy;
    struct flb_config_map_val *entry;

    (void) config;

    list = flb_malloc(sizeof(struct mk_list));
    if (!list) {
        flb_errno();
        return NULL;
    }
    mk_list_init(list);

    for (m = map; m && m->name; m++) {
        copy = flb_calloc(1, sizeof(struct flb_config_map));
        if (!copy) {
            flb_errno();
            flb_config_map_destroy(list);
            return NULL;
        }
        mk_list_add(&copy->_head, list);
        copy->type = m->type;
        copy->flags = m->flags;
        copy->set_property = m->set_property;
        copy->offset = m->offset;
        copy->desc = m->desc;              /* borrowed, never freed */
        copy->name = flb_sds_create(m->name);
        if (!copy->name) {
            flb_config_map_destroy(list);
            return NULL;
        }
        if (copy->flags & FLB_CONFIG_MAP_MULT) {
            copy->value.mult = flb_malloc(sizeof(struct mk_list));
            if (!copy->value.mult) {
                flb_config_map_destroy(list);
                return NULL;
            }
            mk_list_init(copy->value.mult);
        }
        if (!m->def_value) {
            continue;
        }

        /* Defaults may use ${VAR} too (kept raw for DYNAMIC_ENV entries). */
        if (copy->flags & FLB_CONFIG_MAP_DYNAMIC_ENV) {
            copy->def_value = flb_sds_create(m->def_value);
        }
        else {
            copy->def_value = host_env_translate(m->def_value);
        }
        if (!copy->def_value) {
            flb_config_map_destroy(list);
            return NULL;
        }

        /* A multi-valued entry keeps its default as the first value. */
        entry = &copy->value;
        if (copy->flags & FLB_CONFIG_MAP_MULT) {
            entry = flb_calloc(1, sizeof(struct flb_config_map_val));
            if (!entry) {
                flb_config_map_destroy(list);
                return NULL;
            }
            mk_list_add(&entry->_head, copy->value.mult);
        }
        if (parse_value(copy, copy->def_value, entry, FLB_TRUE) == -1) {
            flb_config_map_destroy(list);
            return NULL;
        }
    }
    return list;
}

void flb_config_map_destroy(struct mk_list *list)
{
    struct mk_list *head;
    struct mk_list *tmp;
    struct mk_list *v_head;
    struct mk_list *v_tmp;
    struct flb_config_map *m;
    struct flb_config_map_val *entry;

    if (!list) {
        return;
    }
    mk_list_foreach_safe(head, tmp, list) {
        m = mk_list_entry(head, struct flb_config_map, _head);
        mk_list_del(&m->_head);
        if ((m->flags & FLB_CONFIG_MAP_MULT) && m->value.mult) {
            mk_list_foreach_safe(v_head, v_tmp, m->value.mult) {
                entry = mk_list_entry(v_head, struct flb_config_map_val, _head);
                mk_list_del(&entry->_head);
                destroy_value(m->type, entry);
                flb_free(entry);
            }
            flb_free(m->value.mult);
        }
        else {
            destroy_value(m->type, &m->value);
        }
        flb_sds_destroy(m->def_value);
        flb_sds_destroy(m->name);
        flb_free(m);
    }
    flb_free(list);
}

/* "The following properties are allowed: a, b, and c." */
static flb_sds_t allowed_properties(struct mk_list *map)
{
    int n;
    flb_sds_t buf;
    struct mk_list *head;
    struct flb_config_map *m;

    buf = flb_sds_create("The following properties are allowed: ");
    if (!buf) {
        return NULL;
    }
    n = mk_list_size(map);
    mk_list_foreach(head, map) {
        m = mk_list_entry(head, struct flb_config_map, _head);
        if (head->next != map) {
            buf = flb_sds_printf(&buf, "%s, ", m->name) ? buf : NULL;
        }
        else {
            buf = flb_sds_printf(&buf, n == 1 ? "%s." : "and %s.", m->name) ? buf : NULL;
        }
        if (!buf) {
            return NULL;
        }
    }
    return buf;
}

int flb_config_map_properties_check(char *context_name,
                                    struct mk_list *in_properties,
                                    struct mk_list *map)
{
    int count;
    size_t len;
    flb_sds_t helper;
    struct flb_kv *kv;
    struct flb_kv *other;
    struct mk_list *head;
    struct mk_list *o_head;
    struct mk_list *m_head;
    struct flb_config_map *m;
    struct flb_config_map *found;

    mk_list_foreach(head, in_properties) {
        kv = mk_list_entry(head, struct flb_kv, _head);

        /* Core properties every plugin accepts. */
        if (strcasecmp(kv->key, "active") == 0 ||
            strcasecmp(kv->key, "condition") == 0) {
            continue;
        }

        found = NULL;
        mk_list_foreach(m_head, map) {
            m = mk_list_entry(m_head, struct flb_config_map, _head);
            len = flb_sds_len(m->name);
            if (m->type != FLB_CONFIG_MAP_STR_PREFIX && len != flb_sds_len(kv->key)) {
                continue;
            }
            if (strncasecmp(kv->key, m->name, len) != 0) {
                continue;
            }
            if (m->type == FLB_CONFIG_MAP_STR_PREFIX && flb_sds_len(kv->key) <= len) {
                flb_error("[config] incomplete prefixed key '%s'", kv->key);
                break;
            }
            if (m->type == FLB_CONFIG_MAP_DEPRECATED) {
                flb_warn("[config] %s: '%s' is deprecated", context_name, kv->key);
            }
            found = m;
            break;
        }

        if (!found) {
            helper = allowed_properties(map);
            if (helper) {
                flb_error("[config] %s: unknown configuration property '%s'. %s",
                          context_name, kv->key, helper);
                flb_sds_destroy(helper);
            }
            else {
                flb_error("[config] %s: unknown configuration property '%s'",
                          context_name, kv->key);
            }
            return -1;
        }

        /* Fluent Bit counts repeats case-sensitively. */
        count = 0;
        mk_list_foreach(o_head, in_properties) {
            other = mk_list_entry(o_head, struct flb_kv, _head);
            if (flb_sds_len(other->key) == flb_sds_len(kv->key) &&
                strcmp(other->key, kv->key) == 0) {
                count++;
            }
        }
        if (!(found->flags & FLB_CONFIG_MAP_MULT) && count > 1) {
            flb_error("[config] %s: configuration property '%s' is set %i times",
                      context_name, kv->key, count);
            return -1;
        }
    }
    return 0;
}

int flb_config_map_expected_values(int type)
{
    if (type > FLB_CONFIG_MAP_CLIST && type < FLB_CONFIG_MAP_SLIST) {
        return type - FLB_CONFIG_MAP_CLIST;
    }
    if (type > FLB_CONFIG_MAP_SLIST && type <= FLB_CONFIG_MAP_SLIST_4) {
        return type - FLB_CONFIG_MAP_SLIST;
    }
    return -1;
}

struct flb_config_map *flb_config_map_find(struct mk_list *map, const char *name)
{
    struct mk_list *head;
    struct flb_config_map *m;

    mk_list_foreach(head, map) {
        m = mk_list_entry(head, struct flb_config_map, _head);
        if (strcasecmp(m->name, name) == 0) {
            return m;
        }
    }
    return NULL;
}

static int is_given(struct mk_list *properties, const char *name)
{
    struct mk_list *head;
    struct flb_kv *kv;

    mk_list_foreach(head, properties) {
        kv = mk_list_entry(head, struct flb_kv, _head);
        if (strcasecmp(kv->key, name) == 0) {
            return FLB_TRUE;
        }
    }
    return FLB_FALSE;
}

static struct flb_config_map *lookup(struct mk_list *map, flb_sds_t key)
{
    struct mk_list *head;
    struct flb_config_map *m;

    mk_list_foreach(head, map) {
        m = mk_list_entry(head, struct flb_config_map, _head);
        if (flb_sds_len(m->name) == flb_sds_len(key) &&
            strncasecmp(key, m->name, flb_sds_len(key)) == 0) {
            return m;
        }
    }
    return NULL;
}

/* At least N entries for the *_N list types. */
static int check_list_size(struct flb_config_map *m, struct mk_list *list)
{
    int want = flb_config_map_expected_values(m->type);

    return want > 0 && mk_list_size(list) < want ? -1 : 0;
}

int flb_config_map_set(struct flb_config *config, struct mk_list *properties,
                       struct mk_list *map, void *context)
{
    char *base = context;
    struct mk_list *head;
    struct flb_kv *kv;
    struct flb_config_map *m;
    struct flb_config_map_val *entry;
    struct flb_config_map_val fresh;

    (void) config;

    /* 1. Defaults that no property overrides. */
    mk_list_foreach(head, map) {
        m = mk_list_entry(head, struct flb_config_map, _head);
        if ((m->flags & FLB_CONFIG_MAP_MULT) && m->set_property == FLB_TRUE) {
            memcpy(base + m->offset, &m->value.mult, sizeof(struct mk_list *));
            continue;
        }
        if (!m->def_value || m->set_property == FLB_FALSE) {
            continue;
        }
        if (is_given(properties, m->name)) {
            continue;
        }
        write_value(m, &m->value, base);
    }

    /* 2. Given properties, in order; a later one replaces an earlier one. */
    mk_list_foreach(head, properties) {
        kv = mk_list_entry(head, struct flb_kv, _head);
        if (!kv->val) {
            continue;
        }
        if (strcasecmp(kv->key, "condition") == 0 ||
            strcasecmp(kv->key, "active") == 0) {
            continue;
        }
        m = lookup(map, kv->key);
        if (!m) {
            continue;
        }

        if (m->flags & FLB_CONFIG_MAP_MULT) {
            entry = flb_calloc(1, sizeof(struct flb_config_map_val));
            if (!entry) {
                flb_errno();
                return -1;
            }
            if (parse_value(m, kv->val, entry, FLB_FALSE) == -1) {
                destroy_value(m->type, entry);
                flb_free(entry);
                return -1;
            }
            mk_list_add(&entry->_head, m->value.mult);
            if (is_list_type(m->type) && check_list_size(m, entry->val.list) == -1) {
                flb_error("[config map] property '%s' expects %i values "
                          "(only %i were found)", kv->key,
                          flb_config_map_expected_values(m->type),
                          mk_list_size(entry->val.list));
                return -1;
            }
            if (m->set_property == FLB_TRUE) {
                memcpy(base + m->offset, &m->value.mult, sizeof(struct mk_list *));
            }
            continue;
        }

        /* Single value: parse aside, then replace the previous value. */
        memset(&fresh, 0, sizeof(fresh));
        if (parse_value(m, kv->val, &fresh, FLB_FALSE) == -1) {
            destroy_value(m->type, &fresh);
            return -1;
        }
        destroy_value(m->type, &m->value);
        m->value.val = fresh.val;
        m->value.raw = fresh.raw;
        if (m->set_property == FLB_TRUE) {
            write_value(m, &m->value, base);
        }
    }
    return 0;
}
