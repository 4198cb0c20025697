/* test_io_html.c — the HTML reader: the article text without what is not
 * article, title, publication date, canonical URL and publisher from each
 * place a page can give them, charsets converted to UTF-8, the choice of
 * the article block, malformed and extreme pages, and the reader over
 * files, gzip files and streams. */
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
#include "io/reader.h"

/* Extracts a page given as a string; the caller frees d. */
static void extract(const char *html, const char *http_charset, const char *base,
                    io_html_doc *d)
{
    assert_int_equal(io_html_extract(html, strlen(html), http_charset, base, d), ANNALS_OK);
    assert_non_null(d->text);
    assert_int_equal(strlen(d->text), d->text_len);
}

static void test_article_without_boilerplate(void **state)
{
    (void)state;
    const char *html =
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Talks resume</title>"
        "<style>p { color: red }</style><script>var s = 'script text';</script></head><body>"
        "<header><a href='/'>Home</a></header><nav><ul><li>World</li><li>Sport</li></ul></nav>"
        "<div id='cookie-consent'>We use cookies to improve your experience.</div>"
        "<article><h1>Talks resume</h1>"
        "<div class='share-buttons'>Share on Facebook Share on X</div>"
        "<p>Iran and the United States\n   resumed talks on Wednesday.</p>"
        "<!-- an editor's comment -->"
        "<aside>Read more: ten facts</aside>"
        "<p>The delegations met for <b>three</b> hours,&nbsp;officials said.</p>"
        "<form><label>Email</label><input name='e'><button>Subscribe</button></form>"
        "<div class='related-stories'><p>Another story entirely, about something else.</p></div>"
        "<p hidden>Hidden text.</p><p style='display: none'>Invisible text.</p>"
        "<p>They will meet again<br>next week.</p></article>"
        "<footer>Copyright 2023 Example News</footer><noscript>Enable JavaScript</noscript>"
        "</body></html>";
    io_html_doc d;
    extract(html, NULL, NULL, &d);
    assert_string_equal(d.text, "Iran and the United States resumed talks on Wednesday.\n\n"
                                "The delegations met for three hours, officials said.\n\n"
                                "They will meet again\nnext week.");
    assert_string_equal(d.title, "Talks resume");
    assert_string_equal(d.charset, "UTF-8");
    io_html_doc_free(&d);
}

static void test_title_sources(void **state)
{
    (void)state;
    io_html_doc d;
    /* og:title first */
    extract("<html><head><title>Page | Site</title><meta property='og:title' "
            "content='  The  real title '></head><body><h1>Heading</h1></body></html>",
            NULL, NULL, &d);
    assert_string_equal(d.title, "The real title");
    io_html_doc_free(&d);
    /* <title> without the site name after it */
    extract("<html><head><title>Ceasefire holds \xE2\x80\x94 World News</title>"
            "<meta property='og:site_name' content='World News'></head><body></body></html>",
            NULL, NULL, &d);
    assert_string_equal(d.title, "Ceasefire holds");
    assert_string_equal(d.publisher, "World News");
    io_html_doc_free(&d);
    /* the first <h1> when there is nothing else; it is not repeated in the text */
    extract("<html><body><h1>Main heading</h1><p>Body text of the article here.</p>"
            "</body></html>",
            NULL, NULL, &d);
    assert_string_equal(d.title, "Main heading");
    assert_string_equal(d.text, "Body text of the article here.");
    io_html_doc_free(&d);
    /* no title at all */
    extract("<p>Just a paragraph.</p>", NULL, NULL, &d);
    assert_null(d.title);
    assert_string_equal(d.text, "Just a paragraph.");
    io_html_doc_free(&d);
}

static void test_date_sources(void **state)
{
    (void)state;
    io_html_doc d;
    extract("<html><head><meta property='article:published_time' "
            "content='2023-06-14T08:30:00+02:00'><meta name='date' content='2020-01-01'>"
            "</head><body><time datetime='2019-01-01'>x</time></body></html>",
            NULL, NULL, &d);
    assert_string_equal(d.date, "2023-06-14");
    io_html_doc_free(&d);
    extract("<html><head><meta name='pubdate' content='20210309'></head></html>", NULL, NULL,
            &d);
    assert_string_equal(d.date, "2021-03-09");
    io_html_doc_free(&d);
    /* JSON-LD inside @graph, publisher as an object */
    extract("<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org"
            "\",\"@graph\":[{\"@type\":\"WebSite\"},{\"@type\":\"NewsArticle\",\"headline\":"
            "\"LD headline\",\"datePublished\":\"2022-11-02T10:00:00Z\",\"publisher\":{\"@type\""
            ":\"Organization\",\"name\":\"LD News\"}}]}</script></head><body></body></html>",
            NULL, NULL, &d);
    assert_string_equal(d.date, "2022-11-02");
    assert_string_equal(d.publisher, "LD News");
    assert_string_equal(d.title, "LD headline");
    io_html_doc_free(&d);
    /* bad JSON-LD is ignored; <time datetime> is the last resort */
    extract("<html><head><script type='application/ld+json'>{not json</script></head><body>"
            "<p>Posted <time datetime='2018-07-04T12:00'>July 4</time></p></body></html>",
            NULL, NULL, &d);
    assert_string_equal(d.date, "2018-07-04");
    io_html_doc_free(&d);
    /* an impossible date is not taken */
    extract("<html><head><meta name='date' content='2021-02-30'></head></html>", NULL, NULL, &d);
    assert_string_equal(d.date, "");
    io_html_doc_free(&d);
}

static void test_date_formats(void **state)
{
    (void)state;
    char out[11];
    assert_true(io_html_date("2024-03-05T10:00:00Z", out));
    assert_string_equal(out, "2024-03-05");
    assert_true(io_html_date(" 2024/3/5", out));
    assert_string_equal(out, "2024-03-05");
    assert_true(io_html_date("20240305", out));
    assert_string_equal(out, "2024-03-05");
    assert_true(io_html_date("March 5, 2024", out));
    assert_string_equal(out, "2024-03-05");
    assert_true(io_html_date("5th March 2024", out));
    assert_string_equal(out, "2024-03-05");
    assert_true(io_html_date("Tue, 05 Mar 2024 10:00:00 GMT", out));
    assert_string_equal(out, "2024-03-05");
    assert_true(io_html_date("2024-02-29", out));
    assert_false(io_html_date("2023-02-29", out));
    assert_false(io_html_date("yesterday", out));
    assert_false(io_html_date("2024-13-01", out));
    assert_false(io_html_date("", out));
    assert_false(io_html_date(NULL, out));
}

static void test_url_and_publisher(void **state)
{
    (void)state;
    io_html_doc d;
    extract("<html><head><link rel='canonical' href='https://a.example/story'>"
            "<meta property='og:url' content='https://b.example/story'></head></html>",
            NULL, NULL, &d);
    assert_string_equal(d.url, "https://a.example/story");
    io_html_doc_free(&d);
    extract("<html><head><meta property='og:url' content='https://b.example/story'></head>"
            "</html>",
            NULL, NULL, &d);
    assert_string_equal(d.url, "https://b.example/story");
    assert_null(d.publisher);
    io_html_doc_free(&d);
    /* a relative canonical link is made absolute against the page's address */
    extract("<html><head><link rel='canonical' href='/world/story?id=1'></head></html>", NULL,
            "https://news.example.org/x/y.html", &d);
    assert_string_equal(d.url, "https://news.example.org/world/story?id=1");
    io_html_doc_free(&d);
    extract("<html><head><link rel='canonical' href='/world/story'></head></html>", NULL, NULL,
            &d);
    assert_null(d.url);
    io_html_doc_free(&d);
    /* publisher as a plain JSON-LD string */
    extract("<script type='application/ld+json'>[{\"publisher\":\"Daily\"}]</script>", NULL,
            NULL, &d);
    assert_string_equal(d.publisher, "Daily");
    io_html_doc_free(&d);
}

static void test_charsets(void **state)
{
    (void)state;
    io_html_doc d;
    /* windows-1251 declared in <meta>: "Москва" */
    extract("<html><head><meta charset=windows-1251></head><body><p>\xCC\xEE\xF1\xEA\xE2\xE0"
            "</p></body></html>",
            NULL, NULL, &d);
    assert_string_equal(d.text, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    assert_string_equal(d.charset, "windows-1251");
    io_html_doc_free(&d);
    /* ISO-8859-1 by http-equiv, read as windows-1252 (its curly quotes) */
    extract("<html><head><meta http-equiv='Content-Type' content='text/html; "
            "charset=ISO-8859-1'></head><body><p>Caf\xE9 \x93Z\xFCrich\x94</p></body></html>",
            NULL, NULL, &d);
    assert_string_equal(d.text, "Caf\xC3\xA9 \xE2\x80\x9CZ\xC3\xBCrich\xE2\x80\x9D");
    io_html_doc_free(&d);
    /* the HTTP header wins over the page */
    extract("<html><head><meta charset='utf-8'></head><body><p>\xCC\xEE\xF1\xEA\xE2\xE0</p>"
            "</body></html>",
            "windows-1251", NULL, &d);
    assert_string_equal(d.text, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    io_html_doc_free(&d);
    /* an unknown label in the header falls back to the page's <meta> */
    extract("<html><head><meta charset='utf-8'></head><body><p>\xC3\xA9t\xC3\xA9</p></body>"
            "</html>",
            "x-no-such-charset", NULL, &d);
    assert_string_equal(d.text, "\xC3\xA9t\xC3\xA9");
    io_html_doc_free(&d);
    /* nothing declared: valid UTF-8 is UTF-8 ... */
    extract("<p>\xC3\xA9t\xC3\xA9</p>", NULL, NULL, &d);
    assert_string_equal(d.text, "\xC3\xA9t\xC3\xA9");
    assert_string_equal(d.charset, "UTF-8");
    io_html_doc_free(&d);
    /* ... and anything else is guessed windows-1252 */
    extract("<p>\xE9t\xE9</p>", NULL, NULL, &d);
    assert_string_equal(d.text, "\xC3\xA9t\xC3\xA9");
    assert_string_equal(d.charset, "windows-1252");
    io_html_doc_free(&d);
    /* a byte windows-1252 lacks (0x81) does not cut the page short */
    extract("<p>caf\xE9 \x81 na\xEFve</p><p>Second.</p>", NULL, NULL, &d);
    assert_string_equal(d.text, "caf\xC3\xA9 \xEF\xBF\xBD na\xC3\xAFve\n\nSecond.");
    io_html_doc_free(&d);
    /* one bad byte in a UTF-8 page is replaced; the rest stays UTF-8 */
    extract("<meta charset=utf-8><p>\xC3\xA9 \xFF \xD0\x96</p>", NULL, NULL, &d);
    assert_string_equal(d.text, "\xC3\xA9 \xEF\xBF\xBD \xD0\x96");
    io_html_doc_free(&d);
    /* a byte-order mark */
    extract("\xEF\xBB\xBF<p>\xC3\xA9</p>", "windows-1251", NULL, &d);
    assert_string_equal(d.text, "\xC3\xA9");
    io_html_doc_free(&d);
    /* UTF-16 with its mark */
    static const char u16[] = "\xFF\xFE<\0p\0>\0\xE9\0<\0/\0p\0>\0";
    assert_int_equal(io_html_extract(u16, sizeof u16 - 1, NULL, NULL, &d), ANNALS_OK);
    assert_string_equal(d.text, "\xC3\xA9");
    io_html_doc_free(&d);
}

static void test_container_choice(void **state)
{
    (void)state;
    io_html_doc d;
    /* itemprop=articleBody, even with more text elsewhere */
    extract("<body><div><p>A long sidebar paragraph that is not the article, with words, "
            "many words, and commas, more than the article has.</p></div>"
            "<div itemprop='articleBody'><p>The article text.</p></div></body>",
            NULL, NULL, &d);
    assert_string_equal(d.text, "The article text.");
    io_html_doc_free(&d);
    /* the <article> with most paragraph text, not a teaser */
    extract("<body><article><p>Teaser of another story.</p></article>"
            "<article><p>First paragraph of the story, long enough to count.</p>"
            "<p>Second paragraph of the story, also long enough.</p></article></body>",
            NULL, NULL, &d);
    assert_string_equal(d.text, "First paragraph of the story, long enough to count.\n\n"
                                "Second paragraph of the story, also long enough.");
    io_html_doc_free(&d);
    /* no markup that names the article: the densest block of paragraphs */
    extract("<body><div class='top'><p>Short link list here, nothing much to read.</p></div>"
            "<div class='x'><div class='story'><p>One, two, three: the first paragraph of the "
            "story, with commas, and clauses, goes on.</p><p>The second paragraph of the story "
            "goes on, and on, for a while longer.</p></div></div>"
            "<div class='y'><p>Unrelated text in a box at the bottom of the page.</p></div></body>",
            NULL, NULL, &d);
    assert_string_equal(d.text,
                        "One, two, three: the first paragraph of the story, with commas, and "
                        "clauses, goes on.\n\nThe second paragraph of the story goes on, and on, "
                        "for a while longer.");
    io_html_doc_free(&d);
    /* paragraphs split into sibling blocks by an advertisement stay together */
    extract("<body><div id='c'><div class='part'><p>The first part of the story is here, "
            "and it has some length to it.</p></div><div class='advert'>Buy now</div>"
            "<div class='part'><p>The second part of the story follows the advertisement, "
            "again with length.</p></div></div></body>",
            NULL, NULL, &d);
    assert_string_equal(d.text,
                        "The first part of the story is here, and it has some length to it.\n\n"
                        "The second part of the story follows the advertisement, again with "
                        "length.");
    io_html_doc_free(&d);
    /* a page without any <p>: the body's text */
    extract("<body><div>Line one</div><div>Line two</div></body>", NULL, NULL, &d);
    assert_string_equal(d.text, "Line one\n\nLine two");
    io_html_doc_free(&d);
}

static void test_malformed_and_extreme(void **state)
{
    (void)state;
    io_html_doc d;
    /* unclosed and stray tags, a bare '<', an unterminated comment */
    extract("<html><body><article><p>First <b>bold <i>both</p><p>Second 3 < 4</div></span>"
            "<p>Third<!-- never closed",
            NULL, NULL, &d);
    assert_non_null(strstr(d.text, "First bold both"));
    assert_non_null(strstr(d.text, "Second 3 < 4"));
    io_html_doc_free(&d);
    /* empty input, white space, plain text */
    extract("", NULL, NULL, &d);
    assert_string_equal(d.text, "");
    io_html_doc_free(&d);
    extract("  \n ", NULL, NULL, &d);
    assert_string_equal(d.text, "");
    io_html_doc_free(&d);
    extract("just text, no markup", NULL, NULL, &d);
    assert_string_equal(d.text, "just text, no markup");
    io_html_doc_free(&d);
    /* NUL bytes and binary junk are survived */
    static const char junk[] = "<p>a\0b\xFF\xFE\x01<</p>\0\0<div";
    assert_int_equal(io_html_extract(junk, sizeof junk - 1, NULL, NULL, &d), ANNALS_OK);
    assert_non_null(d.text);
    io_html_doc_free(&d);
    /* nesting 100,000 deep does not exhaust the stack */
    size_t depth = 100000;
    char *deep = malloc(depth * 5 + 64);
    assert_non_null(deep);
    char *p = deep;
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<div>");
    strcpy(p, "<p>Deep inside.</p>");
    extract(deep, NULL, NULL, &d);
    free(deep);
    io_html_doc_free(&d);
    /* an external entity or DTD is never fetched */
    extract("<!DOCTYPE html SYSTEM \"http://127.0.0.1:1/x.dtd\"><p>&ext; and &amp;</p>", NULL,
            NULL, &d);
    assert_non_null(strstr(d.text, "and &"));
    io_html_doc_free(&d);
}

/* ---- the reader over files and streams ---------------------------------- */

static char *temp_dir(void)
{
    char *dir = strdup("/tmp/annals-test-html-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return dir;
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    fclose(fp);
}

static void test_reader_file(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char path[512], gzpath[512];
    snprintf(path, sizeof path, "%s/story-42.html", dir);
    snprintf(gzpath, sizeof gzpath, "%s/story-43.htm.gz", dir);
    const char *html = "<html><head><title>T</title></head><body><p>Body.</p></body></html>";
    write_file(path, html, strlen(html));
    gzFile gz = gzopen(gzpath, "wb");
    assert_non_null(gz);
    assert_int_equal(gzwrite(gz, html, (unsigned)strlen(html)), (int)strlen(html));
    gzclose(gz);

    int err = -1;
    annals_reader *r = annals_reader_open(path, ANNALS_INPUT_AUTO, "2001-02-03", &err);
    assert_non_null(r);
    assert_int_equal(err, ANNALS_OK);
    annals_document doc;
    assert_int_equal(annals_reader_next(r, &doc), 1);
    assert_string_equal(doc.id, "story-42");
    assert_string_equal(doc.title, "T");
    assert_string_equal(doc.text, "Body.");
    assert_int_equal(doc.text_len, 5);
    assert_string_equal(doc.date, "2001-02-03");  /* the page has none */
    assert_string_equal(doc.origin, path);
    assert_int_equal(annals_reader_next(r, &doc), 0);
    assert_int_equal(annals_reader_offset(r), strlen(html));
    annals_reader_free(r);

    r = annals_reader_open(gzpath, ANNALS_INPUT_AUTO, NULL, &err);
    assert_non_null(r);
    assert_int_equal(annals_reader_next(r, &doc), 1);
    assert_string_equal(doc.id, "story-43");
    assert_string_equal(doc.text, "Body.");
    assert_null(doc.date);
    assert_int_equal(annals_reader_next(r, &doc), 0);
    annals_reader_free(r);

    /* the fixtures: a windows-1251 page and an ISO-8859-1 page */
    r = annals_reader_open(ANNALS_SOURCE_DIR "/tests/fixtures/web/cyrillic.html",
                           ANNALS_INPUT_AUTO, NULL, &err);
    assert_non_null(r);
    assert_int_equal(annals_reader_next(r, &doc), 1);
    assert_string_equal(doc.id, "cyrillic");
    assert_string_equal(doc.title, "Переговоры в Москве");
    assert_string_equal(doc.text, "МОСКВА - Министры провели переговоры в Москве во вторник.\n\n"
                                  "Стороны договорились встретиться снова.");
    annals_reader_free(r);
    r = annals_reader_open(ANNALS_SOURCE_DIR "/tests/fixtures/web/latin1.html",
                           ANNALS_INPUT_AUTO, NULL, &err);
    assert_non_null(r);
    assert_int_equal(annals_reader_next(r, &doc), 1);
    assert_string_equal(doc.title, "Café talks in Zürich");
    assert_string_equal(doc.date, "2021-03-09");
    assert_non_null(strstr(doc.text, "called the meeting “useful” and"));
    annals_reader_free(r);

    unlink(path);
    unlink(gzpath);
    rmdir(dir);
    free(dir);
}

static void test_reader_stream_and_limit(void **state)
{
    (void)state;
    const char *html = "<p>From a stream.</p>";
    FILE *fp = fmemopen((void *)html, strlen(html), "rb");
    int err;
    annals_reader *r = io_reader_open_stream(fp, true, "stdin", ANNALS_INPUT_HTML, NULL, 0, &err);
    assert_non_null(r);
    annals_document doc;
    assert_int_equal(annals_reader_next(r, &doc), 1);
    assert_string_equal(doc.id, "stdin");
    assert_string_equal(doc.text, "From a stream.");
    assert_int_equal(annals_reader_next(r, &doc), 0);
    annals_reader_free(r);

    /* a page over the limit is refused with a message, without being kept */
    size_t big = 300000;
    char *page = malloc(big);
    assert_non_null(page);
    memset(page, 'x', big);
    memcpy(page, "<p>", 3);
    fp = fmemopen(page, big, "rb");
    r = io_reader_open_stream(fp, true, "big.html", ANNALS_INPUT_HTML, NULL, 100000, &err);
    assert_non_null(r);
    assert_int_equal(annals_reader_next(r, &doc), ANNALS_E_LIMIT);
    assert_string_equal(annals_reader_error(r), "big.html: larger than 100000 bytes; skipped");
    assert_true(annals_reader_offset(r) <= 100001);
    assert_int_equal(annals_reader_next(r, &doc), 0);
    annals_reader_free(r);
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_without_boilerplate),
        cmocka_unit_test(test_title_sources),
        cmocka_unit_test(test_date_sources),
        cmocka_unit_test(test_date_formats),
        cmocka_unit_test(test_url_and_publisher),
        cmocka_unit_test(test_charsets),
        cmocka_unit_test(test_container_choice),
        cmocka_unit_test(test_malformed_and_extreme),
        cmocka_unit_test(test_reader_file),
        cmocka_unit_test(test_reader_stream_and_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
