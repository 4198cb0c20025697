/* pg.c — the PostgreSQL back end: connecting, and writing documents in
 * batched transactions, the same way sqlite.c does (doc/store.md).
 *
 * Statements are prepared once per connection (PQprepare) with $n
 * parameters, the many-row inserts of mentions when first needed (those of
 * more than PG_MENTION_PREPARED rows are parsed each time); values always
 * travel as parameters, never in the SQL text.  The statements of one
 * document are sent in libpq's pipeline mode, one round trip for its row
 * and one for its sentences and mentions.  A committed transaction is
 * durable on the server (synchronous_commit as the server says, on by
 * default); a client killed in the middle of a batch leaves the server to
 * roll it back. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

static const char *const pg_sql[PG_COUNT] = {
    /* The document's row, inserted first when it is new (then hash and
     * records_hash are NULL and `added` true): one statement, so that a
     * new document and a known one both cost one round trip.  The insert
     * draws no key when the row is there (the store's writers take turns,
     * so nobody adds it in between). */
    [PG_DOC_FIND] = "SELECT key, hash, records_hash, false FROM documents WHERE id = $1",
    [PG_DOC_FIND_OR_ADD] =
        "WITH old AS (SELECT key, hash, records_hash FROM documents WHERE id = $1),"
        " new AS (INSERT INTO documents (id, hash, date, url, title, publisher, records_hash)"
        "  SELECT $1, $2::bigint, $3, $4, $5, $6, $7::bigint"
        "  WHERE NOT EXISTS (SELECT 1 FROM old) RETURNING key)"
        " SELECT key, hash, records_hash, false AS added FROM old"
        " UNION ALL SELECT key, NULL, NULL, true FROM new",
    /* Coded again: its loaded records went with the old mentions. */
    [PG_DOC_UPDATE] = "UPDATE documents SET hash = $2, date = $3, url = $4, title = $5,"
                      " publisher = $6, records_hash = NULL WHERE key = $1",
    /* Records say less about a document than the coder: keep what they
     * do not say. */
    [PG_DOC_UPDATE_RECORDS] = "UPDATE documents SET records_hash = $2,"
                              " url = coalesce($3, url), title = coalesce($4, title),"
                              " publisher = coalesce($5, publisher) WHERE key = $1",
    [PG_DEL_MENTIONS] = "DELETE FROM mentions WHERE doc = $1",
    [PG_DEL_SENTENCES] = "DELETE FROM sentences WHERE doc = $1",
    [PG_SENT_INSERT] = "INSERT INTO sentences (doc, idx, kind, text, tsv)"
                       " VALUES ($1, $2, $3, $4, $5::tsvector)"
                       " ON CONFLICT (doc, idx) DO UPDATE SET text = excluded.text,"
                       " tsv = excluded.tsv WHERE sentences.text <> excluded.text",
    [PG_EVENTS_DELETE_DIRTY] = "DELETE FROM events e USING event_dirty x"
                               " WHERE e.source = x.source AND e.target = x.target"
                               " AND e.code = x.code AND e.bucket = x.bucket",
    [PG_EVENTS_INSERT_DIRTY] = store_pg_events_dirty_sql,
    [PG_DIRTY_CLEAR] = "DELETE FROM event_dirty",
};

static store_pg *impl(annals_store *s)
{
    return s->impl;
}

/* The name of prepared statement `which` of pg_sql. */
typedef struct pg_name {
    char v[24];
} pg_name;

static const char *stmt_name(pg_name *n, int which)
{
    snprintf(n->v, sizeof n->v, "annals_%d", which);
    return n->v;
}

/* Runs prepared statement `which` with `n` text parameters (NULL is SQL
 * NULL).  Returns the result when it succeeded (the caller clears it),
 * else NULL with the store's message set and *rc the error. */
static PGresult *pg_run(annals_store *s, int which, int n, const char *const *vals,
                        const char *what, int *rc)
{
    pg_name name;
    PGresult *res = PQexecPrepared(impl(s)->conn, stmt_name(&name, which), n, vals, NULL,
                                   NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
        *rc = ANNALS_OK;
        return res;
    }
    *rc = store_pg_fail(s, res, what);
    return NULL;
}

/* pg_run for statements whose rows are not wanted. */
static int pg_do(annals_store *s, int which, int n, const char *const *vals, const char *what)
{
    int rc;
    PQclear(pg_run(s, which, n, vals, what, &rc));
    return rc;
}

static int pg_simple(annals_store *s, const char *sql, const char *what)
{
    PGresult *res = PQexec(impl(s)->conn, sql);
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
        PQclear(res);
        return ANNALS_OK;
    }
    return store_pg_fail(s, res, what);
}

static int pg_begin(annals_store *s)
{
    int rc = pg_simple(s, "BEGIN", "beginning a transaction");
    if (!rc)
        rc = pg_simple(s, STORE_PG_LOCK_SQL, "waiting for other writers");
    return rc;
}

/* Brings the events of every key touched in this transaction up to date,
 * then commits: events and mentions are committed together. */
static int pg_commit(annals_store *s)
{
    int rc = pg_do(s, PG_EVENTS_DELETE_DIRTY, 0, NULL, "updating events");
    if (!rc)
        rc = pg_do(s, PG_EVENTS_INSERT_DIRTY, 0, NULL, "updating events");
    if (!rc)
        rc = pg_do(s, PG_DIRTY_CLEAR, 0, NULL, "updating events");
    if (!rc)
        rc = pg_simple(s, "COMMIT", "committing");
    return rc;
}

static void pg_rollback(annals_store *s)
{
    store_pg *pg = impl(s);
    if (pg->conn && PQtransactionStatus(pg->conn) != PQTRANS_IDLE)
        PQclear(PQexec(pg->conn, "ROLLBACK"));
}

/* Numbers as parameters: decimal text. */
typedef struct pg_num {
    char v[24];
} pg_num;

static const char *num_i64(pg_num *n, int64_t v)
{
    snprintf(n->v, sizeof n->v, "%" PRId64, v);
    return n->v;
}

/* ---- statements sent together ------------------------------------- */

/* Statements whose results are read after the last is sent.  With libpq's
 * pipeline mode (libpq 14 and later) they travel to the server together
 * and it answers them together: one round trip and one flush of its
 * output for a document's statements instead of one each, which costs
 * the server and annals less CPU (bench/RESULTS.md).  Without pipeline
 * mode each runs as it is sent.  The first failure is kept; the server
 * skips the statements after it. */
#define PG_PIPE_MAX 64

typedef struct pg_pipe {
    annals_store *s;
    int n;                               /* sent, results not read yet */
    const char *what[PG_PIPE_MAX];       /* what each does, for a message */
    int rc;                              /* the first failure */
} pg_pipe;

/* Clears a statement's result; a failure becomes p->rc when it is the
 * first. */
static void pipe_result(pg_pipe *p, PGresult *res, const char *what)
{
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && !p->rc &&
        st != PGRES_PIPELINE_ABORTED) {
        p->rc = store_pg_fail(p->s, res, what);
    } else {
        PQclear(res);
    }
}

static void pipe_begin(pg_pipe *p, annals_store *s)
{
    memset(p, 0, sizeof *p);
    p->s = s;
#ifdef LIBPQ_HAS_PIPELINING
    if (!PQenterPipelineMode(impl(s)->conn))
        p->rc = store_pg_fail(s, NULL, "sending statements");
#endif
}

#ifdef LIBPQ_HAS_PIPELINING
/* Asks for the answers of what was sent and reads them all. */
static void pipe_drain(pg_pipe *p)
{
    PGconn *conn = impl(p->s)->conn;
    if (!p->n)
        return;
    if (!PQpipelineSync(conn) && !p->rc)
        p->rc = store_pg_fail(p->s, NULL, "sending statements");
    for (int i = 0; i < p->n; i++) {
        PGresult *res;
        while ((res = PQgetResult(conn)))
            pipe_result(p, res, p->what[i]);
    }
    PGresult *sync = PQgetResult(conn);
    if (PQresultStatus(sync) != PGRES_PIPELINE_SYNC && !p->rc)
        p->rc = store_pg_fail(p->s, sync, "sending statements");
    else
        PQclear(sync);
    p->n = 0;
}
#endif

/* Sends prepared statement `name` (or, when NULL, `sql`, parsed anew) with
 * `n` text parameters.  libpq copies the values as it sends them: their
 * buffers can be reused at once. */
static void pipe_send(pg_pipe *p, const char *name, const char *sql, int n,
                      const char *const *vals, const char *what)
{
    PGconn *conn = impl(p->s)->conn;
    if (p->rc)
        return;
#ifdef LIBPQ_HAS_PIPELINING
    if (p->n == PG_PIPE_MAX)
        pipe_drain(p);
    int sent = name ? PQsendQueryPrepared(conn, name, n, vals, NULL, NULL, 0)
                    : PQsendQueryParams(conn, sql, n, NULL, vals, NULL, NULL, 0);
    if (!sent) {
        p->rc = store_pg_fail(p->s, NULL, what);
        return;
    }
    p->what[p->n++] = what;
#else
    pipe_result(p, name ? PQexecPrepared(conn, name, n, vals, NULL, NULL, 0)
                        : PQexecParams(conn, sql, n, NULL, vals, NULL, NULL, 0),
                what);
#endif
}

/* Reads every answer; returns the first failure. */
static int pipe_end(pg_pipe *p)
{
#ifdef LIBPQ_HAS_PIPELINING
    pipe_drain(p);
    if (!PQexitPipelineMode(impl(p->s)->conn) && !p->rc)
        p->rc = store_pg_fail(p->s, NULL, "sending statements");
#endif
    return p->rc;
}

/* ---- documents ----------------------------------------------------- */

/* The stored hashes of a document; key 0 when the store does not hold
 * it, has_records false when no records were loaded for it. */
typedef struct doc_row {
    int64_t key;
    uint64_t hash, records_hash;
    bool has_records;
} doc_row;

static void read_doc_row(PGresult *res, doc_row *row)
{
    memset(row, 0, sizeof *row);
    if (PQntuples(res) > 0) {
        row->key = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        row->hash = (uint64_t)strtoll(PQgetvalue(res, 0, 1), NULL, 10);
        row->has_records = !PQgetisnull(res, 0, 2);
        row->records_hash = (uint64_t)strtoll(PQgetvalue(res, 0, 2), NULL, 10);
    }
}

/* Finds the document's row and, when there is none, inserts it.  Returns
 * 1 with the new row's key in `*key`, 0 with the stored row in `old`, or
 * an error.  After a new document the next is looked up and added in one
 * statement (a load into a new store); after a known one it is looked up
 * alone, which costs the server less when the store holds most of what
 * is loaded again, and added by the same statement when it is new. */
static int find_or_add_doc(annals_store *s, const store_doc *d, bool records, doc_row *old,
                           int64_t *key)
{
    store_pg *pg = impl(s);
    pg_num h, rh;
    const char *vals[] = {d->id, num_i64(&h, records ? 0 : (int64_t)d->hash), d->date, d->url,
                          d->title, d->publisher,
                          /* a document known only from its records has no
                           * content hash */
                          records ? num_i64(&rh, (int64_t)d->hash) : NULL};
    int rc;
    memset(old, 0, sizeof *old);
    PGresult *res = NULL;
    if (!pg->last_added) {
        res = pg_run(s, PG_DOC_FIND, 1, vals, "finding a document", &rc);
        if (!res)
            return rc;
        if (PQntuples(res) == 0) {
            PQclear(res);
            res = NULL;
        }
    }
    if (!res && !(res = pg_run(s, PG_DOC_FIND_OR_ADD, 7, vals, "adding a document", &rc)))
        return rc;
    bool added = PQntuples(res) > 0 && !strcmp(PQgetvalue(res, 0, 3), "t");
    *key = PQntuples(res) > 0 ? strtoll(PQgetvalue(res, 0, 0), NULL, 10) : 0;
    if (!added)
        read_doc_row(res, old);
    PQclear(res);
    if (!*key)
        return store_fail(s, ANNALS_E_IO, "adding a document: '%s' was neither found nor added",
                          d->id);
    pg->last_added = added;
    return added ? 1 : 0;
}

/* Deletes what the document had of `which` (PG_DEL_MENTIONS or
 * PG_DEL_SENTENCES). */
static int delete_part(annals_store *s, int which, const char *key)
{
    const char *vals[] = {key};
    return pg_do(s, which, 1, vals, "replacing a document");
}

/* Makes the document row what `d` says, clearing what the new content
 * replaces (as sqlite.c's put_doc).  Returns 1 with its key in *key, 0
 * when the store already holds this content, or an error. */
static int put_doc(annals_store *s, const store_doc *d, store_put_mode mode, int64_t *key)
{
    doc_row old;
    bool records = mode != STORE_PUT_DOCUMENT;
    int rc = find_or_add_doc(s, d, records, &old, key);
    if (rc)
        return rc;
    pg_num h, rh, k;
    *key = old.key;
    num_i64(&k, old.key);
    uint64_t records_hash = d->hash;
    if (mode == STORE_PUT_DOCUMENT) {
        if (old.hash == d->hash)
            return 0;
        if ((rc = delete_part(s, PG_DEL_MENTIONS, k.v)) ||
            (rc = delete_part(s, PG_DEL_SENTENCES, k.v)))
            return rc;
        const char *vals[] = {k.v, num_i64(&h, (int64_t)d->hash), d->date, d->url, d->title,
                              d->publisher};
        rc = pg_do(s, PG_DOC_UPDATE, 6, vals, "updating a document");
        return rc ? rc : 1;
    }
    if (mode == STORE_PUT_RECORDS) {
        if (old.has_records && old.records_hash == d->hash)
            return 0;
        if ((rc = delete_part(s, PG_DEL_MENTIONS, k.v)))
            return rc;
    } else {
        /* More records of the same document: the hash covers them all. */
        uint64_t parts[2] = {old.records_hash, d->hash};
        records_hash = XXH64(parts, sizeof parts, 0);
    }
    const char *vals[] = {k.v, num_i64(&rh, (int64_t)records_hash), d->url, d->title,
                          d->publisher};
    rc = pg_do(s, PG_DOC_UPDATE_RECORDS, 5, vals, "updating a document");
    return rc ? rc : 1;
}

static void put_sentence(pg_pipe *p, const char *key, const store_sentence *sn, core_buf *tsv)
{
    pg_num idx, kind;
    pg_name name;
    core_buf_clear(tsv);
    store_pg_tsvector(tsv, sn->text);
    if (tsv->failed) {
        if (!p->rc)
            p->rc = store_fail(p->s, ANNALS_E_NOMEM, "out of memory");
        return;
    }
    const char *vals[] = {key, num_i64(&idx, (int64_t)sn->index), num_i64(&kind, sn->kind),
                          sn->text, tsv->data ? tsv->data : ""};
    pipe_send(p, stmt_name(&name, PG_SENT_INSERT), NULL, 5, vals, "adding a sentence");
}

/* The mentions of a document go in by one INSERT of many rows: the
 * statement triggers that keep the events fire once a document rather
 * than once a record, and the records cost one statement.  The statement
 * is made of placeholders only; every value is bound.  Inserts of up to
 * PG_MENTION_PREPARED rows (most documents) are prepared statements, the
 * rest parsed each time. */
#define PG_MENTION_ROWS 500
#define PG_MENTION_COLS 14   /* besides the document's key, $1 */

/* The text of one record's numbers, alive while its row is bound. */
typedef struct mention_nums {
    pg_num sent, bucket, quad;
    char goldstein[40];
    char root[3];
} mention_nums;

static const char pg_mention_head[] =
    "INSERT INTO mentions (doc, sent, date, bucket, source, target, code, root, quad,"
    " goldstein, plover, source_text, target_text, verb_text, pattern) VALUES ";

/* The SQL of an insert of `rows` mentions: ($1, $2, ... $15), ($1, $16, ...). */
static void mention_sql(core_buf *sql, size_t rows)
{
    core_buf_puts(sql, pg_mention_head);
    for (size_t i = 0; i < rows; i++) {
        core_buf_puts(sql, i ? ", ($1" : "($1");
        for (int c = 0; c < PG_MENTION_COLS; c++)
            core_buf_printf(sql, ", $%d", 2 + PG_MENTION_COLS * (int)i + c);
        core_buf_putc(sql, ')');
    }
}

/* Binds the 14 values of `r` at `vals` (their numbers written to `nb`). */
static void mention_row(annals_store *s, const char **vals, mention_nums *nb,
                        const annals_store_record *r)
{
    /* The root is the first two digits of the code, whatever the caller
     * pointed at; seventeen digits give the double back exactly. */
    memset(nb->root, 0, sizeof nb->root);
    memcpy(nb->root, r->root, strnlen(r->root, 2));
    snprintf(nb->goldstein, sizeof nb->goldstein, "%.17g", r->goldstein);
    const char *v[PG_MENTION_COLS] = {
        num_i64(&nb->sent, (int64_t)r->sent),
        r->date,
        num_i64(&nb->bucket, store_bucket(r->date, s->dedup_days)),
        r->source, r->target, r->code, nb->root,
        num_i64(&nb->quad, r->quad),
        nb->goldstein, r->plover, r->source_text, r->target_text, r->verb_text, r->pattern};
    memcpy(vals, v, sizeof v);
}

static const char *mention_stmt(pg_name *n, size_t rows)
{
    snprintf(n->v, sizeof n->v, "annals_m%zu", rows);
    return n->v;
}

/* Prepares the insert of `rows` mentions on this connection, once. */
static int prepare_mentions(annals_store *s, size_t rows)
{
    store_pg *pg = impl(s);
    uint32_t bit = UINT32_C(1) << (rows - 1);
    if (pg->mention_prepared & bit)
        return ANNALS_OK;
    core_buf sql = CORE_BUF_INIT;
    mention_sql(&sql, rows);
    if (sql.failed) {
        core_buf_free(&sql);
        return store_fail(s, ANNALS_E_NOMEM, "out of memory");
    }
    pg_name name;
    PGresult *res = PQprepare(pg->conn, mention_stmt(&name, rows), sql.data, 0, NULL);
    core_buf_free(&sql);
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
        return store_pg_fail(s, res, "adding event records");
    PQclear(res);
    pg->mention_prepared |= bit;
    return ANNALS_OK;
}

static void put_mentions(pg_pipe *p, const char *key, const annals_store_record *recs,
                         size_t n)
{
    size_t cap = n < PG_MENTION_ROWS ? n : PG_MENTION_ROWS;
    const char **vals = malloc((1 + PG_MENTION_COLS * cap) * sizeof *vals);
    mention_nums *nums = malloc(cap * sizeof *nums);
    core_buf sql = CORE_BUF_INIT;
    if (!vals || !nums)
        p->rc = p->rc ? p->rc : store_fail(p->s, ANNALS_E_NOMEM, "out of memory");
    for (size_t at = 0; !p->rc && at < n; at += cap) {
        size_t m = n - at < cap ? n - at : cap;
        vals[0] = key;
        for (size_t i = 0; i < m; i++)
            mention_row(p->s, vals + 1 + PG_MENTION_COLS * i, &nums[i], &recs[at + i]);
        pg_name name;
        const char *stmt = m <= PG_MENTION_PREPARED ? mention_stmt(&name, m) : NULL;
        core_buf_clear(&sql);
        if (!stmt)
            mention_sql(&sql, m);
        if (sql.failed) {
            p->rc = store_fail(p->s, ANNALS_E_NOMEM, "out of memory");
            break;
        }
        pipe_send(p, stmt, sql.data, 1 + PG_MENTION_COLS * (int)m, vals,
                  "adding event records");
    }
    core_buf_free(&sql);
    free(vals);
    free(nums);
}

static int pg_put(annals_store *s, const store_doc *doc, const store_sentence *sents,
                  size_t n_sents, const annals_store_record *recs, size_t n_recs,
                  store_put_mode mode)
{
    int64_t key = 0;
    int rc = put_doc(s, doc, mode, &key);
    if (rc <= 0)
        return rc;
    /* The insert of the last, short part of the mentions is prepared
     * before the pipeline starts (PQprepare waits for its answer). */
    size_t tail = n_recs % PG_MENTION_ROWS;
    if (tail && tail <= PG_MENTION_PREPARED && (rc = prepare_mentions(s, tail)))
        return rc;
    pg_num k;
    num_i64(&k, key);
    pg_pipe p;
    pipe_begin(&p, s);
    core_buf tsv = CORE_BUF_INIT;
    for (size_t i = 0; !p.rc && i < n_sents; i++)
        put_sentence(&p, k.v, &sents[i], &tsv);
    core_buf_free(&tsv);
    if (n_recs)
        put_mentions(&p, k.v, recs, n_recs);
    rc = pipe_end(&p);
    return rc ? rc : 1;
}

static int pg_set_dedup_days(annals_store *s, int days)
{
    int rc = pg_begin(s);
    char msg[768] = "";
    if (!rc && (rc = store_pg_rebuild_events(impl(s)->conn, days, msg, sizeof msg)))
        store_fail(s, rc, "re-aggregating events: %s", msg);
    if (!rc)
        rc = pg_simple(s, "COMMIT", "committing");
    if (rc)
        pg_rollback(s);
    return rc;
}

static void pg_close(annals_store *s)
{
    store_pg *pg = impl(s);
    if (!pg)
        return;
    if (pg->conn) {
        pg_rollback(s);
        PQfinish(pg->conn);
    }
    free(pg->where);
    free(pg);
    s->impl = NULL;
}

static const store_ops pg_ops = {
    .name = "postgresql",
    .close = pg_close,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .put = pg_put,
    .set_dedup_days = pg_set_dedup_days,
    .records = store_pg_records,
    .events = store_pg_events,
    .series = store_pg_series,
    .top = store_pg_top,
    .stats = store_pg_stats,
    .document = store_pg_document,
};

/* The URL for messages: a password in it (postgresql://user:SECRET@host
 * or ?password=SECRET) is shown as "***". */
static char *mask_url(const char *url)
{
    core_buf b = CORE_BUF_INIT;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    core_buf_append(&b, url, (size_t)(p - url));
    size_t auth = strcspn(p, "/?");
    const char *at = memrchr(p, '@', auth);
    const char *colon = at ? memchr(p, ':', (size_t)(at - p)) : NULL;
    if (colon) {
        core_buf_append(&b, p, (size_t)(colon - p) + 1);
        core_buf_puts(&b, "***");
        p = at;
    }
    while (*p) {
        const char *pw = strstr(p, "password=");
        if (!pw) {
            core_buf_puts(&b, p);
            break;
        }
        core_buf_append(&b, p, (size_t)(pw - p) + 9);
        p = pw + 9;
        if (pw[-1] == '?' || pw[-1] == '&') {
            core_buf_puts(&b, "***");
            p += strcspn(p, "&");
        }
    }
    return b.failed ? NULL : core_buf_steal(&b);
}

/* Server notices (a NOTICE of a statement) go to the store's log at the
 * info level: the library never writes to a stream. */
static void pg_notice(void *user, const char *message)
{
    annals_store *s = user;
    char line[512];
    snprintf(line, sizeof line, "%s", message);
    line[strcspn(line, "\n")] = '\0';
    core_logf(&s->log, ANNALS_LOG_INFO, "%s: %s", impl(s)->where, line);
}

static int pg_prepare_all(annals_store *s)
{
    store_pg *pg = impl(s);
    for (int i = 0; i < PG_COUNT; i++) {
        pg_name name;
        PGresult *res = PQprepare(pg->conn, stmt_name(&name, i), pg_sql[i], 0, NULL);
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            char msg[768];
            store_pg_message(pg->conn, res, msg, sizeof msg);
            PQclear(res);
            store_set_open_error("%s: %s", pg->where, msg);
            return ANNALS_E_FORMAT;
        }
        PQclear(res);
    }
    return ANNALS_OK;
}

int store_pg_open(annals_store *s, const char *url, const annals_store_options *opt)
{
    store_pg *pg = calloc(1, sizeof *pg);
    if (pg)
        pg->where = mask_url(url);
    if (!pg || !pg->where) {
        free(pg);
        store_set_open_error("out of memory");
        return ANNALS_E_NOMEM;
    }
    s->ops = &pg_ops;
    s->impl = pg;
    int rc = ANNALS_OK;
    char msg[768];
    pg->conn = PQconnectdb(url);
    if (!pg->conn || PQstatus(pg->conn) != CONNECTION_OK) {
        if (pg->conn)
            store_pg_message(pg->conn, NULL, msg, sizeof msg);
        store_set_open_error("%s: cannot open the store: %s", pg->where,
                             pg->conn ? msg : "out of memory");
        rc = pg->conn ? ANNALS_E_IO : ANNALS_E_NOMEM;
    } else {
        PQsetNoticeProcessor(pg->conn, pg_notice, s);
        /* Text goes both ways as UTF-8, and nothing a session default
         * says changes what a value looks like. */
        if (PQsetClientEncoding(pg->conn, "UTF8") != 0 ||
            store_pg_exec(pg->conn, "SET datestyle = ISO; SET extra_float_digits = 3", msg,
                          sizeof msg)) {
            store_pg_message(pg->conn, NULL, msg, sizeof msg);
            store_set_open_error("%s: cannot open the store: %s", pg->where, msg);
            rc = ANNALS_E_IO;
        } else {
            rc = store_pg_schema(s, pg->conn, pg->where, opt);
        }
        /* A reader's session refuses every write, should one be tried. */
        if (!rc && opt->read_only &&
            store_pg_exec(pg->conn, "SET default_transaction_read_only = on", msg, sizeof msg)) {
            store_set_open_error("%s: cannot open the store: %s", pg->where, msg);
            rc = ANNALS_E_IO;
        }
    }
    if (!rc)
        rc = pg_prepare_all(s);
    if (rc)
        pg_close(s);
    return rc;
}
