/*
 * flbc_prop.c: validation of property values.
 *
 * Fluent Bit's config map converts integer and double properties with
 * atoi()/atof(), so "12abc" silently becomes 12 and "abc" becomes 0.
 * Generated cb_init checks the raw property text with these functions and
 * rejects a bad value loudly instead.
 */
#include "flbc.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>

/* An optional sign and decimal digits that fit a C int; NULL (the
 * property was not given) is valid. */
FLBC_API bool flbc_prop_is_int(const char *v)
{
    char *end;
    long n;

    if (v == NULL) {
        return true;
    }
    errno = 0;
    n = strtol(v, &end, 10);
    return end != v && *end == '\0' && errno == 0 && n >= INT_MIN && n <= INT_MAX;
}

/* A finite decimal number with nothing after it; NULL is valid. */
FLBC_API bool flbc_prop_is_double(const char *v)
{
    char *end;
    double d;

    if (v == NULL) {
        return true;
    }
    errno = 0;
    d = strtod(v, &end);
    return end != v && *end == '\0' && errno == 0 && isfinite(d);
}
