/* test_store_summaries.c — the SQLite layout's sums (event_days,
 * event_dyads: sqlite_schema.c), from which series and top lists over
 * the whole store or over dates, roots and classes are answered (and the
 * pairs of a dyad filter found), agree
 * with the events themselves after every kind of write: a load, a
 * document replaced, loading the same again, a new deduplication window,
 * and a store that gets the layout by migration with events in it. */
#include <setjmp.h>
#include <stdarg.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "annals.h"
#include "store_fixture.h"

static char dir[STORE_TMP_DIR_SIZE];
static char path[96];

/* The answers of a query, one line each. */
typedef struct lines {
    char text[1 << 16];
    size_t len;
} lines;

static void add_line(lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_line(lines *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(l->text + l->len, sizeof l->text - l->len, fmt, ap);
    va_end(ap);
    assert_true(n > 0 && (size_t)n < sizeof l->text - l->len);
    l->len += (size_t)n;
}

/* Goldstein values have one decimal, and so do their sums: rounded to
 * it, sums made in another order (or up and down) print alike, without
 * "-0.0".  A mean is printed times its count, which is such a sum. */
static double fix(double v)
{
    double r = round(v * 10.0) / 10.0;
    return r == 0.0 ? 0.0 : r;
}

static int bin_line(void *user, const annals_store_bin *b)
{
    add_line(user, "%s|%s|%zu|%zu|%.1f|%.1f|%zu|%zu|%zu|%zu\n", b->key, b->key2 ? b->key2 : "",
             b->events, b->mentions, fix(b->goldstein_sum),
             fix(b->goldstein_mean * (double)b->events),
             b->quad_events[1],
             b->quad_events[2], b->quad_events[3], b->quad_events[4]);
    return 0;
}

/* The same figures computed by SQL from the events table alone. */
static void sql_lines(const char *sql, lines *l)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *k2 = (const char *)sqlite3_column_text(st, 1);
        add_line(l, "%s|%s|%lld|%lld|%.1f|%.1f|%lld|%lld|%lld|%lld\n",
                 (const char *)sqlite3_column_text(st, 0), k2 ? k2 : "",
                 sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
                 fix(sqlite3_column_double(st, 4)),
                 fix(sqlite3_column_double(st, 5) * (double)sqlite3_column_int64(st, 2)),
                 sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7),
                 sqlite3_column_int64(st, 8), sqlite3_column_int64(st, 9));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static const char series_sql[] =
    "SELECT %s, NULL, count(*), sum(num_mentions), sum(goldstein), avg(goldstein),"
    " sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4) FROM events"
    " WHERE date IS NOT NULL%s GROUP BY 1 ORDER BY 1";

static void check_series(annals_store *s, annals_interval iv, const char *period,
                         const annals_store_filter *f, const char *where)
{
    static lines got, want;
    got.len = want.len = 0;
    got.text[0] = want.text[0] = '\0';
    assert_int_equal(annals_store_series(s, f, iv, bin_line, &got), ANNALS_OK);
    char sql[1024];
    snprintf(sql, sizeof sql, series_sql, period, where);
    sql_lines(sql, &want);
    assert_true(got.len > 0);
    assert_string_equal(got.text, want.text);
}

static void check_top(annals_store *s)
{
    static lines got, want;
    annals_store_filter f;
    annals_store_filter_init(&f);
    got.len = want.len = 0;
    got.text[0] = want.text[0] = '\0';
    assert_int_equal(annals_store_top_dyads(s, &f, 25, bin_line, &got), ANNALS_OK);
    sql_lines("SELECT source, target, count(*), sum(num_mentions), sum(goldstein),"
              " avg(goldstein), 0, 0, 0, 0 FROM events GROUP BY source, target"
              " ORDER BY count(*) DESC, sum(num_mentions) DESC, source, target LIMIT 25",
              &want);
    assert_string_equal(got.text, want.text);
    got.len = want.len = 0;
    got.text[0] = want.text[0] = '\0';
    assert_int_equal(annals_store_top_actors(s, &f, 25, bin_line, &got), ANNALS_OK);
    sql_lines("SELECT a, NULL, count(*), sum(nm), sum(g), avg(g), 0, 0, 0, 0 FROM"
              " (SELECT source AS a, num_mentions AS nm, goldstein AS g FROM events"
              "  UNION ALL SELECT target, num_mentions, goldstein FROM events"
              "  WHERE target <> '---' AND target <> source)"
              " GROUP BY a ORDER BY count(*) DESC, sum(nm) DESC, a LIMIT 25",
              &want);
    assert_string_equal(got.text, want.text);
}

static void check_all(annals_store *s)
{
    annals_store_filter f;
    annals_store_filter_init(&f);
    check_series(s, ANNALS_BY_MONTH, "substr(date, 1, 7)", &f, "");
    check_series(s, ANNALS_BY_DAY, "date", &f, "");
    check_series(s, ANNALS_BY_WEEK, "date(date, '-6 days', 'weekday 1')", &f, "");
    check_series(s, ANNALS_BY_YEAR, "substr(date, 1, 4)", &f, "");
    f.root = "19";
    f.from = "2020-02-01";
    check_series(s, ANNALS_BY_MONTH, "substr(date, 1, 7)", &f,
                 " AND root = '19' AND date >= '2020-02-01'");
    annals_store_filter_init(&f);
    f.quad = 1;
    f.to = "2020-03-15";
    check_series(s, ANNALS_BY_DAY, "date", &f, " AND quad = 1 AND date <= '2020-03-15'");
    /* Dyads: the pairs come from the dyad sums, the events from the
     * events table. */
    annals_store_filter_init(&f);
    f.dyad_a = "USA";
    f.dyad_b = "CHN";
    check_series(s, ANNALS_BY_DAY, "date", &f,
                 " AND ((source >= 'USA' AND source < 'USB' AND target >= 'CHN'"
                 " AND target < 'CHO') OR (source >= 'CHN' AND source < 'CHO'"
                 " AND target >= 'USA' AND target < 'USB'))");
    annals_store_filter_init(&f);
    f.source = "IND";
    f.target = "PAK";
    f.quad = 4;
    check_series(s, ANNALS_BY_MONTH, "substr(date, 1, 7)", &f,
                 " AND source >= 'IND' AND source < 'INE' AND target >= 'PAK'"
                 " AND target < 'PAL' AND quad = 4");
    check_top(s);
}

/* Records of documents `first` to `last`: a few dyads (one domestic, one
 * without a target) and codes over three months, some undated; `variant`
 * changes every document's content. */
static char *make_records(int first, int last, int variant)
{
    static const char *const src[] = {"USA", "CHN", "INDGOV", "PAK", "RUS"};
    static const char *const tgt[] = {"CHN", "USA", "PAK", "---", "RUSMIL"};
    static const char *const codes[] = {"010", "036", "042", "057", "111", "190", "173"};
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    for (int d = first; d <= last; d++)
        for (int k = 0; k < 1 + d % 3; k++) {
            int i = (d * 7 + k * 3 + variant) % 5;
            const annals_cameo_code *c = annals_cameo_lookup(codes[(d + k + variant) % 7]);
            assert_non_null(c);
            char date[16];
            if ((d + k) % 11 == 0)
                snprintf(date, sizeof date, "null");
            else
                snprintf(date, sizeof date, "\"2020-%02d-%02d\"", 1 + d % 3, 1 + (d * 5) % 28);
            fprintf(out,
                    "{\"doc\":\"d%d\",\"sent\":%d,\"date\":%s,\"source\":\"%s\","
                    "\"target\":\"%s\",\"code\":\"%s\",\"root\":\"%.2s\",\"quad\":%d,"
                    "\"goldstein\":%.1f,\"plover\":\"%s\",\"source_text\":\"a\","
                    "\"target_text\":\"b\",\"verb_text\":\"c\",\"pattern\":\"p:%d\","
                    "\"text\":\"Sentence %d of %d.\",\"publisher\":\"P%d\"}\n",
                    d, k, date, src[i], tgt[i], c->code, c->code, c->quad, c->goldstein,
                    c->plover, variant, k, d, d % 4);
        }
    fclose(out);
    return buf;
}

static void load(annals_store *s, int first, int last, int variant)
{
    char *text = make_records(first, last, variant);
    FILE *in = fmemopen(text, strlen(text), "r");
    assert_non_null(in);
    assert_int_equal(annals_store_load_jsonl(s, in, "t", NULL), ANNALS_OK);
    fclose(in);
    free(text);
    assert_int_equal(annals_store_flush(s), ANNALS_OK);
}

static annals_store *open_store(int dedup_days)
{
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.dedup_days = dedup_days;
    opt.batch = 50;
    annals_store *s = annals_store_open(path, &opt, NULL);
    if (!s)
        fail_msg("open: %s", annals_store_open_error());
    return s;
}

static int setup(void **state)
{
    (void)state;
    return store_tmp_dir(dir, path, sizeof path, "s.db");
}

static int teardown(void **state)
{
    (void)state;
    return store_tmp_remove(dir);
}

static void test_sums_follow_writes(void **state)
{
    (void)state;
    annals_store *s = open_store(-1);
    load(s, 1, 120, 0);
    check_all(s);
    load(s, 1, 120, 0);              /* the same again: nothing changes */
    check_all(s);
    load(s, 30, 60, 1);              /* changed documents replace the old */
    check_all(s);
    load(s, 100, 180, 2);            /* some replaced, some new */
    check_all(s);
    assert_int_equal(annals_store_set_dedup_days(s, 6), ANNALS_OK);
    check_all(s);
    assert_int_equal(annals_store_close(s), ANNALS_OK);
    s = open_store(0);               /* a window changed when opening */
    check_all(s);
    assert_int_equal(annals_store_close(s), ANNALS_OK);
}

/* A store written before the layout existed gets it, with the sums of
 * the events it already holds, when opened for writing; a read-only open
 * refuses it until then. */
static void test_layout_migration(void **state)
{
    (void)state;
    annals_store *s = open_store(-1);
    load(s, 1, 150, 3);
    assert_int_equal(annals_store_close(s), ANNALS_OK);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "DROP TRIGGER events_sum_insert; DROP TRIGGER events_sum_delete;"
                                  "DROP TABLE event_days; DROP TABLE event_dyads;"
                                  "DELETE FROM settings WHERE key = 'sqlite_layout';",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);

    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.read_only = 1;
    assert_null(annals_store_open(path, &opt, NULL));
    assert_non_null(strstr(annals_store_open_error(), "layout"));

    s = open_store(-1);
    check_all(s);
    load(s, 140, 170, 4);
    check_all(s);
    assert_int_equal(annals_store_close(s), ANNALS_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sums_follow_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_layout_migration, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
