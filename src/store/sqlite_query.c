/* sqlite_query.c — reading the SQLite store: records, events, series and
 * top lists under one filter.
 *
 * The conditions of a filter come from filter_sql.c, as PostgreSQL's do;
 * every value the user gave is bound as a ?n parameter of a prepared
 * statement, never pasted into the text. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/filter_sql.h"
#include "store/sqlite.h"

/* Words to an FTS5 query: each word a quoted string (quotes doubled), all
 * of them required, so that no word is read as FTS5 syntax. */
static char *fts_query(const char *text)
{
    core_buf b = CORE_BUF_INIT;
    const char *p = text;
    while (*p) {
        while (*p && (unsigned char)*p <= ' ')
            p++;
        if (!*p)
            break;
        if (b.len)
            core_buf_putc(&b, ' ');
        core_buf_putc(&b, '"');
        for (; *p && (unsigned char)*p > ' '; p++) {
            if (*p == '"')
                core_buf_putc(&b, '"');
            core_buf_putc(&b, *p);
        }
        core_buf_putc(&b, '"');
    }
    if (b.failed) {
        core_buf_free(&b);
        return NULL;
    }
    return core_buf_steal(&b);
}

/* The sentences (doc, idx) whose text matches the filter's words: the
 * full-text search of store_query_where. */
static void q_text(store_query *q, const char *alias, const char *text)
{
    core_buf_printf(&q->sql,
                    " AND (%s.doc, %s.sent) IN (SELECT s.doc, s.idx FROM sentences s"
                    " WHERE s.rowid IN (SELECT rowid FROM sentences_fts"
                    " WHERE sentences_fts MATCH ",
                    alias, alias);
    store_query_bind(q, store_query_own(q, fts_query(text)));
    core_buf_puts(&q->sql, "))");
}

/* A query of this back end: ?n placeholders, FTS5 for words. */
static void q_init(store_query *q)
{
    store_query_init(q, STORE_PARAM_SQLITE, q_text);
}

/* Prepares the query and binds its values and, last, the limit and the
 * offset (rows skipped first). */
static int q_prepare(annals_store *s, store_query *q, size_t limit, size_t offset,
                     sqlite3_stmt **st)
{
    store_sqlite *impl = s->impl;
    core_buf_printf(&q->sql, " LIMIT ?%d OFFSET ?%d", q->n + 1, q->n + 2);
    if (q->failed || q->sql.failed)
        return store_fail(s, ANNALS_E_NOMEM, "out of memory");
    if (sqlite3_prepare_v2(impl->db, q->sql.data, -1, st, NULL) != SQLITE_OK)
        return store_sqlite_fail(s, impl->db, "preparing a query");
    for (int i = 0; i < q->n; i++)
        sqlite3_bind_text(*st, i + 1, q->vals[i], -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(*st, q->n + 1, limit && limit <= INT64_MAX ? (sqlite3_int64)limit : -1);
    sqlite3_bind_int64(*st, q->n + 2, offset <= INT64_MAX ? (sqlite3_int64)offset : INT64_MAX);
    return ANNALS_OK;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? v : "";
}

static const char *col_text_or_null(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* Steps through the rows, calling `row` on each until it returns
 * non-zero; finalizes the statement. */
static int q_run(annals_store *s, sqlite3_stmt *st, int (*row)(sqlite3_stmt *, void *),
                 void *ctx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (row(st, ctx))
            break;
    int out = rc == SQLITE_ROW || rc == SQLITE_DONE
                  ? ANNALS_OK
                  : store_sqlite_fail(s, ((store_sqlite *)s->impl)->db, "running a query");
    sqlite3_finalize(st);
    return out;
}

/* Prepares the query with its limit and offset, frees its text and runs
 * it, calling `row` on each row: the end of every filtered read. */
static int q_finish(annals_store *s, store_query *q, size_t limit, size_t offset,
                    int (*row)(sqlite3_stmt *, void *), void *ctx)
{
    sqlite3_stmt *st = NULL;
    int rc = q_prepare(s, q, limit, offset, &st);
    store_query_free(q);
    return rc ? rc : q_run(s, st, row, ctx);
}

/* ---- records ------------------------------------------------------- */

typedef struct rec_ctx {
    annals_store_record_fn fn;
    void *user;
} rec_ctx;

static int record_row(sqlite3_stmt *st, void *p)
{
    rec_ctx *c = p;
    annals_store_record r = {
        .doc = col_text(st, 0), .sent = (size_t)sqlite3_column_int64(st, 1),
        .date = col_text_or_null(st, 2), .source = col_text(st, 3),
        .target = col_text(st, 4), .code = col_text(st, 5), .root = col_text(st, 6),
        .quad = sqlite3_column_int(st, 7), .goldstein = sqlite3_column_double(st, 8),
        .plover = col_text(st, 9), .source_text = col_text(st, 10),
        .target_text = col_text(st, 11), .verb_text = col_text(st, 12),
        .pattern = col_text(st, 13), .text = col_text(st, 14)};
    return c->fn(c->user, &r);
}

int store_sqlite_records(annals_store *s, const annals_store_filter *f,
                         annals_store_record_fn fn, void *user)
{
    store_query q;
    q_init(&q);
    core_buf_puts(&q.sql,
                  "SELECT d.id, m.sent, m.date, m.source, m.target, m.code, m.root, m.quad,"
                  " m.goldstein, m.plover, m.source_text, m.target_text, m.verb_text,"
                  " m.pattern, coalesce(s.text, '')"
                  " FROM mentions m JOIN documents d ON d.key = m.doc"
                  " LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sent WHERE 1");
    store_query_where(&q, f, "m");
    core_buf_puts(&q.sql, " ORDER BY m.date, d.id, m.sent, m.rowid");
    rec_ctx c = {fn, user};
    return q_finish(s, &q, f->limit, f->offset, record_row, &c);
}

/* ---- events -------------------------------------------------------- */

typedef struct ev_ctx {
    annals_store_event_fn fn;
    void *user;
} ev_ctx;

static int event_row(sqlite3_stmt *st, void *p)
{
    ev_ctx *c = p;
    annals_store_event e = {
        .date = col_text_or_null(st, 0), .end_date = col_text_or_null(st, 1),
        .source = col_text(st, 2), .target = col_text(st, 3), .code = col_text(st, 4),
        .root = col_text(st, 5), .quad = sqlite3_column_int(st, 6),
        .goldstein = sqlite3_column_double(st, 7),
        .num_mentions = (size_t)sqlite3_column_int64(st, 8),
        .num_sources = (size_t)sqlite3_column_int64(st, 9),
        .num_articles = (size_t)sqlite3_column_int64(st, 10)};
    return c->fn(c->user, &e);
}

int store_sqlite_events(annals_store *s, const annals_store_filter *f,
                        annals_store_event_fn fn, void *user)
{
    store_query q;
    q_init(&q);
    core_buf_puts(&q.sql,
                  "SELECT e.date, e.end_date, e.source, e.target, e.code, e.root, e.quad,"
                  " e.goldstein, e.num_mentions, e.num_sources, e.num_articles"
                  " FROM events e WHERE true");
    store_query_where(&q, f, "e");
    core_buf_puts(&q.sql, " ORDER BY e.date, e.source, e.target, e.code, e.bucket");
    ev_ctx c = {fn, user};
    return q_finish(s, &q, f->limit, f->offset, event_row, &c);
}

/* ---- aggregates ---------------------------------------------------- */

static int bin_row(sqlite3_stmt *st, void *p)
{
    store_bin_ctx *c = p;
    int k = c->two_keys ? 2 : 1;
    annals_store_bin b = {
        .key = col_text(st, 0), .key2 = c->two_keys ? col_text(st, 1) : NULL,
        .events = (size_t)sqlite3_column_int64(st, k),
        .mentions = (size_t)sqlite3_column_int64(st, k + 1),
        .goldstein_sum = sqlite3_column_double(st, k + 2),
        .goldstein_mean = sqlite3_column_double(st, k + 3)};
    for (int q = 1; c->quads && q <= 4; q++)
        b.quad_events[q] = (size_t)sqlite3_column_int64(st, k + 3 + q);
    return c->fn(c->user, &b);
}

/* With both sides of a dyad constrained, the (source, target) pairs that
 * match, from the layout's dyad sums, as a condition on the events: each
 * pair is then one seek, where the prefix ranges alone would read every
 * event of the first actor ("USA" as source: a fifth of the store) to
 * find the few with the second.  The ranges stay too (store_query_where), so the
 * answer does not depend on this. */
static void q_dyads(store_query *q, const annals_store_filter *f)
{
    bool dyad = f->dyad_a && f->dyad_b;
    if (!dyad && !(f->source && f->target))
        return;
    annals_store_filter g;
    annals_store_filter_init(&g);
    g.source = f->source;
    g.target = f->target;
    g.dyad_a = f->dyad_a;
    g.dyad_b = f->dyad_b;
    core_buf_puts(&q->sql, " AND (e.source, e.target) IN (SELECT x.source, x.target"
                           " FROM event_dyads x WHERE x.events > 0");
    store_query_where(q, &g, "x");
    core_buf_puts(&q->sql, ")");
}

/* Whether `f` filters on nothing but dates, root and QuadClass, which the
 * day sums of the layout (event_days, sqlite_schema.c) can answer. */
static bool days_suffice(const annals_store_filter *f)
{
    return !f->source && !f->target && !f->actor && !f->dyad_a && !f->dyad_b && !f->code &&
           !f->text;
}

/* A series from the day sums: thousands of rows for a store of millions
 * of events. */
static int series_from_days(annals_store *s, const annals_store_filter *f, annals_interval iv,
                            annals_store_bin_fn fn, void *user)
{
    static const char *const period_d[] = {
        [ANNALS_BY_DAY] = "d.date AS p",
        [ANNALS_BY_WEEK] = "date(d.date, '-6 days', 'weekday 1') AS p",
        [ANNALS_BY_MONTH] = "substr(d.date, 1, 7) AS p",
        [ANNALS_BY_YEAR] = "substr(d.date, 1, 4) AS p",
    };
    store_query q;
    q_init(&q);
    core_buf_printf(&q.sql,
                    "WITH ev AS (SELECT %s, d.quad AS q, d.events AS n, d.mentions AS nm,"
                    " d.goldstein AS g FROM event_days d WHERE d.events > 0",
                    period_d[iv]);
    store_query_where(&q, f, "d");
    core_buf_puts(&q.sql, ") SELECT p, sum(n), sum(nm), sum(g), sum(g) / sum(n),"
                          " sum(CASE WHEN q = 1 THEN n ELSE 0 END),"
                          " sum(CASE WHEN q = 2 THEN n ELSE 0 END),"
                          " sum(CASE WHEN q = 3 THEN n ELSE 0 END),"
                          " sum(CASE WHEN q = 4 THEN n ELSE 0 END)"
                          " FROM ev GROUP BY p ORDER BY p");
    store_bin_ctx c = {fn, user, false, true};
    return q_finish(s, &q, f->limit, f->offset, bin_row, &c);
}

int store_sqlite_series(annals_store *s, const annals_store_filter *f, annals_interval iv,
                        annals_store_bin_fn fn, void *user)
{
    if (days_suffice(f))
        return series_from_days(s, f, iv, fn, user);
    static const char *const period_e[] = {
        [ANNALS_BY_DAY] = "e.date AS p",
        [ANNALS_BY_WEEK] = "date(e.date, '-6 days', 'weekday 1') AS p",
        [ANNALS_BY_MONTH] = "substr(e.date, 1, 7) AS p",
        [ANNALS_BY_YEAR] = "substr(e.date, 1, 4) AS p",
    };
    static const char *const period_m[] = {
        [ANNALS_BY_DAY] = "min(m.date) AS p",
        [ANNALS_BY_WEEK] = "date(min(m.date), '-6 days', 'weekday 1') AS p",
        [ANNALS_BY_MONTH] = "substr(min(m.date), 1, 7) AS p",
        [ANNALS_BY_YEAR] = "substr(min(m.date), 1, 4) AS p",
    };
    store_query q;
    q_init(&q);
    store_query_events_cte(&q, f, period_e[iv], period_m[iv], true, q_dyads);
    /* The QuadClass counts come in the same pass: a dashboard's timeline
     * needs them, and four more queries would read the events four more
     * times. */
    core_buf_puts(&q.sql, "SELECT p, count(*), sum(nm), sum(g), avg(g), sum(q = 1),"
                          " sum(q = 2), sum(q = 3), sum(q = 4) FROM ev"
                          " GROUP BY p ORDER BY p");
    store_bin_ctx c = {fn, user, false, true};
    return q_finish(s, &q, f->limit, f->offset, bin_row, &c);
}

/* The top lists of the whole store from the dyad sums of the layout. */
static int top_from_dyads(annals_store *s, const annals_store_filter *f, bool actors, size_t n,
                          annals_store_bin_fn fn, void *user)
{
    store_query q;
    q_init(&q);
    if (actors)
        core_buf_puts(&q.sql,
                      "SELECT a, sum(n), sum(nm), sum(g), sum(g) / sum(n) FROM"
                      " (SELECT source AS a, events AS n, mentions AS nm, goldstein AS g"
                      "  FROM event_dyads WHERE events > 0 UNION ALL"
                      "  SELECT target, events, mentions, goldstein FROM event_dyads"
                      "  WHERE events > 0 AND target <> '---' AND target <> source)"
                      " GROUP BY a ORDER BY sum(n) DESC, sum(nm) DESC, a");
    else
        core_buf_puts(&q.sql, "SELECT source, target, events, mentions, goldstein,"
                              " goldstein / events FROM event_dyads WHERE events > 0"
                              " ORDER BY events DESC, mentions DESC, source, target");
    store_bin_ctx c = {fn, user, !actors, false};
    return q_finish(s, &q, n, f->offset, bin_row, &c);
}

int store_sqlite_top(annals_store *s, const annals_store_filter *f, bool actors, size_t n,
                     annals_store_bin_fn fn, void *user)
{
    if (days_suffice(f) && !f->root && !f->quad && !f->from && !f->to)
        return top_from_dyads(s, f, actors, n, fn, user);
    store_query q;
    q_init(&q);
    store_query_events_cte(&q, f, "e.source AS a, e.target AS b",
                           "m.source AS a, m.target AS b", false, q_dyads);
    store_query_top(&q, actors);
    store_bin_ctx c = {fn, user, !actors, false};
    return q_finish(s, &q, n, f->offset, bin_row, &c);
}

static int stats_row(sqlite3_stmt *st, void *p)
{
    annals_store_stats *o = p;
    size_t *v[] = {&o->documents, &o->sentences, &o->mentions, &o->events, &o->actors};
    for (int i = 0; i < 5; i++)
        *v[i] = (size_t)sqlite3_column_int64(st, i);
    return 0;
}

int store_sqlite_stats(annals_store *s, annals_store_stats *out)
{
    store_sqlite *impl = s->impl;
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(impl->db, store_stats_sql, -1, &st, NULL) != SQLITE_OK)
        return store_sqlite_fail(s, impl->db, "counting");
    return q_run(s, st, stats_row, out);
}

/* ---- one document -------------------------------------------------- */

typedef struct doc_ctx {
    annals_store_sentence_fn sent_fn;
    annals_store_record_fn rec_fn;
    void *user;
    const char *id;
    bool stopped;            /* a callback said stop */
} doc_ctx;

static int doc_sentence_row(sqlite3_stmt *st, void *p)
{
    doc_ctx *c = p;
    annals_store_sentence sn = {(size_t)sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1),
                                col_text(st, 2)};
    return c->stopped = c->sent_fn(c->user, &sn) != 0;
}

static int doc_record_row(sqlite3_stmt *st, void *p)
{
    doc_ctx *c = p;
    annals_store_record r = {
        .doc = c->id, .sent = (size_t)sqlite3_column_int64(st, 0),
        .date = col_text_or_null(st, 1), .source = col_text(st, 2),
        .target = col_text(st, 3), .code = col_text(st, 4), .root = col_text(st, 5),
        .quad = sqlite3_column_int(st, 6), .goldstein = sqlite3_column_double(st, 7),
        .plover = col_text(st, 8), .source_text = col_text(st, 9),
        .target_text = col_text(st, 10), .verb_text = col_text(st, 11),
        .pattern = col_text(st, 12), .text = col_text(st, 13)};
    return c->stopped = c->rec_fn(c->user, &r) != 0;
}

/* Runs `sql` with the document's key bound, a row at a time. */
static int doc_part(annals_store *s, const char *sql, sqlite3_int64 key,
                    int (*row)(sqlite3_stmt *, void *), doc_ctx *c)
{
    store_sqlite *impl = s->impl;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(impl->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_sqlite_fail(s, impl->db, "reading a document");
    sqlite3_bind_int64(st, 1, key);
    return q_run(s, st, row, c);
}

/* The document row; 1 with its key and the callback called, 0 absent. */
static int doc_head(annals_store *s, const char *id, annals_store_doc_fn doc_fn, doc_ctx *c,
                    sqlite3_int64 *key)
{
    store_sqlite *impl = s->impl;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(impl->db,
                           "SELECT key, id, date, url, title, publisher FROM documents"
                           " WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return store_sqlite_fail(s, impl->db, "reading a document");
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int out = 0;
    if (rc == SQLITE_ROW) {
        *key = sqlite3_column_int64(st, 0);
        annals_store_doc d = {col_text(st, 1), col_text_or_null(st, 2),
                              col_text_or_null(st, 3), col_text_or_null(st, 4),
                              col_text_or_null(st, 5)};
        c->stopped = doc_fn && doc_fn(c->user, &d) != 0;
        out = 1;
    } else if (rc != SQLITE_DONE) {
        out = store_sqlite_fail(s, impl->db, "reading a document");
    }
    sqlite3_finalize(st);
    return out;
}

int store_sqlite_document(annals_store *s, const char *id, annals_store_doc_fn doc_fn,
                          annals_store_sentence_fn sent_fn, annals_store_record_fn rec_fn,
                          void *user)
{
    store_sqlite *impl = s->impl;
    /* One read transaction: the parts come from one state of the store
     * even when a loader commits in between. */
    if (sqlite3_exec(impl->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return store_sqlite_fail(s, impl->db, "reading a document");
    doc_ctx c = {sent_fn, rec_fn, user, id, false};
    sqlite3_int64 key = 0;
    int rc = doc_head(s, id, doc_fn, &c, &key);
    if (rc == 1 && !c.stopped && sent_fn) {
        int prc = doc_part(s, "SELECT idx, kind, text FROM sentences WHERE doc = ?1"
                              " ORDER BY idx",
                           key, doc_sentence_row, &c);
        rc = prc ? prc : rc;
    }
    if (rc == 1 && !c.stopped && rec_fn) {
        int prc = doc_part(s,
                           "SELECT m.sent, m.date, m.source, m.target, m.code, m.root, m.quad,"
                           " m.goldstein, m.plover, m.source_text, m.target_text, m.verb_text,"
                           " m.pattern, coalesce(s.text, '')"
                           " FROM mentions m LEFT JOIN sentences s"
                           " ON s.doc = m.doc AND s.idx = m.sent"
                           " WHERE m.doc = ?1 ORDER BY m.sent, m.rowid",
                           key, doc_record_row, &c);
        rc = prc ? prc : rc;
    }
    sqlite3_exec(impl->db, "COMMIT", NULL, NULL, NULL);
    return rc;
}
