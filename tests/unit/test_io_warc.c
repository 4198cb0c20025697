/* test_io_warc.c — the WARC reader: archives built here at run time
 * (plain, one gzip member a record, one member for all), the records that
 * become documents and those passed over, HTTP chunked and compressed
 * payloads, charsets, and every kind of bad record: each skipped with a
 * message naming it, and nothing read before or after it lost. */
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
#include "core/buf.h"
#include "io/reader.h"

/* ---- building archives ------------------------------------------------- */

/* A WARC record; `declared` is the Content-Length written (SIZE_MAX: the
 * real one). */
static void add_record(core_buf *out, const char *type, const char *uuid, const char *uri,
                       const char *ctype, const void *block, size_t len, size_t declared)
{
    core_buf_printf(out, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
    if (uuid)
        core_buf_printf(out, "WARC-Record-ID: <urn:uuid:%s>\r\n", uuid);
    core_buf_puts(out, "WARC-Date: 2023-06-14T09:00:00Z\r\n");
    if (uri)
        core_buf_printf(out, "WARC-Target-URI: %s\r\n", uri);
    if (ctype)
        core_buf_printf(out, "Content-Type: %s\r\n", ctype);
    core_buf_printf(out, "Content-Length: %zu\r\n\r\n", declared == SIZE_MAX ? len : declared);
    core_buf_append(out, block, len);
    core_buf_puts(out, "\r\n\r\n");
}

/* An HTTP response holding `body`. */
static void http(core_buf *out, const char *status, const char *headers, const void *body,
                 size_t len)
{
    core_buf_printf(out, "HTTP/1.1 %s\r\n%s\r\n", status, headers);
    core_buf_append(out, body, len);
}

static void response(core_buf *out, const char *uuid, const char *html)
{
    core_buf h = CORE_BUF_INIT;
    http(&h, "200 OK", "Content-Type: text/html; charset=utf-8\r\n", html, strlen(html));
    add_record(out, "response", uuid, "https://news.example.org/a", "application/http; msgtype=response",
               h.data, h.len, SIZE_MAX);
    core_buf_free(&h);
}

/* `data` compressed as one gzip member (window bits 16 + 15) or as a zlib
 * stream (15), or as raw deflate (-15). */
static void compress_into(core_buf *out, const void *data, size_t len, int wbits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t bound = deflateBound(&z, len) + 32;
    assert_true(core_buf_reserve(out, bound));
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)len;
    z.next_out = (unsigned char *)out->data + out->len;
    z.avail_out = (uInt)bound;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    out->len += bound - z.avail_out;
    deflateEnd(&z);
}

/* A reader over the bytes of `b` (kept alive by the caller). */
static annals_reader *open_bytes(const core_buf *b, const char *name, const char *date,
                                 size_t limit)
{
    FILE *fp = fmemopen(b->data, b->len, "rb");
    assert_non_null(fp);
    int err = -1;
    annals_reader *r = io_reader_open_stream(fp, true, name, ANNALS_INPUT_WARC, date, limit, &err);
    assert_non_null(r);
    assert_int_equal(err, ANNALS_OK);
    return r;
}

static const char *page_of(const char *title, const char *para)
{
    static char buf[1024];
    snprintf(buf, sizeof buf,
             "<html><head><title>%s</title></head><body><nav>Menu</nav><article><p>%s</p>"
             "</article></body></html>",
             title, para);
    return buf;
}

/* Expects a document with this id and text. */
static void expect_doc(annals_reader *r, const char *id, const char *text)
{
    annals_document d;
    int rc = annals_reader_next(r, &d);
    if (rc != 1)
        fail_msg("expected document %s, got %d: %s", id, rc, annals_reader_error(r));
    assert_string_equal(d.id, id);
    assert_string_equal(d.text, text);
}

/* Expects a skip whose message holds `part`. */
static void expect_skip(annals_reader *r, const char *part)
{
    annals_document d;
    int rc = annals_reader_next(r, &d);
    if (rc != ANNALS_E_RECORD)
        fail_msg("expected a skip with '%s', got %d (%s)", part, rc,
                 rc == 1 ? d.id : annals_reader_error(r));
    if (!strstr(annals_reader_error(r), part))
        fail_msg("message '%s' lacks '%s'", annals_reader_error(r), part);
}

static void expect_end(annals_reader *r)
{
    annals_document d;
    int rc = annals_reader_next(r, &d);
    if (rc != 0)
        fail_msg("expected the end, got %d (%s)", rc, rc == 1 ? d.id : annals_reader_error(r));
}

/* ---- what becomes a document ------------------------------------------- */

/* The records of a small crawl: only the HTML responses are documents. */
static void crawl_records(core_buf *recs[], size_t *n)
{
    static core_buf r[8];
    for (size_t i = 0; i < 8; i++) {
        core_buf_free(&r[i]);
        recs[i] = &r[i];
    }
    const char *info = "software: test\r\nformat: WARC File Format 1.1\r\n";
    add_record(&r[0], "warcinfo", "1", NULL, "application/warc-fields", info, strlen(info),
               SIZE_MAX);
    const char *req = "GET / HTTP/1.1\r\nHost: news.example.org\r\n\r\n";
    add_record(&r[1], "request", "2", "https://news.example.org/",
               "application/http; msgtype=request", req, strlen(req), SIZE_MAX);
    response(&r[2], "3", page_of("One", "The first page."));
    add_record(&r[3], "metadata", "4", "https://news.example.org/", "application/warc-fields",
               "a: b\r\n", 6, SIZE_MAX);
    core_buf img = CORE_BUF_INIT;
    http(&img, "200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n\0\0", 10);
    add_record(&r[4], "response", "5", "https://news.example.org/logo.png",
               "application/http; msgtype=response", img.data, img.len, SIZE_MAX);
    core_buf_free(&img);
    add_record(&r[5], "revisit", "6", "https://news.example.org/", "application/http",
               "HTTP/1.1 200 OK\r\n\r\n", 19, SIZE_MAX);
    core_buf redirect = CORE_BUF_INIT;
    http(&redirect, "301 Moved Permanently", "Location: /\r\nContent-Type: text/html\r\n",
         "<p>moved</p>", 12);
    add_record(&r[6], "response", "7", "https://news.example.org/old",
               "application/http; msgtype=response", redirect.data, redirect.len, SIZE_MAX);
    core_buf_free(&redirect);
    const char *res = page_of("Two", "The second page.");
    add_record(&r[7], "resource", "8", "https://news.example.org/two", "text/html", res,
               strlen(res), SIZE_MAX);
    *n = 8;
}

static void check_crawl(annals_reader *r)
{
    annals_document d;
    assert_int_equal(annals_reader_next(r, &d), 1);
    assert_string_equal(d.id, "3");
    assert_string_equal(d.text, "The first page.");
    assert_string_equal(d.title, "One");
    assert_string_equal(d.url, "https://news.example.org/a");
    assert_string_equal(d.date, "2023-06-14");   /* the WARC-Date: the page has none */
    assert_int_equal(d.origin_line, 3);          /* the record's number */
    assert_string_equal(d.origin, "crawl");
    assert_int_equal(annals_reader_next(r, &d), 1);
    assert_string_equal(d.id, "8");
    assert_string_equal(d.text, "The second page.");
    assert_string_equal(d.url, "https://news.example.org/two");
    assert_int_equal(d.origin_line, 8);
    expect_end(r);
    expect_end(r);
}

static void test_plain_and_gzip(void **state)
{
    (void)state;
    core_buf *recs[8];
    size_t n;
    crawl_records(recs, &n);
    core_buf plain = CORE_BUF_INIT, members = CORE_BUF_INIT, whole = CORE_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        core_buf_append(&plain, recs[i]->data, recs[i]->len);
        compress_into(&members, recs[i]->data, recs[i]->len, 16 + 15);
    }
    compress_into(&whole, plain.data, plain.len, 16 + 15);

    annals_reader *r = open_bytes(&plain, "crawl", NULL, 0);
    check_crawl(r);
    assert_int_equal(annals_reader_offset(r), plain.len);
    annals_reader_free(r);
    r = open_bytes(&members, "crawl", NULL, 0);
    check_crawl(r);
    assert_int_equal(annals_reader_offset(r), members.len);
    annals_reader_free(r);
    r = open_bytes(&whole, "crawl", NULL, 0);
    check_crawl(r);
    annals_reader_free(r);
    for (size_t i = 0; i < n; i++)
        core_buf_free(recs[i]);
    core_buf_free(&plain);
    core_buf_free(&members);
    core_buf_free(&whole);
}

static void test_page_metadata_and_dates(void **state)
{
    (void)state;
    core_buf b = CORE_BUF_INIT;
    /* the page's own date and canonical URL; the record's URI is kept as url */
    response(&b, "aa-1",
             "<html><head><meta property='article:published_time' content='2020-05-06'>"
             "<meta property='og:site_name' content='Example News'>"
             "<link rel='canonical' href='/canonical'></head><body><p>Text.</p></body></html>");
    /* no WARC-Date and no page date: the default date */
    const char *html = "<p>Undated.</p>";
    core_buf_printf(&b, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:bb-2>\r\n"
                        "WARC-Target-URI: <https://x.example/b>\r\nContent-Type: text/html\r\n"
                        "Content-Length: %zu\r\n\r\n%s\r\n\r\n",
                    strlen(html), html);
    /* a record id that is not a UUID URN keeps all but its brackets */
    core_buf_printf(&b, "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <tag:x,2020:7>\r\n"
                        "Content-Type: text/html; charset=utf-8\r\n"
                        "Content-Length: %zu\r\n\r\n%s\r\n\r\n",
                    strlen(html), html);
    annals_reader *r = open_bytes(&b, "meta.warc", "1999-12-31", 0);
    annals_document d;
    assert_int_equal(annals_reader_next(r, &d), 1);
    assert_string_equal(d.id, "aa-1");
    assert_string_equal(d.date, "2020-05-06");
    assert_string_equal(d.url, "https://news.example.org/a");
    assert_string_equal(d.publisher, "Example News");
    assert_int_equal(annals_reader_next(r, &d), 1);
    assert_string_equal(d.id, "bb-2");
    assert_string_equal(d.date, "1999-12-31");
    assert_string_equal(d.url, "https://x.example/b");
    assert_int_equal(annals_reader_next(r, &d), 1);
    assert_string_equal(d.id, "tag:x,2020:7");
    assert_null(d.url);
    expect_end(r);
    annals_reader_free(r);
    core_buf_free(&b);
}

static void test_http_codings(void **state)
{
    (void)state;
    const char *html = page_of("Coded", "A page sent compressed and in chunks.");
    core_buf gz = CORE_BUF_INIT, zl = CORE_BUF_INIT, raw = CORE_BUF_INIT;
    compress_into(&gz, html, strlen(html), 16 + 15);
    compress_into(&zl, html, strlen(html), 15);
    compress_into(&raw, html, strlen(html), -15);

    core_buf chunked = CORE_BUF_INIT;
    for (size_t i = 0; i < gz.len; i += 7) {
        size_t n = gz.len - i < 7 ? gz.len - i : 7;
        core_buf_printf(&chunked, "%zx;ext=1\r\n", n);
        core_buf_append(&chunked, gz.data + i, n);
        core_buf_puts(&chunked, "\r\n");
    }
    core_buf_puts(&chunked, "0\r\nX-Trailer: y\r\n\r\n");

    core_buf b = CORE_BUF_INIT, h = CORE_BUF_INIT;
    const char *rt = "application/http; msgtype=response";
    http(&h, "200 OK",
         "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
         chunked.data, chunked.len);
    add_record(&b, "response", "gz", "u", rt, h.data, h.len, SIZE_MAX);
    core_buf_clear(&h);
    http(&h, "200 OK", "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", zl.data,
         zl.len);
    add_record(&b, "response", "zlib", "u", rt, h.data, h.len, SIZE_MAX);
    core_buf_clear(&h);
    http(&h, "200 OK", "Content-Type: text/html\r\nContent-Encoding: deflate\r\n", raw.data,
         raw.len);
    add_record(&b, "response", "raw", "u", rt, h.data, h.len, SIZE_MAX);
    core_buf_clear(&h);
    /* stored decoded though the header still says gzip and chunked */
    http(&h, "200 OK",
         "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
         html, strlen(html));
    add_record(&b, "response", "decoded", "u", rt, h.data, h.len, SIZE_MAX);
    core_buf_clear(&h);
    /* no Content-Type: HTML when it looks like it, else passed over */
    http(&h, "200 OK", "Server: x\r\n", html, strlen(html));
    add_record(&b, "response", "untyped", "u", rt, h.data, h.len, SIZE_MAX);
    core_buf_clear(&h);
    http(&h, "200 OK", "Server: x\r\n", "%PDF-1.4", 8);
    add_record(&b, "response", "pdf", "u", rt, h.data, h.len, SIZE_MAX);
    core_buf_clear(&h);
    /* windows-1251 said only by the HTTP header */
    const char *ru = "<p>\xCC\xEE\xF1\xEA\xE2\xE0</p>";
    http(&h, "200 OK", "Content-Type: text/html; charset=\"windows-1251\"\r\n", ru, strlen(ru));
    add_record(&b, "response", "ru", "u", rt, h.data, h.len, SIZE_MAX);
    core_buf_clear(&h);

    annals_reader *r = open_bytes(&b, "codings.warc", NULL, 0);
    const char *want = "A page sent compressed and in chunks.";
    expect_doc(r, "gz", want);
    expect_doc(r, "zlib", want);
    expect_doc(r, "raw", want);
    expect_doc(r, "decoded", want);
    expect_doc(r, "untyped", want);
    expect_doc(r, "ru", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    expect_end(r);
    annals_reader_free(r);
    core_buf_free(&b);
    core_buf_free(&h);
    core_buf_free(&gz);
    core_buf_free(&zl);
    core_buf_free(&raw);
    core_buf_free(&chunked);
}

/* ---- bad records --------------------------------------------------------- */

static void test_bad_lengths(void **state)
{
    (void)state;
    core_buf b = CORE_BUF_INIT, h = CORE_BUF_INIT;
    const char *rt = "application/http";
    response(&b, "first", page_of("1", "First."));
    const char *p2 = page_of("2", "Longer than it says.");
    http(&h, "200 OK", "Content-Type: text/html\r\n", p2, strlen(p2));
    add_record(&b, "response", "long", "u", rt, h.data, h.len, h.len - 25);
    response(&b, "second", page_of("3", "Second."));
    core_buf_clear(&h);
    const char *p4 = page_of("4", "Shorter than it says.");
    http(&h, "200 OK", "Content-Type: text/html\r\n", p4, strlen(p4));
    add_record(&b, "response", "short", "u", rt, h.data, h.len, h.len + 120);
    response(&b, "third", page_of("5", "Third."));
    response(&b, "fourth", page_of("6", "Fourth."));

    annals_reader *r = open_bytes(&b, "len.warc", NULL, 0);
    expect_doc(r, "first", "First.");
    expect_skip(r, "len.warc: record 2 <long> at offset ");
    assert_non_null(strstr(annals_reader_error(r), "longer than its Content-Length"));
    expect_doc(r, "second", "Second.");
    expect_skip(r, "<short>");
    assert_non_null(strstr(annals_reader_error(r), "shorter than its Content-Length"));
    expect_doc(r, "third", "Third.");
    expect_doc(r, "fourth", "Fourth.");
    expect_end(r);
    annals_reader_free(r);

    /* a last record whose length runs past the end of the file */
    core_buf_clear(&b);
    response(&b, "ok", page_of("1", "Whole."));
    add_record(&b, "response", "cut", "u", rt, h.data, h.len, h.len + 5000);
    r = open_bytes(&b, "cut.warc", NULL, 0);
    expect_doc(r, "ok", "Whole.");
    expect_skip(r, "<cut>");
    assert_non_null(strstr(annals_reader_error(r), "truncated record: the file ends after"));
    expect_end(r);
    annals_reader_free(r);
    core_buf_free(&b);
    core_buf_free(&h);
}

static void test_bad_headers_and_bodies(void **state)
{
    (void)state;
    core_buf b = CORE_BUF_INIT, h = CORE_BUF_INIT;
    const char *rt = "application/http";
    response(&b, "a", page_of("a", "Before."));
    /* a header line without a colon */
    core_buf_puts(&b, "WARC/1.1\r\nWARC-Type: response\r\nno colon here\r\nContent-Length: 2\r\n"
                      "\r\nxx\r\n\r\n");
    response(&b, "b", page_of("b", "After a bad header."));
    /* a Content-Length that is not a number, and none at all */
    core_buf_puts(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:n>\r\n"
                      "Content-Length: 12x\r\n\r\nxx\r\n\r\n");
    core_buf_puts(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:m>\r\n"
                      "\r\nxx\r\n\r\n");
    response(&b, "c", page_of("c", "After bad lengths."));
    /* a header line of 200 KB */
    core_buf_puts(&b, "WARC/1.1\r\nX-Long: ");
    for (int i = 0; i < 200000; i++)
        core_buf_putc(&b, 'y');
    core_buf_puts(&b, "\r\nContent-Length: 0\r\n\r\n\r\n\r\n");
    response(&b, "d", page_of("d", "After a long header line."));
    /* junk between records */
    core_buf_puts(&b, "garbage line\r\nmore garbage\r\n");
    response(&b, "e", page_of("e", "After junk."));
    /* a binary body said to be HTML */
    http(&h, "200 OK", "Content-Type: text/html\r\n", "\0\1\2\3\xff\xfe\0\0PK\3\4", 12);
    add_record(&b, "response", "bin", "u", rt, h.data, h.len, SIZE_MAX);
    /* broken chunks, broken gzip, an unknown coding, no status line */
    core_buf_clear(&h);
    http(&h, "200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
         "5\r\nabc", 6);
    add_record(&b, "response", "chunks", "u", rt, h.data, h.len, SIZE_MAX);
    core_buf_clear(&h);
    http(&h, "200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
         "\x1f\x8b\x08\0\0\0\0\0\0\3garbage!", 18);
    add_record(&b, "response", "badgz", "u", rt, h.data, h.len, SIZE_MAX);
    core_buf_clear(&h);
    http(&h, "200 OK", "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x1b\x03", 2);
    add_record(&b, "response", "br", "u", rt, h.data, h.len, SIZE_MAX);
    add_record(&b, "response", "nostatus", "u", rt, "<p>x</p>", 8, SIZE_MAX);
    add_record(&b, "response", "noend", "u", rt, "HTTP/1.1 200 OK\r\nContent-Type: text/html", 40,
               SIZE_MAX);
    /* a page with no record id */
    add_record(&b, "resource", NULL, "u", "text/html", "<p>x</p>", 8, SIZE_MAX);
    response(&b, "z", page_of("z", "The last page."));

    annals_reader *r = open_bytes(&b, "bad.warc", NULL, 0);
    expect_doc(r, "a", "Before.");
    expect_skip(r, "bad.warc: record at offset ");
    assert_non_null(strstr(annals_reader_error(r), "malformed header line 'no colon here'"));
    expect_doc(r, "b", "After a bad header.");
    expect_skip(r, "<n> at offset");
    assert_non_null(strstr(annals_reader_error(r), "Content-Length is not a number"));
    expect_skip(r, "<m> at offset");
    assert_non_null(strstr(annals_reader_error(r), "no Content-Length"));
    expect_doc(r, "c", "After bad lengths.");
    expect_skip(r, "header line longer than 65536 bytes");
    expect_doc(r, "d", "After a long header line.");
    expect_skip(r, "expected a WARC header ('WARC/1.1'), found 'garbage line'");
    expect_doc(r, "e", "After junk.");
    expect_skip(r, "<bin>");
    assert_non_null(strstr(annals_reader_error(r), "binary body"));
    expect_skip(r, "<chunks>");
    assert_non_null(strstr(annals_reader_error(r), "chunk"));
    expect_skip(r, "<badgz>");
    assert_non_null(strstr(annals_reader_error(r), "bad gzip Content-Encoding"));
    expect_skip(r, "<br>");
    assert_non_null(strstr(annals_reader_error(r), "unsupported Content-Encoding 'br'"));
    expect_skip(r, "<nostatus>");
    assert_non_null(strstr(annals_reader_error(r), "without an HTTP status line"));
    expect_skip(r, "<noend>");
    assert_non_null(strstr(annals_reader_error(r), "HTTP header without an end"));
    expect_skip(r, "no WARC-Record-ID");
    expect_doc(r, "z", "The last page.");
    expect_end(r);
    annals_reader_free(r);
    core_buf_free(&b);
    core_buf_free(&h);
}

static void test_body_limit(void **state)
{
    (void)state;
    core_buf b = CORE_BUF_INIT, big = CORE_BUF_INIT;
    core_buf_puts(&big, "<p>");
    for (int i = 0; i < 20000; i++)
        core_buf_puts(&big, "word ");
    core_buf_puts(&big, "</p>");
    response(&b, "small", page_of("s", "Small."));
    response(&b, "big", big.data);
    /* big but not a page: passed over without a word */
    add_record(&b, "resource", "video", "u", "video/mp4", big.data, big.len, SIZE_MAX);
    response(&b, "after", page_of("s", "After."));
    /* gzip that inflates past the limit */
    core_buf z = CORE_BUF_INIT, h = CORE_BUF_INIT;
    compress_into(&z, big.data, big.len, 16 + 15);
    http(&h, "200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", z.data, z.len);
    add_record(&b, "response", "bomb", "u", "application/http", h.data, h.len, SIZE_MAX);

    annals_reader *r = open_bytes(&b, "limit.warc", NULL, 50000);
    expect_doc(r, "small", "Small.");
    expect_skip(r, "<big>");
    assert_non_null(strstr(annals_reader_error(r), "over the limit of 50000; skipped"));
    expect_doc(r, "after", "After.");
    expect_skip(r, "<bomb>");
    assert_non_null(strstr(annals_reader_error(r), "inflated body over 50000 bytes"));
    expect_end(r);
    annals_reader_free(r);
    core_buf_free(&b);
    core_buf_free(&big);
    core_buf_free(&z);
    core_buf_free(&h);
}

static void test_gzip_damage(void **state)
{
    (void)state;
    core_buf recs[4] = {CORE_BUF_INIT, CORE_BUF_INIT, CORE_BUF_INIT, CORE_BUF_INIT};
    response(&recs[0], "m1", page_of("1", "Member one."));
    response(&recs[1], "m2", page_of("2", "Member two."));
    response(&recs[2], "m3", page_of("3", "Member three."));
    response(&recs[3], "m4", page_of("4", "Member four."));
    core_buf gz = CORE_BUF_INIT;
    size_t start[5];
    for (int i = 0; i < 4; i++) {
        start[i] = gz.len;
        compress_into(&gz, recs[i].data, recs[i].len, 16 + 15);
    }
    start[4] = gz.len;

    /* member two damaged in its middle: one skip, then members three and four */
    core_buf bad = CORE_BUF_INIT;
    core_buf_append(&bad, gz.data, gz.len);
    for (size_t i = start[1] + 12; i < start[2] - 10; i++)
        bad.data[i] ^= 0x5a;
    annals_reader *r = open_bytes(&bad, "damaged.warc.gz", NULL, 0);
    expect_doc(r, "m1", "Member one.");
    expect_skip(r, "damaged gzip data");
    assert_non_null(strstr(annals_reader_error(r), "going on from the next gzip member"));
    expect_doc(r, "m3", "Member three.");
    expect_doc(r, "m4", "Member four.");
    expect_end(r);
    annals_reader_free(r);

    /* cut inside member three: members one and two, then the cut, named */
    core_buf cut = CORE_BUF_INIT;
    core_buf_append(&cut, gz.data, start[2] + (start[3] - start[2]) / 2);
    r = open_bytes(&cut, "cut.warc.gz", NULL, 0);
    expect_doc(r, "m1", "Member one.");
    expect_doc(r, "m2", "Member two.");
    expect_skip(r, "cut.warc.gz: record");
    assert_non_null(strstr(annals_reader_error(r), "truncated gzip stream"));
    expect_end(r);
    annals_reader_free(r);

    /* trailing junk after the last member */
    core_buf junk = CORE_BUF_INIT;
    core_buf_append(&junk, gz.data, gz.len);
    core_buf_append(&junk, "\0\0\0\0junk", 8);
    r = open_bytes(&junk, "junk.warc.gz", NULL, 0);
    for (int i = 0; i < 4; i++) {
        annals_document d;
        assert_int_equal(annals_reader_next(r, &d), 1);
    }
    expect_skip(r, "damaged gzip data");
    expect_end(r);
    annals_reader_free(r);

    for (int i = 0; i < 4; i++)
        core_buf_free(&recs[i]);
    core_buf_free(&gz);
    core_buf_free(&bad);
    core_buf_free(&cut);
    core_buf_free(&junk);
}

static void test_files(void **state)
{
    (void)state;
    int err;
    annals_reader *r = annals_reader_open(ANNALS_SOURCE_DIR "/tests/fixtures/web/crawl.warc.gz",
                                          ANNALS_INPUT_AUTO, NULL, &err);
    assert_non_null(r);
    annals_document d;
    int docs = 0;
    const char *ids[] = {"00000000-0000-4000-8000-000000000003",
                         "00000000-0000-4000-8000-000000000006",
                         "00000000-0000-4000-8000-000000000009",
                         "00000000-0000-4000-8000-000000000010"};
    while (annals_reader_next(r, &d) == 1) {
        assert_true(docs < 4);
        assert_string_equal(d.id, ids[docs]);
        docs++;
    }
    assert_int_equal(docs, 4);
    assert_string_equal(annals_reader_error(r), "");
    annals_reader_free(r);

    /* empty input: no documents, no error */
    core_buf empty = CORE_BUF_INIT;
    core_buf_puts(&empty, "\r\n");
    r = open_bytes(&empty, "empty.warc", NULL, 0);
    expect_end(r);
    annals_reader_free(r);
    core_buf_free(&empty);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_and_gzip),
        cmocka_unit_test(test_page_metadata_and_dates),
        cmocka_unit_test(test_http_codings),
        cmocka_unit_test(test_bad_lengths),
        cmocka_unit_test(test_bad_headers_and_bodies),
        cmocka_unit_test(test_body_limit),
        cmocka_unit_test(test_gzip_damage),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
