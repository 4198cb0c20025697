/* test_store_document.c — annals_store_document (a document, its sentences
 * and its records from one call) and the filter's offset (pages of
 * records, events, series and top lists), on a SQLite store and, when
 * ANNALS_TEST_PG_URL names an empty PostgreSQL database (tests/store/pg.sh
 * sets it), on PostgreSQL too: both back ends must answer alike. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "annals.h"
#include "store_fixture.h"

typedef struct fixture {
    char dir[STORE_TMP_DIR_SIZE];
    char db[256];
    annals_store *s;
} fixture;

/* The back end of this run: a SQLite file, or the PostgreSQL URL. */
static const char *pg_url;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (pg_url) {
        snprintf(f->db, sizeof f->db, "%s", pg_url);
    } else {
        if (store_tmp_dir(f->dir, f->db, sizeof f->db, "s.db"))
            return -1;
    }
    int err = 0;
    f->s = annals_store_open(f->db, NULL, &err);
    if (!f->s) {
        fprintf(stderr, "open %s: %s\n", f->db, annals_store_open_error());
        return -1;
    }
    /* Records of two documents, given out of order within d1: records
     * come back by sentence, in the order stored within one. */
    static const char recs[] =
        "{\"doc\":\"d1\",\"sent\":2,\"date\":\"2020-05-02\",\"source\":\"USA\","
        "\"target\":\"CHN\",\"code\":\"057\",\"root\":\"05\",\"quad\":1,\"goldstein\":8.0,"
        "\"plover\":\"AGREE\",\"source_text\":\"US\",\"target_text\":\"China\","
        "\"verb_text\":\"signed\",\"pattern\":\"t:1\",\"text\":\"The US signed with China.\","
        "\"publisher\":\"AP\",\"url\":\"http://x/1\",\"title\":\"Deal\"}\n"
        "{\"doc\":\"d1\",\"sent\":0,\"date\":\"2020-05-01\",\"source\":\"PRK\","
        "\"target\":\"KOR\",\"code\":\"042\",\"root\":\"04\",\"quad\":1,\"goldstein\":1.9,"
        "\"plover\":\"CONSULT\",\"source_text\":\"North\",\"target_text\":\"South\","
        "\"verb_text\":\"met\",\"pattern\":\"t:2\",\"text\":\"The North met the South.\"}\n"
        "{\"doc\":\"d1\",\"sent\":0,\"date\":\"2020-05-01\",\"source\":\"PRK\","
        "\"target\":\"USA\",\"code\":\"1244\",\"root\":\"12\",\"quad\":3,\"goldstein\":-4.0,"
        "\"plover\":\"REJECT\",\"source_text\":\"North\",\"target_text\":\"US\","
        "\"verb_text\":\"refused\",\"pattern\":\"t:3\",\"text\":\"The North met the South.\"}\n"
        "{\"doc\":\"d2\",\"sent\":0,\"date\":\"2020-06-01\",\"source\":\"SYR\","
        "\"target\":\"TUR\",\"code\":\"190\",\"root\":\"19\",\"quad\":4,\"goldstein\":-10.0,"
        "\"plover\":\"ASSAULT\",\"source_text\":\"Syria\",\"target_text\":\"Turkey\","
        "\"verb_text\":\"shelled\",\"pattern\":\"t:4\",\"text\":\"Syria shelled Turkey.\"}\n";
    FILE *in = fmemopen((void *)recs, strlen(recs), "r");
    annals_store_load_stats st;
    int rc = annals_store_load_jsonl(f->s, in, "mem.jsonl", &st);
    fclose(in);
    if (rc || st.records != 4 || annals_store_flush(f->s))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    annals_store_close(f->s);
    if (!pg_url && store_tmp_remove(f->dir))
        return -1;
    free(f);
    return 0;
}

/* What the callbacks saw, as text: one line a call. */
typedef struct seen {
    char text[2048];
    int stop_after;          /* return 1 from the Nth call (1-based), 0: never */
    int calls;
} seen;

static int seen_add(seen *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t n = strlen(s->text);
    vsnprintf(s->text + n, sizeof s->text - n, fmt, ap);
    va_end(ap);
    return ++s->calls == s->stop_after;
}

static int on_doc(void *user, const annals_store_doc *d)
{
    return seen_add(user, "doc %s date=%s url=%s title=%s publisher=%s\n", d->id,
                    d->date ? d->date : "-", d->url ? d->url : "-", d->title ? d->title : "-",
                    d->publisher ? d->publisher : "-");
}

static int on_sentence(void *user, const annals_store_sentence *s)
{
    return seen_add(user, "sent %zu %s\n", s->index, s->text);
}

static int on_record(void *user, const annals_store_record *r)
{
    return seen_add(user, "rec %s %zu %s %s>%s %s %.1f %s\n", r->doc, r->sent,
                    r->date ? r->date : "-", r->source, r->target, r->code, r->goldstein,
                    r->text);
}

static void test_document(void **state)
{
    fixture *f = *state;
    seen s = {"", 0, 0};
    assert_int_equal(annals_store_document(f->s, "d1", on_doc, on_sentence, on_record, &s), 1);
    assert_string_equal(s.text,
                        "doc d1 date=- url=http://x/1 title=Deal publisher=AP\n"
                        "sent 0 The North met the South.\n"
                        "sent 2 The US signed with China.\n"
                        "rec d1 0 2020-05-01 PRK>KOR 042 1.9 The North met the South.\n"
                        "rec d1 0 2020-05-01 PRK>USA 1244 -4.0 The North met the South.\n"
                        "rec d1 2 2020-05-02 USA>CHN 057 8.0 The US signed with China.\n");
}

static void test_document_absent_and_partial(void **state)
{
    fixture *f = *state;
    seen s = {"", 0, 0};
    assert_int_equal(annals_store_document(f->s, "nope", on_doc, on_sentence, on_record, &s),
                     0);
    assert_string_equal(s.text, "");
    /* A callback that says stop ends the reading; the document was there. */
    seen stop = {"", 2, 0};
    assert_int_equal(
        annals_store_document(f->s, "d1", on_doc, on_sentence, on_record, &stop), 1);
    assert_string_equal(stop.text, "doc d1 date=- url=http://x/1 title=Deal publisher=AP\n"
                                   "sent 0 The North met the South.\n");
    /* NULL callbacks are skipped. */
    seen recs = {"", 0, 0};
    assert_int_equal(annals_store_document(f->s, "d2", NULL, NULL, on_record, &recs), 1);
    assert_string_equal(recs.text, "rec d2 0 2020-06-01 SYR>TUR 190 -10.0 Syria shelled Turkey.\n");
    assert_int_equal(annals_store_document(f->s, NULL, NULL, NULL, NULL, NULL), ANNALS_E_ARG);
}

static int on_event(void *user, const annals_store_event *e)
{
    return seen_add(user, "%s %s>%s %s\n", e->date ? e->date : "-", e->source, e->target,
                    e->code);
}

static int on_bin(void *user, const annals_store_bin *b)
{
    return seen_add(user, "%s%s%s %zu\n", b->key, b->key2 ? ">" : "", b->key2 ? b->key2 : "",
                    b->events);
}

static void test_offset(void **state)
{
    fixture *f = *state;
    annals_store_filter flt;
    annals_store_filter_init(&flt);
    flt.limit = 2;
    flt.offset = 1;
    seen r = {"", 0, 0};
    assert_int_equal(annals_store_records(f->s, &flt, on_record, &r), ANNALS_OK);
    assert_string_equal(r.text,
                        "rec d1 0 2020-05-01 PRK>USA 1244 -4.0 The North met the South.\n"
                        "rec d1 2 2020-05-02 USA>CHN 057 8.0 The US signed with China.\n");
    seen e = {"", 0, 0};
    flt.limit = 0;
    flt.offset = 2;
    assert_int_equal(annals_store_events(f->s, &flt, on_event, &e), ANNALS_OK);
    assert_string_equal(e.text, "2020-05-02 USA>CHN 057\n2020-06-01 SYR>TUR 190\n");
    seen days = {"", 0, 0};
    flt.offset = 1;
    assert_int_equal(annals_store_series(f->s, &flt, ANNALS_BY_DAY, on_bin, &days), ANNALS_OK);
    assert_string_equal(days.text, "2020-05-02 1\n2020-06-01 1\n");
    seen top = {"", 0, 0};
    assert_int_equal(annals_store_top_actors(f->s, &flt, 2, on_bin, &top), ANNALS_OK);
    /* PRK and USA have two events each (PRK before USA by name), then the
     * four with one. */
    assert_string_equal(top.text, "USA 2\nCHN 1\n");
    seen dyads = {"", 0, 0};
    flt.offset = 3;
    assert_int_equal(annals_store_top_dyads(f->s, &flt, 10, on_bin, &dyads), ANNALS_OK);
    assert_string_equal(dyads.text, "USA>CHN 1\n");
    seen none = {"", 0, 0};
    flt.offset = 100;
    assert_int_equal(annals_store_records(f->s, &flt, on_record, &none), ANNALS_OK);
    assert_string_equal(none.text, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_document, setup, teardown),
        cmocka_unit_test_setup_teardown(test_document_absent_and_partial, setup, teardown),
        cmocka_unit_test_setup_teardown(test_offset, setup, teardown),
    };
    int failed = cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);
    pg_url = getenv("ANNALS_TEST_PG_URL");
    if (pg_url && *pg_url)
        failed |= cmocka_run_group_tests_name("postgresql", tests, NULL, NULL);
    return failed;
}
