/* pg.c — the PostgreSQL back end: connecting, and writing documents in
 * batched transactions, the same way sqlite.c does (doc/store.md).
 *
 * Statements are prepared once per connection (PQprepare) with $n
 * parameters and run with PQexecPrepared, but for the many-row insert of
 * mentions (PQexecParams); values always travel as parameters, never in
 * the SQL text.  A committed transaction is durable
 * on the server (synchronous_commit as the server says, on by default);
 * a client killed in the middle of a batch leaves the server to roll it
 * back. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

static const char *const pg_sql[PG_COUNT] = {
    [PG_DOC_FIND] = "SELECT key, hash, records_hash FROM documents WHERE id = $1",
    [PG_DOC_INSERT] = "INSERT INTO documents (id, hash, date, url, title, publisher,"
                      " records_hash) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING key",
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

/* Runs prepared statement `which` with `n` text parameters (NULL is SQL
 * NULL).  Returns the result when it succeeded (the caller clears it),
 * else NULL with the store's message set and *rc the error. */
static PGresult *pg_run(annals_store *s, int which, int n, const char *const *vals,
                        const char *what, int *rc)
{
    char name[16];
    snprintf(name, sizeof name, "annals_%d", which);
    PGresult *res = PQexecPrepared(impl(s)->conn, name, n, vals, NULL, NULL, 0);
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

/* The stored hashes of a document; key 0 when the store does not hold
 * it, has_records false when no records were loaded for it. */
typedef struct doc_row {
    int64_t key;
    uint64_t hash, records_hash;
    bool has_records;
} doc_row;

static int find_doc(annals_store *s, const char *id, doc_row *row)
{
    memset(row, 0, sizeof *row);
    int rc;
    const char *vals[] = {id};
    PGresult *res = pg_run(s, PG_DOC_FIND, 1, vals, "finding a document", &rc);
    if (!res)
        return rc;
    if (PQntuples(res) > 0) {
        row->key = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        row->hash = (uint64_t)strtoll(PQgetvalue(res, 0, 1), NULL, 10);
        row->has_records = !PQgetisnull(res, 0, 2);
        row->records_hash = (uint64_t)strtoll(PQgetvalue(res, 0, 2), NULL, 10);
    }
    PQclear(res);
    return ANNALS_OK;
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
    int rc = find_doc(s, d->id, &old);
    if (rc)
        return rc;
    bool records = mode != STORE_PUT_DOCUMENT;
    pg_num h, rh, k;
    if (!old.key) {
        /* A document known only from its records has no content hash. */
        const char *vals[] = {d->id, num_i64(&h, records ? 0 : (int64_t)d->hash), d->date,
                              d->url, d->title, d->publisher,
                              records ? num_i64(&rh, (int64_t)d->hash) : NULL};
        PGresult *res = pg_run(s, PG_DOC_INSERT, 7, vals, "adding a document", &rc);
        if (!res)
            return rc;
        *key = PQntuples(res) > 0 ? strtoll(PQgetvalue(res, 0, 0), NULL, 10) : 0;
        PQclear(res);
        return 1;
    }
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

static int put_sentence(annals_store *s, const char *key, const store_sentence *sn,
                        core_buf *tsv)
{
    pg_num idx, kind;
    core_buf_clear(tsv);
    store_pg_tsvector(tsv, sn->text);
    if (tsv->failed)
        return store_fail(s, ANNALS_E_NOMEM, "out of memory");
    const char *vals[] = {key, num_i64(&idx, (int64_t)sn->index), num_i64(&kind, sn->kind),
                          sn->text, tsv->data ? tsv->data : ""};
    return pg_do(s, PG_SENT_INSERT, 5, vals, "adding a sentence");
}

/* The mentions of a document go in by one INSERT of many rows: the
 * statement triggers that keep the events fire once a document rather
 * than once a record, and the records cost one round trip.  The statement
 * is made of placeholders only; every value is bound. */
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

/* Binds the 14 values of `r` at `vals` (their numbers written to `nb`) and
 * writes the row's placeholders, numbered from `first`. */
static void mention_row(annals_store *s, core_buf *sql, const char **vals, mention_nums *nb,
                        const annals_store_record *r, int first)
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
    core_buf_puts(sql, "($1");
    for (int i = 0; i < PG_MENTION_COLS; i++)
        core_buf_printf(sql, ", $%d", first + i);
    core_buf_putc(sql, ')');
}

static int put_mentions(annals_store *s, const char *key, const annals_store_record *recs,
                        size_t n)
{
    size_t cap = n < PG_MENTION_ROWS ? n : PG_MENTION_ROWS;
    const char **vals = malloc((1 + PG_MENTION_COLS * cap) * sizeof *vals);
    mention_nums *nums = malloc(cap * sizeof *nums);
    core_buf sql = CORE_BUF_INIT;
    int rc = vals && nums ? ANNALS_OK : store_fail(s, ANNALS_E_NOMEM, "out of memory");
    for (size_t at = 0; !rc && at < n; at += cap) {
        size_t m = n - at < cap ? n - at : cap;
        core_buf_clear(&sql);
        core_buf_puts(&sql, pg_mention_head);
        vals[0] = key;
        for (size_t i = 0; i < m; i++) {
            if (i)
                core_buf_puts(&sql, ", ");
            mention_row(s, &sql, vals + 1 + PG_MENTION_COLS * i, &nums[i], &recs[at + i],
                        2 + PG_MENTION_COLS * (int)i);
        }
        if (sql.failed) {
            rc = store_fail(s, ANNALS_E_NOMEM, "out of memory");
            break;
        }
        PGresult *res = PQexecParams(impl(s)->conn, sql.data, 1 + PG_MENTION_COLS * (int)m,
                                     NULL, vals, NULL, NULL, 0);
        if (PQresultStatus(res) == PGRES_COMMAND_OK)
            PQclear(res);
        else
            rc = store_pg_fail(s, res, "adding event records");
    }
    core_buf_free(&sql);
    free(vals);
    free(nums);
    return rc;
}

static int pg_put(annals_store *s, const store_doc *doc, const store_sentence *sents,
                  size_t n_sents, const annals_store_record *recs, size_t n_recs,
                  store_put_mode mode)
{
    int64_t key = 0;
    int rc = put_doc(s, doc, mode, &key);
    if (rc <= 0)
        return rc;
    pg_num k;
    num_i64(&k, key);
    rc = ANNALS_OK;
    core_buf tsv = CORE_BUF_INIT;
    for (size_t i = 0; !rc && i < n_sents; i++)
        rc = put_sentence(s, k.v, &sents[i], &tsv);
    core_buf_free(&tsv);
    if (!rc && n_recs)
        rc = put_mentions(s, k.v, recs, n_recs);
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
        char name[16];
        snprintf(name, sizeof name, "annals_%d", i);
        PGresult *res = PQprepare(pg->conn, name, pg_sql[i], 0, NULL);
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
