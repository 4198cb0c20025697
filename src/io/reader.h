/* reader.h — inside the readers: the limits, an entry point over an
 * already open stream (standard input, the fuzz targets, tests), and the
 * pieces reader.c is made of. */
#ifndef ANNALS_IO_READER_H
#define ANNALS_IO_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "annals.h"

/* Longest JSON line read; a longer one is a bad record, read past without
 * keeping more than this in memory. */
#define IO_MAX_LINE ((size_t)16 * 1024 * 1024)
/* Largest plain-text document (the whole file is one document). */
#define IO_MAX_TEXT ((size_t)256 * 1024 * 1024)
/* Largest web page (an .html file, or the body of a WARC record, before
 * and after inflating); a larger one is skipped. */
#define IO_MAX_HTML ((size_t)32 * 1024 * 1024)

/* A reader over `fp`, which it closes on free only when `own` is set.
 * `name` names the input in messages and in documents' origin (and, for
 * TEXT and HTML, gives the document id).  `kind` must not be AUTO.
 * `max_line` is the line limit of JSON lines (0: IO_MAX_LINE), and for
 * HTML and WARC the size limit of a page (0: IO_MAX_HTML).  A WARC stream
 * may be plain or gzip-compressed (told by its first bytes).  NULL on failure, with
 * the error in `err` and the reason in annals_reader_open_error(); `fp`
 * is then closed when owned. */
annals_reader *io_reader_open_stream(FILE *fp, bool own, const char *name,
                                     annals_input_kind kind, const char *default_date,
                                     size_t max_line, int *err);

/* Whether `s` is a real calendar date written "YYYY-MM-DD". */
bool io_valid_date(const char *s);

/* read_gzip.c: a stdio stream that inflates a gzip file through zlib,
 * so that every reader works on FILE *.  A damaged or truncated stream
 * makes reads fail (ferror); io_gzip_error() then says why.  The handle
 * lives until the stream is closed. */
typedef struct io_gzip io_gzip;
FILE *io_gzip_open(const char *path, io_gzip **handle);
const char *io_gzip_error(const io_gzip *g);

/* read_jsonl.c: one input document as a JSON line. */
typedef struct io_jsonl_doc {
    json_t *root;            /* owns every string below; json_decref() it */
    const char *id;          /* NULL when missing or not a string */
    const char *text;
    size_t text_len;
    const char *date, *title, *url, *publisher; /* NULL when absent */
    size_t invalid;          /* invalid UTF-8 sequences replaced in the line */
} io_jsonl_doc;

enum { IO_JSONL_DOC = 1, IO_JSONL_BLANK = 0, IO_JSONL_BAD = -1 };

/* Parses `line` (len bytes, NUL-terminated).  IO_JSONL_DOC: `d` is filled.
 * IO_JSONL_BLANK: nothing but white space.  IO_JSONL_BAD: `why` says what
 * is wrong and d->id is the record's id when it has one (d->root must
 * still be released). */
int io_jsonl_parse(const char *line, size_t len, io_jsonl_doc *d, char *why, size_t why_cap);

/* read_html.c: a web page made into an article.  Every string is
 * malloc'd and owned by the struct (io_html_doc_free). */
typedef struct io_html_doc {
    char *text;              /* paragraphs separated by blank lines, UTF-8 */
    size_t text_len;
    char *title, *url, *publisher; /* NULL when the page does not say */
    char date[11];           /* publication date "YYYY-MM-DD", or "" */
    char charset[64];        /* the charset the page was read in */
} io_html_doc;

/* Parses a page of `len` bytes.  `http_charset` is the charset the HTTP
 * header gave (NULL: none), `base_url` the page's address (NULL: unknown),
 * for a relative canonical link.  Malformed markup is recovered, never
 * refused.  Returns ANNALS_OK (d filled; d->text never NULL),
 * ANNALS_E_NOMEM or ANNALS_E_LIMIT (over 2 GiB). */
int io_html_extract(const char *bytes, size_t len, const char *http_charset,
                    const char *base_url, io_html_doc *d);
void io_html_doc_free(io_html_doc *d);

/* A date as pages write it ("2024-03-05T10:00Z", "2024/3/5", "20240305",
 * "March 5, 2024", "Tue, 05 Mar 2024 ...") as "YYYY-MM-DD" in out. */
bool io_html_date(const char *s, char out[11]);

/* read_warc.c: the records of a web archive that hold HTML pages. */
typedef struct io_warc io_warc;

/* A page out of a WARC response (or resource) record; owned by the
 * io_warc until the next call. */
typedef struct io_warc_page {
    const char *id;          /* the WARC-Record-ID without "<urn:uuid:" and ">" */
    const char *url;         /* WARC-Target-URI, or NULL */
    const char *warc_date;   /* the WARC-Date as "YYYY-MM-DD", or NULL */
    const char *body;        /* the HTTP payload, de-chunked and inflated */
    size_t body_len;
    const char *charset;     /* from the HTTP Content-Type, or NULL */
    size_t record_no;        /* 1-based number of the record in the file */
} io_warc_page;

/* Reads `fp` (not owned), named `name` in messages; records whose body is
 * over max_body bytes are skipped. NULL when out of memory. */
io_warc *io_warc_open(FILE *fp, const char *name, size_t max_body);
/* 1 and `page` filled; 0 at the end; ANNALS_E_RECORD for a record
 * skipped (io_warc_error() names it by number and WARC-Record-ID, or by
 * offset when it has none, and says why; call again); another error when
 * reading cannot go on (the message likewise).  Offsets in messages count
 * bytes of the uncompressed archive. */
int io_warc_next(io_warc *w, io_warc_page *page);
const char *io_warc_error(const io_warc *w);
/* Bytes of the file consumed so far (compressed bytes for .warc.gz). */
size_t io_warc_offset(const io_warc *w);
void io_warc_free(io_warc *w);

#endif
