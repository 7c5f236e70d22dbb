#include "flbc.h"

/*
 * flbc_bits.c: JavaScript's bitwise and shift operators on numbers. Each
 * operand goes through ToInt32 (ToUint32 for >>>'s left side), and a shift
 * count uses its low five bits, exactly as the operators are specified.
 */

FLBC_API double flbc_num_band(double a, double b)
{
    return (double) (flbc_num_to_int32(a) & flbc_num_to_int32(b));
}

FLBC_API double flbc_num_bor(double a, double b)
{
    return (double) (flbc_num_to_int32(a) | flbc_num_to_int32(b));
}

FLBC_API double flbc_num_bxor(double a, double b)
{
    return (double) (flbc_num_to_int32(a) ^ flbc_num_to_int32(b));
}

FLBC_API double flbc_num_bnot(double a)
{
    return (double) ~flbc_num_to_int32(a);
}

FLBC_API double flbc_num_shl(double a, double b)
{
    /* Shift the bits as unsigned: a signed left shift into the sign bit is
     * undefined in C, while JavaScript wraps. */
    uint32_t bits = (uint32_t) flbc_num_to_int32(a) << (flbc_num_to_uint32(b) & 31);

    return (double) (int32_t) bits;
}

FLBC_API double flbc_num_sar(double a, double b)
{
    int32_t x = flbc_num_to_int32(a);
    uint32_t n = flbc_num_to_uint32(b) & 31;

    /* An arithmetic shift, spelled without relying on implementation-defined
     * right shifts of negative values. */
    return (double) (x >= 0 ? x >> n : ~(~x >> n));
}

FLBC_API double flbc_num_shr(double a, double b)
{
    return (double) (flbc_num_to_uint32(a) >> (flbc_num_to_uint32(b) & 31));
}
