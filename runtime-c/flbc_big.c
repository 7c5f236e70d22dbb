#include "flbc.h"

/*
 * flbc_big.c: `bigint` as a 64-bit signed integer.
 *
 * Every operation gives JavaScript's BigInt result whenever that result
 * fits in int64_t: division truncates, `%` takes the dividend's sign, `>>`
 * rounds towards -Infinity, a negative shift count shifts the other way.
 * Where JavaScript throws (division by zero, a negative exponent, BigInt(1.5),
 * BigInt("x")) the function throws the same error through flbc_exc.c and
 * returns 0; generated code then tests rt->thrown. Where JavaScript would
 * go on with a bigint wider than 64 bits, the function throws a RangeError
 * "bigint overflow: ... does not fit in 64 bits" instead: the one
 * deliberate divergence (docs/language.md).
 */

#define FLBC_BIG_RANGE FLBC_STR("RangeError")

static int64_t flbc_big_overflow2(struct flbc_rt *rt, int64_t a, const char *op, int64_t b)
{
    flbc_throw_new(rt, FLBC_BIG_RANGE, "bigint overflow: %lldn %s %lldn does not fit in 64 bits",
                   (long long) a, op, (long long) b);
    return 0;
}

FLBC_API int64_t flbc_big_add(struct flbc_rt *rt, int64_t a, int64_t b)
{
    int64_t r;

    if (__builtin_add_overflow(a, b, &r)) {
        return flbc_big_overflow2(rt, a, "+", b);
    }
    return r;
}

FLBC_API int64_t flbc_big_sub(struct flbc_rt *rt, int64_t a, int64_t b)
{
    int64_t r;

    if (__builtin_sub_overflow(a, b, &r)) {
        return flbc_big_overflow2(rt, a, "-", b);
    }
    return r;
}

FLBC_API int64_t flbc_big_mul(struct flbc_rt *rt, int64_t a, int64_t b)
{
    int64_t r;

    if (__builtin_mul_overflow(a, b, &r)) {
        return flbc_big_overflow2(rt, a, "*", b);
    }
    return r;
}

FLBC_API int64_t flbc_big_div(struct flbc_rt *rt, int64_t a, int64_t b)
{
    if (b == 0) {
        flbc_throw_new(rt, FLBC_BIG_RANGE, "Division by zero");
        return 0;
    }
    if (a == INT64_MIN && b == -1) {
        return flbc_big_overflow2(rt, a, "/", b);
    }
    return a / b;                       /* C truncates, as BigInt division does */
}

FLBC_API int64_t flbc_big_mod(struct flbc_rt *rt, int64_t a, int64_t b)
{
    if (b == 0) {
        flbc_throw_new(rt, FLBC_BIG_RANGE, "Division by zero");
        return 0;
    }
    if (b == -1) {
        return 0;                       /* INT64_MIN % -1 is undefined in C */
    }
    return a % b;                       /* the dividend's sign, as in JavaScript */
}

FLBC_API int64_t flbc_big_pow(struct flbc_rt *rt, int64_t a, int64_t b)
{
    int64_t result = 1;
    int64_t base = a;
    int64_t e = b;

    if (b < 0) {
        flbc_throw_new(rt, FLBC_BIG_RANGE, "Exponent must be non-negative");
        return 0;
    }
    if (a == 0 || a == 1 || b == 0) {
        return b == 0 ? 1 : a;
    }
    if (a == -1) {
        return (b & 1) != 0 ? -1 : 1;
    }
    /* |a| >= 2: anything from 2^64 up is out of range, so e < 64 below. */
    if (b >= 64) {
        return flbc_big_overflow2(rt, a, "**", b);
    }
    for (;;) {
        if ((e & 1) != 0 && __builtin_mul_overflow(result, base, &result)) {
            return flbc_big_overflow2(rt, a, "**", b);
        }
        e >>= 1;
        if (e == 0) {
            return result;
        }
        if (__builtin_mul_overflow(base, base, &base)) {
            return flbc_big_overflow2(rt, a, "**", b);
        }
    }
}

FLBC_API int64_t flbc_big_neg(struct flbc_rt *rt, int64_t a)
{
    if (a == INT64_MIN) {
        flbc_throw_new(rt, FLBC_BIG_RANGE, "bigint overflow: -(%lldn) does not fit in 64 bits",
                       (long long) a);
        return 0;
    }
    return -a;
}

/* a * 2^n for n >= 0, or floor(a / 2^-n) for n < 0: both shifts of
 * JavaScript, which go the other way on a negative count. */
static int64_t flbc_big_shift(struct flbc_rt *rt, int64_t a, int64_t n, const char *op, int64_t b)
{
    int64_t r;

    if (n < 0) {
        /* An arithmetic shift: gcc and clang define >> on negative values
         * as one, and it rounds towards -Infinity as BigInt's does. */
        return n <= -64 ? (a < 0 ? -1 : 0) : a >> -n;
    }
    if (a == 0) {
        return 0;
    }
    if (n >= 64) {
        return flbc_big_overflow2(rt, a, op, b);
    }
    r = (int64_t) ((uint64_t) a << n);
    if ((r >> n) != a) {
        return flbc_big_overflow2(rt, a, op, b);
    }
    return r;
}

FLBC_API int64_t flbc_big_shl(struct flbc_rt *rt, int64_t a, int64_t b)
{
    return flbc_big_shift(rt, a, b, "<<", b);
}

FLBC_API int64_t flbc_big_sar(struct flbc_rt *rt, int64_t a, int64_t b)
{
    /* -INT64_MIN does not exist; any count from 64 up overflows alike. */
    return flbc_big_shift(rt, a, b == INT64_MIN ? INT64_MAX : -b, ">>", b);
}

FLBC_API double flbc_big_cmp_num(int64_t a, double d)
{
    int64_t whole;
    double t;

    if (isnan(d)) {
        return NAN;
    }
    /* Beyond int64 the double is beyond every a; inside, its integer part
     * converts exactly, and the fraction decides a tie. */
    if (d >= 9223372036854775808.0) {
        return -1;
    }
    if (d < -9223372036854775808.0) {
        return 1;
    }
    t = trunc(d);
    whole = (int64_t) t;
    if (a != whole) {
        return a < whole ? -1 : 1;
    }
    return d > t ? -1 : (d < t ? 1 : 0);
}

/* Digits of a in `radix` (2..36), JavaScript's lower-case letters. */
static flbc_str flbc_big_digits(struct flbc_rt *rt, int64_t a, unsigned radix)
{
    char buf[66];
    char *p = buf + sizeof(buf);
    uint64_t u = a < 0 ? (uint64_t) 0 - (uint64_t) a : (uint64_t) a;
    size_t n;
    char *out;

    do {
        *--p = "0123456789abcdefghijklmnopqrstuvwxyz"[u % radix];
        u /= radix;
    } while (u != 0);
    if (a < 0) {
        *--p = '-';
    }
    n = (size_t) (buf + sizeof(buf) - p);
    out = flbc_alloc(&rt->arena, n);
    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    memcpy(out, p, n);
    return (flbc_str) { out, n };
}

FLBC_API flbc_str flbc_big_to_str(struct flbc_rt *rt, int64_t a)
{
    return flbc_big_digits(rt, a, 10);
}

FLBC_API flbc_str flbc_big_to_string(struct flbc_rt *rt, int64_t a, double radix)
{
    if (isnan(radix)) {
        return flbc_big_digits(rt, a, 10);
    }
    radix = trunc(radix);
    if (radix < 2 || radix > 36) {
        flbc_throw_new(rt, FLBC_BIG_RANGE, "toString() radix argument must be between 2 and 36");
        return FLBC_STR_EMPTY;
    }
    return flbc_big_digits(rt, a, (unsigned) radix);
}

FLBC_API int64_t flbc_big_from_num(struct flbc_rt *rt, double d)
{
    char num[32];

    if (!isfinite(d) || trunc(d) != d) {
        num[flbc_num_format(d, num)] = '\0';
        flbc_throw_new(rt, FLBC_BIG_RANGE,
                       "The number %s cannot be converted to a BigInt because it is not an integer", num);
        return 0;
    }
    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
        num[flbc_num_format(d, num)] = '\0';
        flbc_throw_new(rt, FLBC_BIG_RANGE, "bigint overflow: BigInt(%s) does not fit in 64 bits", num);
        return 0;
    }
    return (int64_t) d;
}

/* Value of a digit or letter in radices up to 36, or 36 when it is none. */
static unsigned flbc_big_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return (unsigned) (c - '0');
    }
    if (c >= 'a' && c <= 'z') {
        return (unsigned) (c - 'a' + 10);
    }
    if (c >= 'A' && c <= 'Z') {
        return (unsigned) (c - 'A' + 10);
    }
    return 36;
}

/* StringToBigInt: white space around, then `[+-]digits` in decimal or
 * `0x`/`0o`/`0b` digits without a sign; nothing at all is 0n. */
FLBC_API int64_t flbc_big_from_str(struct flbc_rt *rt, flbc_str s)
{
    flbc_str t = flbc_str_trim(rt, s);
    const char *p = t.ptr;
    const char *end = t.ptr + t.len;
    unsigned radix = 10;
    bool negative = false;
    uint64_t u = 0;
    uint64_t limit;

    if (p == end) {
        return 0;
    }
    if (end - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X' || p[1] == 'o' || p[1] == 'O' ||
                                       p[1] == 'b' || p[1] == 'B')) {
        radix = (p[1] == 'x' || p[1] == 'X') ? 16 : (p[1] == 'o' || p[1] == 'O') ? 8 : 2;
        p += 2;
    }
    else if (*p == '+' || *p == '-') {
        negative = *p == '-';
        p++;
    }
    if (p == end) {
        goto syntax;
    }
    /* -2^63 is the one magnitude a negative value has beyond INT64_MAX. */
    limit = negative ? (uint64_t) INT64_MAX + 1 : (uint64_t) INT64_MAX;
    for (; p < end; p++) {
        unsigned d = flbc_big_digit(*p);

        if (d >= radix) {
            goto syntax;
        }
        if (u > (limit - d) / radix) {
            /* Still a syntax error if a bad character follows. */
            for (p++; p < end; p++) {
                if (flbc_big_digit(*p) >= radix) {
                    goto syntax;
                }
            }
            flbc_throw_new(rt, FLBC_BIG_RANGE, "bigint overflow: BigInt(\"%.*s\") does not fit in 64 bits",
                           (int) (t.len > 100 ? 100 : t.len), t.ptr);
            return 0;
        }
        u = u * radix + d;
    }
    if (negative) {
        return u == (uint64_t) INT64_MAX + 1 ? INT64_MIN : -(int64_t) u;
    }
    return (int64_t) u;

syntax:
    flbc_throw_new(rt, FLBC_STR("SyntaxError"), "Cannot convert %.*s to a BigInt",
                   (int) (s.len > 200 ? 200 : s.len), s.ptr);
    return 0;
}

FLBC_API int64_t flbc_big_from_val(struct flbc_rt *rt, flbc_val v)
{
    switch (v.tag) {
    case FLBC_BIGINT:
        return v.u.i;
    case FLBC_INT:
        /* The integer the chunk holds, exactly (Node's JSON reader has
         * already rounded one above 2^53 to a double). */
        return v.u.i;
    case FLBC_FLOAT:
        return flbc_big_from_num(rt, v.u.d);
    case FLBC_BOOL:
        return v.u.b ? 1 : 0;
    case FLBC_STR:
        return flbc_big_from_str(rt, v.u.s);
    case FLBC_UNDEF:
    case FLBC_NULL:
        flbc_throw_new(rt, FLBC_STR("TypeError"), "Cannot convert %s to a BigInt",
                       v.tag == FLBC_NULL ? "null" : "undefined");
        return 0;
    default:
        if (v.tag == FLBC_OPAQUE && v.raw != NULL && v.raw_len == 9 && v.raw[0] == 0xcf) {
            flbc_throw_new(rt, FLBC_BIG_RANGE, "bigint overflow: an unsigned integer above 2^63 - 1 does not fit in 64 bits");
            return 0;
        }
        /* Arrays and objects: ToPrimitive gives their String(). */
        return flbc_big_from_str(rt, flbc_val_to_str(rt, v));
    }
}

/* ToIndex of BigInt.asIntN's bits; -1 (and a RangeError) when out of range. */
static double flbc_big_bits(struct flbc_rt *rt, double bits)
{
    bits = isnan(bits) ? 0 : trunc(bits);
    if (bits < 0 || bits > 9007199254740991.0) {
        flbc_throw_new(rt, FLBC_BIG_RANGE, "Invalid value: not (convertible to) a safe integer");
        return -1;
    }
    return bits;
}

FLBC_API int64_t flbc_big_as_int_n(struct flbc_rt *rt, double bits, int64_t a)
{
    uint64_t mask;
    uint64_t u;
    double n = flbc_big_bits(rt, bits);

    if (n < 0) {
        return 0;
    }
    if (n >= 64) {
        return a;
    }
    if (n == 0) {
        return 0;
    }
    mask = ((uint64_t) 1 << (unsigned) n) - 1;
    u = (uint64_t) a & mask;
    /* The top bit of the n is the sign: extend it. */
    if ((u >> ((unsigned) n - 1)) != 0) {
        return -(int64_t) (mask - u) - 1;
    }
    return (int64_t) u;
}

FLBC_API int64_t flbc_big_as_uint_n(struct flbc_rt *rt, double bits, int64_t a)
{
    double n = flbc_big_bits(rt, bits);

    if (n < 0) {
        return 0;
    }
    if (n >= 64) {
        if (a < 0) {
            /* 2^n + a: at least 2^63. */
            flbc_throw_new(rt, FLBC_BIG_RANGE, "bigint overflow: BigInt.asUintN(%.0f, %lldn) does not fit in 64 bits",
                           n, (long long) a);
            return 0;
        }
        return a;
    }
    return (int64_t) ((uint64_t) a & (((uint64_t) 1 << (unsigned) n) - 1));
}

FLBC_API flbc_val flbc_val_big(int64_t a)
{
    flbc_val v = { 0 };

    v.tag = FLBC_BIGINT;
    v.u.i = a;
    return v;
}

FLBC_API int64_t flbc_val_to_big(flbc_val v)
{
    return v.tag == FLBC_BIGINT ? v.u.i : 0;
}

FLBC_API bool flbc_val_has_big(flbc_val v, int depth)
{
    uint32_t i;

    /* A value read from a chunk holds no bigint: msgpack integers are numbers. */
    if (v.tag == FLBC_BIGINT) {
        return true;
    }
    if (v.raw != NULL || depth >= FLBC_MAX_DEPTH) {
        return false;
    }
    if (v.tag == FLBC_ARR && v.u.arr != NULL) {
        for (i = 0; i < v.u.arr->len; i++) {
            if (flbc_val_has_big(v.u.arr->items[i], depth + 1)) {
                return true;
            }
        }
    }
    /* Only a plain object's values are written: Maps, Sets and Errors are
     * {} to JSON.stringify, whatever they hold. */
    if (v.tag == FLBC_MAP && v.u.obj != NULL && v.u.obj->kind == FLBC_OBJ_PLAIN) {
        for (i = 0; i < v.u.obj->len; i++) {
            if (flbc_val_has_big(v.u.obj->vals[i], depth + 1)) {
                return true;
            }
        }
    }
    return false;
}
