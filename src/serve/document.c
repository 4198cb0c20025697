/* document.c — a stored document, its sentences and its records, read
 * from the SQLite store's tables (doc/store.md) with prepared statements
 * on a read-only connection of its own. */
#include "serve/document.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/api.h"

struct serve_docs {
    sqlite3 *db;
    sqlite3_stmt *doc, *sents, *recs;
};

static const char docs_sql_doc[] =
    "SELECT key, id, date, url, title, publisher FROM documents WHERE id = ?1";
static const char docs_sql_sents[] =
    "SELECT idx, text FROM sentences WHERE doc = ?1 ORDER BY idx";
static const char docs_sql_recs[] =
    "SELECT m.sent, m.date, m.source, m.target, m.code, m.root, m.quad, m.goldstein,"
    " m.plover, m.source_text, m.target_text, m.verb_text, m.pattern, coalesce(s.text, '')"
    " FROM mentions m LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sent"
    " WHERE m.doc = ?1 ORDER BY m.sent, m.rowid";

serve_docs *serve_docs_open(const char *db)
{
    if (!db || strncmp(db, "postgresql://", 13) == 0 || strncmp(db, "postgres://", 11) == 0)
        return NULL;
    serve_docs *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    /* One connection used under the server's lock: no SQLite mutexes. */
    if (sqlite3_open_v2(db, &d->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
            SQLITE_OK ||
        sqlite3_busy_timeout(d->db, 5000) != SQLITE_OK ||
        sqlite3_prepare_v2(d->db, docs_sql_doc, -1, &d->doc, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(d->db, docs_sql_sents, -1, &d->sents, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(d->db, docs_sql_recs, -1, &d->recs, NULL) != SQLITE_OK) {
        serve_docs_close(d);
        return NULL;
    }
    return d;
}

void serve_docs_close(serve_docs *d)
{
    if (!d)
        return;
    sqlite3_finalize(d->doc);
    sqlite3_finalize(d->sents);
    sqlite3_finalize(d->recs);
    sqlite3_close(d->db);
    free(d);
}

static const char *docs_text(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

static json_t *docs_str(sqlite3_stmt *st, int col)
{
    const char *s = docs_text(st, col);
    return s ? json_string(s) : json_null();
}

/* Steps `st` to the end, adding one JSON object a row; false on failure. */
static bool docs_sentences(serve_docs *d, sqlite3_int64 key, json_t *list)
{
    sqlite3_bind_int64(d->sents, 1, key);
    int rc;
    while ((rc = sqlite3_step(d->sents)) == SQLITE_ROW)
        json_array_append_new(list, json_pack("{s:I, s:o}", "index",
                                              (json_int_t)sqlite3_column_int64(d->sents, 0),
                                              "text", docs_str(d->sents, 1)));
    sqlite3_reset(d->sents);
    return rc == SQLITE_DONE;
}

static bool docs_records(serve_docs *d, sqlite3_int64 key, const char *id, json_t *list)
{
    sqlite3_bind_int64(d->recs, 1, key);
    int rc;
    while ((rc = sqlite3_step(d->recs)) == SQLITE_ROW) {
        sqlite3_stmt *st = d->recs;
        annals_store_record r = {
            .doc = id,
            .sent = (size_t)sqlite3_column_int64(st, 0),
            .date = docs_text(st, 1),
            .source = docs_text(st, 2), .target = docs_text(st, 3),
            .code = docs_text(st, 4), .root = docs_text(st, 5),
            .quad = sqlite3_column_int(st, 6),
            .goldstein = sqlite3_column_double(st, 7),
            .plover = docs_text(st, 8), .source_text = docs_text(st, 9),
            .target_text = docs_text(st, 10), .verb_text = docs_text(st, 11),
            .pattern = docs_text(st, 12), .text = docs_text(st, 13),
        };
        json_array_append_new(list, serve_record_json(&r));
    }
    sqlite3_reset(d->recs);
    return rc == SQLITE_DONE;
}

json_t *serve_docs_get(serve_docs *d, const char *id, unsigned *status, char *err,
                       size_t err_size)
{
    *status = 500;
    /* The rows of one document must come from one state of the store,
     * should a loader commit in between. */
    sqlite3_exec(d->db, "BEGIN", NULL, NULL, NULL);
    sqlite3_bind_text(d->doc, 1, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(d->doc);
    if (rc != SQLITE_ROW) {
        if (rc == SQLITE_DONE)
            *status = 404;
        else
            snprintf(err, err_size, "%s", sqlite3_errmsg(d->db));
        sqlite3_reset(d->doc);
        sqlite3_exec(d->db, "COMMIT", NULL, NULL, NULL);
        return NULL;
    }
    sqlite3_int64 key = sqlite3_column_int64(d->doc, 0);
    json_t *o = json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", docs_str(d->doc, 1), "date",
                          docs_str(d->doc, 2), "title", docs_str(d->doc, 4), "url",
                          docs_str(d->doc, 3), "publisher", docs_str(d->doc, 5));
    sqlite3_reset(d->doc);
    if (!o) {
        sqlite3_exec(d->db, "COMMIT", NULL, NULL, NULL);
        return NULL;
    }
    json_t *sents = json_array(), *recs = json_array();
    bool ok = docs_sentences(d, key, sents) &&
              docs_records(d, key, json_string_value(json_object_get(o, "id")), recs);
    sqlite3_exec(d->db, "COMMIT", NULL, NULL, NULL);
    json_object_set_new(o, "sentences", sents);
    json_object_set_new(o, "events", recs);
    if (!ok) {
        snprintf(err, err_size, "%s", sqlite3_errmsg(d->db));
        json_decref(o);
        return NULL;
    }
    *status = 200;
    return o;
}
