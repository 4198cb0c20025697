/* pg.h — inside the PostgreSQL back end: its state, shared by the files
 * that implement it (pg.c connects and writes, pg_schema.c creates and
 * migrates, pg_query.c reads, pg_text.c makes the full-text values). */
#ifndef ANNALS_STORE_PG_H
#define ANNALS_STORE_PG_H

#include <libpq-fe.h>
#include <stdint.h>

#include "core/buf.h"
#include "store/store.h"

/* Statements prepared once per connection (PQprepare) and reused for
 * every document; their names are "annals_" and the index. */
enum {
    PG_DOC_FIND, PG_DOC_FIND_OR_ADD, PG_DOC_UPDATE, PG_DOC_UPDATE_RECORDS,
    PG_DEL_MENTIONS, PG_DEL_SENTENCES,
    PG_SENT_INSERT,
    PG_EVENTS_DELETE_DIRTY, PG_EVENTS_INSERT_DIRTY, PG_DIRTY_CLEAR,
    PG_COUNT
};

/* Mention inserts of up to this many rows are prepared statements, made
 * the first time a document has that many records (pg.c); larger ones are
 * parsed each time. */
#define PG_MENTION_PREPARED 16

typedef struct store_pg {
    PGconn *conn;
    char *where;             /* the URL with any password masked, for messages */
    uint32_t mention_prepared; /* bit k-1: the insert of k mention rows is prepared */
    bool last_added;         /* the last document written was new (pg.c) */
} store_pg;

/* The advisory lock every writing transaction takes first, so that the
 * writers of one database follow each other as SQLite's do (and two
 * commits never recompute the same event at once). */
#define STORE_PG_LOCK_SQL "SELECT pg_advisory_xact_lock(1634627186)"

/* Recomputes the events of the keys in event_dirty (pg_schema.c). */
extern const char store_pg_events_dirty_sql[];

/* Sets the store's message from a failed result (or the connection when
 * `res` is NULL) and returns an error code; clears `res`. */
int store_pg_fail(annals_store *s, PGresult *res, const char *what);

/* The message of a failed result or connection: the server's primary
 * message, one line, without the trailing newline; written into `out`. */
void store_pg_message(PGconn *conn, const PGresult *res, char *out, size_t size);

/* Runs `sql` (no parameters, no rows wanted).  Returns ANNALS_OK or the
 * failure, with the message in `msg` when not NULL. */
int store_pg_exec(PGconn *conn, const char *sql, char *msg, size_t size);

/* Brings the database's schema to ANNALS_STORE_SCHEMA_VERSION and reads
 * the settings into `s`, as store_sqlite_schema does. */
int store_pg_schema(annals_store *s, PGconn *conn, const char *where,
                    const annals_store_options *opt);

/* Recomputes every mention's bucket and every event for a window of
 * `days`, inside the caller's transaction. */
int store_pg_rebuild_events(PGconn *conn, int days, char *msg, size_t size);

/* The full-text lexemes of `text` as a tsvector literal
 * ('word':1 'other':2 ...), the words found as SQLite's FTS5 unicode61
 * tokenizer finds them (pg_text.c).  Appends to `out`. */
void store_pg_tsvector(core_buf *out, const char *text);

/* The words of a text filter as a tsquery literal: each word's lexemes a
 * phrase, all words required, words without a lexeme left out.  Returns
 * false when no word has a lexeme (FTS5 matches nothing then). */
bool store_pg_tsquery(core_buf *out, const char *words);

int store_pg_records(annals_store *s, const annals_store_filter *f,
                     annals_store_record_fn fn, void *user);
int store_pg_events(annals_store *s, const annals_store_filter *f,
                    annals_store_event_fn fn, void *user);
int store_pg_series(annals_store *s, const annals_store_filter *f, annals_interval iv,
                    annals_store_bin_fn fn, void *user);
int store_pg_top(annals_store *s, const annals_store_filter *f, bool actors, size_t n,
                 annals_store_bin_fn fn, void *user);
int store_pg_stats(annals_store *s, annals_store_stats *out);
int store_pg_document(annals_store *s, const char *id, annals_store_doc_fn doc_fn,
                      annals_store_sentence_fn sent_fn, annals_store_record_fn rec_fn,
                      void *user);

#endif
