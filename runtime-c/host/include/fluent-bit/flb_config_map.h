/*
 * flb_config_map.h (flbc host): the table through which a plugin declares
 * its properties, and flb_config_map_set() that writes their values into
 * the plugin's context at `offset`.
 *
 * Same type codes, struct fields and functions as fluent-bit/
 * flb_config_map.h. A plugin's table is a static array terminated by an
 * all-zero entry; the value types written into the context are:
 *   STR -> flb_sds_t, INT/TIME -> int, BOOL -> int, DOUBLE -> double,
 *   SIZE -> size_t, CLIST/SLIST -> struct mk_list * of flb_slist_entry.
 * Implemented in runtime-c/host/flb_config_map.c.
 */
#ifndef FLB_CONFIG_MAP_H
#define FLB_CONFIG_MAP_H

#include <fluent-bit/flb_info.h>
#include <stddef.h>
#include <stdint.h>
#include <strings.h>
#include <fluent-bit/flb_sds.h>
#include <fluent-bit/flb_slist.h>
#include <monkey/mk_core.h>

struct flb_config;
struct cfl_variant;

#define FLB_CONFIG_MAP_STR         0    /* string */
#define FLB_CONFIG_MAP_STR_PREFIX  1    /* any key starting with the name */
#define FLB_CONFIG_MAP_INT         2    /* integer (atoi) */
#define FLB_CONFIG_MAP_BOOL        3    /* true/false, on/off, yes/no */
#define FLB_CONFIG_MAP_DOUBLE      4    /* double (atof) */
#define FLB_CONFIG_MAP_SIZE        5    /* "2M" -> bytes */
#define FLB_CONFIG_MAP_TIME        6    /* "2H" -> seconds */
#define FLB_CONFIG_MAP_DEPRECATED  7    /* accepted with a warning */

#define FLB_CONFIG_MAP_CLIST    30      /* comma separated strings */
#define FLB_CONFIG_MAP_CLIST_1  31      /* at least N entries, the last one */
#define FLB_CONFIG_MAP_CLIST_2  32      /* holding the rest of the value */
#define FLB_CONFIG_MAP_CLIST_3  33
#define FLB_CONFIG_MAP_CLIST_4  34

#define FLB_CONFIG_MAP_SLIST    40      /* space separated strings */
#define FLB_CONFIG_MAP_SLIST_1  41
#define FLB_CONFIG_MAP_SLIST_2  42
#define FLB_CONFIG_MAP_SLIST_3  43
#define FLB_CONFIG_MAP_SLIST_4  44

#define FLB_CONFIG_MAP_VARIANT  50      /* structured value (YAML) */

/* flags */
#define FLB_CONFIG_MAP_MULT         1   /* the key may be given many times */
#define FLB_CONFIG_MAP_DYNAMIC_ENV  2   /* keep ${VAR} for later translation */

struct flb_config_map_val {
    union {
        int i_num;                      /* INT, TIME */
        int boolean;                    /* BOOL */
        double d_num;                   /* DOUBLE */
        size_t s_num;                   /* SIZE */
        flb_sds_t str;                  /* STR */
        struct mk_list *list;           /* CLIST, SLIST */
        struct cfl_variant *variant;    /* VARIANT */
    } val;
    flb_sds_t raw;                      /* ${VAR} template (DYNAMIC_ENV) */
    struct mk_list *mult;               /* values of a MULT entry */
    struct mk_list _head;               /* link in a MULT list */
};

struct flb_config_map {
    /* Set by plugins at registration */
    int type;                           /* FLB_CONFIG_MAP_* */
    flb_sds_t name;                     /* property name */
    flb_sds_t def_value;                /* default, as text; NULL if none */
    int flags;                          /* FLB_CONFIG_MAP_MULT, ... */
    int set_property;                   /* FLB_TRUE: write at `offset` */
    uintptr_t offset;                   /* offsetof(context, field) */
    flb_sds_t desc;                     /* description (documentation) */

    /* Filled per instance by flb_config_map_create() */
    struct flb_config_map_val value;
    struct mk_list _head;
};

#define flb_config_map_foreach(curr, v, head)                               \
    for (curr = (head)->next,                                               \
         v = mk_list_entry(curr, struct flb_config_map_val, _head);         \
         curr != (head);                                                    \
         curr = curr->next,                                                 \
         v = mk_list_entry(curr, struct flb_config_map_val, _head))

static inline int flb_config_map_mult_type(int type)
{
    if (type >= FLB_CONFIG_MAP_CLIST && type <= FLB_CONFIG_MAP_CLIST_4) {
        return FLB_CONFIG_MAP_CLIST;
    }
    if (type >= FLB_CONFIG_MAP_SLIST && type <= FLB_CONFIG_MAP_SLIST_4) {
        return FLB_CONFIG_MAP_SLIST;
    }
    return -1;
}

/* -1 (after logging "unknown configuration property") if a property is not
 * in the map or a single-valued one is given twice. */
int flb_config_map_properties_check(char *context_name,
                                    struct mk_list *in_properties,
                                    struct mk_list *map);
/* A per-instance copy of a plugin's static table, defaults parsed. */
struct mk_list *flb_config_map_create(struct flb_config *config,
                                      struct flb_config_map *map);
void flb_config_map_destroy(struct mk_list *list);
int flb_config_map_expected_values(int type);
/* Writes defaults, then the given properties, into context; -1 on a bad
 * boolean or list value. */
int flb_config_map_set(struct flb_config *config, struct mk_list *properties,
                       struct mk_list *map, void *context);
struct flb_config_map *flb_config_map_find(struct mk_list *map, const char *name);

static inline int flb_config_map_has_dynamic_env(struct flb_config_map *map)
{
    return (map->flags & FLB_CONFIG_MAP_DYNAMIC_ENV) != 0;
}

#endif
