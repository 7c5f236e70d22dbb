/*
 * failalloc.h: fault injection through the runtime's memory funnel, for
 * test/limits.test.ts. Force-included (-include) into a host build: every
 * FLBC_MALLOC / FLBC_REALLOC whose sequence number is a multiple of
 * $FLBC_FAIL_EVERY returns NULL (from $FLBC_FAIL_FROM on; unset or 0: never).
 * The plugin must then log, pass records through, and leak nothing.
 */
#ifndef FLBC_FAILALLOC_H
#define FLBC_FAILALLOC_H

#include <stdlib.h>

static inline int flbc_failalloc_now(void)
{
    static long every = -1;
    static unsigned long n;
    const char *e;

    if (every < 0) {
        e = getenv("FLBC_FAIL_EVERY");
        every = e != NULL ? atol(e) : 0;
    }
    return every > 0 && ++n % (unsigned long) every == 0;
}

#define FLBC_MALLOC(n)     (flbc_failalloc_now() ? NULL : malloc(n))
#define FLBC_REALLOC(p, n) (flbc_failalloc_now() ? NULL : realloc((p), (n)))
#define FLBC_FREE(p)       free(p)

#endif
