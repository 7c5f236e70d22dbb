/*
 * Unit tests of the C runtime, compiled against the amalgamation flbc_rt.h
 * (flbc.h + runtime-c/flbc_*.c, as the compiler ships it) with the libc
 * allocator behind a switch that makes the n-th allocation fail.
 *
 * Expected JavaScript results come from tables.h (gen_tables.mjs) or were
 * checked with `node -e` when written.
 */
/* As in a plugin build: Fluent Bit's headers (and the local host's) turn on
 * the POSIX/BSD declarations (clock_gettime, gethostname) that a few
 * runtime files use, before any libc header. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long test_alloc_countdown = -1;    /* >= 0: fail when it reaches 0 */
static long test_alloc_count;             /* allocations so far */

static int test_alloc_fails(void)
{
    test_alloc_count++;
    if (test_alloc_countdown < 0) {
        return 0;
    }
    return test_alloc_countdown-- == 0;
}

static void *test_malloc(size_t n)
{
    return test_alloc_fails() ? NULL : malloc(n);
}

static void *test_realloc(void *p, size_t n)
{
    return test_alloc_fails() ? NULL : realloc(p, n);
}

#define FLBC_MALLOC(n)     test_malloc(n)
#define FLBC_REALLOC(p, n) test_realloc((p), (n))
#define FLBC_FREE(p)       free(p)
#include "flbc_rt.h"
#include "tables.h"

static int failures;
static int checks;

#define CHECK(cond) \
    do { \
        checks++; \
        if (!(cond)) { \
            failures++; \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
        } \
    } while (0)

#define CHECK_STR(s, lit) \
    do { \
        flbc_str s_ = (s); \
        checks++; \
        if (!flbc_str_eq(s_, FLBC_STR(lit))) { \
            failures++; \
            fprintf(stderr, "%s:%d: got \"%.*s\", want \"%s\"\n", __FILE__, __LINE__, \
                    (int) s_.len, s_.ptr, lit); \
        } \
    } while (0)

#define S(lit) FLBC_STR(lit)
#define S2(cstr) ((flbc_str) { (cstr), strlen(cstr) })

static double from_bits(uint64_t b)
{
    double d;

    memcpy(&d, &b, 8);
    return d;
}

/* ------------------------------------------------------------- logging */

static int log_lines;
static char last_log[2048];

static void test_log(void *ins, int level, const char *msg)
{
    (void) ins;
    (void) level;
    log_lines++;
    snprintf(last_log, sizeof(last_log), "%s", msg);
}

static flbc_rt rt;

/* ---------------------------------------------------------------- arena */

static void test_arena(void)
{
    flbc_arena a = { 0 };
    flbc_arena_mark m;
    char *p;
    char *q;
    int i;

    p = flbc_alloc(&a, 10);
    CHECK(p != NULL && ((uintptr_t) p & 15) == 0);
    memset(p, 1, 10);
    q = flbc_alloc(&a, 3);
    CHECK(q != NULL && ((uintptr_t) q & 15) == 0 && q >= p + 10);
    m = flbc_arena_save(&a);
    /* Spill into new blocks, then roll back. */
    for (i = 0; i < 10; i++) {
        CHECK(flbc_alloc(&a, 10000) != NULL);
    }
    CHECK(a.blocks->next != NULL);
    CHECK(a.high_water >= 100000);
    flbc_arena_restore(&a, m);
    CHECK(a.used == m.used && a.blocks == m.blocks && a.blocks->next == NULL);
    CHECK(flbc_alloc(&a, 1) != NULL);
    /* A mark whose block a reset freed restores to an empty arena. */
    {
        flbc_arena b = { 0 };
        flbc_arena_mark mb;
        int k;

        CHECK(flbc_alloc(&b, 8) != NULL);
        mb = flbc_arena_save(&b);
        for (k = 0; k < 3; k++) {
            CHECK(flbc_alloc(&b, FLBC_ARENA_BLOCK) != NULL);
        }
        flbc_arena_reset(&b);                      /* keeps the largest block */
        flbc_arena_restore(&b, mb);
        CHECK(b.used == 0 && b.cur == NULL && b.blocks == NULL);
        CHECK(flbc_alloc(&b, 8) != NULL);
        flbc_arena_free(&b);
    }
    /* A reset keeps one block, so the next allocation needs no malloc. */
    flbc_arena_reset(&a);
    CHECK(a.blocks != NULL && a.used == 0);
    test_alloc_countdown = 0;
    CHECK(flbc_alloc(&a, 100) != NULL);
    test_alloc_countdown = -1;
    /* The cap fails an allocation and sets the flag. */
    a.cap = 50000;
    flbc_arena_reset(&a);
    CHECK(flbc_alloc(&a, 40000) != NULL);
    CHECK(!a.failed);
    CHECK(flbc_alloc(&a, 20000) == NULL);
    CHECK(a.failed);
    flbc_arena_reset(&a);
    CHECK(!a.failed);
    /* A failing malloc fails the allocation, never crashes. */
    flbc_arena_free(&a);
    test_alloc_countdown = 0;
    CHECK(flbc_alloc(&a, 8) == NULL && a.failed);
    test_alloc_countdown = -1;
    flbc_arena_free(&a);
    CHECK(a.blocks == NULL);
}

static void test_buf(void)
{
    flbc_buf b = { 0 };
    int i;

    for (i = 0; i < 1000; i++) {
        flbc_buf_append(&b, "abc", 3);
    }
    CHECK(b.len == 3000 && memcmp(b.data + 2997, "abc", 3) == 0 && !b.failed);
    test_alloc_countdown = 0;
    flbc_buf_append(&b, "x", 5000);      /* needs to grow: fails */
    test_alloc_countdown = -1;
    CHECK(b.failed && b.len == 3000);
    flbc_buf_append(&b, "abc", 3);       /* stays failed, writes nothing */
    CHECK(b.len == 3000);
    flbc_buf_free(&b);
    CHECK(b.data == NULL && !b.failed);
}

/* -------------------------------------------------------------- numbers */

static void test_num(void)
{
    char buf[32];
    size_t i;
    size_t n;
    double d;
    double got;

    for (i = 0; i < sizeof(num_table) / sizeof(num_table[0]); i++) {
        d = from_bits(num_table[i].bits);
        n = flbc_num_format(d, buf);
        checks++;
        if (n != strlen(num_table[i].js) || strcmp(buf, num_table[i].js) != 0) {
            failures++;
            fprintf(stderr, "num_format(%.17g) = %s, want %s\n", d, buf, num_table[i].js);
        }
    }
    for (i = 0; i < sizeof(to_num_table) / sizeof(to_num_table[0]); i++) {
        d = from_bits(to_num_table[i].bits);
        got = flbc_str_to_num((flbc_str) { to_num_table[i].s, strlen(to_num_table[i].s) });
        checks++;
        if (!(isnan(d) ? isnan(got) : (memcmp(&d, &got, 8) == 0))) {
            failures++;
            fprintf(stderr, "str_to_num(\"%s\") = %.17g, want %.17g\n", to_num_table[i].s,
                    got, d);
        }
    }
    CHECK(flbc_num_is_int64(0));
    CHECK(!flbc_num_is_int64(-0.0));
    CHECK(flbc_num_is_int64(-5));
    CHECK(!flbc_num_is_int64(1.5));
    CHECK(!flbc_num_is_int64(NAN));
    CHECK(!flbc_num_is_int64(INFINITY));
    CHECK(flbc_num_is_int64(9223372036854774784.0));   /* largest double < 2^63 */
    CHECK(!flbc_num_is_int64(9223372036854775808.0));
    CHECK(!flbc_num_is_int64(-9223372036854775808.0));
    CHECK_STR(flbc_num_to_str(&rt, 0.1), "0.1");
    CHECK_STR(flbc_num_to_str(&rt, -1e21), "-1e+21");
    CHECK(isnan(flbc_num_parse_decimal("1.", 2)) == false);
    CHECK(isnan(flbc_num_parse_decimal("1x", 2)));
}

/* -------------------------------------------------------------- strings */

static void test_str(void)
{
    /* "aé中😀" + invalid byte: 1 + 1 + 1 + 2 + 1 units */
    flbc_str mixed = S("a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\xff");
    flbc_str emoji = S("\xf0\x9f\x98\x80x");
    flbc_str s;

    CHECK(flbc_str_length(S("")) == 0);
    CHECK(flbc_str_length(S("hello")) == 5);
    CHECK(flbc_str_length(S("caf\xc3\xa9")) == 4);
    CHECK(flbc_str_length(S("\xe4\xb8\xad\xe6\x96\x87")) == 2);
    CHECK(flbc_str_length(mixed) == 6);
    CHECK(flbc_str_length(S("\xc3")) == 1);              /* truncated sequence */
    CHECK(flbc_str_length(S("\xe0\x80\x80")) == 3);      /* overlong: 3 bad bytes */
    CHECK(flbc_str_length(S("\xed\xa0\x80")) == 1);      /* WTF-8 lone surrogate */

    CHECK_STR(flbc_str_slice(&rt, S("hello"), 1, 3), "el");
    CHECK_STR(flbc_str_slice(&rt, S("hello"), -3, NAN), "llo");
    CHECK_STR(flbc_str_slice(&rt, S("hello"), 2, -1), "ll");
    CHECK_STR(flbc_str_slice(&rt, S("hello"), 4, 2), "");
    CHECK_STR(flbc_str_slice(&rt, S("hello"), -100, 100), "hello");
    CHECK_STR(flbc_str_slice(&rt, S("hello"), INFINITY, NAN), "");
    CHECK_STR(flbc_str_slice(&rt, S("hello"), 1.7, 3.9), "el");
    CHECK_STR(flbc_str_slice(&rt, mixed, 1, 3), "\xc3\xa9\xe4\xb8\xad");
    CHECK_STR(flbc_str_slice(&rt, mixed, 3, 5), "\xf0\x9f\x98\x80");
    CHECK_STR(flbc_str_slice(&rt, mixed, 5, NAN), "\xff");      /* bytes kept */
    /* A cut through the pair leaves WTF-8 lone surrogates. */
    CHECK_STR(flbc_str_slice(&rt, emoji, 1, NAN), "\xed\xb8\x80x");
    CHECK_STR(flbc_str_slice(&rt, emoji, 0, 1), "\xed\xa0\xbd");

    CHECK_STR(flbc_str_slice(&rt, S("hello"), -INFINITY, INFINITY), "hello");
    CHECK_STR(flbc_str_slice(&rt, S("hello"), 1e300, -1e300), "");
    CHECK_STR(flbc_str_slice(&rt, mixed, -3, -1), "\xf0\x9f\x98\x80");
    CHECK_STR(flbc_str_slice(&rt, S("ab\xf0\x9f\x98\x80"), 2, 3), "\xed\xa0\xbd");
    CHECK(flbc_str_index_of(S("hello"), S(""), 1e300) == 5);
    CHECK(flbc_str_index_of(mixed, S(""), INFINITY) == 6);
    CHECK(flbc_str_index_of(S("hello"), S("o"), -INFINITY) == 4);
    CHECK(!flbc_str_starts_with(S("hello"), S("h"), 1e300));
    CHECK(flbc_str_starts_with(S("hello"), S("h"), -1e300));
    CHECK(flbc_str_ends_with(S("hello"), S("lo"), 1e300));
    CHECK(!flbc_str_ends_with(S("hello"), S("h"), -1));
    CHECK(flbc_str_includes(S("hello"), S(""), 1e300));
    CHECK(flbc_str_index_of(S("hello"), S("l"), NAN) == 2);
    CHECK(flbc_str_index_of(S("hello"), S("l"), 3) == 3);
    CHECK(flbc_str_index_of(S("hello"), S("z"), NAN) == -1);
    CHECK(flbc_str_index_of(S("hello"), S(""), 10) == 5);
    CHECK(flbc_str_index_of(S("hello"), S(""), -3) == 0);
    CHECK(flbc_str_index_of(mixed, S("\xe4\xb8\xad"), NAN) == 2);
    CHECK(flbc_str_index_of(mixed, S("\xff"), NAN) == 5);
    CHECK(flbc_str_index_of(mixed, S("\xf0\x9f\x98\x80"), 4) == -1);
    CHECK(flbc_str_includes(S("hello"), S("ell"), NAN));
    CHECK(!flbc_str_includes(S("hello"), S("ell"), 2));
    CHECK(flbc_str_starts_with(S("hello"), S("he"), NAN));
    CHECK(flbc_str_starts_with(S("hello"), S("ll"), 2));
    CHECK(!flbc_str_starts_with(S("hello"), S("hello!"), NAN));
    CHECK(flbc_str_starts_with(mixed, S("\xe4\xb8\xad"), 2));
    CHECK(!flbc_str_starts_with(emoji, S("x"), 1));
    CHECK(flbc_str_starts_with(emoji, S("x"), 2));
    CHECK(flbc_str_ends_with(S("hello"), S("lo"), NAN));
    CHECK(flbc_str_ends_with(S("hello"), S("ell"), 4));
    CHECK(!flbc_str_ends_with(S("hello"), S("hello"), 4));
    CHECK(flbc_str_ends_with(mixed, S("\xf0\x9f\x98\x80"), 5));
    CHECK(flbc_str_ends_with(S("abc"), S(""), -1));

    CHECK(flbc_str_cmp(S("a"), S("b")) < 0);
    CHECK(flbc_str_cmp(S("b"), S("a")) > 0);
    CHECK(flbc_str_cmp(S("ab"), S("a")) > 0);
    CHECK(flbc_str_cmp(S("abc"), S("abc")) == 0);
    CHECK(flbc_str_cmp(S(""), S("a")) < 0);
    CHECK(flbc_str_cmp(S("Z"), S("a")) < 0);
    CHECK(flbc_str_cmp(S("\xc3\xa9"), S("z")) > 0);
    /* U+FF5E against U+1F600: bytes say less, UTF-16 says greater. */
    CHECK(flbc_str_cmp(S("\xef\xbd\x9e"), S("\xf0\x9f\x98\x80")) > 0);
    CHECK(flbc_str_cmp(S("x\xf0\x9f\x98\x80"), S("x\xef\xbd\x9e")) < 0);

    CHECK_STR(flbc_str_trim(&rt, S("  hi \t\n")), "hi");
    CHECK_STR(flbc_str_trim(&rt, S("\xc2\xa0\xef\xbb\xbfhi\xe2\x80\xa8\xe3\x80\x80")), "hi");
    CHECK_STR(flbc_str_trim(&rt, S("   ")), "");
    CHECK_STR(flbc_str_trim(&rt, S("\xe1\xa0\x8ex")), "\xe1\xa0\x8ex");   /* U+180E is not */

    CHECK_STR(flbc_str_to_upper(&rt, S("Hello, World")), "HELLO, WORLD");
    CHECK_STR(flbc_str_to_lower(&rt, S("Hello, World")), "hello, world");
    /* node -e 'console.log("straße ÿ ǅ ſ ı".toUpperCase())' */
    CHECK_STR(flbc_str_to_upper(&rt, S("stra\xc3\x9f" "e \xc3\xbf \xc5\xbf \xc4\xb1")),
              "STRASSE \xc5\xb8 S I");
    CHECK_STR(flbc_str_to_upper(&rt, S("\xce\xb1\xce\xb2\xce\xb3 \xd0\xb6\xd1\x91 \xc3\xa9")),
              "\xce\x91\xce\x92\xce\x93 \xd0\x96\xd0\x81 \xc3\x89");
    /* "ΟΔΟΣ ΣΑ".toLowerCase() === "οδος σα" (final sigma) */
    CHECK_STR(flbc_str_to_lower(&rt, S("\xce\x9f\xce\x94\xce\x9f\xce\xa3 \xce\xa3\xce\x91")),
              "\xce\xbf\xce\xb4\xce\xbf\xcf\x82 \xcf\x83\xce\xb1");
    CHECK_STR(flbc_str_to_lower(&rt, S("\xc4\xb0")), "i\xcc\x87");
    /* Armenian, Latin Extended Additional, fullwidth, circled, Glagolitic,
     * Cyrillic Supplement, capital sharp s (from Node). */
    s = S("\xd4\xb1 \xd5\xa1 \xe1\xb8\x80 \xe1\xb8\x81 \xef\xbc\xa1 \xef\xbd\x81 "
          "\xe2\x92\xb6 \xe2\x93\x90 \xe2\xb0\x80 \xe2\xb0\xb0 \xd4\x80 \xd4\x81 \xe1\xba\x9e");
    CHECK_STR(flbc_str_to_upper(&rt, s),
              "\xd4\xb1 \xd4\xb1 \xe1\xb8\x80 \xe1\xb8\x80 \xef\xbc\xa1 \xef\xbc\xa1 "
              "\xe2\x92\xb6 \xe2\x92\xb6 \xe2\xb0\x80 \xe2\xb0\x80 \xd4\x80 \xd4\x80 \xe1\xba\x9e");
    CHECK_STR(flbc_str_to_lower(&rt, s),
              "\xd5\xa1 \xd5\xa1 \xe1\xb8\x81 \xe1\xb8\x81 \xef\xbd\x81 \xef\xbd\x81 "
              "\xe2\x93\x90 \xe2\x93\x90 \xe2\xb0\xb0 \xe2\xb0\xb0 \xd4\x81 \xd4\x81 \xc3\x9f");
    /* Expansions: "ŉ ΐ ﬃ և ẖ ǰ ß".toUpperCase() */
    s = S("\xc5\x89 \xce\x90 \xef\xac\x83 \xd6\x87 \xe1\xba\x96 \xc7\xb0 \xc3\x9f");
    CHECK_STR(flbc_str_to_upper(&rt, s),
              "\xca\xbc" "N \xce\x99\xcc\x88\xcc\x81 FFI \xd4\xb5\xd5\x92 H\xcc\xb1 J\xcc\x8c SS");
    /* Beyond the BMP, and Greek with ypogegrammeni:
     * "𐐀𐐨 𞤀 ᾳ".toUpperCase() === "𐐀𐐀 𞤀 ΑΙ", toLowerCase() "𐐨𐐨 𞤢 ᾳ" */
    s = S("\xf0\x90\x90\x80\xf0\x90\x90\xa8 \xf0\x9e\xa4\x80 \xe1\xbe\xb3");
    CHECK_STR(flbc_str_to_upper(&rt, s),
              "\xf0\x90\x90\x80\xf0\x90\x90\x80 \xf0\x9e\xa4\x80 \xce\x91\xce\x99");
    CHECK_STR(flbc_str_to_lower(&rt, s),
              "\xf0\x90\x90\xa8\xf0\x90\x90\xa8 \xf0\x9e\xa4\xa2 \xe1\xbe\xb3");
    /* Final sigma through U+180E (a format control): "A\u180eΣ" -> "a\u180eς",
     * "AΣ\u180eB" -> "aσ\u180eb". */
    CHECK_STR(flbc_str_to_lower(&rt, S("A\xe1\xa0\x8e\xce\xa3")), "a\xe1\xa0\x8e\xcf\x82");
    CHECK_STR(flbc_str_to_lower(&rt, S("A\xce\xa3\xe1\xa0\x8e" "B")), "a\xcf\x83\xe1\xa0\x8e" "b");
    CHECK_STR(flbc_str_to_lower(&rt, S("A\xff" "B")), "a\xff" "b");
    s = S("already lower");
    CHECK(flbc_str_to_lower(&rt, s).ptr == s.ptr);       /* no copy */

    CHECK_STR(flbc_str_concat(&rt, S("ab"), S("cd")), "abcd");
    CHECK(flbc_str_concat(&rt, S(""), s).ptr == s.ptr);
    {
        flbc_str parts[3] = { S("a"), S(""), S("bc") };
        CHECK_STR(flbc_str_concat_n(&rt, 3, parts), "abc");
    }
    s = flbc_str_dup_heap(S("heap"));
    CHECK_STR(s, "heap");
    flbc_str_free_heap(s);
    flbc_str_free_heap(flbc_str_dup_heap(S("")));
    flbc_arena_reset(&rt.arena);
}

/* --------------------------------------------------------------- values */

static void test_val(void)
{
    flbc_buf b = { 0 };
    flbc_val arr;
    flbc_val arr2;
    flbc_val v;

    CHECK(flbc_val_num(3).tag == FLBC_INT && flbc_val_num(3).u.i == 3);
    CHECK(flbc_val_num(-0.0).tag == FLBC_FLOAT);
    CHECK(flbc_val_num(0.5).tag == FLBC_FLOAT);
    CHECK(!flbc_val_truthy(FLBC_VAL_UNDEF));
    CHECK(!flbc_val_truthy(FLBC_VAL_NULL));
    CHECK(!flbc_val_truthy(flbc_val_num(0)));
    CHECK(!flbc_val_truthy(flbc_val_num(NAN)));
    CHECK(!flbc_val_truthy(flbc_val_num(-0.0)));
    CHECK(!flbc_val_truthy(flbc_val_str(S(""))));
    CHECK(flbc_val_truthy(flbc_val_str(S("0"))));
    CHECK(flbc_val_truthy(flbc_val_num(-1)));
    CHECK(!flbc_val_truthy(flbc_val_bool(false)));
    CHECK(flbc_val_strict_eq(flbc_val_num(1), flbc_val_num(1.0)));
    CHECK(!flbc_val_strict_eq(flbc_val_num(NAN), flbc_val_num(NAN)));
    CHECK(flbc_val_strict_eq(flbc_val_num(0), flbc_val_num(-0.0)));
    CHECK(!flbc_val_strict_eq(flbc_val_num(1), flbc_val_str(S("1"))));
    CHECK(flbc_val_strict_eq(FLBC_VAL_NULL, FLBC_VAL_NULL));
    CHECK(!flbc_val_strict_eq(FLBC_VAL_NULL, FLBC_VAL_UNDEF));
    CHECK(flbc_val_eq_str(flbc_val_str(S("x")), S("x")));
    CHECK(!flbc_val_eq_str(flbc_val_num(1), S("1")));
    CHECK(flbc_val_eq_num(flbc_val_num(2.5), 2.5));
    CHECK_STR(flbc_val_typeof(FLBC_VAL_NULL), "object");
    CHECK_STR(flbc_val_typeof(FLBC_VAL_UNDEF), "undefined");
    CHECK_STR(flbc_val_typeof(flbc_val_num(1)), "number");
    CHECK_STR(flbc_val_typeof(flbc_val_num(1.5)), "number");
    CHECK_STR(flbc_val_typeof(flbc_val_str(S(""))), "string");
    CHECK_STR(flbc_val_typeof(flbc_val_bool(true)), "boolean");

    /* [1, "a", null, [2, [3.5, true]], {}] */
    flbc_mp_write_array_header(&b, 5);
    flbc_mp_write_int(&b, 1);
    flbc_mp_write_str(&b, S("a"));
    flbc_mp_write_nil(&b);
    flbc_mp_write_array_header(&b, 2);
    flbc_mp_write_int(&b, 2);
    flbc_mp_write_array_header(&b, 2);
    flbc_mp_write_double(&b, 3.5);
    flbc_mp_write_bool(&b, true);
    flbc_mp_write_map_header(&b, 0);
    CHECK(flbc_mp_read(b.data, b.data + b.len, &arr) == b.data + b.len);
    CHECK(arr.tag == FLBC_ARR);
    CHECK_STR(flbc_val_typeof(arr), "object");
    CHECK_STR(flbc_val_to_str(&rt, arr), "1,a,,2,3.5,true,[object Object]");
    CHECK(flbc_val_truthy(arr));
    CHECK(flbc_val_strict_eq(arr, arr));
    arr2 = arr;
    arr2.raw = NULL;
    CHECK(!flbc_val_strict_eq(arr, arr2));
    CHECK_STR(flbc_val_to_str(&rt, FLBC_VAL_UNDEF), "undefined");
    CHECK_STR(flbc_val_to_str(&rt, FLBC_VAL_NULL), "null");
    CHECK_STR(flbc_val_to_str(&rt, flbc_val_num(1e21)), "1e+21");
    CHECK_STR(flbc_val_to_str(&rt, flbc_val_bool(false)), "false");
    v = (flbc_val) { .tag = FLBC_INT, .u.i = 9007199254740993LL };
    CHECK_STR(flbc_val_to_str(&rt, v), "9007199254740992");   /* as a JS number */
    flbc_buf_free(&b);
    flbc_arena_reset(&rt.arena);
}

/* -------------------------------------------------------------- msgpack */

static const uint8_t *hexbytes(const char *hex, size_t *n)
{
    static uint8_t out[1024];
    size_t i = 0;
    unsigned v;

    while (*hex != '\0') {
        if (*hex == ' ') {
            hex++;
            continue;
        }
        sscanf(hex, "%2x", &v);
        out[i++] = (uint8_t) v;
        hex += 2;
    }
    *n = i;
    return out;
}

/* Every prefix of a valid object is rejected by skip and read. */
static void check_truncations(const uint8_t *p, size_t n)
{
    flbc_val v;
    uint8_t *copy;
    size_t cut;

    for (cut = 0; cut < n; cut++) {
        /* A heap copy of exactly `cut` bytes: ASan catches any overread. */
        copy = malloc(cut > 0 ? cut : 1);
        memcpy(copy, p, cut);
        CHECK(flbc_mp_skip(copy, copy + cut) == NULL);
        CHECK(flbc_mp_read(copy, copy + cut, &v) == NULL);
        free(copy);
    }
    CHECK(flbc_mp_skip(p, p + n) == p + n);
}

static void test_mp_formats(void)
{
    static const struct {
        const char *hex;
        uint8_t tag;
        int64_t i;
        double d;
    } cases[] = {
        { "00", FLBC_INT, 0, 0 },
        { "7f", FLBC_INT, 127, 0 },
        { "ff", FLBC_INT, -1, 0 },
        { "e0", FLBC_INT, -32, 0 },
        { "cc ff", FLBC_INT, 255, 0 },
        { "cd 01 00", FLBC_INT, 256, 0 },
        { "ce 00 01 00 00", FLBC_INT, 65536, 0 },
        { "cf 00 00 00 01 00 00 00 00", FLBC_INT, 4294967296LL, 0 },
        { "cf 7f ff ff ff ff ff ff ff", FLBC_INT, INT64_MAX, 0 },
        { "cf 80 00 00 00 00 00 00 00", FLBC_OPAQUE, 0, 0 },
        { "d0 80", FLBC_INT, -128, 0 },
        { "d1 80 00", FLBC_INT, -32768, 0 },
        { "d2 80 00 00 00", FLBC_INT, INT32_MIN, 0 },
        { "d3 80 00 00 00 00 00 00 00", FLBC_INT, INT64_MIN, 0 },
        { "ca 3f c0 00 00", FLBC_FLOAT, 0, 1.5 },
        { "cb 3f f8 00 00 00 00 00 00", FLBC_FLOAT, 0, 1.5 },
        { "c0", FLBC_NULL, 0, 0 },
        { "c2", FLBC_BOOL, 0, 0 },
        { "c3", FLBC_BOOL, 1, 0 },
        { "a3 61 62 63", FLBC_STR, 3, 0 },
        { "d9 03 61 62 63", FLBC_STR, 3, 0 },
        { "da 00 03 61 62 63", FLBC_STR, 3, 0 },
        { "db 00 00 00 03 61 62 63", FLBC_STR, 3, 0 },
        { "c4 02 01 02", FLBC_OPAQUE, 0, 0 },
        { "c5 00 02 01 02", FLBC_OPAQUE, 0, 0 },
        { "c6 00 00 00 02 01 02", FLBC_OPAQUE, 0, 0 },
        { "d4 05 01", FLBC_OPAQUE, 0, 0 },
        { "d5 05 01 02", FLBC_OPAQUE, 0, 0 },
        { "d6 05 01 02 03 04", FLBC_OPAQUE, 0, 0 },
        { "d7 00 00 00 00 01 00 00 00 02", FLBC_OPAQUE, 0, 0 },
        { "d8 05 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f", FLBC_OPAQUE, 0, 0 },
        { "c7 02 05 01 02", FLBC_OPAQUE, 0, 0 },
        { "c8 00 02 05 01 02", FLBC_OPAQUE, 0, 0 },
        { "c9 00 00 00 02 05 01 02", FLBC_OPAQUE, 0, 0 },
        { "92 01 a1 78", FLBC_ARR, 2, 0 },
        { "dc 00 02 01 02", FLBC_ARR, 2, 0 },
        { "dd 00 00 00 02 01 02", FLBC_ARR, 2, 0 },
        { "81 a1 61 01", FLBC_MAP, 1, 0 },
        { "de 00 01 a1 61 90", FLBC_MAP, 1, 0 },
        { "df 00 00 00 01 a1 61 80", FLBC_MAP, 1, 0 },
        { "90", FLBC_ARR, 0, 0 },
        { "80", FLBC_MAP, 0, 0 },
    };
    const uint8_t *p;
    uint8_t copy[64];
    flbc_val v;
    flbc_buf b = { 0 };
    size_t n;
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        p = hexbytes(cases[i].hex, &n);
        memcpy(copy, p, n);
        CHECK(flbc_mp_read(copy, copy + n, &v) == copy + n);
        CHECK(v.tag == cases[i].tag);
        CHECK(v.raw == copy && v.raw_len == n);
        if (v.tag == FLBC_INT) {
            CHECK(v.u.i == cases[i].i);
        }
        if (v.tag == FLBC_FLOAT) {
            CHECK(v.u.d == cases[i].d);
        }
        if (v.tag == FLBC_BOOL) {
            CHECK(v.u.b == (cases[i].i != 0));
        }
        if (v.tag == FLBC_STR) {
            CHECK_STR(v.u.s, "abc");
        }
        check_truncations(copy, n);
        /* raw round trip */
        b.len = 0;
        flbc_mp_write_val(&b, v);
        CHECK(b.len == n && memcmp(b.data, copy, n) == 0);
    }
    /* 0xc1 is never valid. */
    p = hexbytes("c1", &n);
    CHECK(flbc_mp_read(p, p + n, &v) == NULL);
    /* Counts larger than the bytes left are malformed at once. */
    p = hexbytes("dd ff ff ff ff 00", &n);
    CHECK(flbc_mp_skip(p, p + n) == NULL);
    flbc_buf_free(&b);
}

static void check_written(void (*write)(flbc_buf *), const char *hex)
{
    flbc_buf b = { 0 };
    const uint8_t *want;
    size_t n;

    write(&b);
    want = hexbytes(hex, &n);
    checks++;
    if (b.len != n || memcmp(b.data, want, n) != 0) {
        failures++;
        fprintf(stderr, "writer: want %s, got %zu bytes\n", hex, b.len);
    }
    flbc_buf_free(&b);
}

static void w_int_small(flbc_buf *b) { flbc_mp_write_int(b, 127); flbc_mp_write_int(b, -32); }
static void w_int_8(flbc_buf *b) { flbc_mp_write_int(b, 128); flbc_mp_write_int(b, -33); }
static void w_int_16(flbc_buf *b) { flbc_mp_write_int(b, 65535); flbc_mp_write_int(b, -129); }
static void w_int_32(flbc_buf *b) { flbc_mp_write_int(b, 65536); flbc_mp_write_int(b, -32769); }
static void w_int_64(flbc_buf *b)
{
    flbc_mp_write_int(b, 4294967296LL);
    flbc_mp_write_int(b, -2147483649LL);
}
static void w_num(flbc_buf *b) { flbc_mp_write_num(b, 3); flbc_mp_write_num(b, 0.5); }
static void w_neg0(flbc_buf *b) { flbc_mp_write_num(b, -0.0); }
static void w_str(flbc_buf *b)
{
    char s[300];

    memset(s, 'x', sizeof(s));
    flbc_mp_write_str(b, (flbc_str) { s, 31 });
    b->len = 1;                                    /* keep the header only */
    flbc_mp_write_str(b, (flbc_str) { s, 32 });
    b->len = 3;
    flbc_mp_write_str(b, (flbc_str) { s, 256 });
    b->len = 6;
}
static void w_hdr(flbc_buf *b)
{
    flbc_mp_write_array_header(b, 15);
    flbc_mp_write_array_header(b, 16);
    flbc_mp_write_array_header(b, 65536);
    flbc_mp_write_map_header(b, 15);
    flbc_mp_write_map_header(b, 16);
    flbc_mp_write_map_header(b, 65536);
}
static void w_time(flbc_buf *b)
{
    flbc_mp_write_event_time(b, 1700000000.5);
    flbc_mp_write_event_time(b, 1.9999999999);    /* rounds up into the next second */
}
static void w_misc(flbc_buf *b)
{
    flbc_mp_write_nil(b);
    flbc_mp_write_bool(b, true);
    flbc_mp_write_val(b, FLBC_VAL_UNDEF);
    flbc_mp_write_val(b, flbc_val_str(S("k")));
    flbc_mp_write_val(b, flbc_val_num(1.5));
}

static void test_mp_writer(void)
{
    check_written(w_int_small, "7f e0");
    check_written(w_int_8, "cc 80 d0 df");
    check_written(w_int_16, "cd ff ff d1 ff 7f");
    check_written(w_int_32, "ce 00 01 00 00 d2 ff ff 7f ff");
    check_written(w_int_64, "cf 00 00 00 01 00 00 00 00 d3 ff ff ff ff 7f ff ff ff");
    check_written(w_num, "03 cb 3f e0 00 00 00 00 00 00");
    check_written(w_neg0, "cb 80 00 00 00 00 00 00 00");
    check_written(w_str, "bf d9 20 da 01 00");
    check_written(w_hdr, "9f dc 00 10 dd 00 01 00 00 8f de 00 10 df 00 01 00 00");
    check_written(w_time, "d7 00 65 53 f1 00 1d cd 65 00 d7 00 00 00 00 02 00 00 00 00");
    check_written(w_misc, "c0 c3 c0 a1 6b cb 3f f8 00 00 00 00 00 00");
}

static void test_mp_depth(void)
{
    uint8_t deep[FLBC_MAX_DEPTH + 2];
    flbc_val v;
    flbc_buf out = { 0 };

    memset(deep, 0x91, sizeof(deep));
    deep[FLBC_MAX_DEPTH] = 0x01;                   /* 64 arrays around 1 */
    CHECK(flbc_mp_skip(deep, deep + FLBC_MAX_DEPTH + 1) == deep + FLBC_MAX_DEPTH + 1);
    CHECK(flbc_mp_to_json(deep, deep + FLBC_MAX_DEPTH + 1, &out, 0));
    flbc_buf_free(&out);
    memset(deep, 0x91, sizeof(deep));
    deep[FLBC_MAX_DEPTH + 1] = 0x01;               /* 65 arrays */
    CHECK(flbc_mp_skip(deep, deep + sizeof(deep)) == NULL);
    CHECK(flbc_mp_read(deep, deep + sizeof(deep), &v) == NULL);
    CHECK(!flbc_mp_to_json(deep, deep + sizeof(deep), &out, 0));
    flbc_buf_free(&out);

    /* A key within a key is printed by another path (String(key)): it too
     * takes the 64 levels skip takes, a scalar on the last one included. */
    {
        uint8_t keyed[FLBC_MAX_DEPTH + 4];
        size_t n = FLBC_MAX_DEPTH + 3;

        memset(keyed, 0x01, sizeof(keyed));
        keyed[0] = 0x81;                           /* { { [[...[1]...]]: 1 }: 1 } */
        keyed[1] = 0x81;
        memset(keyed + 2, 0x91, FLBC_MAX_DEPTH - 2);    /* arrays on levels 2..63 */
        CHECK(flbc_mp_skip(keyed, keyed + n) == keyed + n);
        CHECK(flbc_mp_to_json(keyed, keyed + n, &out, 0));
        flbc_buf_free(&out);
        keyed[FLBC_MAX_DEPTH] = 0x91;              /* an array on level 64: too deep */
        CHECK(flbc_mp_skip(keyed, keyed + n + 1) == NULL);
        CHECK(!flbc_mp_to_json(keyed, keyed + n + 1, &out, 0));
        flbc_buf_free(&out);
    }
}

/* -------------------------------------------------------------- records */

/* {"a": 1, "b": "x", 7: true, "c": [1]} */
static void build_body(flbc_buf *b)
{
    flbc_mp_write_map_header(b, 4);
    flbc_mp_write_str(b, S("a"));
    flbc_mp_write_int(b, 1);
    flbc_mp_write_str(b, S("b"));
    flbc_mp_write_str(b, S("x"));
    flbc_mp_write_int(b, 7);
    flbc_mp_write_bool(b, true);
    flbc_mp_write_str(b, S("c"));
    flbc_mp_write_array_header(b, 1);
    flbc_mp_write_int(b, 1);
}

static void check_encoded(flbc_rec *r, const char *json)
{
    flbc_buf enc = { 0 };
    flbc_buf text = { 0 };

    flbc_rec_encode(r, &enc);
    CHECK(!enc.failed);
    CHECK(flbc_mp_skip(enc.data, enc.data + enc.len) == enc.data + enc.len);
    flbc_mp_to_json(enc.data, enc.data + enc.len, &text, 0);
    flbc_buf_append(&text, "", 1);
    checks++;
    if (strcmp((char *) text.data, json) != 0) {
        failures++;
        fprintf(stderr, "encoded %s, want %s\n", (char *) text.data, json);
    }
    flbc_buf_free(&enc);
    flbc_buf_free(&text);
}

static void test_rec(void)
{
    flbc_buf b = { 0 };
    flbc_rec r;
    flbc_val v;
    int i;
    char keys[40][4];

    build_body(&b);
    CHECK(flbc_rec_init(&r, &rt, b.data, b.data + b.len));
    CHECK(r.count == 4 && !flbc_rec_changed(&r));
    v = flbc_rec_get(&r, S("a"));
    CHECK(v.tag == FLBC_INT && v.u.i == 1);
    CHECK(flbc_rec_get(&r, S("b")).tag == FLBC_STR);
    CHECK(flbc_rec_get(&r, S("c")).tag == FLBC_ARR);
    CHECK(flbc_rec_get(&r, S("zz")).tag == FLBC_UNDEF);
    CHECK(flbc_rec_get(&r, S("7")).tag == FLBC_UNDEF);      /* int key: not a name */
    CHECK(flbc_rec_has(&r, S("a")) && !flbc_rec_has(&r, S("q")));
    check_encoded(&r, "{\"a\":1,\"b\":\"x\",\"7\":true,\"c\":[1]}");

    /* Deleting an absent key changes nothing. */
    flbc_rec_delete(&r, S("nope"));
    CHECK(!flbc_rec_changed(&r));

    /* Replace in place, append a new key, delete one. */
    flbc_rec_set(&r, S("b"), flbc_val_num(2.5));
    flbc_rec_set(&r, S("d"), flbc_val_str(S("new")));
    flbc_rec_delete(&r, S("a"));
    CHECK(flbc_rec_changed(&r));
    CHECK(flbc_rec_get(&r, S("a")).tag == FLBC_UNDEF && !flbc_rec_has(&r, S("a")));
    CHECK(flbc_rec_get(&r, S("b")).tag == FLBC_FLOAT);
    CHECK(flbc_rec_get(&r, S("d")).tag == FLBC_STR);
    check_encoded(&r, "{\"b\":2.5,\"7\":true,\"c\":[1],\"d\":\"new\"}");

    /* Set again: same position; delete then set: moves to the end. */
    flbc_rec_set(&r, S("b"), flbc_val_num(3));
    flbc_rec_delete(&r, S("c"));
    flbc_rec_set(&r, S("c"), FLBC_VAL_NULL);
    flbc_rec_set(&r, S("a"), flbc_val_bool(false));
    check_encoded(&r, "{\"b\":3,\"7\":true,\"d\":\"new\",\"c\":null,\"a\":false}");
    flbc_rec_delete(&r, S("d"));
    flbc_rec_set(&r, S("d"), flbc_val_num(4));
    check_encoded(&r, "{\"b\":3,\"7\":true,\"c\":null,\"a\":false,\"d\":4}");
    CHECK(flbc_rec_get(&r, S("d")).u.i == 4);
    flbc_arena_reset(&rt.arena);

    /* Many edits (more than the encoder's stack bitmap). */
    CHECK(flbc_rec_init(&r, &rt, b.data, b.data + b.len));
    for (i = 0; i < 40; i++) {
        snprintf(keys[i], sizeof(keys[i]), "k%d", i);
        flbc_rec_set(&r, (flbc_str) { keys[i], strlen(keys[i]) }, flbc_val_num(i));
    }
    flbc_rec_set(&r, S("a"), flbc_val_num(-1));
    {
        flbc_buf enc = { 0 };
        flbc_val got;
        uint32_t n;

        flbc_rec_encode(&r, &enc);
        CHECK(flbc_mp_read_map(enc.data, enc.data + enc.len, &n) != NULL && n == 44);
        CHECK(enc.data[0] == 0xde);
        CHECK(flbc_mp_read(enc.data + 3, enc.data + enc.len, &got) != NULL);
        CHECK_STR(got.u.s, "a");
        flbc_buf_free(&enc);
    }
    flbc_arena_reset(&rt.arena);

    /* Duplicate keys: reads see the first, an edit replaces the first and
     * drops the later copies (a JavaScript object has one). */
    b.len = 0;
    flbc_mp_write_map_header(&b, 3);
    flbc_mp_write_str(&b, S("k"));
    flbc_mp_write_int(&b, 1);
    flbc_mp_write_str(&b, S("j"));
    flbc_mp_write_int(&b, 2);
    flbc_mp_write_str(&b, S("k"));
    flbc_mp_write_int(&b, 3);
    CHECK(flbc_rec_init(&r, &rt, b.data, b.data + b.len));
    CHECK(flbc_rec_get(&r, S("k")).u.i == 1);
    flbc_rec_set(&r, S("k"), flbc_val_num(9));
    check_encoded(&r, "{\"k\":9,\"j\":2}");
    flbc_arena_reset(&rt.arena);

    /* Not a map. */
    CHECK(!flbc_rec_init(&r, &rt, (const uint8_t *) "\x90", (const uint8_t *) "\x90" + 1));
    flbc_buf_free(&b);
}

/* Random set/delete sequences against a model of a JavaScript object: an
 * ordered list of keys where a set of a missing key appends it. */
static void test_rec_model(void)
{
    static const char *names[] = { "a", "b", "c", "d", "e", "f" };
    char keys[8][2];
    int64_t vals[8];
    int nkeys;
    flbc_buf b = { 0 };
    flbc_buf want = { 0 };
    flbc_buf got = { 0 };
    flbc_buf enc = { 0 };
    flbc_rec r;
    uint64_t x = 42;
    int iter;
    int op;
    int k;
    int i;
    int j;

    for (iter = 0; iter < 2000; iter++) {
        /* A random original map over some of the names. */
        b.len = 0;
        nkeys = 0;
        for (i = 0; i < 6; i++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            if ((x >> 60) & 1) {
                keys[nkeys][0] = names[i][0];
                keys[nkeys][1] = '\0';
                vals[nkeys] = i;
                nkeys++;
            }
        }
        flbc_mp_write_map_header(&b, (uint32_t) nkeys);
        for (i = 0; i < nkeys; i++) {
            flbc_mp_write_str(&b, (flbc_str) { keys[i], 1 });
            flbc_mp_write_int(&b, vals[i]);
        }
        CHECK(flbc_rec_init(&r, &rt, b.data, b.data + b.len));
        for (op = 0; op < 8; op++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            k = (int) ((x >> 33) % 6);
            for (j = 0; j < nkeys && keys[j][0] != names[k][0]; j++) {
            }
            if ((x >> 62) == 0) {
                flbc_rec_delete(&r, S2(names[k]));
                if (j < nkeys) {
                    memmove(keys + j, keys + j + 1, (size_t) (nkeys - j - 1) * 2);
                    memmove(vals + j, vals + j + 1, (size_t) (nkeys - j - 1) * sizeof(int64_t));
                    nkeys--;
                }
            }
            else {
                flbc_rec_set(&r, S2(names[k]), flbc_val_num(100 + op));
                if (j == nkeys) {
                    keys[nkeys][0] = names[k][0];
                    keys[nkeys][1] = '\0';
                    nkeys++;
                }
                vals[j] = 100 + op;
            }
            CHECK(flbc_rec_has(&r, S2(names[k])) == (j < nkeys && keys[j][0] == names[k][0]));
        }
        want.len = 0;
        flbc_mp_write_map_header(&want, (uint32_t) nkeys);
        for (i = 0; i < nkeys; i++) {
            flbc_mp_write_str(&want, (flbc_str) { keys[i], 1 });
            flbc_mp_write_int(&want, vals[i]);
        }
        enc.len = 0;
        flbc_rec_encode(&r, &enc);
        got.len = 0;
        flbc_mp_to_json(enc.data, enc.data + enc.len, &got, 0);
        flbc_buf_append(&got, "", 1);
        b.len = 0;
        flbc_mp_to_json(want.data, want.data + want.len, &b, 0);
        flbc_buf_append(&b, "", 1);
        checks++;
        if (enc.len != want.len || memcmp(enc.data, want.data, want.len) != 0) {
            failures++;
            fprintf(stderr, "record model: got %s, want %s\n", (char *) got.data,
                    (char *) b.data);
        }
        flbc_arena_reset(&rt.arena);
    }
    flbc_buf_free(&b);
    flbc_buf_free(&want);
    flbc_buf_free(&got);
    flbc_buf_free(&enc);
}

/* Steps the generator x and writes one of names[0..5] as a map key: mostly
 * a str, sometimes as str8 (a short key encoded long), sometimes an integer
 * key instead. Returns the new x. */
static uint64_t random_key(flbc_buf *b, uint64_t x, const char *const *names, uint32_t i)
{
    flbc_str key;

    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    key = S2(names[(x >> 33) % 6]);
    if ((x >> 40) % 17 == 0) {
        flbc_mp_write_int(b, (int64_t) i);          /* a non-string key */
    }
    else if ((x >> 40) % 13 == 0) {
        flbc_buf_append(b, "\xd9", 1);             /* str8 for a short key */
        flbc_buf_append(b, (uint8_t[]) { (uint8_t) key.len }, 1);
        flbc_buf_append(b, key.ptr, key.len);
    }
    else {
        flbc_mp_write_str(b, key);
    }
    return x;
}

/* The indexed record (keys found through the index, edits tied to their
 * pair, the one-pass encoder) against the same record read without an
 * index, which scans and encodes by comparing keys: random maps with
 * duplicate keys, short keys written as str8, integer keys and more pairs
 * than FLBC_REC_INDEX, random sets and deletes, byte-identical output and
 * the same reads. */
static void test_rec_index(void)
{
    static const char *names[] = { "a", "b", "msg", "password", "c", "" };
    flbc_buf b = { 0 };
    flbc_buf e1 = { 0 };
    flbc_buf e2 = { 0 };
    flbc_rec r1;
    flbc_rec r2;
    flbc_val v1;
    flbc_val v2;
    flbc_str key;
    uint64_t x = 7;
    uint32_t n;
    uint32_t i;
    int iter;
    int op;

    for (iter = 0; iter < 3000; iter++) {
        b.len = 0;
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        n = (uint32_t) ((x >> 33) % (iter % 3 == 0 ? 3 * FLBC_REC_INDEX : 9));
        flbc_mp_write_map_header(&b, n);
        for (i = 0; i < n; i++) {
            x = random_key(&b, x, names, i);
            flbc_mp_write_int(&b, (int64_t) i);
        }
        CHECK(flbc_rec_init(&r1, &rt, b.data, b.data + b.len));
        CHECK(flbc_rec_init(&r2, &rt, b.data, b.data + b.len));
        r2.n_indexed = 0;                                   /* scan and compare */
        for (op = 0; op < 6; op++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            key = S2(names[(x >> 33) % 6]);
            switch ((x >> 60) % 4) {
            case 0:
                flbc_rec_delete(&r1, key);
                flbc_rec_delete(&r2, key);
                break;
            case 1:
                v1 = flbc_rec_get(&r1, key);
                v2 = flbc_rec_get(&r2, key);
                CHECK(v1.tag == v2.tag && v1.raw == v2.raw && v1.u.i == v2.u.i);
                break;
            default:
                flbc_rec_set(&r1, key, flbc_val_num(1000 + op));
                flbc_rec_set(&r2, key, flbc_val_num(1000 + op));
                break;
            }
            CHECK(flbc_rec_has(&r1, key) == flbc_rec_has(&r2, key));
        }
        e1.len = 0;
        e2.len = 0;
        flbc_rec_encode(&r1, &e1);
        flbc_rec_encode(&r2, &e2);
        CHECK(!e1.failed && e1.len == e2.len && memcmp(e1.data, e2.data, e1.len) == 0);
        flbc_arena_reset(&rt.arena);
    }
    flbc_buf_free(&b);
    flbc_buf_free(&e1);
    flbc_buf_free(&e2);
}

/*
 * The plugin's keys (flbc_rt_set_keys: found by the walk, searched in the
 * edits by slot, written by the keyed encoder) against the same records
 * edited by string on an indexed runtime: random maps with duplicate keys,
 * short keys as str8, integer keys, more pairs than FLBC_REC_INDEX, keys
 * in the last bytes of the map (the walk's checked path) and keys longer
 * than 8 bytes; random keyed and computed gets, sets and deletes with
 * numbers, strings, values read from the map and arrays the plugin built;
 * the same reads and byte-identical output behind an event's header
 * (flbc_rec_encode_after).
 */
static void test_rec_keys(void)
{
    static const char *names[] = { "a", "msg", "password", "a_longer_key_name", "", "zz" };
    /* "zz" is not among the plugin's keys: only ever named by string. */
    static const flbc_str table[] = {
        FLBC_STR("msg"), FLBC_STR("a"), FLBC_STR("password"), FLBC_STR("a_longer_key_name"),
        FLBC_STR("")
    };
    static const uint8_t header[] = { 0x92, 0x92, 0xd7, 0x00, 0, 0, 0, 1, 0, 0, 0, 0, 0x80 };
    static const char pad[] = "0123456789012345678901234567890123456789";
    flbc_rt krt;
    flbc_buf b = { 0 };
    flbc_buf e1 = { 0 };
    flbc_buf e2 = { 0 };
    flbc_rec r1;
    flbc_rec r2;
    flbc_val v1;
    flbc_val v2;
    flbc_val v;
    flbc_arr *arr;
    flbc_str key;
    uint64_t x = 11;
    uint32_t n;
    uint32_t i;
    int slot;
    int iter;
    int op;

    flbc_rt_init(&krt, test_log, NULL);
    flbc_rt_set_keys(&krt, table, 5, FLBC_KEYS_LITERAL);
    CHECK(!krt.index_records && rt.index_records);
    for (iter = 0; iter < 4000; iter++) {
        b.len = 0;
        flbc_buf_append(&b, header, sizeof(header));
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        n = (uint32_t) ((x >> 33) % (iter % 4 == 0 ? 3 * FLBC_REC_INDEX : 9));
        flbc_mp_write_map_header(&b, n);
        for (i = 0; i < n; i++) {
            x = random_key(&b, x, names, i);
            if ((x >> 50) % 3 == 0) {
                flbc_mp_write_str(&b, (flbc_str) { pad, (size_t) ((x >> 52) % 40) });
            }
            else {
                flbc_mp_write_int(&b, (int64_t) i);
            }
        }
        CHECK(flbc_rec_init(&r1, &krt, b.data + sizeof(header), b.data + b.len));
        CHECK(flbc_rec_init(&r2, &rt, b.data + sizeof(header), b.data + b.len));
        CHECK(r1.n_indexed == 0);
        for (op = 0; op < 6; op++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            key = S2(names[(x >> 33) % 6]);
            for (slot = 4; slot >= 0 && !flbc_str_eq(table[slot], key); slot--) {
            }
            if ((x >> 35) % 4 == 0) {
                slot = -1;                                  /* a computed key */
            }
            switch ((x >> 60) % 4) {
            case 0:
                if (slot >= 0) {
                    flbc_rec_delete_key(&r1, (uint32_t) slot);
                }
                else {
                    flbc_rec_delete(&r1, key);
                }
                flbc_rec_delete(&r2, key);
                break;
            case 1:
                v1 = slot >= 0 ? flbc_rec_get_key(&r1, (uint32_t) slot) : flbc_rec_get(&r1, key);
                v2 = flbc_rec_get(&r2, key);
                CHECK(v1.tag == v2.tag && v1.raw == v2.raw && v1.u.i == v2.u.i);
                break;
            default:
                switch ((x >> 40) % 4) {
                case 0:
                    v = flbc_val_str(S("a string value"));
                    break;
                case 1:
                    v = flbc_rec_get(&r2, S2(names[(x >> 44) % 6]));
                    break;
                case 2:
                    arr = flbc_arr_new(&krt, 1);
                    flbc_arr_push(&krt, arr, flbc_val_num(op));
                    v = flbc_val_arr(arr);
                    break;
                default:
                    v = flbc_val_num(1000 + op);
                    break;
                }
                if (slot >= 0) {
                    flbc_rec_set_key(&r1, (uint32_t) slot, v);
                }
                else {
                    flbc_rec_set(&r1, key, v);
                }
                flbc_rec_set(&r2, key, v);
                break;
            }
            CHECK((slot >= 0 ? flbc_rec_has_key(&r1, (uint32_t) slot) : flbc_rec_has(&r1, key)) ==
                  flbc_rec_has(&r2, key));
        }
        e1.len = 0;
        e2.len = 0;
        flbc_rec_encode_after(&r1, b.data, &e1);
        flbc_buf_append(&e2, b.data, sizeof(header));
        flbc_rec_encode(&r2, &e2);
        checks++;
        if (e1.failed || e1.len != e2.len || memcmp(e1.data, e2.data, e1.len) != 0) {
            failures++;
            fprintf(stderr, "record keys: iteration %d encodes differently\n", iter);
        }
        flbc_arena_reset(&krt.arena);
        flbc_arena_reset(&rt.arena);
    }
    flbc_rt_free(&krt);
    flbc_buf_free(&b);
    flbc_buf_free(&e1);
    flbc_buf_free(&e2);
}

/* --------------------------------------------------------------- chunks */

enum {
    MODE_KEEP,
    MODE_DROP_B,          /* drop the record whose "id" is "b" */
    MODE_SET_B,           /* set "x" on record "b" */
    MODE_DROP_ALL,
    MODE_TIME_B,          /* move record "b" to t = 5.25 */
    MODE_FAIL_B,          /* FLBC_FAIL on "b", set "x" on "c" */
    MODE_HOG_B,           /* exhaust the arena on "b", set "x" on "c" */
    MODE_SET_ALL,
    MODE_BIG_TEMPS        /* 40 KB of arena temporaries per record */
};

typedef struct test_ctx {
    int mode;
    int calls;
    double times[8];
    bool legacy[8];
} test_ctx;

static int test_record(flbc_rt *r, flbc_event *ev, void *data)
{
    test_ctx *ctx = data;
    flbc_val id = flbc_rec_get(&ev->body, S("id"));
    bool is_b = flbc_val_eq_str(id, S("b"));
    bool is_c = flbc_val_eq_str(id, S("c"));

    if (ctx->calls < 8) {
        ctx->times[ctx->calls] = ev->time;
        ctx->legacy[ctx->calls] = ev->legacy;
    }
    ctx->calls++;
    switch (ctx->mode) {
    case MODE_DROP_B:
        return is_b ? FLBC_DROP : FLBC_KEEP;
    case MODE_SET_B:
        if (is_b) {
            flbc_rec_set(&ev->body, S("x"), flbc_val_num(1));
        }
        return FLBC_KEEP;
    case MODE_DROP_ALL:
        return FLBC_DROP;
    case MODE_TIME_B:
        if (is_b) {
            ev->time = 5.25;
            ev->time_set = true;
        }
        return FLBC_KEEP;
    case MODE_FAIL_B:
    case MODE_HOG_B:
        if (is_b && ctx->mode == MODE_FAIL_B) {
            flbc_rec_set(&ev->body, S("x"), flbc_val_num(1));
            return FLBC_FAIL;
        }
        if (is_b) {
            flbc_rec_set(&ev->body, S("x"), flbc_val_num(1));
            while (flbc_alloc(&r->arena, 1000) != NULL) {
            }
            return FLBC_KEEP;
        }
        if (is_c) {
            flbc_rec_set(&ev->body, S("x"), flbc_val_num(1));
        }
        return FLBC_KEEP;
    case MODE_SET_ALL:
        flbc_rec_set(&ev->body, S("x"), flbc_val_num(1));
        return FLBC_KEEP;
    case MODE_BIG_TEMPS:
        {
            int i;

            for (i = 0; i < 40; i++) {
                memset(flbc_alloc(&r->arena, 1000), 0, 1000);
            }
        }
        return FLBC_KEEP;
    default:
        return FLBC_KEEP;
    }
}

/* [[t, {}], {"id": id}] with t an EventTime */
static void add_event(flbc_buf *b, const char *id, uint32_t sec)
{
    flbc_mp_write_array_header(b, 2);
    flbc_mp_write_array_header(b, 2);
    flbc_mp_write_event_time(b, sec);
    flbc_mp_write_map_header(b, 1);
    flbc_mp_write_str(b, S("m"));
    flbc_mp_write_int(b, 1);
    flbc_mp_write_map_header(b, 1);
    flbc_mp_write_str(b, S("id"));
    flbc_mp_write_str(b, (flbc_str) { id, strlen(id) });
}

/* Group marker: EventTime seconds 0xffffffff (start) or 0xfffffffe (end). */
static void add_group(flbc_buf *b, bool start)
{
    static const uint8_t t_start[] = { 0xd7, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0 };
    static const uint8_t t_end[] = { 0xd7, 0, 0xff, 0xff, 0xff, 0xfe, 0, 0, 0, 0 };

    flbc_mp_write_array_header(b, 2);
    flbc_mp_write_array_header(b, 2);
    flbc_buf_append(b, start ? t_start : t_end, 10);
    flbc_mp_write_map_header(b, 1);
    flbc_mp_write_str(b, S("schema"));
    flbc_mp_write_str(b, S("otlp"));
    flbc_mp_write_map_header(b, 1);
    flbc_mp_write_str(b, S("resource"));
    flbc_mp_write_map_header(b, 0);
}

/* Runs the filter; returns the result and the output as JSON lines. */
static int run_chunk(const flbc_buf *in, int mode, test_ctx *ctx, char *json, size_t json_size)
{
    void *out = (void *) 0x1;
    size_t out_bytes = 12345;
    flbc_buf text = { 0 };
    const uint8_t *p;
    const uint8_t *end;
    int ret;

    memset(ctx, 0, sizeof(*ctx));
    ctx->mode = mode;
    ret = flbc_filter_chunk(&rt, in->data, in->len, "app.log", 7, &out, &out_bytes,
                            test_record, ctx);
    CHECK(rt.tag.len == 0);
    if (ret == FLBC_NOTOUCH) {
        CHECK(out == (void *) 0x1 && out_bytes == 12345);
        p = in->data;
        end = in->data + in->len;
    }
    else {
        p = out;
        end = p + out_bytes;
    }
    while (p != NULL && p < end) {
        const uint8_t *next = flbc_mp_skip(p, end);

        if (next == NULL) {
            flbc_buf_append(&text, "<malformed>", 11);
            break;
        }
        flbc_mp_to_json(p, next, &text, 0);
        flbc_buf_append(&text, "\n", 1);
        p = next;
    }
    flbc_buf_append(&text, "", 1);
    snprintf(json, json_size, "%s", (char *) text.data);
    flbc_buf_free(&text);
    if (ret == FLBC_MODIFIED) {
        free(out);
    }
    CHECK(rt.arena.used == 0 && !rt.arena.failed);
    return ret;
}

#define EV(id, t) "[[{\"$ext\":[0,\"" t "00000000\"]},{\"m\":1}],{\"id\":\"" id "\"}]\n"
#define T1 "00000001"
#define T2 "00000002"
#define T3 "00000003"

static void check_json(const char *got, const char *want)
{
    checks++;
    if (strcmp(got, want) != 0) {
        failures++;
        fprintf(stderr, "chunk output:\n%s\nwant:\n%s\n", got, want);
    }
}

static void test_chunk(void)
{
    flbc_buf in = { 0 };
    flbc_buf legacy = { 0 };
    char json[4096];
    test_ctx ctx;
    int ret;
    void *out = NULL;
    size_t out_bytes = 0;
    size_t cut;

    add_event(&in, "a", 1);
    add_event(&in, "b", 2);
    add_event(&in, "c", 3);

    memset(&rt.stats, 0, sizeof(rt.stats));
    ret = run_chunk(&in, MODE_KEEP, &ctx, json, sizeof(json));
    CHECK(ret == FLBC_NOTOUCH && ctx.calls == 3);
    CHECK(rt.stats.records == 3 && rt.stats.chunks_untouched == 1 && rt.stats.modified == 0);
    CHECK(ctx.times[0] == 1 && ctx.times[2] == 3 && !ctx.legacy[0]);

    ret = run_chunk(&in, MODE_DROP_B, &ctx, json, sizeof(json));
    CHECK(ret == FLBC_MODIFIED && ctx.calls == 3);
    check_json(json, EV("a", T1) EV("c", T3));

    ret = run_chunk(&in, MODE_SET_B, &ctx, json, sizeof(json));
    CHECK(ret == FLBC_MODIFIED);
    check_json(json, EV("a", T1)
               "[[{\"$ext\":[0,\"0000000200000000\"]},{\"m\":1}],{\"id\":\"b\",\"x\":1}]\n"
               EV("c", T3));

    ret = run_chunk(&in, MODE_TIME_B, &ctx, json, sizeof(json));
    CHECK(ret == FLBC_MODIFIED);
    check_json(json, EV("a", T1)
               "[[{\"$ext\":[0,\"000000050ee6b280\"]},{\"m\":1}],{\"id\":\"b\"}]\n"
               EV("c", T3));

    /* Fluent Bit's own encoder: empty metadata and the body as map32. */
    {
        flbc_buf fb = { 0 };
        static const uint8_t ev_b[] = {
            0x92, 0x92, 0xd7, 0x00, 0, 0, 0, 2, 0, 0, 0, 0, 0xdf, 0, 0, 0, 0,
            0xdf, 0, 0, 0, 1, 0xa2, 'i', 'd', 0xa1, 'b'
        };

        flbc_buf_append(&fb, ev_b, sizeof(ev_b));
        ret = run_chunk(&fb, MODE_SET_B, &ctx, json, sizeof(json));
        CHECK(ret == FLBC_MODIFIED && ctx.calls == 1 && ctx.times[0] == 2);
        check_json(json, "[[{\"$ext\":[0,\"0000000200000000\"]},{}],{\"id\":\"b\",\"x\":1}]\n");
        flbc_buf_free(&fb);
    }

    /* All dropped: modified, zero bytes (Fluent Bit then ends the chain). */
    ret = flbc_filter_chunk(&rt, in.data, in.len, "t", 1, &out, &out_bytes, test_record,
                            &(test_ctx) { .mode = MODE_DROP_ALL });
    CHECK(ret == FLBC_MODIFIED && out_bytes == 0);
    free(out);

    /* A plugin error or an arena overflow keeps the record as it was. */
    log_lines = 0;
    memset(&rt.stats, 0, sizeof(rt.stats));
    ret = run_chunk(&in, MODE_FAIL_B, &ctx, json, sizeof(json));
    CHECK(ret == FLBC_MODIFIED && log_lines == 1);
    CHECK(rt.stats.failed == 1 && rt.stats.modified == 1);
    check_json(json, EV("a", T1) EV("b", T2)
               "[[{\"$ext\":[0,\"0000000300000000\"]},{\"m\":1}],{\"id\":\"c\",\"x\":1}]\n");
    log_lines = 0;
    rt.arena.cap = 64 * 1024;
    ret = run_chunk(&in, MODE_HOG_B, &ctx, json, sizeof(json));
    rt.arena.cap = 0;
    CHECK(ret == FLBC_MODIFIED && log_lines == 1 && strstr(last_log, "arena") != NULL);
    check_json(json, EV("a", T1) EV("b", T2)
               "[[{\"$ext\":[0,\"0000000300000000\"]},{\"m\":1}],{\"id\":\"c\",\"x\":1}]\n");
    flbc_arena_reset(&rt.arena);

    /* Output allocation fails: the chunk passes unchanged, with a log line. */
    log_lines = 0;
    test_alloc_countdown = 0;
    out = NULL;
    ret = flbc_filter_chunk(&rt, in.data, in.len, "t", 1, &out, &out_bytes, test_record,
                            &(test_ctx) { .mode = MODE_SET_ALL });
    test_alloc_countdown = -1;
    CHECK(ret == FLBC_NOTOUCH && out == NULL && log_lines == 1);
    flbc_arena_reset(&rt.arena);
    /* ... or fails later, while growing. */
    {
        long k;

        for (k = 1; k < 6; k++) {
            out = NULL;
            test_alloc_countdown = k;
            ret = flbc_filter_chunk(&rt, in.data, in.len, "t", 1, &out, &out_bytes,
                                    test_record, &(test_ctx) { .mode = MODE_SET_ALL });
            test_alloc_countdown = -1;
            if (ret == FLBC_MODIFIED) {
                free(out);
            }
            flbc_arena_reset(&rt.arena);
        }
    }

    /* Legacy [time, body] with integer and float times. */
    flbc_mp_write_array_header(&legacy, 2);
    flbc_mp_write_int(&legacy, 1700000000);
    flbc_mp_write_map_header(&legacy, 1);
    flbc_mp_write_str(&legacy, S("id"));
    flbc_mp_write_str(&legacy, S("b"));
    flbc_mp_write_array_header(&legacy, 2);
    flbc_mp_write_double(&legacy, 12.5);
    flbc_mp_write_map_header(&legacy, 1);
    flbc_mp_write_str(&legacy, S("id"));
    flbc_mp_write_str(&legacy, S("c"));
    ret = run_chunk(&legacy, MODE_KEEP, &ctx, json, sizeof(json));
    CHECK(ret == FLBC_NOTOUCH && ctx.calls == 2 && ctx.legacy[0] && ctx.legacy[1]);
    CHECK(ctx.times[0] == 1700000000 && ctx.times[1] == 12.5);
    ret = run_chunk(&legacy, MODE_SET_B, &ctx, json, sizeof(json));
    check_json(json, "[1700000000,{\"id\":\"b\",\"x\":1}]\n[12.5,{\"id\":\"c\"}]\n");
    ret = run_chunk(&legacy, MODE_TIME_B, &ctx, json, sizeof(json));
    check_json(json, "[{\"$ext\":[0,\"000000050ee6b280\"]},{\"id\":\"b\"}]\n"
               "[12.5,{\"id\":\"c\"}]\n");

    /* EventTime in an ext 16 / ext 32 encoding is still an EventTime. */
    {
        static const char *ok[] = {
            "92 92 c7 08 00 00 00 00 07 00 00 00 00 80 81 a2 69 64 a1 62",
            "92 92 c8 00 08 00 00 00 00 07 00 00 00 00 80 81 a2 69 64 a1 62",
            "92 92 c9 00 00 00 08 00 00 00 00 07 00 00 00 00 80 81 a2 69 64 a1 62",
        };
        flbc_buf one = { 0 };
        const uint8_t *p;
        size_t n;
        size_t i;

        for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
            p = hexbytes(ok[i], &n);
            one.len = 0;
            flbc_buf_append(&one, p, n);
            ret = run_chunk(&one, MODE_SET_B, &ctx, json, sizeof(json));
            CHECK(ret == FLBC_MODIFIED && ctx.calls == 1 && ctx.times[0] == 7);
        }
        flbc_buf_free(&one);
    }

    /* Group markers pass through untouched and never reach the plugin. */
    {
        flbc_buf grouped = { 0 };

        add_group(&grouped, true);
        add_event(&grouped, "a", 1);
        add_event(&grouped, "b", 2);
        add_group(&grouped, false);
        add_group(&grouped, true);
        add_event(&grouped, "c", 3);
        add_group(&grouped, false);
        ret = run_chunk(&grouped, MODE_KEEP, &ctx, json, sizeof(json));
        CHECK(ret == FLBC_NOTOUCH && ctx.calls == 3);
        memset(&rt.stats, 0, sizeof(rt.stats));
        ret = run_chunk(&grouped, MODE_DROP_B, &ctx, json, sizeof(json));
        CHECK(ret == FLBC_MODIFIED && ctx.calls == 3);
        CHECK(rt.stats.markers == 4 && rt.stats.dropped == 1 && rt.stats.records == 3);
        CHECK(rt.stats.chunks_modified == 1);
#define GS "[[{\"$ext\":[0,\"ffffffff00000000\"]},{\"schema\":\"otlp\"}],{\"resource\":{}}]\n"
#define GE "[[{\"$ext\":[0,\"fffffffe00000000\"]},{\"schema\":\"otlp\"}],{\"resource\":{}}]\n"
        check_json(json, GS EV("a", T1) GE GS EV("c", T3) GE);
        ret = run_chunk(&grouped, MODE_DROP_ALL, &ctx, json, sizeof(json));
        CHECK(ret == FLBC_MODIFIED);
        check_json(json, GS GE GS GE);
        flbc_buf_free(&grouped);
    }

    /* Malformed chunks: every truncation passes untouched, logged once. */
    log_lines = 0;
    rt.malformed_logged = 0;
    for (cut = 1; cut < in.len; cut++) {
        uint8_t *copy;

        if (cut % (in.len / 3) == 0) {
            continue;                              /* a whole number of events */
        }
        copy = malloc(cut);

        memcpy(copy, in.data, cut);
        out = NULL;
        ret = flbc_filter_chunk(&rt, copy, cut, "t", 1, &out, &out_bytes, test_record,
                                &(test_ctx) { .mode = MODE_SET_ALL });
        CHECK(ret == FLBC_NOTOUCH && out == NULL);
        free(copy);
    }
    CHECK(log_lines == 1 && strstr(last_log, "malformed") != NULL);
    CHECK(rt.malformed_logged == in.len - 3);
    CHECK(rt.stats.chunks_malformed == in.len - 3);
    {
        static const char *bad[] = {
            "92 a1 78 80",                         /* time is a string */
            "92 92 01 80 a1 78",                   /* body is not a map */
            "92 92 01 90 80",                      /* metadata is not a map */
            "93 92 01 80 80 80",                   /* three elements */
            "92 93 01 80 80 80",                   /* header of three */
            "92 92 ff 80 80",                      /* negative integer time */
            "92 92 d7 00 ff ff ff ff 00 00 00 01 80 80",   /* bad marker */
            "92 92 d7 05 00 00 00 01 00 00 00 00 80 80",   /* ext type 5 */
            "81 a1 78 01",                         /* not an array */
        };
        size_t i;
        size_t n;
        const uint8_t *p;
        uint8_t copy[64];

        for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
            p = hexbytes(bad[i], &n);
            memcpy(copy, p, n);
            out = NULL;
            memset(&ctx, 0, sizeof(ctx));
            ret = flbc_filter_chunk(&rt, copy, n, "t", 1, &out, &out_bytes, test_record,
                                    &ctx);
            CHECK(ret == FLBC_NOTOUCH && out == NULL);
        }
    }
    /* A bad event after good ones: nothing is lost, no output kept. */
    {
        flbc_buf mixed = { 0 };

        add_event(&mixed, "b", 2);
        flbc_buf_append(&mixed, "\x92\x01", 2);
        out = NULL;
        ret = flbc_filter_chunk(&rt, mixed.data, mixed.len, "t", 1, &out, &out_bytes,
                                test_record, &(test_ctx) { .mode = MODE_DROP_B });
        CHECK(ret == FLBC_NOTOUCH && out == NULL);
        flbc_buf_free(&mixed);
    }
    CHECK(rt.arena.used == 0);

    /* Records that spill past the first arena block: once warm, the arena
     * keeps a block big enough and a chunk costs no malloc at all. */
    {
        long before;

        flbc_arena_free(&rt.arena);
        ret = run_chunk(&in, MODE_BIG_TEMPS, &ctx, json, sizeof(json));
        CHECK(ret == FLBC_NOTOUCH && rt.arena.high_water >= 40000);
        before = test_alloc_count;
        ret = flbc_filter_chunk(&rt, in.data, in.len, "t", 1, &out, &out_bytes, test_record,
                                &(test_ctx) { .mode = MODE_BIG_TEMPS });
        CHECK(ret == FLBC_NOTOUCH && test_alloc_count == before);
        CHECK(rt.arena.blocks != NULL && rt.arena.blocks->next == NULL);
    }

    /* An empty chunk is untouched. */
    ret = flbc_filter_chunk(&rt, "", 0, "t", 1, &out, &out_bytes, test_record, &ctx);
    CHECK(ret == FLBC_NOTOUCH);
    flbc_buf_free(&in);
    flbc_buf_free(&legacy);
}

/* ----------------------------------------------------------------- JSON */

static void json_round_trip(const char *in, const char *want, int flags)
{
    flbc_buf mp = { 0 };
    flbc_buf text = { 0 };
    size_t err = 0;
    bool ok;

    ok = flbc_json_to_mp(in, strlen(in), &mp, &err);
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "json_to_mp(%s) failed at %zu\n", in, err);
        flbc_buf_free(&mp);
        return;
    }
    CHECK(flbc_mp_skip(mp.data, mp.data + mp.len) == mp.data + mp.len);
    CHECK(flbc_mp_to_json(mp.data, mp.data + mp.len, &text, flags));
    flbc_buf_append(&text, "", 1);
    checks++;
    if (strcmp((char *) text.data, want) != 0) {
        failures++;
        fprintf(stderr, "json %s -> %s, want %s\n", in, (char *) text.data, want);
    }
    flbc_buf_free(&mp);
    flbc_buf_free(&text);
}

static void json_error(const char *in, size_t want_offset)
{
    flbc_buf mp = { 0 };
    size_t err = 999;

    checks++;
    if (flbc_json_to_mp(in, strlen(in), &mp, &err) || err != want_offset) {
        failures++;
        fprintf(stderr, "json_to_mp(%s): want an error at %zu, got %zu\n", in, want_offset,
                err);
    }
    flbc_buf_free(&mp);
}

static void test_json(void)
{
    flbc_buf mp = { 0 };
    flbc_buf text = { 0 };
    flbc_val v;
    size_t err;
    size_t i;
    const uint8_t *p;
    size_t n;
    char big[200];

    json_round_trip(" {\"a\" : 1, \"b\":[true,false,null], \"c\":{}} ",
                    "{\"a\":1,\"b\":[true,false,null],\"c\":{}}", 0);
    json_round_trip("[1.0, 1, -0, 1e21, 1.5e-7, 12345678901234567890, -9223372036854775808]",
                    "[1,1,0,1e+21,1.5e-7,12345678901234567000,-9223372036854776000]", 0);
    json_round_trip("[1.0, 1, -0, 1e21, 2.5, 1E2]", "[1.0,1,0.0,1e+21,2.5,100.0]",
                    FLBC_JSON_TYPED_FLOATS);
    json_round_trip("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\\u00e9\"",
                    "\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\xc3\xa9\"", 0);
    json_round_trip("\"\\ud83d\\ude00 \\ud800 \\udc00x \\uDBFF\\uDFFF\"",
                    "\"\xf0\x9f\x98\x80 \\ud800 \\udc00x \xf4\x8f\xbf\xbf\"", 0);
    json_round_trip("\"\xe4\xb8\xad\"", "\"\xe4\xb8\xad\"", 0);
    json_round_trip("[]", "[]", 0);
    json_round_trip("0", "0", 0);
    json_round_trip("-12.5e-1", "-1.25", 0);
    json_round_trip("\"\"", "\"\"", 0);
    /* Long strings and containers use the bigger headers. */
    memset(big, 0, sizeof(big));
    big[0] = '"';
    memset(big + 1, 'y', 150);
    big[151] = '"';
    json_round_trip(big, big, 0);
    json_round_trip("[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]",
                    "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]", 0);

    CHECK(flbc_json_to_mp("1", 1, &mp, NULL) && mp.len == 1 && mp.data[0] == 1);
    mp.len = 0;
    CHECK(flbc_json_to_mp("1.0", 3, &mp, NULL) && mp.len == 9 && mp.data[0] == 0xcb);
    mp.len = 0;
    CHECK(flbc_json_to_mp("12345678901234567890", 20, &mp, NULL) && mp.data[0] == 0xcb);
    mp.len = 0;
    CHECK(flbc_json_to_mp("9223372036854775807", 19, &mp, NULL) && mp.data[0] == 0xcf);
    mp.len = 0;
    CHECK(flbc_json_to_mp("\"\\ud800\"", 8, &mp, &err));
    CHECK(flbc_mp_read(mp.data, mp.data + mp.len, &v) != NULL);
    CHECK_STR(v.u.s, "\xed\xa0\x80");                      /* WTF-8 */
    flbc_buf_free(&mp);

    json_error("", 0);
    json_error("   ", 3);
    json_error("[1,]", 3);
    json_error("{\"a\":1,}", 7);
    json_error("[1 2]", 3);
    json_error("01", 1);
    json_error("1.", 2);
    json_error(".5", 0);
    json_error("+1", 0);
    json_error("1e", 2);
    json_error("-", 1);
    json_error("tru", 0);
    json_error("nul", 0);
    json_error("\"abc", 4);
    json_error("\"a\nb\"", 2);
    json_error("\"\\x\"", 1);
    json_error("\"\\u12\"", 1);
    json_error("{1:2}", 1);
    json_error("{\"a\" 1}", 5);
    json_error("1 2", 2);
    json_error("NaN", 0);
    json_error("[", 1);
    {
        char deep[200];

        memset(deep, '[', 65);
        memset(deep + 65, ']', 65);
        deep[130] = '\0';
        json_error(deep, 64);
        memset(deep, '[', 64);
        memset(deep + 64, ']', 64);
        deep[128] = '\0';
        json_round_trip(deep, deep, 0);             /* 64 levels are fine */
    }

    /* bin, ext, uint64, non-string keys, invalid UTF-8, NaN and floats */
    p = hexbytes("87 c4 02 01 ab a1 65 d7 00 00 00 00 01 00 00 00 02 01 "
                 "01 c7 01 fe 0f 92 01 c0 cf ff ff ff ff ff ff ff ff "
                 "a1 66 cb 7f f8 00 00 00 00 00 00 a2 ff 41 ca 3f c0 00 00 "
                 "c3 a2 0a 1f", &n);
    CHECK(flbc_mp_to_json(p, p + n, &text, 0));
    flbc_buf_append(&text, "", 1);
    check_json((char *) text.data,
               "{\"{\\\"$bin\\\":\\\"01ab\\\"}\":\"e\","
               "\"{\\\"$ext\\\":[0,\\\"0000000100000002\\\"]}\":1,"
               "\"1\":{\"$ext\":[-2,\"0f\"]},"
               "\"[1,null]\":18446744073709552000,"
               "\"f\":null,"
               "\"\\ufffdA\":1.5,"
               "\"true\":\"\\n\\u001f\"}");
    text.len = 0;
    /* Malformed msgpack: false, and what could be read is written. */
    for (i = 0; i < n; i++) {
        text.len = 0;
        CHECK(!flbc_mp_to_json(p, p + i, &text, 0));
    }
    flbc_buf_free(&text);
}

/* ------------------------------------------------------------------ fuzz */

static uint64_t fuzz_state = 88172645463325252ULL;

static uint64_t fuzz_next(void)
{
    fuzz_state ^= fuzz_state << 13;
    fuzz_state ^= fuzz_state >> 7;
    fuzz_state ^= fuzz_state << 17;
    return fuzz_state;
}

/* Events in a chunk, or -1 when it does not split into whole objects. */
static long count_events(const uint8_t *p, size_t n)
{
    const uint8_t *end = p + n;
    long count = 0;

    while (p < end) {
        p = flbc_mp_skip(p, end);
        if (p == NULL) {
            return -1;
        }
        count++;
    }
    return count;
}

/* Mutated chunks and random bytes: no crash, no overread (ASan), and a
 * chunk that comes back modified still holds whole events, as many as went
 * in when the plugin drops nothing. */
static void test_fuzz(void)
{
    flbc_buf seed = { 0 };
    flbc_buf text = { 0 };
    flbc_buf mp = { 0 };
    uint8_t *copy;
    void *out;
    size_t out_bytes;
    size_t n;
    size_t i;
    int iter;
    int k;
    int ret;
    long in_events;
    flbc_val v;

    add_group(&seed, true);
    add_event(&seed, "a", 1);
    add_event(&seed, "b", 2);
    add_group(&seed, false);
    flbc_mp_write_array_header(&seed, 2);
    flbc_mp_write_double(&seed, 3.5);
    build_body(&seed);
    rt.log = NULL;
    for (iter = 0; iter < 3000; iter++) {
        n = seed.len;
        copy = malloc(n);
        memcpy(copy, seed.data, n);
        for (k = 0; k < 1 + (int) (fuzz_next() % 4); k++) {
            copy[fuzz_next() % n] ^= (uint8_t) (1u << (fuzz_next() % 8));
        }
        if (fuzz_next() % 4 == 0) {
            n = fuzz_next() % n;                   /* and cut */
        }
        in_events = count_events(copy, n);
        out = NULL;
        ret = flbc_filter_chunk(&rt, copy, n, "f", 1, &out, &out_bytes, test_record,
                                &(test_ctx) { .mode = MODE_SET_ALL });
        if (ret == FLBC_MODIFIED) {
            CHECK(in_events >= 0 && count_events(out, out_bytes) == in_events);
            free(out);
        }
        else {
            CHECK(out == NULL);
        }
        text.len = 0;
        flbc_mp_to_json(copy, copy + n, &text, FLBC_JSON_TYPED_FLOATS);
        for (i = 0; i < n; i++) {
            if (flbc_mp_read(copy + i, copy + n, &v) != NULL) {
                CHECK(v.raw == copy + i && v.raw_len <= n - i);
            }
        }
        free(copy);
        /* Random bytes through the readers and the JSON parser. */
        n = fuzz_next() % 40;
        copy = malloc(n > 0 ? n : 1);
        for (i = 0; i < n; i++) {
            if (iter % 2) {
                copy[i] = (uint8_t) fuzz_next();
            }
            else {
                copy[i] = (uint8_t) "[]{}\"\\u0123:,-.e1 tfn"[fuzz_next() % 22];
            }
        }
        flbc_mp_skip(copy, copy + n);
        text.len = 0;
        flbc_mp_to_json(copy, copy + n, &text, 0);
        mp.len = 0;
        if (flbc_json_to_mp((const char *) copy, n, &mp, NULL)) {
            CHECK(flbc_mp_skip(mp.data, mp.data + mp.len) == mp.data + mp.len);
        }
        free(copy);
    }
    rt.log = test_log;
    flbc_arena_reset(&rt.arena);
    flbc_buf_free(&seed);
    flbc_buf_free(&text);
    flbc_buf_free(&mp);
}

/* --------------------------------------------------------------- logging */

static void test_log_fns(void)
{
    char long_text[3000];

    log_lines = 0;
    flbc_log(&rt, FLBC_LOG_INFO, "hello %d", 42);
    CHECK(log_lines == 1 && strcmp(last_log, "hello 42") == 0);
    memset(long_text, 'z', sizeof(long_text) - 1);
    long_text[sizeof(long_text) - 1] = '\0';
    flbc_log(&rt, FLBC_LOG_INFO, "%s", long_text);
    CHECK(strlen(last_log) == 1023 && strcmp(last_log + 1020, "...") == 0);
    flbc_log_str(&rt, FLBC_LOG_WARN, (flbc_str) { "a\0b", 3 });
    CHECK(strcmp(last_log, "a\\0b") == 0);
    flbc_log_str(&rt, FLBC_LOG_WARN, (flbc_str) { long_text, 2999 });
    CHECK(strlen(last_log) == 1023 && strcmp(last_log + 1020, "...") == 0);
    CHECK(log_lines == 4);
}

int main(void)
{
    flbc_rt_init(&rt, test_log, NULL);
    test_arena();
    test_buf();
    test_num();
    test_str();
    test_val();
    test_mp_formats();
    test_mp_writer();
    test_mp_depth();
    test_rec();
    test_rec_model();
    test_rec_index();
    test_rec_keys();
    test_chunk();
    test_json();
    test_fuzz();
    test_log_fns();
    flbc_rt_free(&rt);
    if (failures > 0) {
        fprintf(stderr, "%d of %d checks failed\n", failures, checks);
        return 1;
    }
    printf("runtime: %d checks passed\n", checks);
    return 0;
}
