/* test_io_reader.c — input kinds, the JSON-lines reader (bad records,
 * limits, defaults), plain text, gzip (whole and truncated), and the
 * bounded line reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <cmocka.h>

#include "annals.h"
#include "io/linereader.h"
#include "io/reader.h"

static void test_kinds(void **state)
{
    (void)state;
    assert_int_equal(annals_input_kind_from_path("a.txt"), ANNALS_INPUT_TEXT);
    assert_int_equal(annals_input_kind_from_path("x/y.JSONL.gz"), ANNALS_INPUT_JSONL);
    assert_int_equal(annals_input_kind_from_path("b.ndjson"), ANNALS_INPUT_JSONL);
    assert_int_equal(annals_input_kind_from_path("t.conllu"), ANNALS_INPUT_CONLLU);
    assert_int_equal(annals_input_kind_from_path("p.htm"), ANNALS_INPUT_HTML);
    assert_int_equal(annals_input_kind_from_path("crawl.warc.gz"), ANNALS_INPUT_WARC);
    assert_int_equal(annals_input_kind_from_path("dir.txt/noext"), ANNALS_INPUT_AUTO);
    assert_int_equal(annals_input_kind_from_path(".txt"), ANNALS_INPUT_AUTO);
    assert_int_equal(annals_input_kind_from_path("-"), ANNALS_INPUT_AUTO);
    assert_int_equal(annals_input_kind_from_path("a.pdf"), ANNALS_INPUT_AUTO);
    assert_int_equal(annals_input_kind_from_name("txt"), ANNALS_INPUT_TEXT);
    assert_int_equal(annals_input_kind_from_name("conllu"), ANNALS_INPUT_CONLLU);
    assert_int_equal(annals_input_kind_from_name("xml"), ANNALS_INPUT_AUTO);
}

/* A reader over `bytes` as JSON lines, with a line limit of `max_line`. */
static annals_reader *jsonl_over(const char *bytes, FILE **fp, size_t max_line)
{
    *fp = fmemopen((void *)bytes, strlen(bytes), "rb");
    assert_non_null(*fp);
    int err = 1;
    annals_reader *r = io_reader_open_stream(*fp, true, "in.jsonl", ANNALS_INPUT_JSONL,
                                             "1999-12-31", max_line, &err);
    assert_non_null(r);
    assert_int_equal(err, ANNALS_OK);
    return r;
}

static void test_jsonl_records(void **state)
{
    (void)state;
    const char *in =
        "{\"id\":\"a\",\"text\":\"One.\",\"date\":\"2020-02-29\",\"title\":\"T\","
        "\"url\":\"u\",\"publisher\":\"p\"}\r\n"
        "\n"
        "   \n"
        "{\"id\":\"b\",\"text\":\"Two\\u00e9\",\"date\":null}\n"
        "{\"id\":\"c\",\"text\":\"x\",\"date\":\"2021-02-29\"}\n"
        "{\"id\":\"d\"}\n"
        "{\"text\":\"no id\"}\n"
        "{\"id\":\"e\",\"text\":\"" "0123456789012345678901234567890123456789"
        "01234567890123456789012345678901234567890123456789" "\"}\n"
        "[\"an array\"]\n"
        "{\"id\":\"f\",\"text\":\"x\",\"url\":7}\n"
        "{\"id\":\"g\",\"text\":\"x\",\"id\":\"g2\"}\n"
        "{\"id\":\"h\", \"text\"\n"
        "{\"id\":\"z\",\"text\":\"last, no newline\"}";
    FILE *fp;
    annals_reader *r = jsonl_over(in, &fp, 100);
    annals_document d;

    assert_int_equal(annals_reader_next(r, &d), 1);
    assert_string_equal(d.id, "a");
    assert_string_equal(d.text, "One.");
    assert_int_equal(d.text_len, 4);
    assert_string_equal(d.date, "2020-02-29");
    assert_string_equal(d.title, "T");
    assert_string_equal(d.url, "u");
    assert_string_equal(d.publisher, "p");
    assert_string_equal(d.origin, "in.jsonl");
    assert_int_equal(d.origin_line, 1);

    assert_int_equal(annals_reader_next(r, &d), 1);      /* blank lines skipped */
    assert_string_equal(d.id, "b");
    assert_string_equal(d.text, "Two\xC3\xA9");
    assert_string_equal(d.date, "1999-12-31");            /* the default date */
    assert_null(d.title);
    assert_int_equal(d.origin_line, 4);

    static const char *const bad[] = {
        "in.jsonl:5: record 'c': \"date\" is not a YYYY-MM-DD date: '2021-02-29'",
        "in.jsonl:6: record 'd': no \"text\"",
        "in.jsonl:7: no \"id\"",
        "in.jsonl:8: line longer than 100 bytes",
        "in.jsonl:9: not a JSON object",
        "in.jsonl:10: record 'f': \"url\" is not a string",
        NULL, /* duplicate key: jansson's words */
        NULL, /* invalid JSON: jansson's words */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(annals_reader_next(r, &d), ANNALS_E_RECORD);
        if (bad[i])
            assert_string_equal(annals_reader_error(r), bad[i]);
    }
    assert_int_equal(annals_reader_next(r, &d), 1);
    assert_string_equal(d.id, "z");
    assert_int_equal(d.origin_line, 13);
    assert_int_equal(annals_reader_next(r, &d), 0);
    assert_int_equal(annals_reader_next(r, &d), 0);
    assert_int_equal(annals_reader_offset(r), strlen(in));
    annals_reader_free(r);
}

static void test_jsonl_messages_are_clean(void **state)
{
    (void)state;
    /* A control character in an id does not reach the terminal. */
    const char *in = "{\"id\":\"x\\u001b[2Jy\"}\n{\"id\":\"a\",\"text\":\"b\"\n";
    FILE *fp;
    annals_reader *r = jsonl_over(in, &fp, 0);
    annals_document d;
    assert_int_equal(annals_reader_next(r, &d), ANNALS_E_RECORD);
    assert_string_equal(annals_reader_error(r), "in.jsonl:1: record 'x?[2Jy': no \"text\"");
    assert_int_equal(annals_reader_next(r, &d), ANNALS_E_RECORD);
    assert_non_null(strstr(annals_reader_error(r), "in.jsonl:2: invalid JSON at column"));
    assert_int_equal(annals_reader_next(r, &d), 0);
    annals_reader_free(r);
}

static void test_jsonl_invalid_utf8_is_repaired(void **state)
{
    (void)state;
    /* Two bad bytes inside the text and one in the title: the document is
     * kept, with U+FFFD in their place and the count passed on. */
    const char *in = "{\"id\":\"u\",\"text\":\"Caf\xE9 in Par\xFFis\",\"title\":\"\xC0x\"}\n";
    FILE *fp;
    annals_reader *r = jsonl_over(in, &fp, 0);
    annals_document d;
    assert_int_equal(annals_reader_next(r, &d), 1);
    assert_string_equal(d.id, "u");
    assert_string_equal(d.text, "Caf\xEF\xBF\xBD in Par\xEF\xBF\xBDis");
    assert_string_equal(d.title, "\xEF\xBF\xBDx");
    assert_int_equal(d.invalid_utf8, 3);
    assert_int_equal(annals_reader_next(r, &d), 0);
    annals_reader_free(r);
}

static void test_open_errors(void **state)
{
    (void)state;
    int err = 0;
    assert_null(annals_reader_open("/nonexistent/x.txt", ANNALS_INPUT_AUTO, NULL, &err));
    assert_int_equal(err, ANNALS_E_IO);
    assert_string_equal(annals_reader_open_error(),
                        "/nonexistent/x.txt: cannot open: No such file or directory");
    assert_null(annals_reader_open("/nonexistent/page.html", ANNALS_INPUT_AUTO, NULL, &err));
    assert_int_equal(err, ANNALS_E_IO);
    assert_null(annals_reader_open("/nonexistent/x.warc.gz", ANNALS_INPUT_AUTO, NULL, &err));
    assert_int_equal(err, ANNALS_E_IO);
    assert_string_equal(annals_reader_open_error(),
                        "/nonexistent/x.warc.gz: cannot open: No such file or directory");
    assert_null(annals_reader_open("x.bin", ANNALS_INPUT_AUTO, NULL, &err));
    assert_int_equal(err, ANNALS_E_ARG);
    assert_null(annals_reader_open("-", ANNALS_INPUT_AUTO, NULL, &err));
    assert_int_equal(err, ANNALS_E_ARG);
    assert_null(annals_reader_open("a.txt", ANNALS_INPUT_TEXT, "2020-1-1", &err));
    assert_int_equal(err, ANNALS_E_ARG);
}

/* A temporary folder for files; removed by the caller with rm_tree. */
static char *temp_dir(void)
{
    char *dir = strdup("/tmp/annals-test-io-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return dir;
}

static void test_text_document(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char path[256];
    snprintf(path, sizeof path, "%s/story.v2.txt", dir);
    FILE *fp = fopen(path, "wb");
    fputs("Line one.\nLine two.\n", fp);
    fclose(fp);
    int err;
    annals_reader *r = annals_reader_open(path, ANNALS_INPUT_AUTO, "2001-09-11", &err);
    assert_non_null(r);
    annals_document d;
    assert_int_equal(annals_reader_next(r, &d), 1);
    assert_string_equal(d.id, "story.v2");
    assert_string_equal(d.text, "Line one.\nLine two.\n");
    assert_int_equal(d.text_len, 20);
    assert_string_equal(d.date, "2001-09-11");
    assert_string_equal(d.origin, path);
    assert_int_equal(annals_reader_next(r, &d), 0);
    annals_reader_free(r);
    unlink(path);
    rmdir(dir);
    free(dir);
}

/* Writes `n` JSON lines gzip-compressed to `path`; returns the size. */
static long write_gz_lines(const char *path, int n)
{
    gzFile gz = gzopen(path, "wb");
    assert_non_null(gz);
    for (int i = 0; i < n; i++)
        gzprintf(gz, "{\"id\":\"d%d\",\"text\":\"Document number %d with some words.\"}\n",
                 i, i * 7919 % 10007);
    gzclose(gz);
    FILE *fp = fopen(path, "rb");
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    fclose(fp);
    return size;
}

static void test_gzip_whole_and_truncated(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char path[256], cut[256];
    snprintf(path, sizeof path, "%s/docs.jsonl.gz", dir);
    snprintf(cut, sizeof cut, "%s/cut.jsonl.gz", dir);
    long size = write_gz_lines(path, 5000);

    int err;
    annals_reader *r = annals_reader_open(path, ANNALS_INPUT_AUTO, NULL, &err);
    assert_non_null(r);
    annals_document d;
    int n = 0;
    while (annals_reader_next(r, &d) == 1)
        n++;
    assert_int_equal(n, 5000);
    assert_string_equal(annals_reader_error(r), "");
    annals_reader_free(r);

    /* The first half of the compressed bytes. */
    FILE *in = fopen(path, "rb"), *out = fopen(cut, "wb");
    for (long i = 0; i < size / 2; i++)
        putc(getc(in), out);
    fclose(in);
    fclose(out);
    r = annals_reader_open(cut, ANNALS_INPUT_AUTO, NULL, &err);
    assert_non_null(r);
    n = 0;
    int rc;
    while ((rc = annals_reader_next(r, &d)) == 1) {
        char want[16];
        snprintf(want, sizeof want, "d%d", n++);
        assert_string_equal(d.id, want);      /* everything before the cut, in order */
    }
    assert_int_equal(rc, ANNALS_E_IO);
    assert_true(n > 100 && n < 5000);
    char want[512];
    snprintf(want, sizeof want, "%s: truncated gzip stream (unexpected end of file) after line %d",
             cut, n);
    assert_string_equal(annals_reader_error(r), want);
    assert_int_equal(annals_reader_next(r, &d), 0);      /* the reader has ended */
    annals_reader_free(r);
    unlink(path);
    unlink(cut);
    rmdir(dir);
    free(dir);
}

static void test_linereader_bounded_memory(void **state)
{
    (void)state;
    /* A 3 MB line between two short ones, with a limit of 100 bytes. */
    size_t big = 3 * 1024 * 1024;
    char *in = malloc(big + 64);
    strcpy(in, "short\n");
    memset(in + 6, 'x', big);
    strcpy(in + 6 + big, "\nend");
    FILE *fp = fmemopen(in, strlen(in), "rb");
    io_linereader lr;
    io_linereader_init(&lr, fp, 100);
    char *line;
    size_t len;
    assert_int_equal(io_linereader_next(&lr, &line, &len), IO_LINE_OK);
    assert_string_equal(line, "short");
    assert_int_equal(io_linereader_next(&lr, &line, &len), IO_LINE_TOO_LONG);
    assert_int_equal(lr.line_no, 2);
    assert_true(lr.cap <= 100 + 64 * 1024 + 1);
    assert_int_equal(io_linereader_next(&lr, &line, &len), IO_LINE_OK);
    assert_string_equal(line, "end");
    assert_int_equal(lr.line_no, 3);
    assert_int_equal(io_linereader_next(&lr, &line, &len), IO_LINE_END);
    assert_int_equal(lr.offset, strlen(in));
    io_linereader_free(&lr);
    fclose(fp);
    free(in);
}

static void test_linereader_exact_limit(void **state)
{
    (void)state;
    /* Exactly at the limit passes (a "\r" before the newline is free);
     * one byte more does not. */
    const char *in = "abcd\r\nabcde\nab";
    FILE *fp = fmemopen((void *)in, strlen(in), "rb");
    io_linereader lr;
    io_linereader_init(&lr, fp, 4);
    char *line;
    size_t len;
    assert_int_equal(io_linereader_next(&lr, &line, &len), IO_LINE_OK);
    assert_string_equal(line, "abcd");
    assert_int_equal(io_linereader_next(&lr, &line, &len), IO_LINE_TOO_LONG);
    assert_int_equal(io_linereader_next(&lr, &line, &len), IO_LINE_OK);
    assert_string_equal(line, "ab");
    assert_int_equal(len, 2);
    assert_int_equal(io_linereader_next(&lr, &line, &len), IO_LINE_END);
    io_linereader_free(&lr);
    fclose(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_jsonl_records),
        cmocka_unit_test(test_jsonl_messages_are_clean),
        cmocka_unit_test(test_jsonl_invalid_utf8_is_repaired),
        cmocka_unit_test(test_open_errors),
        cmocka_unit_test(test_text_document),
        cmocka_unit_test(test_gzip_whole_and_truncated),
        cmocka_unit_test(test_linereader_bounded_memory),
        cmocka_unit_test(test_linereader_exact_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
