/* linereader.h — lines out of a stream with a hard limit on line length.
 *
 * JSON-lines input comes from files nobody checked: one line can be
 * gigabytes long.  The reader keeps at most `max_line` bytes of a line in
 * memory; the rest of an overlong line is read and thrown away, and the
 * line is reported as too long instead of being handed out.
 */
#ifndef ANNALS_IO_LINEREADER_H
#define ANNALS_IO_LINEREADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct io_linereader {
    FILE *fp;                /* not owned */
    size_t max_line;         /* longest line handed out, without its newline */
    char *buf;               /* bytes read and not yet handed out: [pos, end) */
    size_t cap, pos, end;
    size_t line_no;          /* 1-based number of the last line handed out */
    size_t offset;           /* bytes consumed so far */
    bool eof;                /* the stream has no more bytes */
    bool failed;             /* the stream reported a read error */
} io_linereader;

enum {
    IO_LINE_OK = 1,          /* a line in *line / *len */
    IO_LINE_END = 0,         /* no more lines */
    IO_LINE_TOO_LONG = -1,   /* a line longer than max_line was skipped */
    IO_LINE_ERROR = -2,      /* the stream failed (ferror) */
    IO_LINE_NOMEM = -3
};

void io_linereader_init(io_linereader *lr, FILE *fp, size_t max_line);
void io_linereader_free(io_linereader *lr);

/* Next line, without its "\n" (and without a "\r" before it).  The line is
 * NUL-terminated and stays valid until the next call.  A last line without
 * a newline counts as a line. */
int io_linereader_next(io_linereader *lr, char **line, size_t *len);

#endif
