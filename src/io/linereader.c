/* linereader.c — bounded line reading; see linereader.h. */
#include "io/linereader.h"

#include <stdlib.h>
#include <string.h>

/* Bytes asked of the stream at a time. */
#define IO_LINE_CHUNK (64 * 1024)

void io_linereader_init(io_linereader *lr, FILE *fp, size_t max_line)
{
    memset(lr, 0, sizeof *lr);
    lr->fp = fp;
    lr->max_line = max_line;
}

void io_linereader_free(io_linereader *lr)
{
    free(lr->buf);
    lr->buf = NULL;
    lr->cap = lr->pos = lr->end = 0;
}

/* Moves the pending bytes to the front and reads one more chunk.  Returns
 * the number of bytes read, 0 at the end, -1 on a read error, -2 when out
 * of memory.  The buffer never holds more than max_line + one chunk. */
static long fill(io_linereader *lr)
{
    if (lr->pos > 0) {
        memmove(lr->buf, lr->buf + lr->pos, lr->end - lr->pos);
        lr->end -= lr->pos;
        lr->pos = 0;
    }
    size_t need = lr->end + IO_LINE_CHUNK + 1;
    if (need > lr->cap) {
        char *p = realloc(lr->buf, need);
        if (!p)
            return -2;
        lr->buf = p;
        lr->cap = need;
    }
    size_t n = fread(lr->buf + lr->end, 1, IO_LINE_CHUNK, lr->fp);
    lr->end += n;
    if (n == 0) {
        if (ferror(lr->fp)) {
            lr->failed = true;
            return -1;
        }
        lr->eof = true;
    }
    return (long)n;
}

/* Throws away the rest of an overlong line, up to and including its
 * newline, reading as much as it takes but keeping only one chunk. */
static int skip_rest_of_line(io_linereader *lr)
{
    for (;;) {
        char *nl = memchr(lr->buf + lr->pos, '\n', lr->end - lr->pos);
        if (nl) {
            size_t next = (size_t)(nl - lr->buf) + 1;
            lr->offset += next - lr->pos;
            lr->pos = next;
            return IO_LINE_TOO_LONG;
        }
        lr->offset += lr->end - lr->pos;
        lr->pos = lr->end = 0;
        if (lr->eof)
            return IO_LINE_TOO_LONG;
        long r = fill(lr);
        if (r == -1)
            return IO_LINE_ERROR;
        if (r == -2)
            return IO_LINE_NOMEM;
    }
}

int io_linereader_next(io_linereader *lr, char **line, size_t *len)
{
    size_t scanned = 0;      /* bytes after pos known to hold no newline */
    for (;;) {
        size_t avail = lr->end - lr->pos;
        char *start = lr->buf ? lr->buf + lr->pos : NULL;
        char *nl = avail > scanned ? memchr(start + scanned, '\n', avail - scanned) : NULL;
        size_t n = nl ? (size_t)(nl - start) : avail;
        /* A "\r" before the newline (or perhaps before one still unread)
         * does not count towards the limit. */
        size_t content = n;
        if (content > 0 && start[content - 1] == '\r' && (nl || !lr->eof))
            content--;
        if (content > lr->max_line) {
            lr->line_no++;
            return skip_rest_of_line(lr);
        }
        if (nl || (lr->eof && avail > 0)) {
            lr->line_no++;
            lr->pos += n + (nl != NULL);
            lr->offset += n + (nl != NULL);
            if (n > 0 && start[n - 1] == '\r')
                n--;
            /* The newline (or the spare byte fill() keeps) takes the NUL. */
            start[n] = '\0';
            *line = start;
            *len = n;
            return IO_LINE_OK;
        }
        if (lr->eof || lr->failed)
            return lr->failed ? IO_LINE_ERROR : IO_LINE_END;
        scanned = avail;
        long r = fill(lr);
        if (r == -1)
            return IO_LINE_ERROR;
        if (r == -2)
            return IO_LINE_NOMEM;
    }
}
