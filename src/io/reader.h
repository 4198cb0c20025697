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

/* A reader over `fp`, which it closes on free only when `own` is set.
 * `name` names the input in messages and in documents' origin (and, for
 * TEXT, gives the document id).  `kind` must not be AUTO.  `max_line` is
 * the line limit of JSON lines (0: IO_MAX_LINE).  NULL on failure, with
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

#endif
