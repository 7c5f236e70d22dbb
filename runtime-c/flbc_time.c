#include "flbc.h"

#include <stdio.h>
#include <time.h>

/*
 * flbc_time.c: Date.now() and the `flbc` module's formatTime / parseTime
 * (ISO 8601 in UTC), computed with the proleptic Gregorian calendar on
 * integers, never through the C library's time zone. stdlib/index.js has
 * the same algorithms in JavaScript: both must agree digit for digit.
 */

FLBC_API double flbc_time_now_ms(void)
{
    struct timespec ts;

    if (timespec_get(&ts, TIME_UTC) != TIME_UTC) {
        return (double) time(NULL) * 1000;
    }
    return (double) ts.tv_sec * 1000 + (double) (ts.tv_nsec / 1000000);
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t flbc_time_days_from_civil(int64_t y, int64_t m, int64_t d)
{
    int64_t era;
    int64_t yoe;
    int64_t doy;
    int64_t doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void flbc_time_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    int64_t era;
    int64_t doe;
    int64_t yoe;
    int64_t doy;
    int64_t mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int) (doy - (153 * mp + 2) / 5 + 1);
    *m = (int) (mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static flbc_str flbc_time_copy(struct flbc_rt *rt, const char *buf, int n)
{
    char *out;

    if (n <= 0) {
        return FLBC_STR_EMPTY;
    }
    out = flbc_alloc(&rt->arena, (size_t) n);
    if (out == NULL) {
        return FLBC_STR_EMPTY;
    }
    memcpy(out, buf, (size_t) n);
    return (flbc_str) { out, (size_t) n };
}

FLBC_API flbc_str flbc_time_format(struct flbc_rt *rt, double seconds, flbc_val format)
{
    char buf[64];
    flbc_str fmt = format.tag == FLBC_STR ? format.u.s : FLBC_STR("iso");
    /* The time value of new Date(seconds * 1000): TimeClip truncates. */
    double ms = trunc(seconds * 1000);
    int64_t t;
    int64_t days;
    int64_t rem;
    int64_t year;
    int month;
    int day;
    int n;

    if (!(fabs(ms) <= 8.64e15)) {
        return FLBC_STR("Invalid Date");
    }
    if (ms == 0) {
        ms = 0;                            /* -0 */
    }
    if (flbc_str_eq(fmt, FLBC_STR("epoch_ms"))) {
        return flbc_num_to_str(rt, floor(seconds * 1000));
    }
    if (flbc_str_eq(fmt, FLBC_STR("epoch"))) {
        return flbc_num_to_str(rt, floor(seconds));
    }
    t = (int64_t) ms;
    days = t >= 0 ? t / 86400000 : -((-t + 86399999) / 86400000);
    rem = t - days * 86400000;
    flbc_time_civil_from_days(days, &year, &month, &day);
    if (year >= 0 && year <= 9999) {
        n = snprintf(buf, sizeof(buf), "%04d", (int) year);
    }
    else {
        n = snprintf(buf, sizeof(buf), "%c%06lld", year < 0 ? '-' : '+',
                     (long long) (year < 0 ? -year : year));
    }
    n += snprintf(buf + n, sizeof(buf) - (size_t) n, "-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  month, day, (int) (rem / 3600000), (int) (rem / 60000 % 60),
                  (int) (rem / 1000 % 60), (int) (rem % 1000));
    return flbc_time_copy(rt, buf, n);
}

/* Reads exactly `width` digits at s[*i]; -1 when they are not there. */
static int64_t flbc_time_digits(flbc_str s, size_t *i, int width)
{
    int64_t v = 0;
    int k;

    if (s.len - *i < (size_t) width) {
        return -1;
    }
    for (k = 0; k < width; k++) {
        char c = s.ptr[*i + (size_t) k];

        if (c < '0' || c > '9') {
            return -1;
        }
        v = v * 10 + (c - '0');
    }
    *i += (size_t) width;
    return v;
}

static bool flbc_time_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * YYYY-MM-DD, optionally followed by T (or t, or a space) and
 * HH:MM[:SS[.fraction]] and a zone Z, z, +HH:MM, +HHMM or +HH (or -). No
 * zone means UTC. Up to 9 fraction digits count; more are read and ignored.
 */
FLBC_API double flbc_time_parse(flbc_str s)
{
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    char frac[16] = "0.";
    size_t nfrac = 2;
    size_t i = 0;
    int64_t y;
    int64_t mo;
    int64_t d;
    int64_t h = 0;
    int64_t mi = 0;
    int64_t sec = 0;
    int64_t off = 0;
    double whole;

    y = flbc_time_digits(s, &i, 4);
    if (y < 0 || i >= s.len || s.ptr[i++] != '-') {
        return NAN;
    }
    mo = flbc_time_digits(s, &i, 2);
    if (mo < 1 || mo > 12 || i >= s.len || s.ptr[i++] != '-') {
        return NAN;
    }
    d = flbc_time_digits(s, &i, 2);
    if (d < 1 || d > mdays[mo - 1] + (mo == 2 && flbc_time_leap(y))) {
        return NAN;
    }
    if (i < s.len) {
        if (s.ptr[i] != 'T' && s.ptr[i] != 't' && s.ptr[i] != ' ') {
            return NAN;
        }
        i++;
        h = flbc_time_digits(s, &i, 2);
        if (h < 0 || h > 23 || i >= s.len || s.ptr[i++] != ':') {
            return NAN;
        }
        mi = flbc_time_digits(s, &i, 2);
        if (mi < 0 || mi > 59) {
            return NAN;
        }
        if (i < s.len && s.ptr[i] == ':') {
            i++;
            sec = flbc_time_digits(s, &i, 2);
            if (sec < 0 || sec > 59) {
                return NAN;
            }
            if (i < s.len && (s.ptr[i] == '.' || s.ptr[i] == ',')) {
                i++;
                if (i >= s.len || s.ptr[i] < '0' || s.ptr[i] > '9') {
                    return NAN;
                }
                for (; i < s.len && s.ptr[i] >= '0' && s.ptr[i] <= '9'; i++) {
                    if (nfrac < 11) {
                        frac[nfrac++] = s.ptr[i];
                    }
                }
            }
        }
        if (i < s.len && (s.ptr[i] == 'Z' || s.ptr[i] == 'z')) {
            i++;
        }
        else if (i < s.len && (s.ptr[i] == '+' || s.ptr[i] == '-')) {
            int64_t sign = s.ptr[i++] == '-' ? -1 : 1;
            int64_t oh = flbc_time_digits(s, &i, 2);
            int64_t om = 0;

            if (oh < 0 || oh > 23) {
                return NAN;
            }
            if (i < s.len && s.ptr[i] == ':') {
                i++;
                om = flbc_time_digits(s, &i, 2);
            }
            else if (i < s.len) {
                om = flbc_time_digits(s, &i, 2);
            }
            if (om < 0 || om > 59) {
                return NAN;
            }
            off = sign * (oh * 3600 + om * 60);
        }
        if (i != s.len) {
            return NAN;
        }
    }
    whole = (double) (flbc_time_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
                      off);
    if (nfrac == 2) {
        return whole;
    }
    return whole + flbc_num_parse_decimal(frac, nfrac);
}
