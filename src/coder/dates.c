/* dates.c — the date an event clause names, resolved against the
 * document date: "yesterday", "on Sunday" (the latest Sunday on or before
 * the document date), "last week", "last month", "June 21, 2019",
 * "21 June" (the latest such day on or before the document date).  A
 * clause naming nothing takes the document date (done by the caller). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coder/coder.h"

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

static int month_days(long y, unsigned m)
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : len[m - 1];
}

long cod_days_from_iso(const char *iso)
{
    if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
        return LONG_MIN;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
            return LONG_MIN;
    long y = atol(iso);
    unsigned m = (unsigned)atoi(iso + 5), d = (unsigned)atoi(iso + 8);
    if (m < 1 || m > 12 || d < 1 || (int)d > month_days(y, m))
        return LONG_MIN;
    return days_from_civil(y, m, d);
}

void cod_iso_from_days(long days, char out[11])
{
    long y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    unsigned long uy = y < 0 ? 0 : (unsigned long)y % 10000;
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04lu-%02u-%02u", uy, m % 100, d % 100);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}

static int month_of(const char *w)
{
    static const char *const names[] = {"january", "february", "march", "april", "may",
                                        "june", "july", "august", "september", "october",
                                        "november", "december"};
    static const char *const abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    char low[16];
    size_t n = strlen(w);
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
    if (n && low[n - 1] == '.')
        low[--n] = '\0';
    for (int i = 0; i < 12; i++)
        if (strcmp(low, names[i]) == 0 || (n == 3 && strcmp(low, abbr[i]) == 0) ||
            (i == 8 && strcmp(low, "sept") == 0))
            return i + 1;
    return 0;
}

static int weekday_of(const char *w)
{
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; i++)
        if (strcasecmp(w, names[i]) == 0)
            return i;
    return -1;
}

/* A day of month "21" or "21st". */
static int day_number(const char *w)
{
    char *end;
    long d = strtol(w, &end, 10);
    if (end == w || d < 1 || d > 31)
        return 0;
    if (*end && strcasecmp(end, "st") && strcasecmp(end, "nd") && strcasecmp(end, "rd") &&
        strcasecmp(end, "th"))
        return 0;
    return (int)d;
}

static long year_number(const char *w)
{
    char *end;
    long y = strtol(w, &end, 10);
    return (*end || end - w != 4 || y < 1900 || y > 2100) ? 0 : y;
}

/* The latest date with month `m` and day `d` on or before `doc`. */
static long latest_day(long doc, unsigned m, unsigned d)
{
    long y;
    unsigned dm, dd;
    civil_from_days(doc, &y, &dm, &dd);
    if ((int)d > month_days(y, m))
        return LONG_MIN;
    long t = days_from_civil(y, m, d);
    if (t > doc && (int)d <= month_days(y - 1, m))
        t = days_from_civil(y - 1, m, d);
    return t;
}

/* Whether the clause speaks of the future: a "will", "shall" or "'ll"
 * auxiliary among its words ("Biden will visit Israel on Wednesday"). */
static bool clause_future(const annals_sentence *s, const size_t *idx, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const annals_word *w = &s->words[idx[k]];
        if (w->upos != ANNALS_UPOS_AUX)
            continue;
        if (strcasecmp(w->norm, "will") == 0 || strcasecmp(w->norm, "shall") == 0 ||
            strcasecmp(w->norm, "'ll") == 0 || strcasecmp(w->norm, "wo") == 0)
            return true;
    }
    return false;
}

const char *cod_clause_date(const annals_sentence *s, const size_t *idx, size_t n,
                            const char *doc_date, core_arena *a)
{
    long doc = cod_days_from_iso(doc_date);
    /* a weekday is the one before the document date in a report of what
     * happened, the one after it in a clause about the future ("will
     * visit on Wednesday", "next Wednesday") */
    bool future = clause_future(s, idx, n);
    long when = LONG_MIN;
    for (size_t k = 0; k < n && when == LONG_MIN; k++) {
        const annals_word *w = &s->words[idx[k]];
        const char *f = w->norm;
        /* neighbours in the sentence itself: the clause leaves punctuation out */
        size_t at = idx[k];
        const char *prev = at ? s->words[at - 1].norm : "";
        const char *next = at + 1 < s->n_words ? s->words[at + 1].norm : "";
        const char *next2 = at + 2 < s->n_words ? s->words[at + 2].norm : "";
        const char *next3 = at + 3 < s->n_words ? s->words[at + 3].norm : "";
        int m, wd;
        if ((m = month_of(f)) != 0 && (w->upos == ANNALS_UPOS_PROPN || w->upos == ANNALS_UPOS_NONE ||
                                       w->upos == ANNALS_UPOS_NOUN)) {
            /* "June 21, 2019", "June 21", "21 June 2019" */
            int d = day_number(next);
            long y = 0;
            if (d)
                y = year_number(strcmp(next2, ",") == 0 ? next3 : next2);
            else if ((d = day_number(prev)) != 0)
                y = year_number(next);
            if (!d)
                continue;
            if (y && d <= month_days(y, (unsigned)m))
                when = days_from_civil(y, (unsigned)m, (unsigned)d);
            else if (!y && doc != LONG_MIN)
                when = latest_day(doc, (unsigned)m, (unsigned)d);
        } else if (doc == LONG_MIN) {
            continue;
        } else if (strcasecmp(f, "yesterday") == 0) {
            when = doc - 1;
        } else if (strcasecmp(f, "today") == 0 || strcasecmp(f, "tonight") == 0) {
            when = doc;
        } else if (strcasecmp(f, "tomorrow") == 0) {
            when = doc + 1;
        } else if ((wd = weekday_of(f)) >= 0) {
            /* 1970-01-01 was a Thursday (3) */
            long dow = ((doc % 7) + 7 + 3) % 7;
            if (strcasecmp(prev, "next") == 0)
                when = doc + 1 + ((wd - dow + 6) % 7); /* strictly after */
            else if (future)
                when = doc + ((wd - dow + 7) % 7);
            else
                when = doc - ((dow - wd + 7) % 7);
        } else if (strcasecmp(f, "last") == 0 && strcasecmp(next, "week") == 0) {
            when = doc - 7;
        } else if (strcasecmp(f, "last") == 0 && strcasecmp(next, "month") == 0) {
            long y;
            unsigned mm, dd;
            civil_from_days(doc, &y, &mm, &dd);
            if (--mm == 0) {
                mm = 12;
                y--;
            }
            if ((int)dd > month_days(y, mm))
                dd = (unsigned)month_days(y, mm);
            when = days_from_civil(y, mm, dd);
        }
    }
    if (when == LONG_MIN)
        return NULL;
    char iso[11];
    cod_iso_from_days(when, iso);
    return core_arena_strdup(a, iso);
}

/* The latest day a year word names when it dates an event: "in 1967",
 * "during 2019", or after a month ("February 2022"), as days, or
 * LONG_MIN.  A year after another preposition is what a thing is for or
 * about ("a trade protocol for 1990"), and a bare number may be a count. */
static long year_end(const annals_sentence *s, size_t at)
{
    long y = year_number(s->words[at].norm);
    if (!y)
        return LONG_MIN;
    const annals_word *p = at ? &s->words[at - 1] : NULL;
    int m = p ? month_of(p->norm) : 0;
    if (m)
        return days_from_civil(y, (unsigned)m, (unsigned)month_days(y, (unsigned)m));
    if (p && (strcasecmp(p->norm, "in") == 0 || strcasecmp(p->norm, "during") == 0))
        return days_from_civil(y, 12, 31);
    return LONG_MIN;
}

bool cod_clause_background(const annals_sentence *s, const size_t *idx, size_t n,
                           const char *doc_date)
{
    long doc = cod_days_from_iso(doc_date);
    if (doc == LONG_MIN)
        return false;
    for (size_t k = 0; k < n; k++) {
        size_t at = idx[k];
        const char *f = s->words[at].norm;
        /* "three years ago", "decades ago" */
        if ((strcasecmp(f, "years") == 0 || strcasecmp(f, "decades") == 0) &&
            at + 1 < s->n_words && strcasecmp(s->words[at + 1].norm, "ago") == 0)
            return true;
        long end = year_end(s, at);
        if (end != LONG_MIN && end < doc - 366)
            return true;
    }
    return false;
}
