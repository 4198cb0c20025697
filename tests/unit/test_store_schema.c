/* test_store_schema.c — the store's schema versions: a store of version
 * 1, made here by hand as that version was, is migrated when opened (its
 * events aggregated, its sentences indexed for search); a newer store, a
 * SQLite file that is not a store and a file that is not SQLite are
 * refused with a clear message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "annals.h"
#include "store_fixture.h"

static char dir[STORE_TMP_DIR_SIZE];
static char path[96];

static int setup(void **state)
{
    (void)state;
    return store_tmp_dir(dir, path, sizeof path, "s.db");
}

static int teardown(void **state)
{
    (void)state;
    return store_tmp_remove(dir);
}

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("%s: %s", sql, err);
}

/* Schema version 1 as it was released: documents, sentences, mentions
 * (no bucket column), no events, no full-text index. */
static const char v1_store[] =
    "CREATE TABLE schema_version (version INTEGER NOT NULL);"
    "INSERT INTO schema_version VALUES (1);"
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE documents (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    "  hash INTEGER NOT NULL, date TEXT, url TEXT, title TEXT, publisher TEXT);"
    "CREATE TABLE sentences (doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL, kind INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL,"
    "  UNIQUE (doc, idx));"
    "CREATE TABLE mentions (doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,"
    "  sent INTEGER NOT NULL, date TEXT, source TEXT NOT NULL, target TEXT NOT NULL,"
    "  code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL,"
    "  goldstein REAL NOT NULL, plover TEXT NOT NULL, source_text TEXT NOT NULL,"
    "  target_text TEXT NOT NULL, verb_text TEXT NOT NULL, pattern TEXT NOT NULL);"
    "CREATE INDEX mentions_doc ON mentions(doc);"
    "CREATE INDEX mentions_date ON mentions(date);"
    "CREATE INDEX mentions_target ON mentions(target);"
    "INSERT INTO documents VALUES (1, 'old1', 42, '2019-07-01', NULL, NULL, 'AP');"
    "INSERT INTO documents VALUES (2, 'old2', 43, '2019-07-01', NULL, NULL, 'BBC');"
    "INSERT INTO sentences VALUES (1, 0, 0, 'Turkish forces shelled Kurdish positions.');"
    "INSERT INTO sentences VALUES (2, 5, 0, 'Turkey shelled the Kurds again.');"
    "INSERT INTO mentions VALUES (1, 0, '2019-07-01', 'TURMIL', 'KUR', '190', '19', 4,"
    "  -10.0, 'ASSAULT', 'Turkish forces', 'Kurdish positions', 'shelled', 'v:1');"
    "INSERT INTO mentions VALUES (2, 5, '2019-07-01', 'TURMIL', 'KUR', '190', '19', 4,"
    "  -10.0, 'ASSAULT', 'Turkey', 'the Kurds', 'shelled', 'v:1');";

static sqlite3 *raw_open(void)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    return db;
}

static int raw_int(const char *sql)
{
    sqlite3 *db = raw_open();
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static int count_record(void *user, const annals_store_record *r)
{
    (void)r;
    (*(int *)user)++;
    return 0;
}

static void test_migrate_from_v1(void **state)
{
    (void)state;
    sqlite3 *db = raw_open();
    exec(db, v1_store);
    sqlite3_close(db);
    int err = 0;
    annals_store *s = annals_store_open(path, NULL, &err);
    if (!s)
        fail_msg("%s", annals_store_open_error());
    assert_int_equal(annals_store_schema_version(s), ANNALS_STORE_SCHEMA_VERSION);
    assert_int_equal(annals_store_dedup_days(s), 0);
    annals_store_stats st;
    assert_int_equal(annals_store_get_stats(s, &st), ANNALS_OK);
    assert_int_equal(st.documents, 2);
    assert_int_equal(st.mentions, 2);
    assert_int_equal(st.events, 1); /* the two mentions are one event */
    assert_int_equal(st.actors, 2);
    /* The old sentences are searchable. */
    annals_store_filter f;
    annals_store_filter_init(&f);
    f.text = "Kurds";
    int n = 0;
    assert_int_equal(annals_store_records(s, &f, count_record, &n), ANNALS_OK);
    assert_int_equal(n, 1);
    /* And the migrated store takes new records. */
    const char *line =
        "{\"doc\":\"new1\",\"sent\":0,\"date\":\"2019-07-01\",\"source\":\"TURMIL\","
        "\"target\":\"KUR\",\"code\":\"190\",\"root\":\"19\",\"quad\":4,\"goldstein\":-10.0,"
        "\"plover\":\"ASSAULT\",\"source_text\":\"a\",\"target_text\":\"b\",\"verb_text\":\"c\","
        "\"pattern\":\"p\",\"text\":\"More shelling.\",\"publisher\":\"AP\"}\n";
    FILE *in = fmemopen((void *)line, strlen(line), "r");
    assert_int_equal(annals_store_load_jsonl(s, in, "new", NULL), ANNALS_OK);
    fclose(in);
    assert_int_equal(annals_store_close(s), ANNALS_OK);
    assert_int_equal(raw_int("SELECT version FROM schema_version"), 2);
    assert_int_equal(raw_int("SELECT num_mentions FROM events"), 3);
    assert_int_equal(raw_int("SELECT num_articles FROM events"), 3);
    assert_int_equal(raw_int("SELECT num_sources FROM events"), 2);
    assert_int_equal(raw_int("SELECT count(*) FROM event_dirty"), 0);
}

static void test_new_store_is_current(void **state)
{
    (void)state;
    annals_store *s = annals_store_open(path, NULL, NULL);
    assert_non_null(s);
    annals_store_close(s);
    assert_int_equal(raw_int("SELECT version FROM schema_version"),
                     ANNALS_STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"),
                     1);
    /* Reopening changes nothing. */
    s = annals_store_open(path, NULL, NULL);
    assert_non_null(s);
    annals_store_close(s);
    assert_int_equal(raw_int("SELECT count(*) FROM schema_version"), 1);
}

static void test_newer_store_refused(void **state)
{
    (void)state;
    annals_store *s = annals_store_open(path, NULL, NULL);
    assert_non_null(s);
    annals_store_close(s);
    sqlite3 *db = raw_open();
    exec(db, "UPDATE schema_version SET version = 99");
    sqlite3_close(db);
    int err = 0;
    assert_null(annals_store_open(path, NULL, &err));
    assert_int_equal(err, ANNALS_E_FORMAT);
    const char *msg = annals_store_open_error();
    assert_non_null(strstr(msg, "schema version 99"));
    assert_non_null(strstr(msg, "newer"));
    assert_non_null(strstr(msg, path));
    /* Refusing did not touch it. */
    assert_int_equal(raw_int("SELECT version FROM schema_version"), 99);
}

static void test_foreign_files_refused(void **state)
{
    (void)state;
    sqlite3 *db = raw_open();
    exec(db, "CREATE TABLE shopping (item TEXT)");
    sqlite3_close(db);
    int err = 0;
    assert_null(annals_store_open(path, NULL, &err));
    assert_int_equal(err, ANNALS_E_FORMAT);
    assert_non_null(strstr(annals_store_open_error(), "not an annals store"));
    assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master"), 1);

    char text_path[128];
    snprintf(text_path, sizeof text_path, "%s/notes.txt", dir);
    FILE *fp = fopen(text_path, "w");
    assert_non_null(fp);
    for (int i = 0; i < 100; i++)
        fputs("These are not the droids you are looking for.\n", fp);
    fclose(fp);
    assert_null(annals_store_open(text_path, NULL, &err));
    assert_int_equal(err, ANNALS_E_FORMAT);
    assert_non_null(strstr(annals_store_open_error(), "notes.txt"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_migrate_from_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_store_is_current, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_store_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_files_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
