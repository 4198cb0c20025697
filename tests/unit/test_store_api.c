/* test_store_api.c — the event store through its public API: loading
 * event records, reloading, replacing a changed document, the
 * deduplication window, every filter, full-text search, aggregates, bad
 * records, and documents from the coder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "annals.h"
#include "store_fixture.h"

/* ---- helpers ------------------------------------------------------- */

typedef struct fixture {
    char dir[STORE_TMP_DIR_SIZE];
    char path[96];
    annals_store *s;
    char log[4096];          /* every warning, one a line */
} fixture;

static void collect_log(void *user, annals_log_level level, const char *message)
{
    fixture *f = user;
    (void)level;
    size_t n = strlen(f->log);
    snprintf(f->log + n, sizeof f->log - n, "%s\n", message);
}

static annals_store *open_store(fixture *f, int dedup_days)
{
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.log = collect_log;
    opt.log_user = f;
    opt.dedup_days = dedup_days;
    int err = 0;
    annals_store *s = annals_store_open(f->path, &opt, &err);
    if (!s)
        fail_msg("open: %s (%d)", annals_store_open_error(), err);
    return s;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (store_tmp_dir(f->dir, f->path, sizeof f->path, "s.db"))
        return -1;
    f->s = open_store(f, -1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    annals_store_close(f->s);
    if (store_tmp_remove(f->dir))
        return -1;
    free(f);
    return 0;
}

/* One event record line with the code's own quad, Goldstein and PLOVER,
 * appended to `b`. */
static void rec(char *b, size_t cap, const char *doc, int sent, const char *date,
                const char *src, const char *tgt, const char *code, const char *text,
                const char *publisher)
{
    const annals_cameo_code *c = annals_cameo_lookup(code);
    assert_non_null(c);
    size_t n = strlen(b);
    char d[16];
    snprintf(d, sizeof d, date ? "\"%s\"" : "null", date);
    char pub[64] = "";
    if (publisher)
        snprintf(pub, sizeof pub, ",\"publisher\":\"%s\"", publisher);
    snprintf(b + n, cap - n,
             "{\"doc\":\"%s\",\"sent\":%d,\"date\":%s,\"source\":\"%s\",\"target\":\"%s\","
             "\"code\":\"%s\",\"root\":\"%.2s\",\"quad\":%d,\"goldstein\":%.1f,"
             "\"plover\":\"%s\",\"source_text\":\"s\",\"target_text\":\"t\","
             "\"verb_text\":\"v\",\"pattern\":\"test:1\",\"text\":\"%s\"%s}\n",
             doc, sent, d, src, tgt, code, code, c->quad, c->goldstein, c->plover, text, pub);
}

/* SQLite's own check of the full-text index against the sentences. */
static void check_fts(fixture *f)
{
    assert_int_equal(annals_store_flush(f->s), ANNALS_OK);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    char *err = NULL;
    int rc = sqlite3_exec(db, "INSERT INTO sentences_fts(sentences_fts, rank)"
                              " VALUES ('integrity-check', 1)",
                          NULL, NULL, &err);
    if (rc != SQLITE_OK)
        fail_msg("full-text index: %s", err);
    sqlite3_close(db);
}

static annals_store_load_stats load(fixture *f, const char *text)
{
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(in);
    annals_store_load_stats st;
    assert_int_equal(annals_store_load_jsonl(f->s, in, "mem.jsonl", &st), ANNALS_OK);
    fclose(in);
    return st;
}

static annals_store_stats stats(fixture *f)
{
    annals_store_stats st;
    assert_int_equal(annals_store_get_stats(f->s, &st), ANNALS_OK);
    return st;
}

static int count_record(void *user, const annals_store_record *r)
{
    (void)r;
    (*(size_t *)user)++;
    return 0;
}

static size_t count(fixture *f, const annals_store_filter *flt)
{
    size_t n = 0;
    assert_int_equal(annals_store_records(f->s, flt, count_record, &n), ANNALS_OK);
    return n;
}

static int collect_event(void *user, const annals_store_event *e)
{
    annals_store_event *out = user;
    size_t i = 0;
    while (out[i].code)
        i++;
    out[i] = *e;
    /* Strings are valid during the call only: keep copies, which
     * free_events releases. */
    out[i].date = e->date ? strdup(e->date) : NULL;
    out[i].end_date = e->end_date ? strdup(e->end_date) : NULL;
    out[i].source = strdup(e->source);
    out[i].target = strdup(e->target);
    out[i].code = strdup(e->code);
    out[i].root = strdup(e->root);
    return 0;
}

static void free_events(annals_store_event *ev, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((void *)ev[i].date);
        free((void *)ev[i].end_date);
        free((void *)ev[i].source);
        free((void *)ev[i].target);
        free((void *)ev[i].code);
        free((void *)ev[i].root);
    }
}

/* The corpus most tests use: three documents about Korea, one about
 * Syria, one undated record. */
static char *corpus(void)
{
    size_t cap = 8192;
    char *b = calloc(1, cap);
    rec(b, cap, "a1", 0, "2020-05-01", "PRKGOV", "KORGOV", "042",
        "North Korean officials met South Korean envoys.", "AP");
    rec(b, cap, "a1", 1, "2020-05-01", "PRKGOV", "USA", "1244",
        "Pyongyang refused to ease its embargo.", "AP");
    rec(b, cap, "b2", 0, "2020-05-01", "PRKGOV", "KORGOV", "042",
        "Officials from the North met envoys from Seoul.", "Yonhap");
    rec(b, cap, "b2", 3, "2020-05-20", "KORGOV", "PRKGOV", "036",
        "Seoul wants to meet the North again.", "Yonhap");
    rec(b, cap, "c3", 2, "2020-06-15", "SYRMIL", "SYRREB", "190",
        "Syrian troops shelled rebels near Idlib.", "BBC");
    rec(b, cap, "c3", 4, NULL, "USA", "CHN", "057", "The two signed a deal.", "BBC");
    return b;
}

/* ---- tests --------------------------------------------------------- */

static void test_load_and_reload(void **state)
{
    fixture *f = *state;
    char *c = corpus();
    annals_store_load_stats st = load(f, c);
    assert_int_equal(st.records, 6);
    assert_int_equal(st.documents, 3);
    assert_int_equal(st.skipped, 0);
    annals_store_stats s = stats(f);
    assert_int_equal(s.documents, 3);
    assert_int_equal(s.sentences, 6);
    assert_int_equal(s.mentions, 6);
    /* The two PRKGOV-KORGOV 042 mentions of 2020-05-01 are one event. */
    assert_int_equal(s.events, 5);
    st = load(f, c);
    assert_int_equal(st.documents, 0);
    assert_int_equal(st.unchanged, 3);
    annals_store_stats again = stats(f);
    assert_memory_equal(&s, &again, sizeof s);
    free(c);
}

static int write_record(void *user, const annals_store_record *r)
{
    return annals_store_record_write(user, r) != ANNALS_OK;
}

/* What annals code writes, annals query gives back byte for byte. */
static void test_writer_round_trip(void **state)
{
    fixture *f = *state;
    annals_sentence sents[] = {{.text = "Headline"},
                               {.text = "North Korea's \"government\"\tdenounced the US \xC3\xA9."}};
    annals_document doc = {.id = "w1", .text = "", .date = "2020-03-04"};
    annals_event ev[] = {
        {.sent = 1, .source = "PRKGOV", .target = "USA", .code = "1244", .quad = 3,
         .goldstein = -4.0, .plover = "REJECT", .source_text = "North Korea's government",
         .target_text = "the US", .verb_text = "denounced", .pattern = "verbs.txt:12"},
        {.sent = 0, .date = "2020-03-01", .source = "USA", .target = "---", .code = "0233",
         .quad = 1, .goldstein = 3.4, .plover = "AID", .source_text = "US",
         .target_text = "", .verb_text = "asked", .pattern = "verbs.txt:99"},
    };
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    annals_writer *w = annals_writer_create(out, ANNALS_FORMAT_JSONL);
    assert_int_equal(annals_writer_write(w, &doc, sents, 2, ev, 2), ANNALS_OK);
    annals_writer_free(w);
    fclose(out);
    load(f, buf);
    char *back = NULL;
    size_t blen = 0;
    out = open_memstream(&back, &blen);
    annals_store_filter flt;
    annals_store_filter_init(&flt);
    assert_int_equal(annals_store_records(f->s, &flt, write_record, out), ANNALS_OK);
    fclose(out);
    /* The store orders by date: the 2020-03-01 record first, as written
     * second. */
    char *nl = strchr(buf, '\n');
    assert_non_null(nl);
    size_t first = (size_t)(nl - buf) + 1;
    assert_int_equal(blen, len);
    assert_memory_equal(back, buf + first, len - first);
    assert_memory_equal(back + (len - first), buf, first);
    free(back);
    free(buf);
}

static void test_replace_on_change(void **state)
{
    fixture *f = *state;
    char *c = corpus();
    load(f, c);
    free(c);
    char b[2048] = "";
    /* a1 now says something else: one record, a new dyad. */
    rec(b, sizeof b, "a1", 0, "2020-05-02", "CHNGOV", "PRKGOV", "036",
        "Beijing wants to meet Pyongyang.", "AP");
    annals_store_load_stats st = load(f, b);
    assert_int_equal(st.documents, 1);
    annals_store_stats s = stats(f);
    assert_int_equal(s.documents, 3);
    assert_int_equal(s.mentions, 5);
    /* Sentence 0 has its new text; sentence 1, named by no record now,
     * stays (it may be the coder's). */
    assert_int_equal(s.sentences, 6);
    annals_store_filter flt;
    annals_store_filter_init(&flt);
    flt.source = "PRKGOV";
    flt.target = "USA";
    assert_int_equal(count(f, &flt), 0);
    /* The shared event of a1 and b2 is now b2's alone. */
    annals_store_event ev[8] = {0};
    annals_store_filter_init(&flt);
    flt.dyad_a = "PRK";
    flt.dyad_b = "KOR";
    flt.code = "042";
    assert_int_equal(annals_store_events(f->s, &flt, collect_event, ev), ANNALS_OK);
    assert_non_null(ev[0].code);
    assert_null(ev[1].code);
    assert_int_equal(ev[0].num_mentions, 1);
    assert_int_equal(ev[0].num_articles, 1);
    assert_int_equal(ev[0].num_sources, 1);
    free_events(ev, 1);
    /* And the sentence search no longer finds the old text. */
    annals_store_filter_init(&flt);
    flt.text = "embargo";
    assert_int_equal(count(f, &flt), 0);
    flt.text = "Beijing";
    assert_int_equal(count(f, &flt), 1);
    check_fts(f);
}

static void test_aggregate_counts(void **state)
{
    fixture *f = *state;
    char b[4096] = "";
    /* One event told by three articles of two publishers on one day, and
     * a second mention in the same article. */
    rec(b, sizeof b, "x1", 0, "2021-03-03", "RUS", "UKR", "190", "Troops attacked.", "AP");
    rec(b, sizeof b, "x1", 1, "2021-03-03", "RUS", "UKR", "190", "They attacked again.", "AP");
    rec(b, sizeof b, "x2", 0, "2021-03-03", "RUS", "UKR", "190", "An attack.", "AP");
    rec(b, sizeof b, "x3", 0, "2021-03-03", "RUS", "UKR", "190", "Attack reported.", "BBC");
    load(f, b);
    annals_store_event ev[4] = {0};
    annals_store_filter flt;
    annals_store_filter_init(&flt);
    assert_int_equal(annals_store_events(f->s, &flt, collect_event, ev), ANNALS_OK);
    assert_null(ev[1].code);
    assert_int_equal(ev[0].num_mentions, 4);
    assert_int_equal(ev[0].num_articles, 3);
    assert_int_equal(ev[0].num_sources, 2);
    assert_string_equal(ev[0].date, "2021-03-03");
    assert_string_equal(ev[0].root, "19");
    assert_int_equal(ev[0].quad, 4);
    assert_true(ev[0].goldstein == -10.0);
    free_events(ev, 1);
}

static void test_dedup_window(void **state)
{
    fixture *f = *state;
    char b[4096] = "";
    /* 2020-05-01 is day 18383 since 1970-01-01: with a 3-day window
     * (dedup 2) the windows are days 18381-18383 and 18384-18386. */
    rec(b, sizeof b, "d1", 0, "2020-05-01", "ISR", "PSE", "173", "Arrests.", "AP");
    rec(b, sizeof b, "d2", 0, "2020-05-02", "ISR", "PSE", "173", "More arrests.", "AP");
    rec(b, sizeof b, "d3", 0, "2020-05-04", "ISR", "PSE", "173", "Arrests again.", "BBC");
    rec(b, sizeof b, "d4", 0, "2020-05-08", "ISR", "PSE", "173", "Later arrests.", "BBC");
    load(f, b);
    assert_int_equal(annals_store_dedup_days(f->s), 0);
    assert_int_equal(stats(f).events, 4);
    assert_int_equal(annals_store_set_dedup_days(f->s, 2), ANNALS_OK);
    assert_int_equal(annals_store_dedup_days(f->s), 2);
    assert_int_equal(stats(f).events, 3);
    annals_store_event ev[8] = {0};
    annals_store_filter flt;
    annals_store_filter_init(&flt);
    assert_int_equal(annals_store_events(f->s, &flt, collect_event, ev), ANNALS_OK);
    assert_string_equal(ev[0].date, "2020-05-01");
    assert_string_equal(ev[0].end_date, "2020-05-01");
    assert_string_equal(ev[1].date, "2020-05-02");
    assert_string_equal(ev[1].end_date, "2020-05-04");
    assert_int_equal(ev[1].num_mentions, 2);
    assert_int_equal(ev[1].num_sources, 2);
    assert_string_equal(ev[2].date, "2020-05-08");
    free_events(ev, 3);
    /* New mentions follow the store's window, and it survives a reopen. */
    char b2[1024] = "";
    rec(b2, sizeof b2, "d5", 0, "2020-05-09", "ISR", "PSE", "173", "Arrests.", "AP");
    load(f, b2);
    assert_int_equal(stats(f).events, 3);
    annals_store_close(f->s);
    f->s = open_store(f, -1);
    assert_int_equal(annals_store_dedup_days(f->s), 2);
    assert_int_equal(stats(f).events, 3);
    /* Opening with another window re-aggregates. */
    annals_store_close(f->s);
    f->s = open_store(f, 30);
    /* Windows of 31 days from 1970: day 18383 (2020-05-01) starts one. */
    assert_int_equal(stats(f).events, 1);
    assert_int_equal(annals_store_set_dedup_days(f->s, 3651), ANNALS_E_ARG);
}

static void test_filters(void **state)
{
    fixture *f = *state;
    char *c = corpus();
    load(f, c);
    free(c);
    annals_store_filter flt;
#define COUNT_WITH(field, value, want)                                                       \
    do {                                                                                   \
        annals_store_filter_init(&flt);                                                    \
        flt.field = value;                                                                 \
        assert_int_equal(count(f, &flt), want);                                            \
    } while (0)
    COUNT_WITH(source, "PRK", 3);
    COUNT_WITH(source, "PRKGOV", 3);
    COUNT_WITH(source, "PRKGOVX", 0);
    COUNT_WITH(source, "US", 1);
    COUNT_WITH(target, "KOR", 2);
    COUNT_WITH(actor, "KOR", 3);
    COUNT_WITH(actor, "USA", 2);
    COUNT_WITH(root, "04", 2);
    COUNT_WITH(code, "042", 2);
    COUNT_WITH(code, "04", 0); /* exact, not a prefix */
    COUNT_WITH(quad, 4, 1);
    COUNT_WITH(quad, 1, 4);
    COUNT_WITH(from, "2020-05-02", 2);
    COUNT_WITH(to, "2020-05-01", 3); /* the undated record has no date to compare */
    COUNT_WITH(text, "envoys", 2);
    COUNT_WITH(text, "NORTH", 3);      /* case-insensitive words */
    COUNT_WITH(text, "north envoys", 2);
    COUNT_WITH(text, "korean envoys", 1);
    COUNT_WITH(text, "\"AND OR (NEAR", 0); /* FTS5 syntax is taken as words */
    COUNT_WITH(limit, 2, 2);
    annals_store_filter_init(&flt);
    flt.dyad_a = "KOR";
    flt.dyad_b = "PRK";
    assert_int_equal(count(f, &flt), 3); /* both directions */
    flt.from = "2020-05-02";
    flt.to = "2020-05-31";
    assert_int_equal(count(f, &flt), 1);
    annals_store_filter_init(&flt);
    flt.source = "PRK";
    flt.quad = 3;
    flt.text = "embargo";
    assert_int_equal(count(f, &flt), 1);
    /* Events filter the same way. */
    annals_store_event ev[8] = {0};
    annals_store_filter_init(&flt);
    flt.actor = "SYR";
    assert_int_equal(annals_store_events(f->s, &flt, collect_event, ev), ANNALS_OK);
    assert_string_equal(ev[0].source, "SYRMIL");
    assert_null(ev[1].code);
    free_events(ev, 1);
    memset(ev, 0, sizeof ev);
    annals_store_filter_init(&flt);
    flt.text = "Idlib";
    assert_int_equal(annals_store_events(f->s, &flt, collect_event, ev), ANNALS_OK);
    assert_string_equal(ev[0].code, "190");
    assert_null(ev[1].code);
    free_events(ev, 1);
#undef COUNT_WITH
}

typedef struct bins {
    char key[8][16], key2[8][16];
    size_t events[8], mentions[8];
    double sum[8], mean[8];
    size_t n;
} bins;

static int collect_bin(void *user, const annals_store_bin *b)
{
    bins *o = user;
    if (o->n == 8)
        return 1;
    snprintf(o->key[o->n], 16, "%s", b->key);
    snprintf(o->key2[o->n], 16, "%s", b->key2 ? b->key2 : "");
    o->events[o->n] = b->events;
    o->mentions[o->n] = b->mentions;
    o->sum[o->n] = b->goldstein_sum;
    o->mean[o->n] = b->goldstein_mean;
    o->n++;
    return 0;
}

static void test_series_and_tops(void **state)
{
    fixture *f = *state;
    char *c = corpus();
    load(f, c);
    free(c);
    annals_store_filter flt;
    annals_store_filter_init(&flt);
    bins b = {0};
    assert_int_equal(annals_store_series(f->s, &flt, ANNALS_BY_MONTH, collect_bin, &b),
                     ANNALS_OK);
    assert_int_equal(b.n, 2); /* the undated event is left out */
    assert_string_equal(b.key[0], "2020-05");
    assert_int_equal(b.events[0], 3);
    assert_int_equal(b.mentions[0], 4);
    assert_true(b.sum[0] > 1.9 - 4.0 + 4.0 - 1e-9 && b.sum[0] < 1.9 + 1e-9);
    assert_string_equal(b.key[1], "2020-06");
    assert_true(b.mean[1] == -10.0);
    memset(&b, 0, sizeof b);
    assert_int_equal(annals_store_series(f->s, &flt, ANNALS_BY_WEEK, collect_bin, &b),
                     ANNALS_OK);
    assert_string_equal(b.key[0], "2020-04-27"); /* the Monday before 2020-05-01 */
    assert_string_equal(b.key[1], "2020-05-18");
    memset(&b, 0, sizeof b);
    assert_int_equal(annals_store_series(f->s, &flt, ANNALS_BY_YEAR, collect_bin, &b),
                     ANNALS_OK);
    assert_int_equal(b.n, 1);
    assert_string_equal(b.key[0], "2020");
    assert_int_equal(b.events[0], 4);
    memset(&b, 0, sizeof b);
    assert_int_equal(annals_store_top_dyads(f->s, &flt, 2, collect_bin, &b), ANNALS_OK);
    assert_int_equal(b.n, 2);
    /* Every dyad has one event; the one with two mentions comes first. */
    assert_string_equal(b.key[0], "PRKGOV");
    assert_string_equal(b.key2[0], "KORGOV");
    assert_int_equal(b.mentions[0], 2);
    memset(&b, 0, sizeof b);
    assert_int_equal(annals_store_top_actors(f->s, &flt, 1, collect_bin, &b), ANNALS_OK);
    assert_int_equal(b.n, 1);
    assert_string_equal(b.key[0], "PRKGOV");
    assert_int_equal(b.events[0], 3);
    assert_int_equal(b.mentions[0], 4);
    assert_int_equal(annals_interval_from_name("week"), ANNALS_BY_WEEK);
    assert_int_equal(annals_interval_from_name("fortnight"), -1);
}

static void test_bad_records(void **state)
{
    fixture *f = *state;
    char b[8192] = "";
    rec(b, sizeof b, "ok1", 0, "2020-01-01", "USA", "CHN", "042", "Fine.", NULL);
    strcat(b, "{\"doc\":\"broken\",\n");                                    /* line 2 */
    strcat(b, "[1,2]\n");                                                    /* line 3 */
    strcat(b, "\n");                                                         /* blank */
    char one[1024] = "";
    rec(one, sizeof one, "bad", 0, "2020-02-30", "USA", "CHN", "042", "x", NULL);
    strcat(b, one);                                                          /* line 5 */
    one[0] = '\0';
    rec(one, sizeof one, "bad", 0, "2020-02-03", "USA", "CHN", "042", "x", NULL);
    char *q = strstr(one, "\"quad\":1");
    q[7] = '7';
    strcat(b, one);                                                          /* line 6 */
    one[0] = '\0';
    rec(one, sizeof one, "bad", 0, "2020-02-03", "USA", "CHN", "042", "x", NULL);
    memcpy(strstr(one, "\"root\":\"04\"") + 8, "05", 2);
    strcat(b, one);                                                          /* line 7 */
    strcat(b, "{\"doc\":\"bad\",\"sent\":-1}\n");                            /* line 8 */
    one[0] = '\0';
    rec(one, sizeof one, "ok2", 0, "2020-01-02", "USA", "CHN", "042", "Fine too.", NULL);
    strcat(b, one);                                                          /* line 9 */
    one[0] = '\0';
    rec(one, sizeof one, "ok2", 0, "2020-01-02", "USA", "RUS", "042", "Other text.", NULL);
    strcat(b, one);                                                          /* line 10 */
    annals_store_load_stats st = load(f, b);
    assert_int_equal(st.records, 2);
    assert_int_equal(st.skipped, 7);
    assert_int_equal(stats(f).mentions, 2);
    assert_non_null(strstr(f->log, "mem.jsonl:2: invalid JSON"));
    assert_non_null(strstr(f->log, "mem.jsonl:3: not a JSON object"));
    assert_non_null(strstr(f->log, "mem.jsonl:5: record of 'bad': \"date\" is not"));
    assert_non_null(strstr(f->log, "mem.jsonl:6: record of 'bad': \"quad\""));
    assert_non_null(strstr(f->log, "mem.jsonl:7: record of 'bad': \"root\" '05'"));
    assert_non_null(strstr(f->log, "mem.jsonl:8: record of 'bad': \"sent\""));
    assert_non_null(strstr(f->log, "mem.jsonl:10: record of 'ok2': \"text\" of sentence 0"));
    assert_null(strstr(f->log, "mem.jsonl:4"));
}

/* A document whose records come back later in the same load, giving a
 * sentence another text before the batch is committed (a fuzzer found
 * that the upsert of that sentence failed). */
static void test_document_again_in_one_batch(void **state)
{
    fixture *f = *state;
    char b[4096] = "";
    rec(b, sizeof b, "p1", 0, "2020-01-01", "USA", "CHN", "042", "First text.", NULL);
    rec(b, sizeof b, "p2", 0, "2020-01-01", "USA", "RUS", "042", "Other document.", NULL);
    rec(b, sizeof b, "p1", 0, "2020-01-02", "USA", "CHN", "036", "Second text.", NULL);
    annals_store_load_stats st = load(f, b);
    assert_int_equal(st.records, 3);
    assert_int_equal(st.skipped, 0);
    annals_store_stats s = stats(f);
    assert_int_equal(s.mentions, 3);
    assert_int_equal(s.sentences, 2);
    check_fts(f);
    annals_store_filter flt;
    annals_store_filter_init(&flt);
    flt.text = "second";
    assert_int_equal(count(f, &flt), 2); /* both records of p1's sentence 0 */
    flt.text = "first";
    assert_int_equal(count(f, &flt), 0);
    /* Loading the same again changes nothing. */
    st = load(f, b);
    s = stats(f);
    assert_int_equal(s.mentions, 3);
    check_fts(f);
}

static void test_filter_check(void **state)
{
    (void)state;
    annals_store_filter flt;
    char msg[200];
    struct {
        const char *field, *value;
    } bad[] = {{"from", "2020-02-30"}, {"to", "tomorrow"}, {"root", "1"},
               {"code", "12a"}, {"source", "prk"}, {"text", "  "}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        annals_store_filter_init(&flt);
        const char **slot = !strcmp(bad[i].field, "from")    ? &flt.from
                            : !strcmp(bad[i].field, "to")    ? &flt.to
                            : !strcmp(bad[i].field, "root")  ? &flt.root
                            : !strcmp(bad[i].field, "code")  ? &flt.code
                            : !strcmp(bad[i].field, "source") ? &flt.source
                                                             : &flt.text;
        *slot = bad[i].value;
        assert_int_equal(annals_store_filter_check(&flt, msg, sizeof msg), ANNALS_E_ARG);
        assert_non_null(strstr(msg, bad[i].field));
    }
    annals_store_filter_init(&flt);
    flt.quad = 5;
    assert_int_equal(annals_store_filter_check(&flt, msg, sizeof msg), ANNALS_E_ARG);
    annals_store_filter_init(&flt);
    flt.dyad_a = "USA";
    assert_int_equal(annals_store_filter_check(&flt, msg, sizeof msg), ANNALS_E_ARG);
    annals_store_filter_init(&flt);
    flt.from = "2021-01-01";
    flt.to = "2020-01-01";
    assert_int_equal(annals_store_filter_check(&flt, msg, sizeof msg), ANNALS_E_ARG);
    flt.to = "2021-01-01";
    assert_int_equal(annals_store_filter_check(&flt, msg, sizeof msg), ANNALS_OK);
}

static void test_add_document(void **state)
{
    fixture *f = *state;
    annals_sentence sents[] = {{.text = "A title", .kind = ANNALS_SENT_TITLE},
                               {.text = "Iran threatened Israel."},
                               {.text = "Nothing else happened."}};
    annals_event ev = {.sent = 1, .source = "IRN", .target = "ISR", .code = "130", .quad = 3,
                       .goldstein = -4.4, .plover = "THREATEN", .source_text = "Iran",
                       .target_text = "Israel", .verb_text = "threatened",
                       .pattern = "verbs.txt:3"};
    const char *text = "Iran threatened Israel. Nothing else happened.";
    annals_document doc = {.id = "n1", .text = text, .text_len = strlen(text),
                           .date = "2022-02-02", .title = "A title", .publisher = "AP"};
    assert_int_equal(annals_store_add_document(f->s, &doc, sents, 3, &ev, 1), 1);
    assert_int_equal(annals_store_add_document(f->s, &doc, sents, 3, &ev, 1), 0);
    annals_store_stats s = stats(f);
    assert_int_equal(s.documents, 1);
    assert_int_equal(s.sentences, 3);
    assert_int_equal(s.mentions, 1);
    /* The event takes the document's date and its sentence's text. */
    annals_store_filter flt;
    annals_store_filter_init(&flt);
    flt.text = "threatened";
    flt.from = "2022-02-02";
    flt.to = "2022-02-02";
    assert_int_equal(count(f, &flt), 1);
    /* A document without events still keeps its sentences. */
    doc.text = "Iran threatened Israel. Something else happened.";
    doc.text_len = strlen(doc.text);
    sents[2].text = "Something else happened.";
    assert_int_equal(annals_store_add_document(f->s, &doc, sents, 3, NULL, 0), 1);
    s = stats(f);
    assert_int_equal(s.mentions, 0);
    assert_int_equal(s.events, 0);
    assert_int_equal(s.sentences, 3);
    check_fts(f);
    /* Replaced before its batch was committed (its sentences never
     * indexed), then committed: only the new text is found. */
    doc.id = "n2";
    sents[2].text = "First words.";
    assert_int_equal(annals_store_add_document(f->s, &doc, sents, 3, &ev, 1), 1);
    doc.text = "Iran threatened Israel. Second words.";
    doc.text_len = strlen(doc.text);
    sents[2].text = "Second words.";
    assert_int_equal(annals_store_add_document(f->s, &doc, sents, 3, &ev, 1), 1);
    check_fts(f);
    annals_store_filter_init(&flt);
    flt.text = "threatened";
    assert_int_equal(count(f, &flt), 1);
    annals_document none = {.id = "", .text = ""};
    assert_int_equal(annals_store_add_document(f->s, &none, NULL, 0, NULL, 0), ANNALS_E_ARG);
}

static void test_open_errors(void **state)
{
    fixture *f = *state;
    int err = 0;
    /* Port 1: no server.  A build without libpq says it has no PostgreSQL;
     * one with it says it could not connect, naming the store. */
    assert_null(annals_store_open("postgresql://127.0.0.1:1/annals", NULL, &err));
    if (err == ANNALS_E_UNSUPPORTED) {
        assert_non_null(strstr(annals_store_open_error(), "PostgreSQL"));
    } else {
        assert_int_equal(err, ANNALS_E_IO);
        assert_non_null(
            strstr(annals_store_open_error(), "postgresql://127.0.0.1:1/annals: cannot open"));
    }
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.create = 0;
    char missing[128];
    snprintf(missing, sizeof missing, "%s/missing.db", f->dir);
    assert_null(annals_store_open(missing, &opt, &err));
    assert_int_equal(err, ANNALS_E_IO);
    assert_int_equal(access(missing, F_OK), -1);
    assert_null(annals_store_open("", NULL, &err));
    assert_int_equal(err, ANNALS_E_ARG);
    assert_int_equal(annals_store_close(NULL), ANNALS_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_load_and_reload, setup, teardown),
        cmocka_unit_test_setup_teardown(test_writer_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replace_on_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_aggregate_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dedup_window, setup, teardown),
        cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_series_and_tops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_records, setup, teardown),
        cmocka_unit_test_setup_teardown(test_document_again_in_one_batch, setup, teardown),
        cmocka_unit_test(test_filter_check),
        cmocka_unit_test_setup_teardown(test_add_document, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
