/* reader.c — files into documents: plain text, JSON lines, CoNLL-U and
 * HTML pages, each possibly gzip-compressed, and web archives (WARC, plain
 * or .warc.gz); "-" is standard input.  A bad JSON line or WARC record is
 * skipped with a message naming the file, the line or record, and why; any
 * other failure ends the reader. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/conllu.h"
#include "io/linereader.h"
#include "io/reader.h"

struct annals_reader {
    annals_input_kind kind;
    FILE *fp;
    bool own_fp;
    io_gzip *gz;             /* set when fp inflates a gzip file */
    char *name;              /* for messages and documents' origin */
    char *text_id;           /* the id of a plain-text document */
    char default_date[11];   /* "" when none */
    io_linereader lines;     /* JSONL */
    json_t *record;          /* JSONL: the record last handed out */
    io_conllu *conllu;       /* CONLLU */
    char *text;              /* TEXT: the document last handed out */
    size_t text_offset;
    size_t max_page;         /* HTML, WARC: largest page */
    io_warc *warc;           /* WARC */
    io_html_doc html;        /* HTML, WARC: the page last handed out */
    bool done;               /* at the end, or stopped by an error */
    char error[1024];
};

static _Thread_local char open_error[1024];

const char *annals_reader_open_error(void)
{
    return open_error;
}

bool io_valid_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

/* Messages go to terminals and logs: control characters in them (from a
 * record's id or a JSON error) become '?'. */
static void sanitize(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = '?';
}

static void set_error(char *dst, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_error(char *dst, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, cap, fmt, ap);
    va_end(ap);
    sanitize(dst);
}

annals_input_kind annals_input_kind_from_name(const char *name)
{
    static const struct {
        const char *name;
        annals_input_kind kind;
    } names[] = {
        {"txt", ANNALS_INPUT_TEXT},     {"text", ANNALS_INPUT_TEXT},
        {"jsonl", ANNALS_INPUT_JSONL},  {"ndjson", ANNALS_INPUT_JSONL},
        {"conllu", ANNALS_INPUT_CONLLU}, {"html", ANNALS_INPUT_HTML},
        {"htm", ANNALS_INPUT_HTML},     {"warc", ANNALS_INPUT_WARC},
    };
    if (!name)
        return ANNALS_INPUT_AUTO;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp(name, names[i].name))
            return names[i].kind;
    return ANNALS_INPUT_AUTO;
}

/* The file name of `path` without its folder (*base) and without a final
 * ".gz" (*len); returns the index in *base just after its last dot, 0
 * when it has none. */
static size_t name_parts(const char *path, const char **base, size_t *len)
{
    const char *slash = strrchr(path, '/');
    *base = slash ? slash + 1 : path;
    *len = strlen(*base);
    if (*len > 3 && !strcasecmp(*base + *len - 3, ".gz"))
        *len -= 3;
    size_t dot = *len;
    while (dot > 0 && (*base)[dot - 1] != '.')
        dot--;
    return dot;
}

/* The extension of `base` (after its last dot), ignoring a final ".gz";
 * NULL when there is none. Writes it into ext[cap]. */
static const char *extension(const char *path, char *ext, size_t cap)
{
    const char *base;
    size_t len;
    size_t dot = name_parts(path, &base, &len);
    if (dot <= 1 || len - dot >= cap)    /* no dot, or a hidden file's name */
        return NULL;
    memcpy(ext, base + dot, len - dot);
    ext[len - dot] = '\0';
    return ext;
}

annals_input_kind annals_input_kind_from_path(const char *path)
{
    char ext[16];
    if (!path || !extension(path, ext, sizeof ext))
        return ANNALS_INPUT_AUTO;
    if (!strcasecmp(ext, "text"))  /* a name, not an extension in use */
        return ANNALS_INPUT_AUTO;
    return annals_input_kind_from_name(ext);
}

/* The id of a plain-text document: the file name without its folder and
 * its extension (and without ".gz"). */
static char *text_id_of(const char *name)
{
    const char *base;
    size_t len;
    size_t dot = name_parts(name, &base, &len);
    if (dot > 1)
        len = dot - 1;
    return strndup(base, len);
}

annals_reader *io_reader_open_stream(FILE *fp, bool own, const char *name,
                                     annals_input_kind kind, const char *default_date,
                                     size_t max_line, int *err)
{
    int e = ANNALS_OK;
    annals_reader *r = NULL;
    open_error[0] = '\0';
    if (!fp || !name || kind == ANNALS_INPUT_AUTO || kind > ANNALS_INPUT_WARC) {
        set_error(open_error, sizeof open_error, "%s: no input kind given",
                  name ? name : "input");
        e = ANNALS_E_ARG;
        goto fail;
    }
    if (default_date && !io_valid_date(default_date)) {
        set_error(open_error, sizeof open_error, "'%.40s' is not a YYYY-MM-DD date",
                  default_date);
        e = ANNALS_E_ARG;
        goto fail;
    }
    r = calloc(1, sizeof *r);
    if (!r || !(r->name = strdup(name)) || !(r->text_id = text_id_of(name)))
        goto nomem;
    r->kind = kind;
    r->fp = fp;
    r->own_fp = own;
    if (default_date)
        memcpy(r->default_date, default_date, 11);
    io_linereader_init(&r->lines, fp, max_line ? max_line : IO_MAX_LINE);
    if (kind == ANNALS_INPUT_CONLLU && !(r->conllu = io_conllu_open(fp, r->name)))
        goto nomem;
    r->max_page = max_line ? max_line : IO_MAX_HTML;
    if (kind == ANNALS_INPUT_WARC && !(r->warc = io_warc_open(fp, r->name, r->max_page)))
        goto nomem;
    if (err)
        *err = ANNALS_OK;
    return r;
nomem:
    set_error(open_error, sizeof open_error, "%s: out of memory", name);
    e = ANNALS_E_NOMEM;
    if (r) {
        r->own_fp = false;
        annals_reader_free(r);
    }
fail:
    if (own && fp)
        fclose(fp);
    if (err)
        *err = e;
    return NULL;
}

annals_reader *annals_reader_open(const char *path, annals_input_kind kind,
                                  const char *default_date, int *err)
{
    open_error[0] = '\0';
    if (!path) {
        set_error(open_error, sizeof open_error, "no file name");
        if (err)
            *err = ANNALS_E_ARG;
        return NULL;
    }
    if (default_date && !io_valid_date(default_date)) {
        set_error(open_error, sizeof open_error, "'%.40s' is not a YYYY-MM-DD date",
                  default_date);
        if (err)
            *err = ANNALS_E_ARG;
        return NULL;
    }
    bool is_stdin = !strcmp(path, "-");
    if (kind == ANNALS_INPUT_AUTO)
        kind = is_stdin ? ANNALS_INPUT_AUTO : annals_input_kind_from_path(path);
    if (kind == ANNALS_INPUT_AUTO) {
        set_error(open_error, sizeof open_error,
                  "%s: cannot tell the input kind from the name", is_stdin ? "stdin" : path);
        if (err)
            *err = ANNALS_E_ARG;
        return NULL;
    }
    if (is_stdin)
        return io_reader_open_stream(stdin, false, "stdin", kind, default_date, 0, err);

    /* A WARC reader inflates gzip members itself, one by one, so that a
     * damaged member costs only its records. */
    size_t len = strlen(path);
    io_gzip *gz = NULL;
    errno = 0;
    bool gzipped = len > 3 && !strcasecmp(path + len - 3, ".gz") && kind != ANNALS_INPUT_WARC;
    FILE *fp = gzipped ? io_gzip_open(path, &gz) : fopen(path, "rb");
    if (!fp) {
        set_error(open_error, sizeof open_error, "%s: cannot open: %s", path,
                  errno ? strerror(errno) : "out of memory");
        if (err)
            *err = errno ? ANNALS_E_IO : ANNALS_E_NOMEM;
        return NULL;
    }
    annals_reader *r = io_reader_open_stream(fp, true, path, kind, default_date, 0, err);
    if (r)
        r->gz = gz;
    return r;
}

/* The message of a failed read of r->fp. */
static const char *read_failure(const annals_reader *r)
{
    return r->gz ? io_gzip_error(r->gz) : strerror(errno ? errno : EIO);
}

/* Fills the fields every kind of document shares. */
static void finish_doc(annals_reader *r, annals_document *doc, size_t line)
{
    if (!doc->date && r->default_date[0])
        doc->date = r->default_date;
    if (!doc->origin)
        doc->origin = r->name;
    if (!doc->origin_line)
        doc->origin_line = line;
}

/* Shortens a record id for a message, without cutting a UTF-8 sequence. */
static void short_id(char *dst, size_t cap, const char *id)
{
    size_t n = strlen(id);
    if (n + 1 <= cap) {
        memcpy(dst, id, n + 1);
        return;
    }
    n = cap - 4;
    while (n > 0 && ((unsigned char)id[n] & 0xC0) == 0x80)
        n--;
    memcpy(dst, id, n);
    memcpy(dst + n, "...", 4);
}

static int next_jsonl(annals_reader *r, annals_document *doc)
{
    for (;;) {
        char *line;
        size_t len;
        int rc = io_linereader_next(&r->lines, &line, &len);
        if (rc == IO_LINE_END) {
            r->done = true;
            return 0;
        }
        if (rc == IO_LINE_TOO_LONG) {
            set_error(r->error, sizeof r->error, "%s:%zu: line longer than %zu bytes", r->name,
                      r->lines.line_no, r->lines.max_line);
            return ANNALS_E_RECORD;
        }
        if (rc == IO_LINE_ERROR || rc == IO_LINE_NOMEM) {
            r->done = true;
            set_error(r->error, sizeof r->error, "%s: %s after line %zu", r->name,
                      rc == IO_LINE_NOMEM ? "out of memory" : read_failure(r),
                      r->lines.line_no);
            return rc == IO_LINE_NOMEM ? ANNALS_E_NOMEM : ANNALS_E_IO;
        }
        io_jsonl_doc d;
        char why[512];
        int kind = io_jsonl_parse(line, len, &d, why, sizeof why);
        if (kind == IO_JSONL_BLANK)
            continue;
        if (kind == IO_JSONL_BAD) {
            if (d.id) {
                char id[96];
                short_id(id, sizeof id, d.id);
                set_error(r->error, sizeof r->error, "%s:%zu: record '%s': %s", r->name,
                          r->lines.line_no, id, why);
            } else {
                set_error(r->error, sizeof r->error, "%s:%zu: %s", r->name, r->lines.line_no,
                          why);
            }
            json_decref(d.root);
            return ANNALS_E_RECORD;
        }
        r->record = d.root;
        doc->id = d.id;
        doc->text = d.text;
        doc->text_len = d.text_len;
        doc->date = d.date;
        doc->title = d.title;
        doc->url = d.url;
        doc->publisher = d.publisher;
        doc->invalid_utf8 = d.invalid;
        finish_doc(r, doc, r->lines.line_no);
        return 1;
    }
}

/* The whole stream as one document. */
static int next_text(annals_reader *r, annals_document *doc)
{
    r->done = true;
    size_t cap = 64 * 1024, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (cap - len < 2) {
            if (cap > IO_MAX_TEXT) {
                free(buf);
                set_error(r->error, sizeof r->error, "%s: larger than %zu bytes", r->name,
                          (size_t)IO_MAX_TEXT);
                return ANNALS_E_LIMIT;
            }
            char *p = realloc(buf, cap * 2);
            if (!p)
                break;
            buf = p;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, r->fp);
        len += n;
        if (n > 0)
            continue;
        if (ferror(r->fp)) {
            free(buf);
            set_error(r->error, sizeof r->error, "%s: %s", r->name, read_failure(r));
            return ANNALS_E_IO;
        }
        buf[len] = '\0';
        r->text = buf;
        r->text_offset = len;
        doc->id = r->text_id;
        doc->text = buf;
        doc->text_len = len;
        finish_doc(r, doc, 0);
        return 1;
    }
    free(buf);
    set_error(r->error, sizeof r->error, "%s: out of memory", r->name);
    return ANNALS_E_NOMEM;
}

static int next_conllu(annals_reader *r, annals_document *doc)
{
    int rc = io_conllu_next(r->conllu, doc);
    if (rc == 1) {
        finish_doc(r, doc, 0);
        return 1;
    }
    if (rc == 0) {
        r->done = true;
        return 0;
    }
    set_error(r->error, sizeof r->error, "%s", io_conllu_error(r->conllu));
    if (rc != ANNALS_E_RECORD)
        r->done = true;
    return rc;
}

/* Reads the whole stream, up to `max` bytes, into a malloc'd buffer.
 * ANNALS_OK, ANNALS_E_LIMIT, ANNALS_E_IO or ANNALS_E_NOMEM (message set). */
static int slurp(annals_reader *r, size_t max, char **out, size_t *out_len)
{
    size_t cap = 64 * 1024, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            set_error(r->error, sizeof r->error, "%s: out of memory", r->name);
            return ANNALS_E_NOMEM;
        }
        if (len > max) {
            free(buf);
            set_error(r->error, sizeof r->error, "%s: larger than %zu bytes; skipped", r->name,
                      max);
            return ANNALS_E_LIMIT;
        }
        if (len == cap) {
            /* Never more than max + 1 bytes: one past the limit tells. */
            size_t grown = cap * 2 < max + 1 ? cap * 2 : max + 1;
            char *p = realloc(buf, grown);
            if (!p)
                free(buf);
            buf = p;
            cap = grown;
            continue;
        }
        size_t n = fread(buf + len, 1, cap - len, r->fp);
        len += n;
        r->text_offset += n;
        if (n > 0)
            continue;
        if (ferror(r->fp)) {
            free(buf);
            set_error(r->error, sizeof r->error, "%s: %s", r->name, read_failure(r));
            return ANNALS_E_IO;
        }
        *out = buf;
        *out_len = len;
        return ANNALS_OK;
    }
}

/* Hands out the page in r->html as a document. */
static void html_doc(annals_reader *r, annals_document *doc, const char *id, const char *url,
                     const char *fallback_date)
{
    doc->id = id;
    doc->text = r->html.text;
    doc->text_len = r->html.text_len;
    doc->title = r->html.title;
    doc->url = url ? url : r->html.url;
    doc->publisher = r->html.publisher;
    doc->date = r->html.date[0] ? r->html.date : fallback_date;
}

/* The whole stream is one page. */
static int next_html(annals_reader *r, annals_document *doc)
{
    r->done = true;
    char *bytes;
    size_t len;
    int rc = slurp(r, r->max_page, &bytes, &len);
    if (rc != ANNALS_OK)
        return rc;
    rc = io_html_extract(bytes, len, NULL, NULL, &r->html);
    free(bytes);
    if (rc != ANNALS_OK) {
        set_error(r->error, sizeof r->error, "%s: %s", r->name,
                  rc == ANNALS_E_NOMEM ? "out of memory" : "page too large");
        return rc;
    }
    html_doc(r, doc, r->text_id, NULL, NULL);
    finish_doc(r, doc, 0);
    return 1;
}

/* The next HTML page of a web archive. */
static int next_warc(annals_reader *r, annals_document *doc)
{
    io_warc_page page;
    int rc = io_warc_next(r->warc, &page);
    if (rc <= 0) {
        set_error(r->error, sizeof r->error, "%s", io_warc_error(r->warc));
        if (rc != ANNALS_E_RECORD)
            r->done = true;
        return rc;
    }
    rc = io_html_extract(page.body, page.body_len, page.charset, page.url, &r->html);
    if (rc != ANNALS_OK) {
        set_error(r->error, sizeof r->error, "%s: record %zu <%s>: out of memory", r->name,
                  page.record_no, page.id);
        r->done = true;
        return rc;
    }
    html_doc(r, doc, page.id, page.url, page.warc_date);
    finish_doc(r, doc, page.record_no);
    return 1;
}

int annals_reader_next(annals_reader *r, annals_document *doc)
{
    if (!r || !doc)
        return ANNALS_E_ARG;
    memset(doc, 0, sizeof *doc);
    json_decref(r->record);
    r->record = NULL;
    free(r->text);
    r->text = NULL;
    io_html_doc_free(&r->html);
    r->error[0] = '\0';
    if (r->done)
        return 0;
    switch (r->kind) {
    case ANNALS_INPUT_JSONL: return next_jsonl(r, doc);
    case ANNALS_INPUT_TEXT: return next_text(r, doc);
    case ANNALS_INPUT_CONLLU: return next_conllu(r, doc);
    case ANNALS_INPUT_HTML: return next_html(r, doc);
    case ANNALS_INPUT_WARC: return next_warc(r, doc);
    default: return 0;
    }
}

const char *annals_reader_error(const annals_reader *r)
{
    return r ? r->error : "";
}

size_t annals_reader_offset(const annals_reader *r)
{
    if (!r)
        return 0;
    switch (r->kind) {
    case ANNALS_INPUT_JSONL: return r->lines.offset;
    case ANNALS_INPUT_CONLLU: return io_conllu_offset(r->conllu);
    case ANNALS_INPUT_WARC: return io_warc_offset(r->warc);
    default: return r->text_offset;
    }
}

void annals_reader_free(annals_reader *r)
{
    if (!r)
        return;
    json_decref(r->record);
    free(r->text);
    io_conllu_free(r->conllu);
    io_warc_free(r->warc);
    io_html_doc_free(&r->html);
    io_linereader_free(&r->lines);
    if (r->own_fp && r->fp)
        fclose(r->fp);
    free(r->name);
    free(r->text_id);
    free(r);
}
