/* test_store_crash.c — a loader killed with SIGKILL in the middle of a
 * batch loses that batch and nothing else: the committed documents are
 * whole, the events agree with the mentions, the file passes SQLite's
 * integrity and foreign-key checks, and loading again completes it.
 *
 * The loader is a child process reading event records from a pipe, so the
 * test knows exactly what it has been given: five batches' worth and then
 * part of a sixth, which it holds in an open transaction when killed. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "annals.h"
#include "store_fixture.h"

#define RECS_PER_DOC 5
#define BATCH 1000                       /* records per transaction */
#define COMMITTED_DOCS (5 * BATCH / RECS_PER_DOC)
#define ALL_DOCS (COMMITTED_DOCS + 100)

static char dir[STORE_TMP_DIR_SIZE];
static char path[96];

static const char *const codes[] = {"042", "036", "1244", "173", "190"};

/* Record `k` of document `i`. */
static void write_record(FILE *out, int i, int k)
{
    const annals_cameo_code *c = annals_cameo_lookup(codes[k]);
    fprintf(out,
            "{\"doc\":\"doc-%05d\",\"sent\":%d,\"date\":\"2020-01-%02d\",\"source\":\"S%02d\","
            "\"target\":\"T%d\",\"code\":\"%s\",\"root\":\"%.2s\",\"quad\":%d,"
            "\"goldstein\":%.1f,\"plover\":\"%s\",\"source_text\":\"a\",\"target_text\":\"b\","
            "\"verb_text\":\"c\",\"pattern\":\"p:%d\",\"text\":\"Sentence %d of %d.\","
            "\"publisher\":\"P%d\"}\n",
            i, k, 1 + i % 28, i % 37, k, c->code, c->code, c->quad, c->goldstein, c->plover,
            k, k, i, i % 3);
}

static sqlite3_int64 raw_int(const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_int64 v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static void raw_text(const char *sql, char *out, size_t cap)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    int rc = sqlite3_step(st);
    snprintf(out, cap, "%s",
             rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "(no row)");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* The child: loads from the pipe until it is killed. */
static void loader_child(int fd)
{
    FILE *in = fdopen(fd, "r");
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.batch = BATCH;
    annals_store *s = annals_store_open(path, &opt, NULL);
    if (!in || !s)
        _exit(3);
    annals_store_load_jsonl(s, in, "pipe", NULL);
    annals_store_close(s);
    _exit(0);
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void test_sigkill_mid_batch(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[1]);
        loader_child(fds[0]);
    }
    close(fds[0]);
    FILE *out = fdopen(fds[1], "w");
    assert_non_null(out);
    for (int i = 0; i < ALL_DOCS; i++)
        for (int k = 0; k < RECS_PER_DOC; k++)
            write_record(out, i, k);
    fflush(out);
    /* Five batches commit; the sixth stays open because the pipe neither
     * ends nor brings enough records to fill it. */
    sqlite3_int64 committed = -1;
    for (int waited = 0; waited < 120000; waited += 20) {
        committed = raw_int("SELECT count(*) FROM mentions");
        if (committed >= 5 * BATCH)
            break;
        sleep_ms(20);
    }
    assert_int_equal(committed, 5 * BATCH);
    sleep_ms(300); /* let the child read the rest into its open transaction */
    assert_int_equal(kill(pid, SIGKILL), 0);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    fclose(out);

    /* The committed part, whole and consistent. */
    annals_store *s = annals_store_open(path, NULL, NULL);
    assert_non_null(s);
    annals_store_stats st;
    assert_int_equal(annals_store_get_stats(s, &st), ANNALS_OK);
    assert_int_equal(st.documents, COMMITTED_DOCS);
    assert_int_equal(st.mentions, 5 * BATCH);
    assert_int_equal(st.sentences, 5 * BATCH);
    annals_store_close(s);
    char text[64];
    raw_text("PRAGMA integrity_check", text, sizeof text);
    assert_string_equal(text, "ok");
    assert_int_equal(raw_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    assert_int_equal(raw_int("SELECT count(*) FROM (SELECT doc FROM mentions GROUP BY doc"
                             " HAVING count(*) <> 5)"),
                     0);
    assert_int_equal(raw_int("SELECT sum(num_mentions) FROM events"), 5 * BATCH);
    assert_int_equal(raw_int("SELECT count(*) FROM event_dirty"), 0);
    assert_int_equal(raw_int("SELECT count(*) FROM (SELECT 1 FROM mentions"
                             " GROUP BY source, target, code, bucket)"),
                     raw_int("SELECT count(*) FROM events"));
    assert_int_equal(raw_int("SELECT max(id) = 'doc-00999' FROM documents"), 1);

    /* Loading everything again completes the store and repeats nothing. */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    for (int i = 0; i < ALL_DOCS; i++)
        for (int k = 0; k < RECS_PER_DOC; k++)
            write_record(mem, i, k);
    fclose(mem);
    FILE *in = fmemopen(buf, len, "r");
    s = annals_store_open(path, NULL, NULL);
    annals_store_load_stats ls;
    assert_int_equal(annals_store_load_jsonl(s, in, "again", &ls), ANNALS_OK);
    fclose(in);
    free(buf);
    assert_int_equal(ls.unchanged, COMMITTED_DOCS);
    assert_int_equal(ls.documents, ALL_DOCS - COMMITTED_DOCS);
    assert_int_equal(annals_store_get_stats(s, &st), ANNALS_OK);
    assert_int_equal(st.mentions, ALL_DOCS * RECS_PER_DOC);
    annals_store_close(s);
    assert_int_equal(raw_int("SELECT sum(num_mentions) FROM events"),
                     ALL_DOCS * RECS_PER_DOC);
}

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sigkill_mid_batch, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
