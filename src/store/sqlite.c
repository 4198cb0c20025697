/* sqlite.c — the SQLite back end: opening, and writing documents in
 * batched transactions.
 *
 * The file is in WAL mode with synchronous=FULL: a committed batch
 * survives a crash of the process or of the machine, and readers (annals
 * query, the server) never block the loader.  Every statement is prepared
 * with parameters; no SQL is made from user text. */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

static const char *const sql_text[SQ_COUNT] = {
    [SQ_BEGIN] = "BEGIN IMMEDIATE",
    [SQ_COMMIT] = "COMMIT",
    [SQ_ROLLBACK] = "ROLLBACK",
    [SQ_DOC_FIND] = "SELECT key, hash, records_hash FROM documents WHERE id = ?1",
    [SQ_DOC_INSERT] = "INSERT INTO documents (id, hash, date, url, title, publisher,"
                      " records_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    /* Coded again: its loaded records went with the old mentions. */
    [SQ_DOC_UPDATE] = "UPDATE documents SET hash = ?2, date = ?3, url = ?4, title = ?5,"
                      " publisher = ?6, records_hash = NULL WHERE key = ?1",
    /* Records say less about a document than the coder: keep what they
     * do not say. */
    [SQ_DOC_UPDATE_RECORDS] = "UPDATE documents SET records_hash = ?7,"
                              " url = coalesce(?4, url), title = coalesce(?5, title),"
                              " publisher = coalesce(?6, publisher) WHERE key = ?1",
    [SQ_DEL_MENTIONS] = "DELETE FROM mentions WHERE doc = ?1",
    [SQ_DEL_SENTENCES] = "DELETE FROM sentences WHERE doc = ?1",
    [SQ_SENT_INSERT] = "INSERT INTO sentences (doc, idx, kind, text) VALUES (?1, ?2, ?3, ?4)"
                       " ON CONFLICT (doc, idx) DO UPDATE SET text = excluded.text"
                       " WHERE text <> excluded.text",
    [SQ_MENTION_INSERT] = "INSERT INTO mentions (doc, sent, date, bucket, source, target,"
                          " code, root, quad, goldstein, plover, source_text, target_text,"
                          " verb_text, pattern)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                          " ?14, ?15)",
    [SQ_EVENTS_DELETE_DIRTY] = "DELETE FROM events WHERE (source, target, code, bucket) IN"
                               " (SELECT source, target, code, bucket FROM event_dirty)",
    [SQ_EVENTS_INSERT_DIRTY] =
        "INSERT INTO events SELECT m.source, m.target, m.code, m.bucket,"
        " min(m.date), max(m.date), min(m.root), min(m.quad), avg(m.goldstein), count(*),"
        " count(DISTINCT d.publisher), count(DISTINCT m.doc)"
        " FROM event_dirty x"
        /* CROSS JOIN keeps this order: from the few keys touched to their
         * mentions, never a scan of every mention. */
        " CROSS JOIN mentions m ON m.source = x.source AND m.target = x.target"
        "  AND m.code = x.code AND m.bucket = x.bucket"
        " JOIN documents d ON d.key = m.doc"
        " GROUP BY m.source, m.target, m.code, m.bucket",
    [SQ_DIRTY_CLEAR] = "DELETE FROM event_dirty",
    [SQ_FTS_INDEX] = "INSERT INTO sentences_fts(rowid, text)"
                     " SELECT s.rowid, s.text FROM fts_pending p"
                     " CROSS JOIN sentences s ON s.rowid = p.id",
    [SQ_FTS_CLEAR] = "DELETE FROM fts_pending",
};

static store_sqlite *impl(annals_store *s)
{
    return s->impl;
}

/* Runs a prepared statement that returns no rows. */
static int run(annals_store *s, int which, const char *what)
{
    store_sqlite *q = impl(s);
    sqlite3_stmt *st = q->st[which];
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? ANNALS_OK : store_sqlite_fail(s, q->db, what);
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static int sq_begin(annals_store *s)
{
    impl(s)->wrote = true;
    return run(s, SQ_BEGIN, "beginning a transaction");
}

/* Brings the events of every key touched in this transaction up to date
 * and indexes the new sentences, then commits: events, index and
 * mentions are committed together. */
static int sq_commit(annals_store *s)
{
    int rc = run(s, SQ_EVENTS_DELETE_DIRTY, "updating events");
    if (!rc)
        rc = run(s, SQ_EVENTS_INSERT_DIRTY, "updating events");
    if (!rc)
        rc = run(s, SQ_DIRTY_CLEAR, "updating events");
    if (!rc)
        rc = run(s, SQ_FTS_INDEX, "indexing sentences");
    if (!rc)
        rc = run(s, SQ_FTS_CLEAR, "indexing sentences");
    if (!rc)
        rc = run(s, SQ_COMMIT, "committing");
    return rc;
}

static void sq_rollback(annals_store *s)
{
    store_sqlite *q = impl(s);
    if (!sqlite3_get_autocommit(q->db))
        sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Binds ?2-?7 of the document statements: the content hash, metadata and
 * the records hash (NULL when `has_records` is false). */
static void bind_doc(sqlite3_stmt *st, const store_doc *d, uint64_t hash, bool has_records,
                     uint64_t records_hash)
{
    sqlite3_bind_int64(st, 2, (sqlite3_int64)hash);
    bind_text(st, 3, d->date);
    bind_text(st, 4, d->url);
    bind_text(st, 5, d->title);
    bind_text(st, 6, d->publisher);
    if (has_records)
        sqlite3_bind_int64(st, 7, (sqlite3_int64)records_hash);
    else
        sqlite3_bind_null(st, 7);
}

/* The stored hashes of a document; key 0 when the store does not hold
 * it, has_records false when no records were loaded for it. */
typedef struct doc_row {
    sqlite3_int64 key;
    uint64_t hash, records_hash;
    bool has_records;
} doc_row;

static int find_doc(annals_store *s, const char *id, doc_row *row)
{
    store_sqlite *q = impl(s);
    sqlite3_stmt *st = q->st[SQ_DOC_FIND];
    bind_text(st, 1, id);
    int rc = sqlite3_step(st);
    memset(row, 0, sizeof *row);
    if (rc == SQLITE_ROW) {
        row->key = sqlite3_column_int64(st, 0);
        row->hash = (uint64_t)sqlite3_column_int64(st, 1);
        row->has_records = sqlite3_column_type(st, 2) != SQLITE_NULL;
        row->records_hash = (uint64_t)sqlite3_column_int64(st, 2);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? ANNALS_OK
                                                 : store_sqlite_fail(s, q->db, "finding a document");
}

/* Deletes what the document had of `which` (SQ_DEL_MENTIONS or
 * SQ_DEL_SENTENCES). */
static int delete_part(annals_store *s, int which, sqlite3_int64 key)
{
    sqlite3_bind_int64(impl(s)->st[which], 1, key);
    return run(s, which, "replacing a document");
}

/* Makes the document row what `d` says, clearing what the new content
 * replaces.  Returns 1 with its key in *key, 0 when the store already
 * holds this content, or an error. */
static int put_doc(annals_store *s, const store_doc *d, store_put_mode mode,
                   sqlite3_int64 *key)
{
    store_sqlite *q = impl(s);
    doc_row old;
    int rc = find_doc(s, d->id, &old);
    if (rc)
        return rc;
    bool records = mode != STORE_PUT_DOCUMENT;
    if (!old.key) {
        /* A document known only from its records has no content hash. */
        sqlite3_stmt *st = q->st[SQ_DOC_INSERT];
        bind_text(st, 1, d->id);
        bind_doc(st, d, records ? 0 : d->hash, records, d->hash);
        if ((rc = run(s, SQ_DOC_INSERT, "adding a document")))
            return rc;
        *key = sqlite3_last_insert_rowid(q->db);
        return 1;
    }
    *key = old.key;
    int which = SQ_DOC_UPDATE_RECORDS;
    uint64_t records_hash = d->hash;
    if (mode == STORE_PUT_DOCUMENT) {
        if (old.hash == d->hash)
            return 0;
        if ((rc = delete_part(s, SQ_DEL_MENTIONS, old.key)) ||
            (rc = delete_part(s, SQ_DEL_SENTENCES, old.key)))
            return rc;
        which = SQ_DOC_UPDATE;
    } else if (mode == STORE_PUT_RECORDS) {
        if (old.has_records && old.records_hash == d->hash)
            return 0;
        if ((rc = delete_part(s, SQ_DEL_MENTIONS, old.key)))
            return rc;
    } else {
        /* More records of the same document: the hash covers them all. */
        uint64_t parts[2] = {old.records_hash, d->hash};
        records_hash = XXH64(parts, sizeof parts, 0);
    }
    sqlite3_stmt *st = q->st[which];
    sqlite3_bind_int64(st, 1, old.key);
    bind_doc(st, d, d->hash, true, records_hash);
    rc = run(s, which, "updating a document");
    return rc ? rc : 1;
}

static int put_mention(annals_store *s, sqlite3_int64 key, const annals_store_record *r)
{
    sqlite3_stmt *st = impl(s)->st[SQ_MENTION_INSERT];
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)r->sent);
    bind_text(st, 3, r->date);
    sqlite3_bind_int64(st, 4, store_bucket(r->date, s->dedup_days));
    bind_text(st, 5, r->source);
    bind_text(st, 6, r->target);
    bind_text(st, 7, r->code);
    /* The root is the first two digits of the code, whatever the caller
     * pointed at. */
    sqlite3_bind_text(st, 8, r->root, (int)strnlen(r->root, 2), SQLITE_STATIC);
    sqlite3_bind_int(st, 9, r->quad);
    sqlite3_bind_double(st, 10, r->goldstein);
    bind_text(st, 11, r->plover);
    bind_text(st, 12, r->source_text);
    bind_text(st, 13, r->target_text);
    bind_text(st, 14, r->verb_text);
    bind_text(st, 15, r->pattern);
    return run(s, SQ_MENTION_INSERT, "adding an event record");
}

static int sq_put(annals_store *s, const store_doc *doc, const store_sentence *sents,
                  size_t n_sents, const annals_store_record *recs, size_t n_recs,
                  store_put_mode mode)
{
    sqlite3_int64 key = 0;
    int rc = put_doc(s, doc, mode, &key);
    if (rc <= 0)
        return rc;
    sqlite3_stmt *st = impl(s)->st[SQ_SENT_INSERT];
    for (size_t i = 0; i < n_sents; i++) {
        sqlite3_bind_int64(st, 1, key);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)sents[i].index);
        sqlite3_bind_int(st, 3, sents[i].kind);
        bind_text(st, 4, sents[i].text);
        if ((rc = run(s, SQ_SENT_INSERT, "adding a sentence")))
            return rc;
    }
    for (size_t i = 0; i < n_recs; i++)
        if ((rc = put_mention(s, key, &recs[i])))
            return rc;
    return 1;
}

static int sq_set_dedup_days(annals_store *s, int days)
{
    store_sqlite *q = impl(s);
    int rc = run(s, SQ_BEGIN, "beginning a transaction");
    if (rc)
        return rc;
    rc = store_sqlite_rebuild_events(s, q->db, days);
    if (!rc)
        rc = run(s, SQ_COMMIT, "committing");
    if (rc)
        sq_rollback(s);
    return rc;
}

static void sq_close(annals_store *s)
{
    store_sqlite *q = impl(s);
    if (!q)
        return;
    sq_rollback(s);
    for (int i = 0; i < SQ_COUNT; i++)
        sqlite3_finalize(q->st[i]);
    /* Gives the query planner statistics on the tables that changed much
     * (SQLite's advice for every connection that wrote). */
    if (q->wrote)
        sqlite3_exec(q->db, "PRAGMA optimize", NULL, NULL, NULL);
    sqlite3_close(q->db);
    free(q);
    s->impl = NULL;
}

static const store_ops sqlite_ops = {
    .name = "sqlite",
    .close = sq_close,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .put = sq_put,
    .set_dedup_days = sq_set_dedup_days,
    .records = store_sqlite_records,
    .events = store_sqlite_events,
    .series = store_sqlite_series,
    .top = store_sqlite_top,
    .stats = store_sqlite_stats,
    .document = store_sqlite_document,
};

int store_sqlite_open(annals_store *s, const char *path, const annals_store_options *opt)
{
    store_sqlite *q = calloc(1, sizeof *q);
    if (!q) {
        store_set_open_error("out of memory");
        return ANNALS_E_NOMEM;
    }
    s->ops = &sqlite_ops;
    s->impl = q;
    int flags = opt->read_only ? SQLITE_OPEN_READONLY
                               : SQLITE_OPEN_READWRITE | (opt->create ? SQLITE_OPEN_CREATE : 0);
    int rc = ANNALS_OK;
    if (sqlite3_open_v2(path, &q->db, flags, NULL) != SQLITE_OK) {
        store_set_open_error("%s: cannot open the store: %s", path,
                             q->db ? sqlite3_errmsg(q->db) : "out of memory");
        rc = ANNALS_E_IO;
    } else {
        sqlite3_busy_timeout(q->db, 10000);
        sqlite3_extended_result_codes(q->db, 1);
        /* WAL first: it is what lets readers and the loader work at once,
         * and it must be set before any transaction. */
        /* A batch of records touches several indexes and the full-text
         * index: a page cache of 64 MiB keeps it from spilling to the WAL
         * before its commit. */
        /* A reader leaves the journal mode as the writer set it: changing
         * it is a write. */
        const char *pragmas = opt->read_only
                                  ? "PRAGMA foreign_keys = ON; PRAGMA cache_size = -262144;"
                                  : "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                    "PRAGMA foreign_keys = ON; PRAGMA cache_size = -262144;";
        if (sqlite3_exec(q->db, pragmas, NULL, NULL, NULL) != SQLITE_OK) {
            store_set_open_error("%s: cannot open the store: %s", path, sqlite3_errmsg(q->db));
            rc = (sqlite3_errcode(q->db) & 0xff) == SQLITE_NOTADB ? ANNALS_E_FORMAT
                                                                   : ANNALS_E_IO;
        } else {
            rc = store_sqlite_schema(s, q->db, path, opt);
        }
    }
    for (int i = 0; !rc && i < SQ_COUNT; i++) {
        if (sqlite3_prepare_v3(q->db, sql_text[i], -1, SQLITE_PREPARE_PERSISTENT, &q->st[i],
                               NULL) != SQLITE_OK) {
            store_set_open_error("%s: %s", path, sqlite3_errmsg(q->db));
            rc = ANNALS_E_FORMAT;
        }
    }
    if (rc)
        sq_close(s);
    return rc;
}
