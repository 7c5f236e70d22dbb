/*
 * Unit tests of the built-in library (flbc_strlib.c, flbc_numlib.c,
 * flbc_math.c, flbc_arrlib.c, flbc_objlib.c, flbc_jsonlib.c, flbc_time.c):
 * the paths the differential suite (test/conformance/) cannot reach from
 * TypeScript: errors that JavaScript would throw, C comparators, NULL
 * arrays after a failed allocation, record edits. Expected values were
 * checked with `node -e` when written.
 */
#define _DEFAULT_SOURCE                /* the amalgamation's POSIX calls */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLBC_MALLOC(n)     malloc(n)
#define FLBC_REALLOC(p, n) realloc((p), (n))
#define FLBC_FREE(p)       free(p)
#include "flbc_rt.h"

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

static int log_lines;
static char last_log[1024];

static void test_log(void *ins, int level, const char *msg)
{
    (void) ins;
    (void) level;
    log_lines++;
    snprintf(last_log, sizeof(last_log), "%s", msg);
}

static flbc_rt rt;

/* What JavaScript throws is logged once and gives the documented value. */
static void test_range_errors(void)
{
    int before = log_lines;

    CHECK_STR(flbc_str_repeat(&rt, S("ab"), -1), "");
    CHECK_STR(flbc_str_repeat(&rt, S("ab"), INFINITY), "");
    CHECK_STR(flbc_num_to_fixed(&rt, 1.5, 101), "1.5");
    CHECK_STR(flbc_num_to_string(&rt, 255, 37), "255");
    CHECK_STR(flbc_str_from_code_point(&rt, 1, (const double[]) { 0x110000 }), "");
    CHECK(log_lines == before + 5);
    CHECK(strstr(last_log, "RangeError") != NULL);
}

static void test_json_parse_error(void)
{
    bool failed = false;
    int before = log_lines;
    flbc_val v = flbc_json_parse_ex(&rt, S("{\"a\": }"), &failed);

    CHECK(failed);
    CHECK(v.tag == FLBC_UNDEF);
    CHECK(log_lines == before + 1);
    CHECK(strstr(last_log, "SyntaxError") != NULL);
    v = flbc_json_parse_ex(&rt, S(" [1, {\"b\": \"c\"}] "), &failed);
    CHECK(!failed);
    CHECK(flbc_val_length(v) == 2);
    CHECK_STR(flbc_json_stringify(&rt, v, FLBC_VAL_UNDEF, flbc_val_num(1)),
              "[\n 1,\n {\n  \"b\": \"c\"\n }\n]");
}

/* Descending by number; remembers how often undefined was seen. */
static int undefined_seen;

static int cmp_desc(void *env, flbc_val x, flbc_val y)
{
    double a = flbc_val_to_num(x);
    double b = flbc_val_to_num(y);

    (void) env;
    if (x.tag == FLBC_UNDEF || y.tag == FLBC_UNDEF) {
        undefined_seen++;
    }
    return a < b ? 1 : (a > b ? -1 : 0);
}

static void test_sort_with(void)
{
    flbc_val items[7];
    flbc_arr *a;
    int i;
    const double want[] = { 9, 5, 5, 3, 1 };

    items[0] = flbc_val_num(3);
    items[1] = FLBC_VAL_UNDEF;
    items[2] = flbc_val_num(5);
    items[3] = flbc_val_num(1);
    items[4] = FLBC_VAL_UNDEF;
    items[5] = flbc_val_num(9);
    items[6] = flbc_val_num(5.0);
    a = flbc_arr_of(&rt, 7, items);
    CHECK(flbc_arr_sort_with(&rt, a, cmp_desc, NULL) == a);
    CHECK(undefined_seen == 0);
    for (i = 0; i < 5; i++) {
        CHECK(flbc_val_to_num(a->items[i]) == want[i]);
    }
    CHECK(a->items[5].tag == FLBC_UNDEF && a->items[6].tag == FLBC_UNDEF);
    /* The default order: String(x) in UTF-16 order. */
    a = flbc_str_split(&rt, S("b,a2,a1,a"), flbc_val_str(S(",")), FLBC_VAL_UNDEF);
    flbc_arr_sort_default(&rt, a);
    CHECK_STR(flbc_arr_join(&rt, a, S(",")), "a,a1,a2,b");
}

/* A NULL array (an allocation that failed earlier) is an empty one. */
static void test_null_arrays(void)
{
    flbc_val x = flbc_val_num(1);

    CHECK(flbc_arr_push_n(&rt, NULL, 1, &x) == 0);
    CHECK(flbc_arr_shift(NULL).tag == FLBC_UNDEF);
    CHECK(flbc_arr_index_of(NULL, x, NAN) == -1);
    CHECK(!flbc_arr_includes(NULL, x, NAN));
    CHECK(flbc_arr_len(flbc_arr_slice(&rt, NULL, 0, FLBC_VAL_UNDEF)) == 0);
    CHECK(flbc_arr_len(flbc_arr_splice(&rt, NULL, 0, FLBC_VAL_UNDEF, 1, &x)) == 0);
    CHECK(flbc_arr_len(flbc_arr_concat(&rt, NULL, 1, &x)) == 1);
    CHECK(flbc_arr_reverse(NULL) == NULL);
    CHECK(flbc_arr_at_rel(NULL, -1).tag == FLBC_UNDEF);
}

static void test_rec_assign(void)
{
    /* {"b": 1} */
    static const uint8_t map[] = { 0x81, 0xa1, 'b', 0x01 };
    flbc_rec r;
    flbc_str keys[2] = { S("a"), S("b") };
    flbc_val vals[2];
    flbc_val src;
    flbc_buf out = { 0 };
    flbc_str json;

    vals[0] = flbc_val_str(S("x"));
    vals[1] = flbc_val_num(2);
    src = flbc_obj_of(&rt, 2, keys, vals);
    CHECK(flbc_rec_init(&r, &rt, map, map + sizeof(map)));
    flbc_rec_assign(&rt, &r, 1, &src);
    flbc_rec_encode(&r, &out);
    json = flbc_val_to_json(&rt, (flbc_val) { .tag = FLBC_MAP, .raw = out.data,
                                              .raw_len = (uint32_t) out.len });
    CHECK_STR(json, "{\"b\":2,\"a\":\"x\"}");
    flbc_buf_free(&out);
}

static void test_time(void)
{
    CHECK_STR(flbc_time_format(&rt, 1704164645.123, FLBC_VAL_UNDEF), "2024-01-02T03:04:05.123Z");
    CHECK_STR(flbc_time_format(&rt, -62198755200, FLBC_VAL_UNDEF), "-000001-01-01T00:00:00.000Z");
    CHECK(flbc_time_parse(S("2024-01-02T03:04:05.5+01:00")) == 1704161045.5);
    CHECK(isnan(flbc_time_parse(S("2024-02-30"))));
    CHECK(flbc_time_now_ms() > 1704067200000.0);
}

static void test_random(void)
{
    flbc_rt other;
    int i;
    bool same = true;

    flbc_rt_init(&other, NULL, NULL);
    for (i = 0; i < 1000; i++) {
        double a = flbc_math_random(&rt);
        double b = flbc_math_random(&other);

        CHECK(a >= 0 && a < 1);
        same = same && a == b;
    }
    CHECK(!same);                          /* two instances, two sequences */
    flbc_rt_free(&other);
}

int main(void)
{
    flbc_rt_init(&rt, test_log, NULL);
    test_range_errors();
    test_json_parse_error();
    test_sort_with();
    test_null_arrays();
    test_rec_assign();
    test_time();
    test_random();
    flbc_rt_free(&rt);
    if (failures > 0) {
        printf("test_lib: %d of %d checks failed\n", failures, checks);
        return 1;
    }
    printf("test_lib: %d checks passed\n", checks);
    return 0;
}
