/* sqlite.h — inside the SQLite back end: its state, shared by the files
 * that implement it (sqlite.c writes, sqlite_schema.c creates and
 * migrates, sqlite_query.c reads). */
#ifndef ANNALS_STORE_SQLITE_H
#define ANNALS_STORE_SQLITE_H

#include <sqlite3.h>

#include "store/store.h"

/* Statements prepared once and reused for every document. */
enum {
    SQ_BEGIN, SQ_COMMIT, SQ_ROLLBACK,
    SQ_DOC_FIND, SQ_DOC_INSERT, SQ_DOC_UPDATE, SQ_DOC_UPDATE_RECORDS,
    SQ_DEL_MENTIONS, SQ_DEL_SENTENCES,
    SQ_SENT_INSERT, SQ_MENTION_INSERT,
    SQ_EVENTS_DELETE_DIRTY, SQ_EVENTS_INSERT_DIRTY, SQ_DIRTY_CLEAR,
    SQ_FTS_INDEX, SQ_FTS_CLEAR,
    SQ_COUNT
};

typedef struct store_sqlite {
    sqlite3 *db;
    sqlite3_stmt *st[SQ_COUNT];
    bool wrote;              /* a transaction was begun: optimize on close */
} store_sqlite;

/* Brings the schema of `db` to STORE_SQLITE_VERSION (creating it in an
 * empty file) and reads the settings into `s`; refuses a newer schema or
 * a file that is not a store.  Sets the open error on failure. */
int store_sqlite_schema(annals_store *s, sqlite3 *db, const char *path,
                        const annals_store_options *opt);

/* Re-aggregates every event from the mentions with a window of `days`. */
int store_sqlite_rebuild_events(annals_store *s, sqlite3 *db, int days);

/* Sets the store's message from the connection's last error. */
int store_sqlite_fail(annals_store *s, sqlite3 *db, const char *what);

int store_sqlite_records(annals_store *s, const annals_store_filter *f,
                         annals_store_record_fn fn, void *user);
int store_sqlite_events(annals_store *s, const annals_store_filter *f,
                        annals_store_event_fn fn, void *user);
int store_sqlite_series(annals_store *s, const annals_store_filter *f, annals_interval iv,
                        annals_store_bin_fn fn, void *user);
int store_sqlite_top(annals_store *s, const annals_store_filter *f, bool actors, size_t n,
                     annals_store_bin_fn fn, void *user);
int store_sqlite_stats(annals_store *s, annals_store_stats *out);
int store_sqlite_document(annals_store *s, const char *id, annals_store_doc_fn doc_fn,
                          annals_store_sentence_fn sent_fn, annals_store_record_fn rec_fn,
                          void *user);

#endif
