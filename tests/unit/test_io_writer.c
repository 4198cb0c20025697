/* test_io_writer.c — the event writers: exact JSON line, GDELT and
 * Phoenix rows from hand-made events. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"

static const annals_sentence sentences[] = {
    {.text = "Headline"},
    {.text = "North Korea's government \"denounced\"\tthe US."},
};

static const annals_document doc = {
    .id = "d1", .text = "", .date = "2020-03-04", .url = "http://example.org/a",
    .publisher = "Example News",
};

static annals_event event(void)
{
    annals_event e = {
        .sent = 1, .date = NULL, .source = "PRKGOV", .target = "USA", .code = "1244",
        .quad = 4, .goldstein = -10.0, .plover = "ASSAULT",
        .source_text = "North Korea's government", .target_text = "the US",
        .verb_text = "denounced", .pattern = "verbs.txt:12",
    };
    return e;
}

/* Writes `n` events with a fresh writer and returns the output (free it). */
static char *write_events(annals_format format, const annals_document *d,
                          const annals_event *events, size_t n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    annals_writer *w = annals_writer_create(out, format);
    assert_non_null(w);
    assert_int_equal(annals_writer_write(w, d, sentences, 2, events, n), ANNALS_OK);
    annals_writer_free(w);
    fclose(out);
    return buf;
}

static size_t count_char(const char *s, char c)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == c;
    return n;
}

static void test_format_names(void **state)
{
    (void)state;
    assert_int_equal(annals_format_from_name("jsonl"), ANNALS_FORMAT_JSONL);
    assert_int_equal(annals_format_from_name("gdelt"), ANNALS_FORMAT_GDELT);
    assert_int_equal(annals_format_from_name("phoenix"), ANNALS_FORMAT_PHOENIX);
    assert_int_equal(annals_format_from_name("conllu"), ANNALS_FORMAT_CONLLU);
    assert_int_equal(annals_format_from_name("csv"), -1);
    assert_int_equal(annals_format_from_name(NULL), -1);
}

static void test_jsonl_exact(void **state)
{
    (void)state;
    annals_event e = event();
    char *out = write_events(ANNALS_FORMAT_JSONL, &doc, &e, 1);
    assert_string_equal(out,
        "{\"doc\":\"d1\",\"sent\":1,\"date\":\"2020-03-04\",\"source\":\"PRKGOV\","
        "\"target\":\"USA\",\"code\":\"1244\",\"root\":\"12\",\"quad\":4,"
        "\"goldstein\":-10.0,\"plover\":\"ASSAULT\","
        "\"source_text\":\"North Korea's government\",\"target_text\":\"the US\","
        "\"verb_text\":\"denounced\",\"pattern\":\"verbs.txt:12\","
        "\"text\":\"North Korea's government \\\"denounced\\\"\\tthe US.\"}\n");
    free(out);
}

static void test_jsonl_null_date_and_utf8(void **state)
{
    (void)state;
    annals_document d = doc;
    d.date = NULL;
    d.id = "caf\xC3\xA9\xFF";            /* é as it is, a bad byte as U+FFFD */
    annals_event e = event();
    e.goldstein = 3.4;
    e.code = "030";
    char *out = write_events(ANNALS_FORMAT_JSONL, &d, &e, 1);
    assert_non_null(strstr(out, "{\"doc\":\"caf\xC3\xA9\xEF\xBF\xBD\",\"sent\":1,\"date\":null,"));
    assert_non_null(strstr(out, "\"code\":\"030\",\"root\":\"03\",\"quad\":4,\"goldstein\":3.4,"));
    assert_int_equal(count_char(out, '\n'), 1);
    free(out);
}

static void test_gdelt_exact(void **state)
{
    (void)state;
    annals_event e[2] = {event(), event()};
    e[1].source = "USAMILCHR";
    e[1].target = "---";
    e[1].date = "2021-12-31";
    char *out = write_events(ANNALS_FORMAT_GDELT, &doc, e, 2);
    char *second = strchr(out, '\n');
    assert_non_null(second);
    *second++ = '\0';
    /* 5 date columns, 10 per actor, 10 event columns, 24 geo, DATEADDED, SOURCEURL. */
    assert_string_equal(out,
        "1\t20200304\t202003\t2020\t2020.1721\t"
        "PRKGOV\t\tPRK\t\t\t\t\tGOV\t\t\t"
        "USA\t\tUSA\t\t\t\t\t\t\t\t"
        "\t1244\t124\t12\t4\t-10.0\t1\t1\t1\t"
        "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"
        "20200304000000\thttp://example.org/a");
    assert_int_equal(count_char(out, '\t'), 60);
    assert_string_equal(second,
        "2\t20211231\t202112\t2021\t2021.9973\t"
        "USAMILCHR\t\tUSA\t\t\tCHR\t\tMIL\t\t\t"
        "\t\t\t\t\t\t\t\t\t\t"
        "\t1244\t124\t12\t4\t-10.0\t1\t1\t1\t"
        "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"
        "20200304000000\thttp://example.org/a\n");
    free(out);
}

static void test_gdelt_no_url_no_date(void **state)
{
    (void)state;
    annals_document d = doc;
    d.url = NULL;
    d.date = NULL;
    annals_event e = event();
    char *out = write_events(ANNALS_FORMAT_GDELT, &d, &e, 1);
    assert_int_equal(count_char(out, '\t'), 60);
    assert_int_equal(strncmp(out, "1\t\t\t\t\tPRKGOV\t", 12), 0);
    assert_non_null(strstr(out, "\t\td1\n"));    /* no DATEADDED, SOURCEURL = id */
    free(out);
}

static void test_phoenix_exact(void **state)
{
    (void)state;
    annals_event e = event();
    e.target = "IGOUNO";
    char *out = write_events(ANNALS_FORMAT_PHOENIX, &doc, &e, 1);
    assert_string_equal(out,
        "1\t20200304\t2020\t3\t4\t"
        "PRKGOV\tPRK\tGOV\t\t"
        "IGOUNO\tIGO\t\tUNO\t"
        "1244\t12\t3\t-10.0\t"                /* root 12: verbal conflict */
        "\t\t\t\t\t\t"
        "d1_1\thttp://example.org/a\tExample News\n");
    assert_int_equal(count_char(out, '\t'), 25);
    free(out);
}

static void test_phoenix_quad_classes(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        const char *quad;
    } cases[] = {{"010", "0"}, {"020", "0"}, {"036", "1"}, {"057", "1"}, {"061", "2"},
                 {"0874", "2"}, {"090", "3"}, {"130", "3"}, {"141", "4"}, {"204", "4"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        annals_event e = event();
        e.code = cases[i].code;
        char *out = write_events(ANNALS_FORMAT_PHOENIX, &doc, &e, 1);
        /* Columns 14-16: code, root_code, quad_class. */
        char want[32];
        snprintf(want, sizeof want, "\t%s\t%.2s\t%s\t", cases[i].code, cases[i].code,
                 cases[i].quad);
        assert_non_null(strstr(out, want));
        free(out);
    }
}

static void test_tsv_fields_have_no_tabs_or_newlines(void **state)
{
    (void)state;
    annals_document d = doc;
    d.url = "http://x/\ta\nb";
    d.publisher = "Pub\r\nlisher";
    annals_event e = event();
    char *out = write_events(ANNALS_FORMAT_PHOENIX, &d, &e, 1);
    assert_int_equal(count_char(out, '\t'), 25);
    assert_int_equal(count_char(out, '\n'), 1);
    assert_non_null(strstr(out, "\thttp://x/ a b\tPub  lisher\n"));
    free(out);
    out = write_events(ANNALS_FORMAT_GDELT, &d, &e, 1);
    assert_int_equal(count_char(out, '\t'), 60);
    assert_int_equal(count_char(out, '\n'), 1);
    free(out);
}

static void test_running_number_and_no_events(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    annals_writer *w = annals_writer_create(out, ANNALS_FORMAT_GDELT);
    annals_event e = event();
    assert_int_equal(annals_writer_write(w, &doc, sentences, 2, &e, 1), ANNALS_OK);
    assert_int_equal(annals_writer_write(w, &doc, sentences, 2, NULL, 0), ANNALS_OK);
    assert_int_equal(annals_writer_write(w, &doc, sentences, 2, &e, 1), ANNALS_OK);
    annals_writer_free(w);
    fclose(out);
    assert_int_equal(strncmp(buf, "1\t", 2), 0);
    assert_int_equal(strncmp(strchr(buf, '\n') + 1, "2\t", 2), 0);
    assert_int_equal(count_char(buf, '\n'), 2);
    free(buf);
    assert_null(annals_writer_create(NULL, ANNALS_FORMAT_JSONL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_jsonl_exact),
        cmocka_unit_test(test_jsonl_null_date_and_utf8),
        cmocka_unit_test(test_gdelt_exact),
        cmocka_unit_test(test_gdelt_no_url_no_date),
        cmocka_unit_test(test_phoenix_exact),
        cmocka_unit_test(test_phoenix_quad_classes),
        cmocka_unit_test(test_tsv_fields_have_no_tabs_or_newlines),
        cmocka_unit_test(test_running_number_and_no_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
