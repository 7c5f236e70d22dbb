#include "flbc.h"

/*
 * flbc_math.c: JavaScript's Math object.
 *
 * Most functions are the C library's; the wrappers exist where JavaScript
 * defines a different result (Math.round's halves, Math.pow(1, NaN),
 * Math.max's NaN and -0 rules) or where the C library has no equivalent.
 * Transcendental functions may differ from V8's (a port of fdlibm) in the
 * last bit for some arguments: docs/builtins.md.
 */

FLBC_API double flbc_math_abs(double x)
{
    return fabs(x);
}

FLBC_API double flbc_math_ceil(double x)
{
    return ceil(x);
}

FLBC_API double flbc_math_floor(double x)
{
    return floor(x);
}

/* Math.round: the integer closest to x, halves towards +Infinity; a result
 * of zero keeps the sign of x (-0.4 gives -0). x - floor(x) is exact, so
 * 0.49999999999999994 rounds to 0, not to 1 as floor(x + 0.5) would. */
FLBC_API double flbc_math_round(double x)
{
    double r;

    if (!isfinite(x) || fabs(x) >= 4503599627370496.0) {
        return x;                          /* NaN, infinities, integers */
    }
    r = floor(x);
    if (x - r >= 0.5) {
        r += 1;
    }
    if (r == 0 && (x < 0 || signbit(x))) {
        return -0.0;
    }
    return r;
}

FLBC_API double flbc_math_trunc(double x)
{
    return trunc(x);
}

FLBC_API double flbc_math_sign(double x)
{
    if (isnan(x) || x == 0) {
        return x;                          /* NaN, 0 and -0 are their own sign */
    }
    return x > 0 ? 1 : -1;
}

FLBC_API double flbc_math_sqrt(double x)
{
    return sqrt(x);
}

FLBC_API double flbc_math_cbrt(double x)
{
    return cbrt(x);
}

/* Number::exponentiate: unlike C, a NaN exponent always gives NaN, and
 * (+-1) ** +-Infinity is NaN. */
FLBC_API double flbc_math_pow(double x, double y)
{
    if (isnan(y)) {
        return NAN;
    }
    if (isinf(y) && fabs(x) == 1) {
        return NAN;
    }
    return pow(x, y);
}

FLBC_API double flbc_math_exp(double x)
{
    return exp(x);
}

FLBC_API double flbc_math_expm1(double x)
{
    return expm1(x);
}

FLBC_API double flbc_math_log(double x)
{
    return log(x);
}

FLBC_API double flbc_math_log1p(double x)
{
    return log1p(x);
}

FLBC_API double flbc_math_log2(double x)
{
    return log2(x);
}

FLBC_API double flbc_math_log10(double x)
{
    return log10(x);
}

FLBC_API double flbc_math_sin(double x)
{
    return sin(x);
}

FLBC_API double flbc_math_cos(double x)
{
    return cos(x);
}

FLBC_API double flbc_math_tan(double x)
{
    return tan(x);
}

FLBC_API double flbc_math_asin(double x)
{
    return asin(x);
}

FLBC_API double flbc_math_acos(double x)
{
    return acos(x);
}

FLBC_API double flbc_math_atan(double x)
{
    return atan(x);
}

FLBC_API double flbc_math_atan2(double y, double x)
{
    return atan2(y, x);
}

FLBC_API double flbc_math_sinh(double x)
{
    return sinh(x);
}

FLBC_API double flbc_math_cosh(double x)
{
    return cosh(x);
}

FLBC_API double flbc_math_tanh(double x)
{
    return tanh(x);
}

FLBC_API double flbc_math_asinh(double x)
{
    return asinh(x);
}

FLBC_API double flbc_math_acosh(double x)
{
    return acosh(x);
}

FLBC_API double flbc_math_atanh(double x)
{
    return atanh(x);
}

/*
 * Math.hypot exactly as V8 computes it (builtins/math.tq): any infinity
 * wins over NaN, then NaN, then a Kahan sum of squares scaled by the
 * largest magnitude, so the result matches bit for bit.
 */
FLBC_API double flbc_math_hypot(uint32_t n, const double *xs)
{
    double max = 0;
    double sum = 0;
    double compensation = 0;
    bool nan = false;
    uint32_t i;

    for (i = 0; i < n; i++) {
        if (isnan(xs[i])) {
            nan = true;
        }
        else if (fabs(xs[i]) > max) {
            max = fabs(xs[i]);
        }
    }
    if (isinf(max)) {
        return INFINITY;
    }
    if (nan) {
        return NAN;
    }
    if (max == 0) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        double k = fabs(xs[i]) / max;
        double summand = k * k - compensation;
        double preliminary = sum + summand;

        compensation = (preliminary - sum) - summand;
        sum = preliminary;
    }
    return sqrt(sum) * max;
}

/* Math.min / Math.max: NaN if any argument is NaN, and -0 < +0. */
FLBC_API double flbc_math_min(uint32_t n, const double *xs)
{
    double r = INFINITY;
    uint32_t i;

    for (i = 0; i < n; i++) {
        if (isnan(xs[i])) {
            return NAN;
        }
        if (xs[i] < r || (xs[i] == 0 && r == 0 && signbit(xs[i]))) {
            r = xs[i];
        }
    }
    return r;
}

FLBC_API double flbc_math_max(uint32_t n, const double *xs)
{
    double r = -INFINITY;
    uint32_t i;

    for (i = 0; i < n; i++) {
        if (isnan(xs[i])) {
            return NAN;
        }
        if (xs[i] > r || (xs[i] == 0 && r == 0 && !signbit(xs[i]))) {
            r = xs[i];
        }
    }
    return r;
}

FLBC_API double flbc_math_fround(double x)
{
    return (double) (float) x;
}

FLBC_API double flbc_math_clz32(double x)
{
    uint32_t u = flbc_num_to_uint32(x);
    int n = 0;

    if (u == 0) {
        return 32;
    }
    while (!(u & 0x80000000u)) {
        u <<= 1;
        n++;
    }
    return n;
}

FLBC_API double flbc_math_imul(double a, double b)
{
    uint32_t p = flbc_num_to_uint32(a) * flbc_num_to_uint32(b);

    return p >= 0x80000000u ? (double) p - 4294967296.0 : (double) p;
}

/* xorshift64*: fast, 2^64 - 1 period, plenty for sampling decisions;
 * not for anything secret (neither is V8's). */
FLBC_API double flbc_math_random(struct flbc_rt *rt)
{
    uint64_t x = rt->random_state;

    if (x == 0) {
        x = 0x2545f4914f6cdd1dull;
    }
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rt->random_state = x;
    return (double) ((x * 0x2545f4914f6cdd1dull) >> 11) * (1.0 / 9007199254740992.0);
}
