/* read_warc.c — the HTML pages of a web archive (WARC 1.0 and 1.1), plain
 * or gzip-compressed member by member as crawlers write them.
 *
 * Three layers: a byte source that inflates gzip members one after the
 * other (and, when one is damaged, skips to the next member instead of
 * giving up on the file); records, read by their header lines and their
 * Content-Length, never holding more than one record body (bounded) in
 * memory; and the HTTP response inside a record, whose chunked transfer
 * coding and gzip or deflate content coding are undone.  Records that are
 * not HTML pages (warcinfo, request, metadata, revisit, images, redirects)
 * are passed over silently; a bad record is skipped with a message naming
 * it, and reading goes on with the next record.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "core/buf.h"
#include "io/reader.h"

#define WARC_CHUNK (64 * 1024)
/* Longest header line, and most header bytes, of a WARC record or of the
 * HTTP response in it. */
#define WARC_MAX_LINE (64 * 1024)
#define WARC_MAX_HEADER (1024 * 1024)

/* What the byte source says when it has nothing more to give. */
enum { SRC_END = 0, SRC_TRUNCATED = -1, SRC_DAMAGED = -2, SRC_IO = -3, SRC_NOMEM = -4 };

struct io_warc {
    FILE *fp;
    char *name;
    size_t max_body;
    /* raw bytes from fp */
    unsigned char *in;
    size_t in_len, in_pos;
    bool in_eof;
    size_t raw_offset;       /* raw bytes read from fp */
    /* gzip */
    int mode;                /* 0 not yet known, 1 plain, 2 gzip */
    z_stream z;
    bool z_ready, in_member;
    char src_error[160];
    /* decompressed bytes not yet consumed: buf[pos, end) */
    unsigned char *buf;
    size_t cap, pos, end;
    size_t offset;           /* decompressed bytes consumed */
    /* the record at hand */
    size_t record_no;
    bool resyncing;          /* looking for the next "WARC/" line */
    bool done;
    core_buf body, payload;
    char id[256], url[2048], date[11], charset[64], type[32], ctype[128];
    size_t length;
    bool has_length;
    char error[1024];
};

/* ---- the byte source --------------------------------------------------- */

/* Reads more raw bytes into `in` (after consumed ones are dropped). */
static int raw_fill(io_warc *w)
{
    if (w->in_pos > 0) {
        memmove(w->in, w->in + w->in_pos, w->in_len - w->in_pos);
        w->in_len -= w->in_pos;
        w->in_pos = 0;
    }
    if (w->in_eof || w->in_len == WARC_CHUNK)
        return 0;
    size_t n = fread(w->in + w->in_len, 1, WARC_CHUNK - w->in_len, w->fp);
    w->in_len += n;
    w->raw_offset += n;
    if (n == 0) {
        if (ferror(w->fp)) {
            snprintf(w->src_error, sizeof w->src_error, "read error: %s",
                     strerror(errno ? errno : EIO));
            return SRC_IO;
        }
        w->in_eof = true;
    }
    return (int)(n > 0);
}

/* Room for at least `more` bytes after end in buf. */
static bool buf_room(io_warc *w, size_t more)
{
    if (w->pos > 0 && w->end - w->pos + more > w->cap - w->pos) {
        memmove(w->buf, w->buf + w->pos, w->end - w->pos);
        w->end -= w->pos;
        w->pos = 0;
    }
    if (w->end + more <= w->cap)
        return true;
    size_t cap = w->cap ? w->cap : WARC_CHUNK;
    while (cap < w->end + more)
        cap *= 2;
    unsigned char *p = realloc(w->buf, cap);
    if (!p)
        return false;
    w->buf = p;
    w->cap = cap;
    return true;
}

/* After a damaged gzip member: the raw input from the next gzip header on
 * (1f 8b 08), with the inflater reset.  False when there is none. */
static int skip_to_member(io_warc *w)
{
    w->in_pos++;             /* not the header we were in */
    for (;;) {
        for (; w->in_pos + 3 <= w->in_len; w->in_pos++)
            if (w->in[w->in_pos] == 0x1f && w->in[w->in_pos + 1] == 0x8b &&
                w->in[w->in_pos + 2] == 0x08) {
                inflateReset(&w->z);
                w->in_member = false;
                return 1;
            }
        /* keep the last two bytes: a header may straddle the refill */
        if (w->in_len >= 2)
            w->in_pos = w->in_len - 2;
        int r = raw_fill(w);
        if (r < 0)
            return r;
        if (r == 0 && w->in_len - w->in_pos < 3)
            return 0;
    }
}

/* Inflates gzip input into buf, member after member. */
static int gzip_fill(io_warc *w)
{
    if (!buf_room(w, WARC_CHUNK))
        return SRC_NOMEM;
    for (;;) {
        if (w->in_pos == w->in_len) {
            int r = raw_fill(w);
            if (r < 0)
                return r;
            if (r == 0) {
                if (!w->in_member)
                    return SRC_END;
                snprintf(w->src_error, sizeof w->src_error,
                         "truncated gzip stream (unexpected end of file)");
                return SRC_TRUNCATED;
            }
        }
        w->z.next_in = w->in + w->in_pos;
        w->z.avail_in = (uInt)(w->in_len - w->in_pos);
        w->z.next_out = w->buf + w->end;
        w->z.avail_out = (uInt)(w->cap - w->end);
        int zr = inflate(&w->z, Z_NO_FLUSH);
        size_t used = (w->in_len - w->in_pos) - w->z.avail_in;
        size_t made = (w->cap - w->end) - w->z.avail_out;
        w->in_pos += used;
        w->end += made;
        if (used > 0 || made > 0)
            w->in_member = true;
        if (zr == Z_STREAM_END) {
            /* The next member, if any, starts a fresh stream. */
            inflateReset(&w->z);
            w->in_member = false;
        } else if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT || zr == Z_STREAM_ERROR) {
            snprintf(w->src_error, sizeof w->src_error, "damaged gzip data (%s)",
                     w->z.msg ? w->z.msg : "zlib error");
            int r = skip_to_member(w);
            if (r < 0)
                return r;
            if (r == 0)
                w->in_pos = w->in_len;
            w->in_member = false;
            return SRC_DAMAGED;
        } else if (zr == Z_MEM_ERROR) {
            return SRC_NOMEM;
        }
        if (made > 0)
            return 1;
        if (zr == Z_BUF_ERROR && w->in_pos < w->in_len)
            return SRC_NOMEM;    /* no progress with input and room: cannot happen */
    }
}

/* More decompressed bytes at the end of buf: 1, or an SRC_ code. */
static int src_fill(io_warc *w)
{
    if (w->mode == 0) {
        while (w->in_len < 2 && !w->in_eof) {
            int r = raw_fill(w);
            if (r < 0)
                return r;
        }
        w->mode = w->in_len >= 2 && w->in[0] == 0x1f && w->in[1] == 0x8b ? 2 : 1;
        if (w->mode == 2) {
            if (inflateInit2(&w->z, 15 + 16) != Z_OK)
                return SRC_NOMEM;
            w->z_ready = true;
        }
    }
    if (w->mode == 2)
        return gzip_fill(w);
    if (w->in_pos == w->in_len) {
        int r = raw_fill(w);
        if (r <= 0)
            return r;
    }
    size_t n = w->in_len - w->in_pos;
    if (!buf_room(w, n))
        return SRC_NOMEM;
    memcpy(w->buf + w->end, w->in + w->in_pos, n);
    w->end += n;
    w->in_pos = w->in_len;
    return 1;
}

/* At least `n` bytes in buf if the stream has them: 1, or SRC_END when
 * fewer remain, or another SRC_ code. */
static int want(io_warc *w, size_t n)
{
    while (w->end - w->pos < n) {
        int r = src_fill(w);
        if (r <= 0)
            return r;
    }
    return 1;
}

/* Puts bytes back in front of the unread ones (the tail of a record body
 * that turned out to be the next record). */
static bool unread(io_warc *w, const void *p, size_t n)
{
    size_t have = w->end - w->pos;
    if (!buf_room(w, n))
        return false;
    memmove(w->buf + w->pos + n, w->buf + w->pos, have);
    memcpy(w->buf + w->pos, p, n);
    w->end += n;
    w->offset -= n;
    return true;
}

/* ---- lines and bodies -------------------------------------------------- */

enum { LINE_OK = 1, LINE_END = 0, LINE_LONG = -10 };

/* The next line without "\r\n" (NUL-terminated in buf, valid until the
 * next read); LINE_LONG when longer than WARC_MAX_LINE (read past, kept
 * nowhere); LINE_END at the end; SRC_ codes on failure. */
static int read_line(io_warc *w, char **line, size_t *len)
{
    size_t scanned = 0;
    bool too_long = false;
    for (;;) {
        size_t unseen = w->end - w->pos - scanned;
        unsigned char *nl = unseen ? memchr(w->buf + w->pos + scanned, '\n', unseen) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - (w->buf + w->pos));
            size_t start = w->pos;
            w->pos += n + 1;
            w->offset += n + 1;
            if (too_long || n > WARC_MAX_LINE)
                return LINE_LONG;
            if (n > 0 && w->buf[start + n - 1] == '\r')
                n--;
            w->buf[start + n] = '\0';
            *line = (char *)w->buf + start;
            *len = n;
            return LINE_OK;
        }
        scanned = w->end - w->pos;
        if (scanned > WARC_MAX_LINE) {
            /* Drop what is held of an overlong line. */
            w->offset += scanned;
            w->pos = w->end;
            scanned = 0;
            too_long = true;
        }
        int r = src_fill(w);
        if (r == SRC_END) {
            if (w->end == w->pos)
                return too_long ? LINE_LONG : LINE_END;
            /* a last line without a newline */
            size_t n = w->end - w->pos;
            if (!buf_room(w, 1))
                return SRC_NOMEM;
            size_t start = w->pos;
            w->buf[w->end] = '\0';
            w->pos = w->end;
            w->offset += n;
            if (too_long || n > WARC_MAX_LINE)
                return LINE_LONG;
            if (w->buf[start + n - 1] == '\r')
                w->buf[start + --n] = '\0';
            *line = (char *)w->buf + start;
            *len = n;
            return LINE_OK;
        }
        if (r < 0)
            return r;
    }
}

/* Moves `n` bytes of the stream into `into` (NULL: throws them away).
 * Returns how many there were (fewer at the end or on failure; *why then
 * says which SRC_ code stopped it). */
static size_t read_exact(io_warc *w, size_t n, core_buf *into, int *why)
{
    size_t got = 0;
    *why = 1;
    while (got < n) {
        if (w->pos == w->end) {
            int r = src_fill(w);
            if (r <= 0) {
                *why = r;
                return got;
            }
        }
        size_t take = w->end - w->pos;
        if (take > n - got)
            take = n - got;
        if (into)
            core_buf_append(into, w->buf + w->pos, take);
        w->pos += take;
        w->offset += take;
        got += take;
        if (into && into->failed) {
            *why = SRC_NOMEM;
            return got;
        }
    }
    return got;
}

/* ---- messages ---------------------------------------------------------- */

static void warc_error(io_warc *w, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void warc_error(io_warc *w, size_t at, const char *fmt, ...)
{
    char why[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (w->id[0])
        snprintf(w->error, sizeof w->error, "%s: record %zu <%.200s> at offset %zu: %s",
                 w->name, w->record_no, w->id, at, why);
    else
        snprintf(w->error, sizeof w->error, "%s: record at offset %zu: %s", w->name, at, why);
    for (char *p = w->error; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
}

/* The error for a source failure; ANNALS_E_RECORD when reading can go on
 * (a damaged member was skipped), else the error that ends the reader. */
static int source_failure(io_warc *w, int src, size_t at, const char *what)
{
    if (src == SRC_NOMEM) {
        warc_error(w, at, "out of memory");
        w->done = true;
        return ANNALS_E_NOMEM;
    }
    if (src == SRC_DAMAGED) {
        warc_error(w, at, "%s: %s; going on from the next gzip member", what, w->src_error);
        w->pos = w->end;     /* what was inflated of the member is unreliable */
        w->resyncing = true;
        return ANNALS_E_RECORD;
    }
    if (src == SRC_END)
        warc_error(w, at, "%s: the file ends inside the record", what);
    else
        warc_error(w, at, "%s: %s", what, w->src_error);
    w->done = true;
    return src == SRC_IO ? ANNALS_E_IO : ANNALS_E_RECORD;
}

/* ---- headers ----------------------------------------------------------- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* "<urn:uuid:0a1b…>" → "0a1b…"; other ids keep all but the brackets. */
static void record_id(char *dst, size_t cap, const char *v)
{
    if (*v == '<')
        v++;
    if (!strncasecmp(v, "urn:uuid:", 9))
        v += 9;
    size_t n = strlen(v);
    if (n > 0 && v[n - 1] == '>')
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, v, n);
    dst[n] = '\0';
}

static bool parse_size(const char *s, size_t *out)
{
    if (!isdigit((unsigned char)*s))
        return false;
    size_t v = 0;
    for (; isdigit((unsigned char)*s); s++) {
        if (v > (SIZE_MAX - 9) / 10)
            return false;
        v = v * 10 + (size_t)(*s - '0');
    }
    if (*trim((char *)s) != '\0')
        return false;
    *out = v;
    return true;
}

static void copy_field(char *dst, size_t cap, const char *v)
{
    snprintf(dst, cap, "%s", v);
}

static void warc_field(io_warc *w, const char *name, char *value)
{
    if (!strcasecmp(name, "WARC-Type"))
        copy_field(w->type, sizeof w->type, value);
    else if (!strcasecmp(name, "WARC-Record-ID"))
        record_id(w->id, sizeof w->id, value);
    else if (!strcasecmp(name, "WARC-Target-URI")) {
        if (*value == '<') {   /* WARC/1.0 examples write it in brackets */
            value++;
            size_t n = strlen(value);
            if (n && value[n - 1] == '>')
                value[n - 1] = '\0';
        }
        copy_field(w->url, sizeof w->url, value);
    } else if (!strcasecmp(name, "WARC-Date")) {
        char d[11] = "";
        if (strlen(value) >= 10) {
            memcpy(d, value, 10);
            d[10] = '\0';
        }
        if (io_valid_date(d))
            memcpy(w->date, d, 11);
    } else if (!strcasecmp(name, "Content-Type"))
        copy_field(w->ctype, sizeof w->ctype, value);
    else if (!strcasecmp(name, "Content-Length"))
        w->has_length = parse_size(value, &w->length);
}

/* Reads the header lines of a record up to the blank line.  Returns 1,
 * or ANNALS_E_RECORD/other error with the message set. */
static int read_warc_headers(io_warc *w, size_t at)
{
    size_t total = 0;
    bool bad_length = false;
    for (;;) {
        char *line;
        size_t len;
        int r = read_line(w, &line, &len);
        if (r == LINE_LONG) {
            warc_error(w, at, "header line longer than %d bytes", WARC_MAX_LINE);
            w->resyncing = true;
            return ANNALS_E_RECORD;
        }
        if (r == LINE_END)
            return source_failure(w, SRC_END, at, "truncated header");
        if (r < 0)
            return source_failure(w, r, at, "reading the header");
        if (len == 0)
            break;
        total += len;
        if (total > WARC_MAX_HEADER) {
            warc_error(w, at, "header longer than %d bytes", WARC_MAX_HEADER);
            w->resyncing = true;
            return ANNALS_E_RECORD;
        }
        if (line[0] == ' ' || line[0] == '\t')
            continue;        /* a folded continuation: none of ours need it */
        char *colon = strchr(line, ':');
        if (!colon || colon == line) {
            warc_error(w, at, "malformed header line '%.60s'", line);
            w->resyncing = true;
            return ANNALS_E_RECORD;
        }
        *colon = '\0';
        char *name = trim(line);
        warc_field(w, name, trim(colon + 1));
        if (!strcasecmp(name, "Content-Length") && !w->has_length)
            bad_length = true;
    }
    if (!w->has_length) {
        warc_error(w, at, bad_length ? "Content-Length is not a number" : "no Content-Length");
        w->resyncing = true;
        return ANNALS_E_RECORD;
    }
    return 1;
}

/* ---- HTTP -------------------------------------------------------------- */

/* The value of parameter `param` (e.g. charset) of a Content-Type. */
static void ctype_param(const char *ctype, const char *param, char *out, size_t cap)
{
    out[0] = '\0';
    size_t pl = strlen(param);
    for (const char *p = strchr(ctype, ';'); p; p = strchr(p + 1, ';')) {
        const char *q = p + 1;
        while (*q == ' ' || *q == '\t')
            q++;
        if (strncasecmp(q, param, pl) || q[pl] != '=')
            continue;
        q += pl + 1;
        if (*q == '"' || *q == '\'')
            q++;
        size_t n = 0;
        while (q[n] && q[n] != ';' && q[n] != '"' && q[n] != '\'' && q[n] != ' ' && n + 1 < cap)
            n++;
        memcpy(out, q, n);
        out[n] = '\0';
        return;
    }
}

static bool ctype_is(const char *ctype, const char *mime)
{
    size_t n = strlen(mime);
    while (*ctype == ' ')
        ctype++;
    return !strncasecmp(ctype, mime, n) &&
           (ctype[n] == '\0' || ctype[n] == ';' || ctype[n] == ' ');
}

static bool html_type(const char *ctype)
{
    return ctype_is(ctype, "text/html") || ctype_is(ctype, "application/xhtml+xml");
}

/* Undoes chunked transfer coding of p[0..n) into out.  False (with why)
 * when the chunks are malformed. */
static bool dechunk(const char *p, size_t n, core_buf *out, size_t limit, char *why,
                    size_t cap)
{
    size_t i = 0;
    for (;;) {
        size_t size = 0;
        int hex = 0;
        while (i < n && isxdigit((unsigned char)p[i])) {
            int c = tolower((unsigned char)p[i++]);
            if (size > (SIZE_MAX >> 5)) {
                snprintf(why, cap, "chunk size too large");
                return false;
            }
            size = size * 16 + (size_t)(c <= '9' ? c - '0' : c - 'a' + 10);
            hex++;
        }
        if (!hex) {
            snprintf(why, cap, "bad chunk size at byte %zu of the HTTP body", i);
            return false;
        }
        while (i < n && p[i] != '\n')  /* chunk extensions, "\r" */
            i++;
        if (i == n) {
            snprintf(why, cap, "chunked body cut short");
            return false;
        }
        i++;
        if (size == 0)
            return true;     /* trailers, if any, are not needed */
        if (size > n - i) {
            snprintf(why, cap, "chunk of %zu bytes runs past the record", size);
            return false;
        }
        if (out->len + size > limit) {
            snprintf(why, cap, "body over %zu bytes", limit);
            return false;
        }
        core_buf_append(out, p + i, size);
        i += size;
        if (i < n && p[i] == '\r')
            i++;
        if (i < n && p[i] == '\n')
            i++;
    }
}

/* Inflates gzip or zlib (or raw deflate, which some servers send for
 * "deflate") data into out, up to limit bytes. */
static bool inflate_body(const char *p, size_t n, bool gzip, core_buf *out, size_t limit,
                         char *why, size_t cap)
{
    int wbits = gzip ? 15 + 16 : 15;
    for (int attempt = 0; attempt < 2; attempt++) {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, wbits) != Z_OK) {
            snprintf(why, cap, "out of memory");
            return false;
        }
        out->len = 0;
        z.next_in = (unsigned char *)p;
        z.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
        int zr = Z_OK;
        while (zr == Z_OK) {
            if (!core_buf_reserve(out, WARC_CHUNK)) {
                inflateEnd(&z);
                snprintf(why, cap, "out of memory");
                return false;
            }
            z.next_out = (unsigned char *)out->data + out->len;
            z.avail_out = WARC_CHUNK;
            zr = inflate(&z, Z_NO_FLUSH);
            out->len += WARC_CHUNK - z.avail_out;
            if (out->len > limit) {
                inflateEnd(&z);
                snprintf(why, cap, "inflated body over %zu bytes", limit);
                return false;
            }
            if (zr == Z_BUF_ERROR && z.avail_in == 0)
                break;       /* cut short: keep what came out */
        }
        inflateEnd(&z);
        if (zr == Z_STREAM_END || (zr == Z_BUF_ERROR && out->len > 0)) {
            out->data[out->len] = '\0';
            return true;
        }
        if (gzip || attempt == 1) {
            snprintf(why, cap, "bad %s Content-Encoding (%s)", gzip ? "gzip" : "deflate",
                     z.msg ? z.msg : "zlib error");
            return false;
        }
        wbits = -15;         /* raw deflate */
    }
    return false;
}

/* Whether a body is binary rather than text: a NUL, or many control
 * characters, among its first bytes. */
static bool binary(const char *p, size_t n)
{
    size_t look = n < 8192 ? n : 8192, ctl = 0;
    for (size_t i = 0; i < look; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
            ctl++;
    }
    return look > 0 && ctl * 10 > look;
}

enum { PAGE_NONE = 0, PAGE_OK = 1 };

/* An HTTP response in w->body: its payload into w->payload.  PAGE_OK,
 * PAGE_NONE (not an HTML page: passed over), or ANNALS_E_RECORD with the
 * message set. */
static int http_payload(io_warc *w, size_t at)
{
    const char *p = w->body.data;
    size_t n = w->body.len;
    if (n < 5 || strncmp(p, "HTTP/", 5)) {
        warc_error(w, at, "response record without an HTTP status line");
        return ANNALS_E_RECORD;
    }
    const char *eol = memchr(p, '\n', n);
    const char *sp = memchr(p, ' ', eol ? (size_t)(eol - p) : n);
    if (!eol || !sp || !isdigit((unsigned char)sp[1])) {
        warc_error(w, at, "malformed HTTP status line");
        return ANNALS_E_RECORD;
    }
    int status = atoi(sp + 1);
    char ctype[256] = "", te[64] = "", ce[64] = "";
    size_t i = (size_t)(eol - p) + 1;
    for (;;) {
        const char *le = i < n ? memchr(p + i, '\n', n - i) : NULL;
        if (!le || (size_t)(le - p) - i > WARC_MAX_LINE) {
            warc_error(w, at, "HTTP header without an end");
            return ANNALS_E_RECORD;
        }
        size_t ll = (size_t)(le - p) - i;
        if (ll > 0 && p[i + ll - 1] == '\r')
            ll--;
        size_t next = (size_t)(le - p) + 1;
        if (ll == 0) {
            i = next;
            break;
        }
        char line[1024];
        size_t keep = ll < sizeof line - 1 ? ll : sizeof line - 1;
        memcpy(line, p + i, keep);
        line[keep] = '\0';
        char *colon = strchr(line, ':');
        if (colon) {
            *colon = '\0';
            char *name = trim(line), *value = trim(colon + 1);
            if (!strcasecmp(name, "Content-Type"))
                copy_field(ctype, sizeof ctype, value);
            else if (!strcasecmp(name, "Transfer-Encoding"))
                copy_field(te, sizeof te, value);
            else if (!strcasecmp(name, "Content-Encoding"))
                copy_field(ce, sizeof ce, value);
        }
        i = next;
    }
    if (status < 200 || status > 299)
        return PAGE_NONE;    /* redirects, errors: no article */
    if (ctype[0] && !html_type(ctype))
        return PAGE_NONE;
    ctype_param(ctype, "charset", w->charset, sizeof w->charset);

    const char *body = p + i;
    size_t len = n - i;
    char why[256];
    core_buf_clear(&w->payload);
    if (strcasestr(te, "chunked") && len > 0 && isxdigit((unsigned char)body[0])) {
        if (!dechunk(body, len, &w->payload, w->max_body, why, sizeof why)) {
            warc_error(w, at, "%s", why);
            return ANNALS_E_RECORD;
        }
    } else {
        core_buf_append(&w->payload, body, len);
    }
    bool gz = !strcasecmp(ce, "gzip") || !strcasecmp(ce, "x-gzip");
    if (gz || !strcasecmp(ce, "deflate")) {
        /* Some archivers store the page already decoded but keep the
         * header: only inflate what looks compressed. */
        bool looks = w->payload.len >= 2 &&
                     (gz ? (unsigned char)w->payload.data[0] == 0x1f &&
                               (unsigned char)w->payload.data[1] == 0x8b
                         : w->payload.data[0] != '<' && !isspace((unsigned char)w->payload.data[0]));
        if (looks) {
            core_buf raw = w->payload;
            w->payload = (core_buf)CORE_BUF_INIT;
            bool ok = inflate_body(raw.data, raw.len, gz, &w->payload, w->max_body, why,
                                   sizeof why);
            core_buf_free(&raw);
            if (!ok) {
                warc_error(w, at, "%s", why);
                return ANNALS_E_RECORD;
            }
        }
    } else if (ce[0] && strcasecmp(ce, "identity")) {
        warc_error(w, at, "unsupported Content-Encoding '%.40s'", ce);
        return ANNALS_E_RECORD;
    }
    if (w->payload.failed) {
        warc_error(w, at, "out of memory");
        return ANNALS_E_RECORD;
    }
    if (!ctype[0]) {         /* no type said: HTML only when it looks so */
        size_t k = 0;
        while (k < w->payload.len && isspace((unsigned char)w->payload.data[k]))
            k++;
        if (k == w->payload.len || w->payload.data[k] != '<')
            return PAGE_NONE;
    }
    return PAGE_OK;
}

/* ---- records ----------------------------------------------------------- */

/* When the next record's header line lies inside the body just read, the
 * record was shorter than its Content-Length: the bytes from that header
 * on go back to be read again.  ANNALS_E_RECORD (message set) when so, 0
 * when the body holds no header, ANNALS_E_NOMEM. */
static int salvage_next(io_warc *w, size_t at)
{
    const char *b = w->body.data;
    size_t n = w->body.len;
    for (size_t k = 0; b && k + 7 < n; k++) {
        if (b[k] == '\n' && !memcmp(b + k + 1, "WARC/1.", 7)) {
            size_t back = n - (k + 1);
            if (!unread(w, b + k + 1, back)) {
                warc_error(w, at, "out of memory");
                w->done = true;
                return ANNALS_E_NOMEM;
            }
            warc_error(w, at,
                       "shorter than its Content-Length (%zu): the next record starts %zu "
                       "bytes into it",
                       w->length, k + 1);
            return ANNALS_E_RECORD;
        }
    }
    return 0;
}

/* After the body come two line ends.  When something else does, the
 * Content-Length was wrong: shorter than it said (see salvage_next), or
 * longer, and reading goes on at the next "WARC/" line.  Returns 1 when the record ended
 * cleanly, else ANNALS_E_RECORD with the message set. */
static int check_record_end(io_warc *w, size_t at)
{
    int r = want(w, 4);
    if (r < 0 && r != SRC_END)
        return source_failure(w, r, at, "after the record");
    size_t have = w->end - w->pos;
    const unsigned char *q = w->buf + w->pos;
    size_t eat = 0;
    if (have >= 4 && !memcmp(q, "\r\n\r\n", 4))
        eat = 4;
    else if (have >= 2 && !memcmp(q, "\n\n", 2))
        eat = 2;
    else if (have == 0 || (have == 2 && !memcmp(q, "\r\n", 2)))
        eat = have;          /* the last record, its line ends left off */
    if (eat || have == 0) {
        w->pos += eat;
        w->offset += eat;
        return 1;
    }
    int found = salvage_next(w, at);
    if (found != 0)
        return found;
    warc_error(w, at, "longer than its Content-Length (%zu)", w->length);
    w->resyncing = true;
    return ANNALS_E_RECORD;
}

static void reset_record(io_warc *w)
{
    w->id[0] = w->url[0] = w->date[0] = w->charset[0] = w->type[0] = w->ctype[0] = '\0';
    w->length = 0;
    w->has_length = false;
    core_buf_clear(&w->body);
    core_buf_clear(&w->payload);
}

/* Whether a record of this type and content type may hold a page. */
static bool wanted(const io_warc *w)
{
    if (!strcasecmp(w->type, "response"))
        return ctype_is(w->ctype, "application/http") || html_type(w->ctype) || !w->ctype[0];
    if (!strcasecmp(w->type, "resource") || !strcasecmp(w->type, "conversion"))
        return html_type(w->ctype);
    return false;
}

/* The next record header line ("WARC/1.0"), skipping blank lines (and,
 * after a bad record, everything up to it).  1 with the record's offset
 * in *at, 0 at the end, or an error. */
static int find_record(io_warc *w, size_t *at)
{
    for (;;) {
        size_t start = w->offset;
        char *line;
        size_t len;
        int r = read_line(w, &line, &len);
        if (r == LINE_END)
            return 0;
        if (r == LINE_LONG) {
            if (!w->resyncing) {
                w->id[0] = '\0';
                warc_error(w, start, "expected a WARC header, found a line longer than %d bytes",
                           WARC_MAX_LINE);
                w->resyncing = true;
                return ANNALS_E_RECORD;
            }
            continue;
        }
        if (r < 0) {
            w->id[0] = '\0';
            return source_failure(w, r, start, "looking for a record");
        }
        if (len == 0)
            continue;
        if (!strncmp(line, "WARC/", 5)) {
            w->resyncing = false;
            *at = start;
            return 1;
        }
        if (!w->resyncing) {
            w->id[0] = '\0';
            warc_error(w, start, "expected a WARC header ('WARC/1.1'), found '%.40s'", line);
            w->resyncing = true;
            return ANNALS_E_RECORD;
        }
    }
}

int io_warc_next(io_warc *w, io_warc_page *page)
{
    memset(page, 0, sizeof *page);
    w->error[0] = '\0';
    while (!w->done) {
        reset_record(w);
        size_t at = w->offset;
        int r = find_record(w, &at);
        if (r == 0)
            w->done = true;
        if (r <= 0)
            return r;
        w->record_no++;
        if ((r = read_warc_headers(w, at)) != 1)
            return r;
        bool keep = wanted(w);
        if (keep && !w->id[0]) {
            warc_error(w, at, "no WARC-Record-ID");
            keep = false;
            r = ANNALS_E_RECORD;
        }
        if (keep && w->length > w->max_body) {
            warc_error(w, at, "body of %zu bytes is over the limit of %zu; skipped", w->length,
                       w->max_body);
            keep = false;
            r = ANNALS_E_RECORD;
        }
        /* Every body within the limit is read into memory, even of a
         * record passed over, so that a wrong Content-Length can be
         * noticed and the records it swallowed recovered. */
        bool hold = w->length <= w->max_body;
        int why;
        size_t got = read_exact(w, w->length, hold ? &w->body : NULL, &why);
        if (got < w->length) {
            if (why != SRC_END && why != SRC_TRUNCATED)
                return source_failure(w, why, at, "reading the body");
            int found = hold ? salvage_next(w, at) : 0;
            if (found != 0)
                return found;
            if (why == SRC_END)
                snprintf(w->src_error, sizeof w->src_error,
                         "the file ends after %zu of its %zu bytes", got, w->length);
            return source_failure(w, SRC_TRUNCATED, at, "truncated record");
        }
        int end = check_record_end(w, at);
        if (end != 1)
            return end;
        if (r == ANNALS_E_RECORD)
            return r;
        if (!keep)
            continue;
        if (!strcasecmp(w->type, "response") && !html_type(w->ctype)) {
            r = http_payload(w, at);
            if (r == PAGE_NONE)
                continue;
            if (r != PAGE_OK)
                return r;
        } else {
            ctype_param(w->ctype, "charset", w->charset, sizeof w->charset);
            core_buf_append(&w->payload, w->body.data ? w->body.data : "", w->body.len);
            if (w->payload.failed)
                return source_failure(w, SRC_NOMEM, at, "copying the body");
        }
        if (binary(w->payload.data ? w->payload.data : "", w->payload.len)) {
            warc_error(w, at, "binary body, not an HTML page");
            return ANNALS_E_RECORD;
        }
        page->id = w->id;
        page->url = w->url[0] ? w->url : NULL;
        page->warc_date = w->date[0] ? w->date : NULL;
        page->body = w->payload.data ? w->payload.data : "";
        page->body_len = w->payload.len;
        page->charset = w->charset[0] ? w->charset : NULL;
        page->record_no = w->record_no;
        return 1;
    }
    return 0;
}

io_warc *io_warc_open(FILE *fp, const char *name, size_t max_body)
{
    io_warc *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->fp = fp;
    w->max_body = max_body ? max_body : IO_MAX_HTML;
    w->name = strdup(name);
    w->in = malloc(WARC_CHUNK);
    if (!w->name || !w->in) {
        io_warc_free(w);
        return NULL;
    }
    return w;
}

const char *io_warc_error(const io_warc *w)
{
    return w ? w->error : "";
}

size_t io_warc_offset(const io_warc *w)
{
    return w ? w->raw_offset - (w->in_len - w->in_pos) : 0;
}

void io_warc_free(io_warc *w)
{
    if (!w)
        return;
    if (w->z_ready)
        inflateEnd(&w->z);
    core_buf_free(&w->body);
    core_buf_free(&w->payload);
    free(w->in);
    free(w->buf);
    free(w->name);
    free(w);
}
