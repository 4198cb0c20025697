/* sqlite_schema.c — the SQLite store's schema and its migrations.
 *
 * The schema is versioned in the table schema_version.  Each migration
 * takes a store from one version to the next in one transaction, so a
 * store is always at some version, never between two.  Opening an older
 * store migrates it; a newer one is refused (this library would not know
 * what it holds).  doc/store.md describes every version. */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite.h"

#define STORE_SQLITE_VERSION 2

_Static_assert(STORE_SQLITE_VERSION == ANNALS_STORE_SCHEMA_VERSION,
               "annals.h names the schema version this file writes");

/* Version 1: documents, their sentences, and one row per event record. */
static const char schema_v1[] =
    "CREATE TABLE schema_version (version INTEGER NOT NULL);"
    "INSERT INTO schema_version VALUES (0);"
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE documents ("
    "  key INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  hash INTEGER NOT NULL,"
    "  date TEXT, url TEXT, title TEXT, publisher TEXT);"
    "CREATE TABLE sentences ("
    "  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL,"
    "  kind INTEGER NOT NULL DEFAULT 0,"
    "  text TEXT NOT NULL,"
    "  UNIQUE (doc, idx));"
    "CREATE TABLE mentions ("
    "  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,"
    "  sent INTEGER NOT NULL,"
    "  date TEXT,"
    "  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL,"
    "  quad INTEGER NOT NULL, goldstein REAL NOT NULL, plover TEXT NOT NULL,"
    "  source_text TEXT NOT NULL, target_text TEXT NOT NULL, verb_text TEXT NOT NULL,"
    "  pattern TEXT NOT NULL);"
    "CREATE INDEX mentions_doc ON mentions(doc);"
    "CREATE INDEX mentions_date ON mentions(date);"
    "CREATE INDEX mentions_target ON mentions(target);";

/* (Triggers test for a row before inserting it rather than saying OR
 * IGNORE: the conflict policy of the statement that fires a trigger,
 * such as an upsert's, overrides the trigger's own.)
 *
 * Version 2: full-text search over sentences; events aggregated from
 * mentions by a deduplication window (the bucket of each mention), kept
 * up to date through the event_dirty table that triggers fill and each
 * commit drains; a second document hash, of its loaded event records. */
static const char schema_v2[] =
    "INSERT OR IGNORE INTO settings VALUES ('dedup_days', '0');"
    "ALTER TABLE documents ADD COLUMN records_hash INTEGER;"
    "ALTER TABLE mentions ADD COLUMN bucket INTEGER NOT NULL DEFAULT -2147483648;"
    "UPDATE mentions SET bucket = annals_bucket(date, 0);"
    "CREATE INDEX mentions_key ON mentions(source, target, code, bucket);"
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences',"
    "  content_rowid='rowid');"
    "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');"
    /* New sentences wait in fts_pending and are indexed together at
     * commit: FTS5 written row by row from a trigger costs ten times as
     * much.  A sentence changed or deleted before it was indexed only
     * leaves the queue; one already indexed is taken out of the index. */
    "CREATE TABLE fts_pending (id INTEGER PRIMARY KEY);"
    "CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN"
    "  INSERT INTO fts_pending VALUES (new.rowid); END;"
    "CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN"
    "  INSERT INTO sentences_fts(sentences_fts, rowid, text)"
    "  SELECT 'delete', old.rowid, old.text"
    "  WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.rowid);"
    "  DELETE FROM fts_pending WHERE id = old.rowid; END;"
    "CREATE TRIGGER sentences_fts_update AFTER UPDATE OF text ON sentences BEGIN"
    "  INSERT INTO sentences_fts(sentences_fts, rowid, text)"
    "  SELECT 'delete', old.rowid, old.text"
    "  WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.rowid);"
    "  INSERT INTO fts_pending SELECT new.rowid"
    "  WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = new.rowid); END;"
    "CREATE TABLE events ("
    "  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
    "  bucket INTEGER NOT NULL,"
    "  date TEXT, end_date TEXT, root TEXT NOT NULL, quad INTEGER NOT NULL,"
    "  goldstein REAL NOT NULL, num_mentions INTEGER NOT NULL,"
    "  num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,"
    "  PRIMARY KEY (source, target, code, bucket)) WITHOUT ROWID;"
    /* Covering what a series reads, so that counting by interval scans
     * the index alone instead of looking up every event. */
    "CREATE INDEX events_date ON events(date, num_mentions, goldstein, root, quad);"
    "CREATE INDEX events_target ON events(target);"
    "CREATE TABLE event_dirty ("
    "  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
    "  bucket INTEGER NOT NULL,"
    "  PRIMARY KEY (source, target, code, bucket)) WITHOUT ROWID;"
    "CREATE TRIGGER mentions_dirty_insert AFTER INSERT ON mentions BEGIN"
    "  INSERT INTO event_dirty SELECT new.source, new.target, new.code, new.bucket"
    "  WHERE NOT EXISTS (SELECT 1 FROM event_dirty WHERE source = new.source"
    "   AND target = new.target AND code = new.code AND bucket = new.bucket); END;"
    "CREATE TRIGGER mentions_dirty_delete AFTER DELETE ON mentions BEGIN"
    "  INSERT INTO event_dirty SELECT old.source, old.target, old.code, old.bucket"
    "  WHERE NOT EXISTS (SELECT 1 FROM event_dirty WHERE source = old.source"
    "   AND target = old.target AND code = old.code AND bucket = old.bucket); END;"
    STORE_ACTORS_VIEW_SQL;

static const char *const migrations[STORE_SQLITE_VERSION] = {schema_v1, schema_v2};

/* The SQLite layout: tables and indexes that answer queries faster but
 * hold nothing the schema does not, numbered apart from the schema
 * version (the setting 'sqlite_layout'), which every back end shares and
 * which says what a store holds, not how one engine finds it.  A step of
 * the layout is a migration like the others: one transaction, run when a
 * store is opened for writing; a read-only open of a store without it is
 * refused as one of an older schema is.
 *
 * Layout 1: the events summed by day, root and QuadClass (event_days) and
 * by dyad (event_dyads), kept by triggers on events, so that a series or
 * a top list over the whole store (the dashboard's first view), or over
 * dates, roots and classes only, reads thousands of rows instead of every
 * event.  Rows whose events fall to 0 stay, and queries skip them. */
#define STORE_SQLITE_LAYOUT 1

static const char layout_1[] =
    "CREATE TABLE event_days ("
    "  date TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL,"
    "  events INTEGER NOT NULL, mentions INTEGER NOT NULL, goldstein REAL NOT NULL,"
    "  PRIMARY KEY (date, root, quad)) WITHOUT ROWID;"
    "CREATE TABLE event_dyads ("
    "  source TEXT NOT NULL, target TEXT NOT NULL,"
    "  events INTEGER NOT NULL, mentions INTEGER NOT NULL, goldstein REAL NOT NULL,"
    "  PRIMARY KEY (source, target)) WITHOUT ROWID;"
    "INSERT INTO event_days SELECT date, root, quad, count(*), sum(num_mentions),"
    "  sum(goldstein) FROM events WHERE date IS NOT NULL GROUP BY date, root, quad;"
    "INSERT INTO event_dyads SELECT source, target, count(*), sum(num_mentions),"
    "  sum(goldstein) FROM events GROUP BY source, target;"
    "CREATE TRIGGER events_sum_insert AFTER INSERT ON events BEGIN"
    "  INSERT INTO event_days SELECT new.date, new.root, new.quad, 1, new.num_mentions,"
    "   new.goldstein WHERE new.date IS NOT NULL"
    "   ON CONFLICT DO UPDATE SET events = events + 1,"
    "   mentions = mentions + excluded.mentions, goldstein = goldstein + excluded.goldstein;"
    "  INSERT INTO event_dyads VALUES (new.source, new.target, 1, new.num_mentions,"
    "   new.goldstein)"
    "   ON CONFLICT DO UPDATE SET events = events + 1,"
    "   mentions = mentions + excluded.mentions, goldstein = goldstein + excluded.goldstein;"
    "  END;"
    "CREATE TRIGGER events_sum_delete AFTER DELETE ON events BEGIN"
    "  UPDATE event_days SET events = events - 1, mentions = mentions - old.num_mentions,"
    "   goldstein = goldstein - old.goldstein"
    "   WHERE date = old.date AND root = old.root AND quad = old.quad;"
    "  UPDATE event_dyads SET events = events - 1, mentions = mentions - old.num_mentions,"
    "   goldstein = goldstein - old.goldstein"
    "   WHERE source = old.source AND target = old.target;"
    "  END;";

static const char *const layouts[STORE_SQLITE_LAYOUT] = {layout_1};

int store_sqlite_fail(annals_store *s, sqlite3 *db, const char *what)
{
    int code = sqlite3_extended_errcode(db);
    int rc = code == SQLITE_NOMEM ? ANNALS_E_NOMEM
             : (code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB
                 ? ANNALS_E_FORMAT
                 : ANNALS_E_IO;
    return store_fail(s, rc, "%s: %s", what, sqlite3_errmsg(db));
}

/* annals_bucket(date, days): the deduplication bucket of a mention, the
 * same function the writer uses (store_bucket), for migrations and
 * re-aggregation inside SQL. */
static void sql_bucket(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *date = (const char *)sqlite3_value_text(argv[0]);
    int days = sqlite3_value_int(argv[1]);
    if (date && strlen(date) == 10 && days >= 0)
        sqlite3_result_int64(ctx, store_bucket(date, days));
    else
        sqlite3_result_int64(ctx, STORE_UNDATED);
}

static bool has_table(sqlite3 *db, const char *name)
{
    sqlite3_stmt *st = NULL;
    bool has = false;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        has = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return has;
}

int store_sqlite_rebuild_events(annals_store *s, sqlite3 *db, int days)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "UPDATE mentions SET bucket = annals_bucket(date, ?1)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int(st, 1, days);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "DELETE FROM events; DELETE FROM event_dirty;", NULL, NULL, NULL);
    /* The layout's triggers have taken every event out of the sums; the
     * rows left at zero go too (a store still being migrated has none). */
    if (rc == SQLITE_OK && has_table(db, "event_days"))
        rc = sqlite3_exec(db, "DELETE FROM event_days; DELETE FROM event_dyads;", NULL, NULL,
                          NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db,
                          "INSERT INTO events SELECT m.source, m.target, m.code, m.bucket,"
                          " min(m.date), max(m.date), min(m.root), min(m.quad),"
                          " avg(m.goldstein), count(*), count(DISTINCT d.publisher),"
                          " count(DISTINCT m.doc)"
                          " FROM mentions m JOIN documents d ON d.key = m.doc"
                          " GROUP BY m.source, m.target, m.code, m.bucket;",
                          NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
        char sql[128];
        snprintf(sql, sizeof sql,
                 "INSERT OR REPLACE INTO settings VALUES ('dedup_days', '%d')", days);
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    }
    return rc == SQLITE_OK ? ANNALS_OK : store_sqlite_fail(s, db, "re-aggregating events");
}

/* One integer out of a query, or `fallback` when it gives no row. */
static int query_int(sqlite3 *db, const char *sql, int fallback, bool *failed)
{
    sqlite3_stmt *st = NULL;
    int v = fallback;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        *failed = true;
        return v;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    else if (rc != SQLITE_DONE)
        *failed = true;
    sqlite3_finalize(st);
    return v;
}

/* The schema version of `db`: 0 for an empty file, -1 when it holds
 * tables but is not a store, -2 when it cannot be read. */
static int schema_version(sqlite3 *db)
{
    bool failed = false;
    int tables = query_int(db, "SELECT count(*) FROM sqlite_master", 0, &failed);
    if (failed)
        return -2;
    if (tables == 0)
        return 0;
    int has = query_int(db,
                        "SELECT count(*) FROM sqlite_master"
                        " WHERE type = 'table' AND name = 'schema_version'",
                        0, &failed);
    if (failed)
        return -2;
    if (!has)
        return -1;
    int v = query_int(db, "SELECT max(version) FROM schema_version", -1, &failed);
    return failed ? -2 : v;
}

/* Runs migration `to` (1-based) in its own transaction. */
static int migrate(annals_store *s, sqlite3 *db, const char *path, int to)
{
    char sql[96];
    snprintf(sql, sizeof sql, "UPDATE schema_version SET version = %d", to);
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, migrations[to - 1], NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK ||
        (to == 2 && store_sqlite_rebuild_events(s, db, 0) != ANNALS_OK) ||
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        store_set_open_error("%s: cannot bring the store to schema version %d: %s", path, to,
                             sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return ANNALS_E_IO;
    }
    return ANNALS_OK;
}

/* Brings the SQLite layout up to STORE_SQLITE_LAYOUT, one step a
 * transaction (the schema is current already). */
static int update_layout(annals_store *s, sqlite3 *db, const char *path,
                         const annals_store_options *opt, bool fresh)
{
    bool failed = false;
    int have = query_int(db, "SELECT CAST(value AS INTEGER) FROM settings"
                             " WHERE key = 'sqlite_layout'", 0, &failed);
    if (failed) {
        store_set_open_error("%s: cannot read the settings: %s", path, sqlite3_errmsg(db));
        return ANNALS_E_FORMAT;
    }
    if (have < STORE_SQLITE_LAYOUT && opt->read_only) {
        store_set_open_error("%s: the store has SQLite layout %d and needs migrating to %d "
                             "(summary tables), which a read-only open cannot do; open it "
                             "for writing once (annals load)",
                             path, have, STORE_SQLITE_LAYOUT);
        return ANNALS_E_FORMAT;
    }
    for (int to = have + 1; to <= STORE_SQLITE_LAYOUT; to++) {
        char sql[96];
        snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO settings VALUES ('sqlite_layout', '%d')",
                 to);
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, layouts[to - 1], NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
            store_set_open_error("%s: cannot bring the store to SQLite layout %d: %s", path, to,
                                 sqlite3_errmsg(db));
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return ANNALS_E_IO;
        }
        if (!fresh)
            core_logf(&s->log, ANNALS_LOG_INFO, "%s: migrated the store to SQLite layout %d",
                      path, to);
    }
    return ANNALS_OK;
}

int store_sqlite_schema(annals_store *s, sqlite3 *db, const char *path,
                        const annals_store_options *opt)
{
    if (sqlite3_create_function(db, "annals_bucket", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                NULL, sql_bucket, NULL, NULL) != SQLITE_OK) {
        store_set_open_error("%s: %s", path, sqlite3_errmsg(db));
        return ANNALS_E_IO;
    }
    int v = schema_version(db);
    if (v == -2) {
        store_set_open_error("%s: cannot read the store: %s", path, sqlite3_errmsg(db));
        return ANNALS_E_FORMAT;
    }
    if (v == -1) {
        store_set_open_error("%s: not an annals store (a SQLite file without the "
                             "schema_version table)", path);
        return ANNALS_E_FORMAT;
    }
    int rc = store_check_version(path, v, STORE_SQLITE_VERSION, opt->read_only, "file");
    if (rc)
        return rc;
    bool fresh = v == 0;
    for (int to = v + 1; to <= STORE_SQLITE_VERSION; to++) {
        if ((rc = migrate(s, db, path, to)))
            return rc;
        if (!fresh)
            core_logf(&s->log, ANNALS_LOG_INFO, "%s: migrated the store to schema version %d",
                      path, to);
    }
    s->schema_version = STORE_SQLITE_VERSION;
    rc = update_layout(s, db, path, opt, fresh);
    if (rc)
        return rc;
    bool failed = false;
    s->dedup_days = query_int(db, "SELECT CAST(value AS INTEGER) FROM settings"
                                  " WHERE key = 'dedup_days'", 0, &failed);
    if (failed) {
        store_set_open_error("%s: cannot read the settings: %s", path, sqlite3_errmsg(db));
        return ANNALS_E_FORMAT;
    }
    if (opt->dedup_days >= 0 && opt->dedup_days != s->dedup_days && opt->read_only) {
        store_set_open_error("%s: a read-only open cannot change the deduplication window", path);
        return ANNALS_E_ARG;
    }
    if (opt->dedup_days >= 0 && opt->dedup_days != s->dedup_days) {
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
            store_sqlite_rebuild_events(s, db, opt->dedup_days) != ANNALS_OK ||
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
            store_set_open_error("%s: cannot change the deduplication window: %s", path,
                                 sqlite3_errmsg(db));
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return ANNALS_E_IO;
        }
        s->dedup_days = opt->dedup_days;
    }
    return ANNALS_OK;
}
