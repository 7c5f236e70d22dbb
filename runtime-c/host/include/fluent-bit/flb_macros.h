/*
 * flb_macros.h (flbc host): Fluent Bit's boolean and return-code macros.
 *
 * Same names and values as fluent-bit/flb_macros.h: FLB_TRUE/FLB_FALSE are
 * C99 booleans, FLB_ERROR/FLB_OK/FLB_RETRY the output flush results.
 */
#ifndef FLB_MACROS_H
#define FLB_MACROS_H

#include <stdbool.h>
#include <monkey/mk_core.h>

#define FLB_FALSE  false
#define FLB_TRUE   true

/* Output flush results (FLB_OUTPUT_RETURN) */
#define FLB_ERROR  0
#define FLB_OK     1
#define FLB_RETRY  2

#if defined(__GNUC__) || defined(__clang__)
#define FLB_FORMAT_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define FLB_INLINE inline __attribute__((always_inline))
#define flb_likely(x)   __builtin_expect(!!(x), 1)
#define flb_unlikely(x) __builtin_expect(!!(x), 0)
#else
#define FLB_FORMAT_PRINTF(fmt, args)
#define FLB_INLINE inline
#define flb_likely(x)   (x)
#define flb_unlikely(x) (x)
#endif

#endif
