/*
 * flb_utils.c (flbc host): the value parsers behind config map types
 * (flb_utils.h) and ${VAR} expansion of property values.
 *
 * They reproduce Fluent Bit's conversions, including the lenient ones a
 * plugin author may not expect: numbers are read with atoi/atof (so "abc"
 * is 0 and "12abc" is 12), sizes use powers of 1000 and an invalid size is
 * -1 (SIZE_MAX once stored in a size_t), times accept a d/h/m suffix and
 * anything else is plain seconds.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fluent-bit/flb_log.h>
#include <fluent-bit/flb_mem.h>
#include <fluent-bit/flb_utils.h>
#include "host.h"

int64_t flb_utils_size_to_bytes(const char *size)
{
    int len;
    int suffix;
    char unit;
    double val;
    double limit;
    int64_t mult;

    if (!size) {
        return -1;
    }
    if (strcasecmp(size, "false") == 0) {
        return 0;
    }
    len = (int) strlen(size);
    if (len == 0) {
        return -1;
    }
    val = atof(size);

    /* Count the non-digits at the end (never the first character). */
    suffix = 0;
    while (len - 1 - suffix > 0 && !isdigit((unsigned char) size[len - 1 - suffix])) {
        suffix++;
    }
    if (suffix == 0) {
        return (int64_t) val;
    }
    if (suffix > 2) {
        return -1;
    }
    if (suffix == 2 && toupper((unsigned char) size[len - 1]) != 'B') {
        return -1;
    }

    unit = (char) toupper((unsigned char) size[len - suffix]);
    switch (unit) {
    case 'K':
        mult = 1000;
        limit = 9223372036854775.0;
        break;
    case 'M':
        mult = 1000 * 1000;
        limit = 9223372036854.0;
        break;
    case 'G':
        mult = 1000 * 1000 * 1000;
        limit = 9223372036.0;
        break;
    default:
        return -1;
    }
    /* Stay within int64 (Fluent Bit's bounds). */
    if (val >= limit || val <= -(limit - 1)) {
        return -1;
    }
    return (int64_t) (val * (double) mult);
}

int flb_utils_time_to_seconds(const char *time)
{
    int len;
    int val;
    char unit;

    len = (int) strlen(time);
    if (len == 0) {
        return 0;
    }
    val = atoi(time);
    unit = time[len - 1];
    if (unit == 'D' || unit == 'd') {
        val *= 86400;
    }
    else if (unit == 'H' || unit == 'h') {
        val *= 3600;
    }
    else if (unit == 'M' || unit == 'm') {
        val *= 60;
    }
    return val;
}

int flb_utils_bool(const char *val)
{
    if (strcasecmp(val, "true") == 0 || strcasecmp(val, "on") == 0 ||
        strcasecmp(val, "yes") == 0) {
        return FLB_TRUE;
    }
    if (strcasecmp(val, "false") == 0 || strcasecmp(val, "off") == 0 ||
        strcasecmp(val, "no") == 0) {
        return FLB_FALSE;
    }
    return -1;
}

flb_sds_t host_env_translate(const char *value)
{
    size_t name_len;
    const char *p;
    const char *open;
    const char *close;
    const char *env;
    const char *def;
    char name[4096];
    char *sep;
    flb_sds_t out;

    if (!value) {
        return NULL;
    }
    out = flb_sds_create_size(strlen(value));
    if (!out) {
        return NULL;
    }

    p = value;
    while ((open = strstr(p, "${")) && (close = strchr(open + 2, '}'))) {
        name_len = (size_t) (close - (open + 2));
        if (name_len == 0 || name_len >= sizeof(name)) {
            break;
        }
        if (flb_sds_cat_safe(&out, p, (int) (open - p)) == -1) {
            goto oom;
        }
        memcpy(name, open + 2, name_len);
        name[name_len] = '\0';

        /* ${VAR:-default}: the default when VAR is unset or empty. */
        def = NULL;
        sep = strstr(name, ":-");
        if (sep) {
            *sep = '\0';
            def = sep + 2;
        }
        env = getenv(name);
        if (env && !(def && env[0] == '\0')) {
            if (flb_sds_cat_safe(&out, env, (int) strlen(env)) == -1) {
                goto oom;
            }
        }
        else if (def) {
            if (flb_sds_cat_safe(&out, def, (int) strlen(def)) == -1) {
                goto oom;
            }
        }
        else {
            flb_warn("[env] variable ${%s} is used but not set", name);
        }
        p = close + 1;
    }
    if (flb_sds_cat_safe(&out, p, (int) strlen(p)) == -1) {
        goto oom;
    }
    return out;

oom:
    flb_sds_destroy(out);
    return NULL;
}
