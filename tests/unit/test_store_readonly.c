/* test_store_readonly.c — a store opened with read_only (as annals query
 * opens it) answers queries, refuses every write with a message, never
 * creates, migrates or re-aggregates a store, and leaves the file as it
 * was: what a writer committed before and after is all there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "annals.h"
#include "store_fixture.h"

static char dir[STORE_TMP_DIR_SIZE];
static char path[96];

static const char records[] =
    "{\"doc\":\"d1\",\"sent\":0,\"date\":\"2020-05-01\",\"source\":\"PRKGOV\",\"target\":\"USA\","
    "\"code\":\"111\",\"root\":\"11\",\"quad\":3,\"goldstein\":-2.0,\"plover\":\"DISAPPROVE\","
    "\"source_text\":\"North Korea\",\"target_text\":\"the United States\","
    "\"verb_text\":\"criticized\",\"pattern\":\"t:1\","
    "\"text\":\"North Korea criticized the United States.\"}\n"
    "{\"doc\":\"d2\",\"sent\":0,\"date\":\"2020-06-03\",\"source\":\"PRKMIL\",\"target\":\"KOR\","
    "\"code\":\"190\",\"root\":\"19\",\"quad\":4,\"goldstein\":-10.0,\"plover\":\"FIGHT\","
    "\"source_text\":\"troops\",\"target_text\":\"South Korea\",\"verb_text\":\"fired on\","
    "\"pattern\":\"t:2\",\"text\":\"Troops fired on South Korea.\"}\n";

static const char more[] =
    "{\"doc\":\"d3\",\"sent\":0,\"date\":\"2020-07-01\",\"source\":\"USA\",\"target\":\"CHN\","
    "\"code\":\"036\",\"root\":\"03\",\"quad\":1,\"goldstein\":4.0,\"plover\":\"CONSULT\","
    "\"source_text\":\"Washington\",\"target_text\":\"Beijing\",\"verb_text\":\"offered\","
    "\"pattern\":\"t:3\",\"text\":\"Washington offered talks to Beijing.\"}\n";

static annals_store *open_with(int read_only, int dedup_days, int *err)
{
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.read_only = read_only;
    opt.dedup_days = dedup_days;
    *err = 0;
    return annals_store_open(path, &opt, err);
}

static void load(annals_store *s, const char *text)
{
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(in);
    annals_store_load_stats st;
    assert_int_equal(annals_store_load_jsonl(s, in, "t", &st), ANNALS_OK);
    fclose(in);
    assert_int_equal(annals_store_flush(s), ANNALS_OK);
}

static int count_record(void *user, const annals_store_record *r)
{
    (void)r;
    (*(size_t *)user)++;
    return 0;
}

static size_t count(annals_store *s)
{
    annals_store_filter f;
    annals_store_filter_init(&f);
    size_t n = 0;
    assert_int_equal(annals_store_records(s, &f, count_record, &n), ANNALS_OK);
    return n;
}

static int setup(void **state)
{
    (void)state;
    if (store_tmp_dir(dir, path, sizeof path, "s.db"))
        return -1;
    int err;
    annals_store *s = open_with(0, -1, &err);
    if (!s)
        return -1;
    load(s, records);
    return annals_store_close(s) == ANNALS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return store_tmp_remove(dir);
}

static void test_reads(void **state)
{
    (void)state;
    int err;
    annals_store *s = open_with(1, -1, &err);
    assert_non_null(s);
    assert_int_equal(annals_store_schema_version(s), ANNALS_STORE_SCHEMA_VERSION);
    assert_int_equal(count(s), 2);
    annals_store_stats st;
    assert_int_equal(annals_store_get_stats(s, &st), ANNALS_OK);
    assert_int_equal(st.events, 2);
    assert_int_equal(annals_store_close(s), ANNALS_OK);
}

static void test_refuses_writes(void **state)
{
    (void)state;
    int err;
    annals_store *s = open_with(1, -1, &err);
    assert_non_null(s);
    FILE *in = fmemopen((void *)more, strlen(more), "r");
    assert_non_null(in);
    int rc = annals_store_load_jsonl(s, in, "t", NULL);
    fclose(in);
    if (rc == ANNALS_OK)
        rc = annals_store_flush(s);
    assert_true(rc < 0);
    assert_non_null(strstr(annals_store_error(s), "readonly"));
    assert_true(annals_store_set_dedup_days(s, 3) < 0);
    annals_store_close(s);

    /* Nothing changed, and a writer still works on the file after. */
    s = open_with(0, -1, &err);
    assert_non_null(s);
    assert_int_equal(count(s), 2);
    assert_int_equal(annals_store_dedup_days(s), 0);
    load(s, more);
    assert_int_equal(count(s), 3);
    assert_int_equal(annals_store_close(s), ANNALS_OK);
    s = open_with(1, -1, &err);
    assert_non_null(s);
    assert_int_equal(count(s), 3);
    annals_store_close(s);
}

/* A reader open alongside a writer sees each load the writer commits. */
static void test_beside_a_writer(void **state)
{
    (void)state;
    int err;
    annals_store *w = open_with(0, -1, &err);
    assert_non_null(w);
    size_t before;
    annals_store *r = open_with(1, -1, &err);
    assert_non_null(r);
    before = count(r);
    static const char another[] =
        "{\"doc\":\"d4\",\"sent\":0,\"date\":\"2020-08-01\",\"source\":\"FRA\",\"target\":\"DEU\","
        "\"code\":\"036\",\"root\":\"03\",\"quad\":1,\"goldstein\":4.0,\"plover\":\"CONSULT\","
        "\"source_text\":\"Paris\",\"target_text\":\"Berlin\",\"verb_text\":\"offered\","
        "\"pattern\":\"t:4\",\"text\":\"Paris offered talks to Berlin.\"}\n";
    FILE *in = fmemopen((void *)another, strlen(another), "r");
    assert_int_equal(annals_store_load_jsonl(w, in, "t", NULL), ANNALS_OK);
    fclose(in);
    assert_int_equal(count(r), before + 1);
    annals_store_close(r);
    annals_store_close(w);
}

static void test_never_creates_or_changes(void **state)
{
    (void)state;
    char other[128];
    snprintf(other, sizeof other, "%s/none.db", dir);
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.read_only = 1;
    int err = 0;
    assert_null(annals_store_open(other, &opt, &err));
    assert_true(err < 0);
    struct stat st;
    assert_int_not_equal(stat(other, &st), 0);

    /* An empty file is not a store, and stays empty. */
    FILE *fp = fopen(other, "w");
    assert_non_null(fp);
    fclose(fp);
    assert_null(annals_store_open(other, &opt, &err));
    assert_non_null(strstr(annals_store_open_error(), "not an annals store"));
    assert_int_equal(stat(other, &st), 0);
    assert_int_equal(st.st_size, 0);

    /* A different deduplication window would re-aggregate: refused. */
    assert_null(open_with(1, 5, &err));
    assert_int_equal(err, ANNALS_E_ARG);
    assert_non_null(strstr(annals_store_open_error(), "read-only"));
    annals_store *s = open_with(1, -1, &err);
    assert_non_null(s);
    assert_int_equal(annals_store_dedup_days(s), 0);
    annals_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads),
        cmocka_unit_test(test_refuses_writes),
        cmocka_unit_test(test_beside_a_writer),
        cmocka_unit_test(test_never_creates_or_changes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
