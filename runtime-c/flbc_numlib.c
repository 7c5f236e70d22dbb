#include "flbc.h"

#include <float.h>
#include <stdio.h>

/*
 * flbc_numlib.c: the Number built-ins: Number(), parseInt, parseFloat, the
 * Number.is* predicates, toFixed and toString(radix).
 *
 * Where the specification leaves the result to the implementation
 * (parseInt in radices other than 2^k and 10, toString with a radix) the
 * algorithm is V8's, so that the same program prints the same digits.
 */

FLBC_API double flbc_num_from_val(struct flbc_rt *rt, flbc_val v)
{
    switch (v.tag) {
    case FLBC_UNDEF:
        return NAN;
    case FLBC_NULL:
        return 0;
    case FLBC_BOOL:
        return v.u.b ? 1 : 0;
    case FLBC_INT:
    case FLBC_FLOAT:
        return flbc_val_to_num(v);
    case FLBC_BIGINT:
        return (double) v.u.i;                   /* rounds to nearest, ties to even */
    case FLBC_STR:
        return flbc_str_to_num(v.u.s);
    case FLBC_ARR:
        /* ToPrimitive of an array is its join(","). */
        return flbc_str_to_num(flbc_val_to_str(rt, v));
    case FLBC_OPAQUE:
        if (v.raw != NULL && v.raw_len == 9 && v.raw[0] == 0xcf) {
            return flbc_val_to_num(v);          /* uint64 above INT64_MAX */
        }
        return NAN;
    default:
        return NAN;                              /* "[object Object]" */
    }
}

/* Value of a digit or letter in radices up to 36, or 36 when it is none. */
static int flbc_numlib_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 36;
}

/* Digits of a power-of-two radix, exactly rounded half to even
 * (V8's InternalStringToIntDouble). */
static double flbc_numlib_int_pow2(const char *p, size_t n, int bits)
{
    int64_t number = 0;
    int exponent = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        int overflow;
        int count = 1;
        int dropped;
        int middle;
        bool zero_tail = true;

        number = number * (1 << bits) + flbc_numlib_digit(p[i]);
        overflow = (int) (number >> 53);
        if (overflow == 0) {
            continue;
        }
        while (overflow > 1) {
            count++;
            overflow >>= 1;
        }
        dropped = (int) (number & ((1 << count) - 1));
        number >>= count;
        exponent = count;
        for (i++; i < n; i++) {
            zero_tail = zero_tail && p[i] == '0';
            exponent += bits;
        }
        middle = 1 << (count - 1);
        if (dropped > middle || (dropped == middle && ((number & 1) != 0 || !zero_tail))) {
            number++;
        }
        if ((number & ((int64_t) 1 << 53)) != 0) {
            exponent++;
            number >>= 1;
        }
        break;
    }
    return ldexp((double) number, exponent);
}

/* Other radices: V8's 32-bit multiply-and-add chunks, rounding included. */
static double flbc_numlib_int_generic(const char *p, size_t n, int radix)
{
    const uint32_t max_multiplier = 0xffffffffu / 36;
    double result = 0;
    size_t i = 0;

    while (i < n) {
        uint32_t part = 0;
        uint32_t multiplier = 1;

        while (i < n) {
            uint32_t m = multiplier * (uint32_t) radix;

            if (m > max_multiplier) {
                break;
            }
            part = part * (uint32_t) radix + (uint32_t) flbc_numlib_digit(p[i]);
            multiplier = m;
            i++;
        }
        result = result * multiplier + part;
    }
    return result;
}

/* Skips JavaScript white space and line terminators at the start. */
static flbc_str flbc_numlib_trim_start(flbc_str s)
{
    flbc_str t = flbc_str_trim(NULL, s);

    /* trim() takes both ends; keep the end (it matters to nobody here but
     * the digits are read from the start anyway). */
    return (flbc_str) { t.ptr, s.len - (size_t) (t.ptr - s.ptr) };
}

FLBC_API double flbc_num_parse_int(flbc_str s, double radix)
{
    flbc_str t = flbc_numlib_trim_start(s);
    const char *p = t.ptr;
    size_t n = t.len;
    size_t i = 0;
    size_t k;
    int32_t r = flbc_num_to_int32(radix);
    bool strip = true;
    double sign = 1;
    double v;

    if (i < n && (p[i] == '+' || p[i] == '-')) {
        sign = p[i] == '-' ? -1 : 1;
        i++;
    }
    if (r != 0) {
        if (r < 2 || r > 36) {
            return NAN;
        }
        strip = r == 16;
    }
    else {
        r = 10;
    }
    if (strip && n - i >= 2 && p[i] == '0' && (p[i + 1] == 'x' || p[i + 1] == 'X')) {
        i += 2;
        r = 16;
    }
    for (k = i; k < n && flbc_numlib_digit(p[k]) < r; k++) {
    }
    if (k == i) {
        return NAN;
    }
    switch (r) {
    case 10:
        /* V8 hands strtod at most 310 digits (more would be Infinity). */
        v = flbc_num_parse_decimal(p + i, k - i > 310 ? 310 : k - i);
        break;
    case 2:
        v = flbc_numlib_int_pow2(p + i, k - i, 1);
        break;
    case 4:
        v = flbc_numlib_int_pow2(p + i, k - i, 2);
        break;
    case 8:
        v = flbc_numlib_int_pow2(p + i, k - i, 3);
        break;
    case 16:
        v = flbc_numlib_int_pow2(p + i, k - i, 4);
        break;
    case 32:
        v = flbc_numlib_int_pow2(p + i, k - i, 5);
        break;
    default:
        v = flbc_numlib_int_generic(p + i, k - i, r);
        break;
    }
    return sign * v;
}

FLBC_API double flbc_num_parse_float(flbc_str s)
{
    flbc_str t = flbc_numlib_trim_start(s);
    const char *p = t.ptr;
    size_t n = t.len;
    size_t i = 0;
    size_t digits = 0;
    size_t e;

    if (i < n && (p[i] == '+' || p[i] == '-')) {
        i++;
    }
    if (n - i >= 8 && memcmp(p + i, "Infinity", 8) == 0) {
        return p[0] == '-' ? -INFINITY : INFINITY;
    }
    for (; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
        digits++;
    }
    if (i < n && p[i] == '.') {
        i++;
        for (; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
            digits++;
        }
    }
    if (digits == 0) {
        return NAN;
    }
    if (i < n && (p[i] == 'e' || p[i] == 'E')) {
        e = i + 1;
        if (e < n && (p[e] == '+' || p[e] == '-')) {
            e++;
        }
        if (e < n && p[e] >= '0' && p[e] <= '9') {
            for (i = e; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
            }
        }
    }
    return flbc_num_parse_decimal(p, i);
}

FLBC_API bool flbc_num_is_nan(double d)
{
    return isnan(d);
}

FLBC_API bool flbc_num_is_finite(double d)
{
    return isfinite(d);
}

FLBC_API bool flbc_num_is_integer(double d)
{
    return isfinite(d) && d == trunc(d);
}

FLBC_API bool flbc_num_is_safe_integer(double d)
{
    return flbc_num_is_integer(d) && fabs(d) <= 9007199254740991.0;
}

FLBC_API uint32_t flbc_num_to_uint32(double d)
{
    if (!isfinite(d)) {
        return 0;
    }
    d = fmod(trunc(d), 4294967296.0);
    if (d < 0) {
        d += 4294967296.0;
    }
    return (uint32_t) d;
}

FLBC_API int32_t flbc_num_to_int32(double d)
{
    uint32_t u = flbc_num_to_uint32(d);

    return u >= 0x80000000u ? (int32_t) ((int64_t) u - 4294967296LL) : (int32_t) u;
}

/* A copy of n bytes of buf in the arena. */
static flbc_str flbc_numlib_copy(struct flbc_rt *rt, const char *buf, size_t n)
{
    char *out = flbc_alloc(&rt->arena, n == 0 ? 1 : n);

    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    memcpy(out, buf, n);
    return (flbc_str) { out, n };
}

/* Exact decimal expansion needs at most 1074 fraction digits. */
#define FLBC_NUMLIB_FIXED_BUF 1200

/*
 * Number.prototype.toFixed: the decimal n / 10^f closest to the exact
 * binary value, the larger on a tie (so 2.5 gives "3" where printf's
 * round-half-even says "2", and 1.005 gives "1.00" since it is below).
 * printf gives the digits; a '5' followed by zeros may be a tie or a carry
 * from further digits, and only then is the exact expansion printed.
 */
FLBC_API flbc_str flbc_num_to_fixed(struct flbc_rt *rt, double d, double digits)
{
    char text[FLBC_NUMLIB_FIXED_BUF];
    char out[FLBC_NUMLIB_FIXED_BUF];
    double fd = isnan(digits) ? 0 : trunc(digits);
    int f;
    int len;
    int dot;
    int i;
    int n = 0;
    bool neg;
    bool up;
    bool tie = true;

    if (!(fd >= 0 && fd <= 100)) {
        flbc_log(rt, FLBC_LOG_ERROR, "RangeError: toFixed() digits argument must be "
                 "between 0 and 100");
        return flbc_num_to_str(rt, d);
    }
    f = (int) fd;
    if (!isfinite(d) || fabs(d) >= 1e21) {
        return flbc_num_to_str(rt, d);
    }
    neg = d < 0;
    d = fabs(d);
    len = snprintf(text, sizeof(text), "%.*f", f + 30, d);
    for (dot = 0; dot < len && text[dot] >= '0' && text[dot] <= '9'; dot++) {
    }
    if (text[dot + 1 + f] == '5') {
        for (i = dot + 2 + f; i < len; i++) {
            tie = tie && text[i] == '0';
        }
        if (tie) {
            len = snprintf(text, sizeof(text), "%.1100f", d);
        }
    }
    /* Any locale's decimal separator: replaced by '.' below. */
    up = text[dot + 1 + f] >= '5';
    if (neg) {
        out[n++] = '-';
    }
    out[n++] = '0';                          /* room for a carry */
    memcpy(out + n, text, (size_t) dot);
    n += dot;
    if (f > 0) {
        out[n++] = '.';
        memcpy(out + n, text + dot + 1, (size_t) f);
        n += f;
    }
    if (up) {
        for (i = n - 1; i >= 0; i--) {
            if (out[i] == '.') {
                continue;
            }
            if (out[i] == '9') {
                out[i] = '0';
                continue;
            }
            out[i]++;
            break;
        }
    }
    /* Drop the carry digit when unused. */
    i = neg ? 1 : 0;
    if (out[i] == '0' && out[i + 1] != '.' && i + 1 < n) {
        memmove(out + i, out + i + 1, (size_t) (n - i - 1));
        n--;
    }
    return flbc_numlib_copy(rt, out, (size_t) n);
}

/* Number.prototype.toString(radix) for radix != 10: V8's
 * DoubleToRadixCString, fraction digits up to the double's precision. */
static size_t flbc_numlib_radix(double value, int radix, char *buffer, size_t size)
{
    static const char chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    size_t integer_cursor = size / 2;
    size_t fraction_cursor = integer_cursor;
    bool negative = value < 0;
    double integer;
    double fraction;
    double delta;

    if (negative) {
        value = -value;
    }
    integer = floor(value);
    fraction = value - integer;
    delta = 0.5 * (nextafter(value, INFINITY) - value);
    if (!(delta > DBL_TRUE_MIN)) {
        delta = DBL_TRUE_MIN;
    }
    if (fraction >= delta) {
        buffer[fraction_cursor++] = '.';
        do {
            int digit;

            fraction *= radix;
            delta *= radix;
            digit = (int) fraction;
            buffer[fraction_cursor++] = chars[digit];
            fraction -= digit;
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
                if (fraction + delta > 1) {
                    /* Round up, carrying over written digits. */
                    for (;;) {
                        char c;
                        int d;

                        fraction_cursor--;
                        if (fraction_cursor == size / 2) {
                            integer += 1;
                            break;
                        }
                        c = buffer[fraction_cursor];
                        d = c > '9' ? c - 'a' + 10 : c - '0';
                        if (d + 1 < radix) {
                            buffer[fraction_cursor++] = chars[d + 1];
                            break;
                        }
                    }
                    break;
                }
            }
        } while (fraction >= delta && fraction_cursor < size - 1);
    }
    /* Integer digits; those below the double's precision are zeros. */
    while (integer / radix >= 9007199254740992.0) {
        integer /= radix;
        buffer[--integer_cursor] = '0';
    }
    do {
        double remainder = fmod(integer, radix);

        buffer[--integer_cursor] = chars[(int) remainder];
        integer = (integer - remainder) / radix;
    } while (integer > 0);
    if (negative) {
        buffer[--integer_cursor] = '-';
    }
    memmove(buffer, buffer + integer_cursor, fraction_cursor - integer_cursor);
    return fraction_cursor - integer_cursor;
}

FLBC_API flbc_str flbc_num_to_string(struct flbc_rt *rt, double d, double radix)
{
    char buffer[2200];
    double r = isnan(radix) ? 10 : trunc(radix);

    if (!(r >= 2 && r <= 36)) {
        flbc_log(rt, FLBC_LOG_ERROR, "RangeError: toString() radix must be between 2 and 36");
        return flbc_num_to_str(rt, d);
    }
    if (r == 10 || !isfinite(d)) {
        return flbc_num_to_str(rt, d);
    }
    return flbc_numlib_copy(rt, buffer, flbc_numlib_radix(d, (int) r, buffer, sizeof(buffer)));
}
