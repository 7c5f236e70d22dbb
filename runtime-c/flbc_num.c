#include "flbc.h"

#include <float.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * flbc_num.c: numbers to text and back, exactly as JavaScript does it.
 *
 * Both directions lean on the C library for the hard part (correctly
 * rounded snprintf and strtod) and only ever hand it text without a
 * decimal point ("12345e-3"), so the C locale's decimal separator cannot
 * change a result.
 */

/* Whether the decimal digits[0..k) times 10^exp10 reads back as v. */
static bool flbc_num_reads_back(uint64_t digits, int exp10, double v)
{
    char text[48];

    snprintf(text, sizeof(text), "%llue%d", (unsigned long long) digits, exp10);
    return strtod(text, NULL) == v;
}

/*
 * The shortest decimal digits that read back as v (v > 0, finite): the
 * digit string in digits (no NUL) and its count as the result; *point is
 * the decimal exponent of the first digit plus one (JavaScript's n).
 *
 * For normal numbers only 15, 16 and 17 digits need trying: decimals of 15
 * digits are spaced wider than the interval that reads back as v, so a
 * shorter form that reads back is the 15-digit rounding with its trailing
 * zeros dropped. Subnormals have fewer bits, hence wider intervals: they
 * try every length.
 */
static int flbc_num_shortest(double v, char *digits, int *point)
{
    char text[48];
    char *e;
    uint64_t m;
    uint64_t lim;
    int p;
    int i;
    int k;
    int exp10;

    for (p = v < DBL_MIN ? 1 : 15; p <= 17; p++) {
        /* Correctly rounded p-digit form: "d.ddde+XX" (the '.' may be any
         * locale separator; only digits and the exponent are read). */
        snprintf(text, sizeof(text), "%.*e", p - 1, v);
        e = strchr(text, 'e');
        if (e == NULL) {
            break;
        }
        exp10 = atoi(e + 1);
        m = 0;
        for (i = 0; text + i < e; i++) {
            if (text[i] >= '0' && text[i] <= '9') {
                m = m * 10 + (uint64_t) (text[i] - '0');
            }
        }
        lim = 1;
        for (i = 1; i < p; i++) {
            lim *= 10;
        }
        if (!flbc_num_reads_back(m, exp10 - (p - 1), v)) {
            /* Next to a power of two the interval that reads back is
             * lopsided: the nearest p-digit value may miss it while its
             * neighbour in the last place does not. */
            if (m + 1 < lim * 10 && flbc_num_reads_back(m + 1, exp10 - (p - 1), v)) {
                m = m + 1;
            }
            else if (m - 1 >= lim && flbc_num_reads_back(m - 1, exp10 - (p - 1), v)) {
                m = m - 1;
            }
            else {
                continue;
            }
        }
        /* Drop trailing zeros: the shortest form. */
        while (p > 1 && m % 10 == 0) {
            m /= 10;
            p--;
        }
        for (k = p - 1; k >= 0; k--) {
            digits[k] = (char) ('0' + m % 10);
            m /= 10;
        }
        *point = exp10 + 1;
        return p;
    }
    /* Not reached for finite doubles: 17 digits always read back. */
    snprintf(text, sizeof(text), "%.16e", v);
    e = strchr(text, 'e');
    k = 0;
    for (i = 0; e != NULL && text + i < e; i++) {
        if (text[i] >= '0' && text[i] <= '9') {
            digits[k++] = text[i];
        }
    }
    *point = e != NULL ? atoi(e + 1) + 1 : 1;
    return k;
}

FLBC_API size_t flbc_num_format(double d, char *buf)
{
    char digits[24];
    uint64_t u;
    size_t n = 0;
    int k;
    int point;
    int i;
    int e;

    if (isnan(d)) {
        memcpy(buf, "NaN", 4);
        return 3;
    }
    if (d == 0) {
        memcpy(buf, "0", 2);                 /* -0 prints as "0" too */
        return 1;
    }
    if (d < 0) {
        buf[n++] = '-';
        d = -d;
    }
    if (isinf(d)) {
        memcpy(buf + n, "Infinity", 9);
        return n + 8;
    }
    if (d < 9007199254740992.0 && d == trunc(d)) {
        /* Integers below 2^53, the common case: their digits are exact. */
        u = (uint64_t) d;
        for (k = 0; u > 0; u /= 10) {
            digits[k++] = (char) ('0' + u % 10);
        }
        for (i = 0; i < k; i++) {
            buf[n + (size_t) i] = digits[k - 1 - i];
        }
        n += (size_t) k;
        buf[n] = '\0';
        return n;
    }
    k = flbc_num_shortest(d, digits, &point);

    /* Number::toString's cases, with k digits and the point after
     * `point` of them (ECMA-262 Number::toString steps 6-10). */
    if (k <= point && point <= 21) {
        memcpy(buf + n, digits, (size_t) k);
        n += (size_t) k;
        for (i = k; i < point; i++) {
            buf[n++] = '0';
        }
    }
    else if (0 < point && point <= 21) {
        memcpy(buf + n, digits, (size_t) point);
        n += (size_t) point;
        buf[n++] = '.';
        memcpy(buf + n, digits + point, (size_t) (k - point));
        n += (size_t) (k - point);
    }
    else if (-6 < point && point <= 0) {
        buf[n++] = '0';
        buf[n++] = '.';
        for (i = point; i < 0; i++) {
            buf[n++] = '0';
        }
        memcpy(buf + n, digits, (size_t) k);
        n += (size_t) k;
    }
    else {
        buf[n++] = digits[0];
        if (k > 1) {
            buf[n++] = '.';
            memcpy(buf + n, digits + 1, (size_t) (k - 1));
            n += (size_t) (k - 1);
        }
        e = point - 1;
        buf[n++] = 'e';
        buf[n++] = e < 0 ? '-' : '+';
        n += (size_t) snprintf(buf + n, 8, "%d", e < 0 ? -e : e);
    }
    buf[n] = '\0';
    return n;
}

FLBC_API flbc_str flbc_num_to_str(struct flbc_rt *rt, double d)
{
    char buf[32];
    size_t n = flbc_num_format(d, buf);
    char *out = flbc_alloc(&rt->arena, n);

    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    memcpy(out, buf, n);
    return (flbc_str) { out, n };
}

FLBC_API bool flbc_num_is_int64(double d)
{
    /* 2^63 is exact as a double; the comparison also rejects NaN. */
    if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0)) {
        return false;
    }
    if (d != trunc(d)) {
        return false;
    }
    return !(d == 0 && signbit(d));
}

/* Significant decimal digits handed to strtod: correct rounding of a
 * double never needs more than 767, the rest only matters as "not zero". */
#define FLBC_NUM_MAX_DIGITS 800

FLBC_API double flbc_num_parse_decimal(const char *s, size_t len)
{
    char text[FLBC_NUM_MAX_DIGITS + 32];
    size_t i = 0;
    size_t n = 0;                            /* digits in text */
    size_t mant_digits = 0;
    int64_t exp10 = 0;                       /* value = text * 10^exp10 */
    int64_t e = 0;
    bool neg = false;
    bool eneg = false;
    bool sticky = false;
    bool frac = false;
    char c;

    if (i < len && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    for (; i < len; i++) {
        c = s[i];
        if (c == '.') {
            if (frac) {
                return NAN;
            }
            frac = true;
            continue;
        }
        if (c < '0' || c > '9') {
            break;
        }
        mant_digits++;
        if (c == '0' && n == 0) {
            if (frac) {
                exp10--;                     /* leading zero after the point */
            }
            continue;
        }
        if (n < FLBC_NUM_MAX_DIGITS) {
            text[n++] = c;
            if (frac) {
                exp10--;
            }
        }
        else {
            sticky |= c != '0';
            if (!frac) {
                exp10++;
            }
        }
    }
    if (mant_digits == 0) {
        return NAN;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-')) {
            eneg = s[i] == '-';
            i++;
        }
        if (i == len) {
            return NAN;
        }
        for (; i < len; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return NAN;
            }
            if (e < 1000000) {
                e = e * 10 + (s[i] - '0');
            }
        }
        exp10 += eneg ? -e : e;
    }
    if (i != len) {
        return NAN;
    }
    if (n == 0) {
        return neg ? -0.0 : 0.0;
    }
    if (sticky) {
        /* A trailing 1 stands for the dropped non-zero digits: it keeps
         * the value strictly between the same two doubles. */
        text[n++] = '1';
        exp10--;
    }
    if (exp10 > 1000000) {
        exp10 = 1000000;
    }
    if (exp10 < -1000000) {
        exp10 = -1000000;
    }
    snprintf(text + n, sizeof(text) - n, "e%d", (int) exp10);
    return neg ? -strtod(text, NULL) : strtod(text, NULL);
}

/* "0x..", "0o..", "0b..": exact binary value, rounded half to even. */
static double flbc_num_parse_radix(const char *s, size_t len, int bits)
{
    uint64_t m = 0;
    int shift = 0;
    bool sticky = false;
    unsigned digit;
    int width;
    int drop;
    uint64_t rem;
    uint64_t half;
    size_t i;
    char c;

    if (len == 0) {
        return NAN;
    }
    for (i = 0; i < len; i++) {
        c = s[i];
        if (c >= '0' && c <= '9') {
            digit = (unsigned) (c - '0');
        }
        else if (c >= 'a' && c <= 'f') {
            digit = (unsigned) (c - 'a' + 10);
        }
        else if (c >= 'A' && c <= 'F') {
            digit = (unsigned) (c - 'A' + 10);
        }
        else {
            return NAN;
        }
        if (digit >= (1u << bits)) {
            return NAN;
        }
        if (m < ((uint64_t) 1 << 56)) {
            m = (m << bits) | digit;         /* room for 53 bits + rounding */
        }
        else {
            sticky |= digit != 0;
            if (shift < 4000) {
                shift += bits;
            }
        }
    }
    for (width = 0; width < 64 && (m >> width) != 0; width++) {
    }
    if (width > 53) {
        drop = width - 53;
        rem = m & (((uint64_t) 1 << drop) - 1);
        half = (uint64_t) 1 << (drop - 1);
        m >>= drop;
        shift += drop;
        if (rem > half || (rem == half && (sticky || (m & 1)))) {
            m++;
        }
    }
    return ldexp((double) m, shift);
}

FLBC_API double flbc_str_to_num(flbc_str s)
{
    flbc_str t = flbc_str_trim(NULL, s);
    const char *p = t.ptr;
    size_t n = t.len;
    size_t skip = 0;

    if (n == 0) {
        return 0;
    }
    if (n > 2 && p[0] == '0') {
        switch (p[1]) {
        case 'x': case 'X':
            return flbc_num_parse_radix(p + 2, n - 2, 4);
        case 'o': case 'O':
            return flbc_num_parse_radix(p + 2, n - 2, 3);
        case 'b': case 'B':
            return flbc_num_parse_radix(p + 2, n - 2, 1);
        default:
            break;
        }
    }
    if (p[0] == '+' || p[0] == '-') {
        skip = 1;
    }
    if (n - skip == 8 && memcmp(p + skip, "Infinity", 8) == 0) {
        return p[0] == '-' ? -INFINITY : INFINITY;
    }
    return flbc_num_parse_decimal(p, n);
}
