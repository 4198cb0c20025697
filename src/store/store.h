/* store.h — inside the event store: the back-end interface.
 *
 * The public functions of annals.h section 13 live in store.c and do what
 * every back end shares (arguments, batching, messages); each back end
 * (sqlite.c, pg.c) fills a store_ops table.  Record checking
 * and the JSON-lines loader (load_jsonl.c) know nothing of SQL. */
#ifndef ANNALS_STORE_STORE_H
#define ANNALS_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "annals.h"
#include "core/log.h"

/* A document as stored: its metadata and a hash of its content
 * (xxhash64), which says whether a second ingestion changed anything. */
typedef struct store_doc {
    const char *id;
    const char *date, *url, *title, *publisher; /* NULL when unknown */
    uint64_t hash;
} store_doc;

typedef struct store_sentence {
    size_t index;
    const char *text;
    int kind;                /* annals_sentence_kind */
} store_sentence;

/* How store_ops.put treats a document the store already holds.  A
 * document has two hashes: of its content as coded (text, title, date)
 * and of the event records loaded for it; each kind of writer compares
 * its own, so coding a document and loading records for it do not undo
 * each other. */
typedef enum store_put_mode {
    STORE_PUT_DOCUMENT,      /* from the coder: same content hash, nothing;
                                else replace sentences and mentions */
    STORE_PUT_RECORDS,       /* from event records: same records hash,
                                nothing; else replace the mentions and
                                update the sentences they name */
    STORE_PUT_APPEND         /* more records of a document already put in
                                this load: add them */
} store_put_mode;

typedef struct store_ops {
    const char *name;
    void (*close)(annals_store *s);
    int (*begin)(annals_store *s);
    int (*commit)(annals_store *s);  /* also brings the events up to date */
    void (*rollback)(annals_store *s);
    /* Returns 1 stored, 0 unchanged, or an error. */
    int (*put)(annals_store *s, const store_doc *doc, const store_sentence *sents,
               size_t n_sents, const annals_store_record *recs, size_t n_recs,
               store_put_mode mode);
    int (*set_dedup_days)(annals_store *s, int days);
    int (*records)(annals_store *s, const annals_store_filter *f,
                   annals_store_record_fn fn, void *user);
    int (*events)(annals_store *s, const annals_store_filter *f,
                  annals_store_event_fn fn, void *user);
    int (*series)(annals_store *s, const annals_store_filter *f, annals_interval iv,
                  annals_store_bin_fn fn, void *user);
    int (*top)(annals_store *s, const annals_store_filter *f, bool actors, size_t n,
               annals_store_bin_fn fn, void *user);
    int (*stats)(annals_store *s, annals_store_stats *out);
    /* Returns 1 found, 0 not found, or an error. */
    int (*document)(annals_store *s, const char *id, annals_store_doc_fn doc_fn,
                    annals_store_sentence_fn sent_fn, annals_store_record_fn rec_fn,
                    void *user);
} store_ops;

struct annals_store {
    const store_ops *ops;
    void *impl;              /* the back end's own state */
    core_log log;
    size_t batch;            /* records per transaction */
    size_t pending;          /* records written in the open transaction */
    bool in_tx;
    int schema_version;
    int dedup_days;
    char error[1024];
};

/* Sets the store's message (printf style) and returns `code`. */
int store_fail(annals_store *s, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The open-failure message of this thread (annals_store_open_error). */
void store_set_open_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Checks the schema version `v` of a store (0: empty, negative: not read
 * or not a store, left to the caller) against `known`, the version this
 * back end writes: a newer store is refused, and so is one that a
 * read-only open would have to migrate; `empty` names an empty store
 * ("file", "database").  Returns ANNALS_OK, or ANNALS_E_FORMAT with the
 * open error set. */
int store_check_version(const char *where, int v, int known, bool read_only,
                        const char *empty);

/* Opens a SQLite store into `s` (ops, impl, schema_version, dedup_days);
 * on failure sets the open error and returns a negative code. */
int store_sqlite_open(annals_store *s, const char *path, const annals_store_options *opt);

/* Whether `db` names a PostgreSQL store (postgresql:// or postgres://). */
bool store_is_pg_url(const char *db);

#ifdef ANNALS_HAVE_LIBPQ
/* Opens a PostgreSQL store into `s` like store_sqlite_open (pg.c). */
int store_pg_open(annals_store *s, const char *url, const annals_store_options *opt);
#endif

/* The actors view of both back ends' schemas: every code seen as source
 * or target, its first and last date, how often on each side.  A string
 * literal, to end a schema step's SQL. */
#define STORE_ACTORS_VIEW_SQL                                                               \
    "CREATE VIEW actors AS"                                                                 \
    "  SELECT actor AS code, min(date) AS first_seen, max(date) AS last_seen,"              \
    "         sum(as_source) AS as_source, sum(as_target) AS as_target,"                    \
    "         count(*) AS mentions"                                                         \
    "  FROM (SELECT source AS actor, date, 1 AS as_source, 0 AS as_target FROM mentions"    \
    "        UNION ALL"                                                                     \
    "        SELECT target, date, 0, 1 FROM mentions WHERE target <> '---') a"              \
    "  GROUP BY actor;"

/* Writes a document and its records inside the batching of store.c:
 * begins a transaction when none is open, commits once `batch` records
 * are pending. */
int store_put(annals_store *s, const store_doc *doc, const store_sentence *sents,
              size_t n_sents, const annals_store_record *recs, size_t n_recs,
              store_put_mode mode);

/* Days since 1970-01-01 of a valid "YYYY-MM-DD" date. */
int64_t store_day_number(const char *date);

/* The deduplication bucket of a date (NULL: STORE_UNDATED) for a window
 * of `days` + 1 days. */
int64_t store_bucket(const char *date, int days);
#define STORE_UNDATED INT64_C(-2147483648)

/* Limits of the deduplication window. */
#define STORE_MAX_DEDUP_DAYS 3650

#endif
