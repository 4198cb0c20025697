/* pg_query.c — reading the PostgreSQL store: records, events, series, top
 * lists and documents under one filter, giving the rows sqlite_query.c
 * gives, in the same order.
 *
 * The conditions of a filter come from filter_sql.c, as SQLite's do;
 * every value the user gave is a $n parameter of PQsendQueryParams (an
 * unnamed prepared statement), never pasted into the text.  The order is
 * SQLite's: undated first (NULLS FIRST), text by bytes (the "C" collation of the
 * columns).  Rows are read one at a time (single-row mode), so a large
 * answer is never held whole in memory. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/filter_sql.h"
#include "store/pg.h"

/* The sentences (doc, idx) whose words match the filter's, as a tsquery
 * literal bound like any value (pg_text.c): the full-text search of
 * store_query_where. */
static void q_text(store_query *q, const char *alias, const char *text)
{
    core_buf tsq = CORE_BUF_INIT;
    if (!store_pg_tsquery(&tsq, text)) {
        /* A word without a letter or digit: FTS5 finds nothing. */
        q->failed |= tsq.failed;
        core_buf_free(&tsq);
        core_buf_puts(&q->sql, " AND false");
        return;
    }
    core_buf_printf(&q->sql,
                    " AND (%s.doc, %s.sent) IN (SELECT s.doc, s.idx FROM sentences s"
                    " WHERE s.tsv @@ ",
                    alias, alias);
    store_query_bind_as(q, store_query_own(q, tsq.failed ? NULL : core_buf_steal(&tsq)),
                        "tsquery");
    core_buf_free(&tsq);
    core_buf_puts(&q->sql, ")");
}

/* A query of this back end: $n placeholders, tsquery for words. */
static void q_init(store_query *q)
{
    store_query_init(q, STORE_PARAM_PG, q_text);
}

/* A count as a bound value (owned by the query). */
static void q_bind_count(store_query *q, size_t v)
{
    char num[24];
    snprintf(num, sizeof num, "%zu", v);
    store_query_bind_as(q, store_query_own(q, strdup(num)), "bigint");
}

/* Ends the query with its limit (none when 0) and offset. */
static void q_limit(store_query *q, size_t limit, size_t offset)
{
    /* LIMIT NULL is no limit. */
    core_buf_puts(&q->sql, " LIMIT ");
    if (limit)
        q_bind_count(q, limit);
    else
        store_query_bind_as(q, NULL, "bigint");
    core_buf_puts(&q->sql, " OFFSET ");
    q_bind_count(q, offset);
}

/* Runs the query row by row, calling `row` on each until it returns
 * non-zero; the rest of the answer is then read and dropped (a cancel
 * request could reach the server late and cancel the next statement). */
static int q_run(annals_store *s, store_query *q, int (*row)(PGresult *, void *), void *ctx)
{
    store_pg *pg = s->impl;
    if (q->failed || q->sql.failed)
        return store_fail(s, ANNALS_E_NOMEM, "out of memory");
    if (!PQsendQueryParams(pg->conn, q->sql.data, q->n, NULL, q->vals, NULL, NULL, 0))
        return store_pg_fail(s, NULL, "running a query");
    PQsetSingleRowMode(pg->conn);
    int rc = ANNALS_OK;
    bool stopped = false;
    PGresult *res;
    while ((res = PQgetResult(pg->conn))) {
        ExecStatusType st = PQresultStatus(res);
        if (st == PGRES_SINGLE_TUPLE) {
            if (!stopped && !rc && row(res, ctx))
                stopped = true;
            PQclear(res);
        } else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && !rc) {
            rc = store_pg_fail(s, res, "running a query");
        } else {
            PQclear(res);
        }
    }
    return rc;
}

/* Ends the query with its limit and offset, runs it calling `row` on each
 * row and frees it: the end of every filtered read. */
static int q_finish(annals_store *s, store_query *q, size_t limit, size_t offset,
                    int (*row)(PGresult *, void *), void *ctx)
{
    q_limit(q, limit, offset);
    int rc = q_run(s, q, row, ctx);
    store_query_free(q);
    return rc;
}

static const char *val(PGresult *res, int col)
{
    return PQgetvalue(res, 0, col);
}

static const char *val_or_null(PGresult *res, int col)
{
    return PQgetisnull(res, 0, col) ? NULL : PQgetvalue(res, 0, col);
}

static size_t val_size(PGresult *res, int col)
{
    return (size_t)strtoull(PQgetvalue(res, 0, col), NULL, 10);
}

static double val_double(PGresult *res, int col)
{
    return strtod(PQgetvalue(res, 0, col), NULL);
}

/* ---- records ------------------------------------------------------- */

typedef struct rec_ctx {
    annals_store_record_fn fn;
    void *user;
    const char *doc;         /* the document's id, or NULL: column 0 */
} rec_ctx;

/* A record from columns `k`.. (sent, date, ... pattern, text). */
static int record_row_at(PGresult *res, rec_ctx *c, const char *doc, int k)
{
    annals_store_record r = {
        .doc = doc, .sent = val_size(res, k), .date = val_or_null(res, k + 1),
        .source = val(res, k + 2), .target = val(res, k + 3), .code = val(res, k + 4),
        .root = val(res, k + 5), .quad = atoi(val(res, k + 6)),
        .goldstein = val_double(res, k + 7), .plover = val(res, k + 8),
        .source_text = val(res, k + 9), .target_text = val(res, k + 10),
        .verb_text = val(res, k + 11), .pattern = val(res, k + 12), .text = val(res, k + 13)};
    return c->fn(c->user, &r);
}

static int record_row(PGresult *res, void *p)
{
    return record_row_at(res, p, val(res, 0), 1);
}

#define PG_RECORD_COLUMNS                                                                   \
    "m.sent, m.date, m.source, m.target, m.code, m.root, m.quad, m.goldstein, m.plover,"    \
    " m.source_text, m.target_text, m.verb_text, m.pattern, coalesce(s.text, '')"

int store_pg_records(annals_store *s, const annals_store_filter *f, annals_store_record_fn fn,
                     void *user)
{
    store_query q;
    q_init(&q);
    core_buf_puts(&q.sql, "SELECT d.id, " PG_RECORD_COLUMNS
                          " FROM mentions m JOIN documents d ON d.key = m.doc"
                          " LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sent"
                          " WHERE true");
    store_query_where(&q, f, "m");
    core_buf_puts(&q.sql, " ORDER BY m.date NULLS FIRST, d.id, m.sent, m.id");
    rec_ctx c = {fn, user, NULL};
    return q_finish(s, &q, f->limit, f->offset, record_row, &c);
}

/* ---- events -------------------------------------------------------- */

typedef struct ev_ctx {
    annals_store_event_fn fn;
    void *user;
} ev_ctx;

static int event_row(PGresult *res, void *p)
{
    ev_ctx *c = p;
    annals_store_event e = {
        .date = val_or_null(res, 0), .end_date = val_or_null(res, 1),
        .source = val(res, 2), .target = val(res, 3), .code = val(res, 4),
        .root = val(res, 5), .quad = atoi(val(res, 6)), .goldstein = val_double(res, 7),
        .num_mentions = val_size(res, 8), .num_sources = val_size(res, 9),
        .num_articles = val_size(res, 10)};
    return c->fn(c->user, &e);
}

int store_pg_events(annals_store *s, const annals_store_filter *f, annals_store_event_fn fn,
                    void *user)
{
    store_query q;
    q_init(&q);
    core_buf_puts(&q.sql,
                  "SELECT e.date, e.end_date, e.source, e.target, e.code, e.root, e.quad,"
                  " e.goldstein, e.num_mentions, e.num_sources, e.num_articles"
                  " FROM events e WHERE true");
    store_query_where(&q, f, "e");
    core_buf_puts(&q.sql,
                  " ORDER BY e.date NULLS FIRST, e.source, e.target, e.code, e.bucket");
    ev_ctx c = {fn, user};
    return q_finish(s, &q, f->limit, f->offset, event_row, &c);
}

/* ---- aggregates ---------------------------------------------------- */

static int bin_row(PGresult *res, void *p)
{
    store_bin_ctx *c = p;
    int k = c->two_keys ? 2 : 1;
    annals_store_bin b = {
        .key = val(res, 0), .key2 = c->two_keys ? val(res, 1) : NULL,
        .events = val_size(res, k), .mentions = val_size(res, k + 1),
        .goldstein_sum = val_double(res, k + 2), .goldstein_mean = val_double(res, k + 3)};
    for (int q = 1; c->quads && q <= 4; q++)
        b.quad_events[q] = val_size(res, k + 3 + q);
    return c->fn(c->user, &b);
}

int store_pg_series(annals_store *s, const annals_store_filter *f, annals_interval iv,
                    annals_store_bin_fn fn, void *user)
{
    /* A week is named by its Monday, as SQLite's date(d, '-6 days',
     * 'weekday 1') names it. */
#define PG_WEEK(d)                                                                          \
    "to_char((" d ")::date - (extract(isodow FROM (" d ")::date)::integer - 1), 'YYYY-MM-DD')"
    static const char *const period_e[] = {
        [ANNALS_BY_DAY] = "e.date AS p",
        [ANNALS_BY_WEEK] = PG_WEEK("e.date") " AS p",
        [ANNALS_BY_MONTH] = "substr(e.date, 1, 7) AS p",
        [ANNALS_BY_YEAR] = "substr(e.date, 1, 4) AS p",
    };
    static const char *const period_m[] = {
        [ANNALS_BY_DAY] = "min(m.date) AS p",
        [ANNALS_BY_WEEK] = PG_WEEK("min(m.date)") " AS p",
        [ANNALS_BY_MONTH] = "substr(min(m.date), 1, 7) AS p",
        [ANNALS_BY_YEAR] = "substr(min(m.date), 1, 4) AS p",
    };
#undef PG_WEEK
    store_query q;
    q_init(&q);
    /* Goldstein sums and means are in double precision, as SQLite's
     * (numeric would be exact, but then differ from SQLite's sums of the
     * same values more often, not less). */
    store_query_events_cte(&q, f, period_e[iv], period_m[iv], true, NULL);
    /* The QuadClass counts in the same pass, as SQLite gives them. */
    core_buf_puts(&q.sql, "SELECT p, count(*), sum(nm), sum(g), avg(g),"
                          " count(*) FILTER (WHERE q = 1), count(*) FILTER (WHERE q = 2),"
                          " count(*) FILTER (WHERE q = 3), count(*) FILTER (WHERE q = 4)"
                          " FROM ev GROUP BY p ORDER BY p COLLATE \"C\"");
    store_bin_ctx c = {fn, user, false, true};
    return q_finish(s, &q, f->limit, f->offset, bin_row, &c);
}

int store_pg_top(annals_store *s, const annals_store_filter *f, bool actors, size_t n,
                 annals_store_bin_fn fn, void *user)
{
    store_query q;
    q_init(&q);
    store_query_events_cte(&q, f, "e.source AS a, e.target AS b",
                           "m.source AS a, m.target AS b", false, NULL);
    store_query_top(&q, actors);
    store_bin_ctx c = {fn, user, !actors, false};
    return q_finish(s, &q, n, f->offset, bin_row, &c);
}

static int stats_row(PGresult *res, void *p)
{
    annals_store_stats *o = p;
    size_t *v[] = {&o->documents, &o->sentences, &o->mentions, &o->events, &o->actors};
    for (int i = 0; i < 5; i++)
        *v[i] = val_size(res, i);
    return 0;
}

int store_pg_stats(annals_store *s, annals_store_stats *out)
{
    memset(out, 0, sizeof *out);
    store_query q;
    q_init(&q);
    core_buf_puts(&q.sql, store_stats_sql);
    int rc = q_run(s, &q, stats_row, out);
    store_query_free(&q);
    return rc;
}

/* ---- one document -------------------------------------------------- */

typedef struct doc_ctx {
    annals_store_doc_fn doc_fn;
    annals_store_sentence_fn sent_fn;
    rec_ctx rec;
    char *key;               /* the document's key, once found */
    bool stopped, nomem;
} doc_ctx;

static int doc_head_row(PGresult *res, void *p)
{
    doc_ctx *c = p;
    c->key = strdup(val(res, 0));
    c->nomem = !c->key;
    annals_store_doc d = {val(res, 1), val_or_null(res, 2), val_or_null(res, 3),
                          val_or_null(res, 4), val_or_null(res, 5)};
    c->stopped = c->doc_fn && c->doc_fn(c->rec.user, &d) != 0;
    return 0;
}

static int doc_sentence_row(PGresult *res, void *p)
{
    doc_ctx *c = p;
    annals_store_sentence sn = {val_size(res, 0), atoi(val(res, 1)), val(res, 2)};
    return c->stopped = c->sent_fn(c->rec.user, &sn) != 0;
}

static int doc_record_row(PGresult *res, void *p)
{
    doc_ctx *c = p;
    return c->stopped = record_row_at(res, &c->rec, c->rec.doc, 0) != 0;
}

/* Runs one part of the document's reading: `sql` with one parameter. */
static int doc_part(annals_store *s, const char *sql, const char *param,
                    int (*row)(PGresult *, void *), doc_ctx *c)
{
    store_query q;
    q_init(&q);
    core_buf_puts(&q.sql, sql);
    q.vals[q.n++] = param;
    int rc = q_run(s, &q, row, c);
    store_query_free(&q);
    return rc;
}

int store_pg_document(annals_store *s, const char *id, annals_store_doc_fn doc_fn,
                      annals_store_sentence_fn sent_fn, annals_store_record_fn rec_fn,
                      void *user)
{
    store_pg *pg = s->impl;
    /* One snapshot for the three reads, should a loader commit between
     * them. */
    char msg[768];
    if (store_pg_exec(pg->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", msg,
                      sizeof msg))
        return store_fail(s, ANNALS_E_IO, "reading a document: %s", msg);
    doc_ctx c = {doc_fn, sent_fn, {rec_fn, user, id}, NULL, false, false};
    int rc = doc_part(s, "SELECT key, id, date, url, title, publisher FROM documents"
                         " WHERE id = $1",
                      id, doc_head_row, &c);
    if (!rc && c.key && !c.stopped && sent_fn)
        rc = doc_part(s, "SELECT idx, kind, text FROM sentences WHERE doc = $1::bigint"
                         " ORDER BY idx",
                      c.key, doc_sentence_row, &c);
    if (!rc && c.key && !c.stopped && rec_fn)
        rc = doc_part(s, "SELECT " PG_RECORD_COLUMNS
                         " FROM mentions m LEFT JOIN sentences s"
                         " ON s.doc = m.doc AND s.idx = m.sent"
                         " WHERE m.doc = $1::bigint ORDER BY m.sent, m.id",
                      c.key, doc_record_row, &c);
    store_pg_exec(pg->conn, "COMMIT", NULL, 0);
    bool found = c.key != NULL;
    free(c.key);
    if (!rc && c.nomem)
        rc = store_fail(s, ANNALS_E_NOMEM, "out of memory");
    return rc ? rc : found;
}
