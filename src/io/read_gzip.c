/* read_gzip.c — gzip files as stdio streams (zlib under fopencookie), so
 * that the line reader and the CoNLL-U reader need not know about
 * compression.  A plain file opened this way is read as it is (zlib's
 * transparent mode). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "io/reader.h"

struct io_gzip {
    gzFile gz;
    char error[256];
};

static ssize_t gzip_read(void *cookie, char *buf, size_t size)
{
    io_gzip *g = cookie;
    if (size > INT_MAX)
        size = INT_MAX;
    int n = gzread(g->gz, buf, (unsigned)size);
    int errnum = Z_OK;
    const char *msg = gzerror(g->gz, &errnum);
    if (n < 0 || (n == 0 && errnum != Z_OK)) {
        /* zlib reports a stream cut short as Z_BUF_ERROR once all the data
         * before the cut has been handed out. */
        if (errnum == Z_BUF_ERROR)
            snprintf(g->error, sizeof g->error, "truncated gzip stream (unexpected end of file)");
        else if (errnum == Z_ERRNO)
            snprintf(g->error, sizeof g->error, "read error: %s", strerror(errno));
        else
            snprintf(g->error, sizeof g->error, "damaged gzip stream (%s)", msg ? msg : "zlib error");
        errno = EIO;
        return -1;
    }
    return n;
}

static int gzip_close(void *cookie)
{
    io_gzip *g = cookie;
    int rc = gzclose(g->gz);
    free(g);
    return rc == Z_OK ? 0 : EOF;
}

FILE *io_gzip_open(const char *path, io_gzip **handle)
{
    io_gzip *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->gz = gzopen(path, "rb");
    if (!g->gz) {
        free(g);
        return NULL;
    }
    gzbuffer(g->gz, 128 * 1024);
    cookie_io_functions_t fns = {.read = gzip_read, .close = gzip_close};
    FILE *fp = fopencookie(g, "rb", fns);
    if (!fp) {
        gzclose(g->gz);
        free(g);
        return NULL;
    }
    *handle = g;
    return fp;
}

const char *io_gzip_error(const io_gzip *g)
{
    return g && g->error[0] ? g->error : "read error";
}
