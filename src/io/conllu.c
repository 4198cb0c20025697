/* conllu.c — CoNLL-U in and out (see conllu.h).
 *
 * The reader collects the lines of one sentence block (up to a blank line)
 * in a malloc'd buffer and parses the block as a whole.  Working block by
 * block makes the two awkward cases simple: a malformed sentence is
 * dropped as a unit, and a block that opens a new document ("# newdoc")
 * can be held back while the finished document is handed out. */
#include "io/conllu.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/upos.h"
#include "text/segment.h"
#include "text/utf8.h"

/* A CoNLL-U line longer than this is certainly not a sentence of news. */
#define IO_CONLLU_MAX_LINE (64u * 1024u)
/* Nor is a sentence block of more than this many bytes. */
#define IO_CONLLU_MAX_BLOCK (4u * 1024u * 1024u)
#define IO_CONLLU_READ_CHUNK 65536u

struct io_conllu {
    FILE *fp;
    char *name;
    char *base;              /* name without folders and extension, for ids */
    /* input buffering */
    char *in;
    size_t in_len, in_pos;
    bool eof;
    size_t offset;           /* bytes consumed */
    size_t line;             /* number of the last line read */
    /* the pending sentence block */
    core_buf block;
    size_t block_line;       /* line number of its first line */
    bool block_bad;          /* a line of it was too long or held a NUL */
    size_t bad_line;
    bool block_ready;        /* a complete block waits to be parsed */
    /* the document being built */
    core_arena arena;
    text_sentences sents;
    core_buf text;
    char *doc_id;            /* malloc'd: survives the arena reset */
    size_t doc_line;
    size_t n_docs;
    bool returned;           /* the arena holds a document handed out */
    /* scratch for one sentence */
    annals_word *words;
    size_t words_cap;
    char error[512];
};

static void io_set_error(io_conllu *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void io_set_error(io_conllu *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error, sizeof r->error, fmt, ap);
    va_end(ap);
}

io_conllu *io_conllu_open(FILE *fp, const char *name)
{
    io_conllu *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->fp = fp;
    r->name = strdup(name ? name : "-");
    r->in = malloc(IO_CONLLU_READ_CHUNK);
    if (!r->name || !r->in) {
        free(r->name);
        free(r->in);
        free(r);
        return NULL;
    }
    const char *slash = strrchr(r->name, '/');
    r->base = strdup(slash ? slash + 1 : r->name);
    if (!r->base) {
        io_conllu_free(r);
        return NULL;
    }
    char *dot = strrchr(r->base, '.');
    if (dot && dot != r->base)
        *dot = '\0';
    core_arena_init(&r->arena, 64 * 1024);
    return r;
}

void io_conllu_free(io_conllu *r)
{
    if (!r)
        return;
    free(r->name);
    free(r->base);
    free(r->in);
    free(r->doc_id);
    free(r->words);
    core_buf_free(&r->block);
    core_buf_free(&r->text);
    text_sentences_free(&r->sents);
    core_arena_destroy(&r->arena);
    free(r);
}

const char *io_conllu_error(const io_conllu *r)
{
    return r ? r->error : "";
}

size_t io_conllu_offset(const io_conllu *r)
{
    return r ? r->offset : 0;
}

/* ---- line input ---------------------------------------------------- */

/* Refills the input buffer; false at the end of input or on an error. */
static bool io_fill(io_conllu *r)
{
    if (r->eof)
        return false;
    r->in_len = fread(r->in, 1, IO_CONLLU_READ_CHUNK, r->fp);
    r->in_pos = 0;
    if (r->in_len == 0)
        r->eof = true;
    return r->in_len > 0;
}

/* Reads one line into the block buffer (without its newline), or only
 * counts it when it is too long.  Returns 1 with `start` and `len` set to the
 * line in the block, 0 at the end of input, ANNALS_E_IO on a read error,
 * ANNALS_E_NOMEM. */
static int io_read_line(io_conllu *r, size_t *start, size_t *len, bool *too_long)
{
    size_t begin = r->block.len, n = 0;
    bool any = false;
    *too_long = false;
    for (;;) {
        if (r->in_pos == r->in_len && !io_fill(r)) {
            if (ferror(r->fp)) {
                io_set_error(r, "%s: read error: %s", r->name, strerror(errno));
                return ANNALS_E_IO;
            }
            break;
        }
        any = true;
        const char *p = r->in + r->in_pos;
        size_t avail = r->in_len - r->in_pos;
        const char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        if (!*too_long && n + take <= IO_CONLLU_MAX_LINE) {
            core_buf_append(&r->block, p, take);
            if (r->block.failed)
                return ANNALS_E_NOMEM;
        } else if (!*too_long) {
            *too_long = true;
            r->block.len = begin; /* drop what was kept of it */
        }
        n += take;
        r->in_pos += take + (nl ? 1 : 0);
        r->offset += take + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (!any)
        return 0;
    r->line++;
    *start = begin;
    *len = *too_long ? 0 : r->block.len - begin;
    if (*len && r->block.data[begin + *len - 1] == '\r')
        (*len)--;
    r->block.len = begin + *len;
    return 1;
}

static bool io_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* Collects the next sentence block: its lines, each ending in '\n', in
 * r->block.  Returns 1 when a block is ready, 0 at the end of input, or a
 * negative error. */
static int io_read_block(io_conllu *r)
{
    core_buf_clear(&r->block);
    r->block_bad = false;
    r->block_line = 0;
    for (;;) {
        size_t start, len;
        bool too_long;
        int rc = io_read_line(r, &start, &len, &too_long);
        if (rc < 0)
            return rc;
        if (rc == 0)
            return r->block.len > 0 || r->block_bad ? 1 : 0;
        const char *s = r->block.data ? r->block.data + start : "";
        bool blank = !too_long && io_blank(s, len);
        if (blank) {
            r->block.len = start;
            if (r->block.len > 0 || r->block_bad)
                return 1;
            continue;
        }
        if (!r->block_line)
            r->block_line = r->line;
        if (!r->block_bad && (too_long || memchr(s, '\0', len))) {
            r->block_bad = true;
            r->bad_line = r->line;
            io_set_error(r, "%s:%zu: %s; sentence skipped", r->name, r->line,
                         too_long ? "line too long" : "NUL byte in line");
        }
        if (r->block.len > IO_CONLLU_MAX_BLOCK && !r->block_bad) {
            r->block_bad = true;
            r->bad_line = r->line;
            io_set_error(r, "%s:%zu: sentence longer than %u bytes; skipped", r->name,
                         r->line, IO_CONLLU_MAX_BLOCK);
        }
        if (r->block_bad)
            r->block.len = 0; /* keep no more of it */
        else
            core_buf_putc(&r->block, '\n');
        if (r->block.failed)
            return ANNALS_E_NOMEM;
    }
}

/* ---- parsing one block ------------------------------------------------ */

typedef struct io_token {
    size_t first, last;      /* words (0-based) it covers */
    const char *form;        /* surface form */
    size_t form_len;
    bool no_space;
    bool mwt;
} io_token;

typedef struct io_block {
    const char *sent_id;     /* in the arena, or NULL */
    const char *text;        /* "# text", not NUL-terminated */
    size_t text_len;
    bool newdoc, newpar;
    char *newdoc_id;         /* malloc'd */
} io_block;

/* Value of a "# key = value" comment, or NULL when the line is not that key. */
static const char *io_comment_value(const char *line, size_t len, const char *key,
                                    size_t *vlen)
{
    size_t i = 1;
    while (i < len && line[i] == ' ')
        i++;
    size_t k = strlen(key);
    if (len - i < k || memcmp(line + i, key, k))
        return NULL;
    i += k;
    if (i < len && line[i] != ' ' && line[i] != '=' && line[i] != '\t')
        return NULL;
    while (i < len && line[i] == ' ')
        i++;
    /* "# newdoc id = X": the id of a document or paragraph. */
    if (key[0] == 'n' && len - i >= 2 && !memcmp(line + i, "id", 2) &&
        (len - i == 2 || line[i + 2] == ' ' || line[i + 2] == '='))
        i += 2;
    while (i < len && line[i] == ' ')
        i++;
    if (i < len && line[i] == '=') {
        i++;
        while (i < len && line[i] == ' ')
            i++;
    }
    size_t e = len;
    while (e > i && (line[e - 1] == ' ' || line[e - 1] == '\t'))
        e--;
    *vlen = e - i;
    return line + i;
}

/* Parses a non-negative decimal number filling s[0..n) exactly. */
static bool io_parse_uint(const char *s, size_t n, size_t *out)
{
    if (n == 0 || n > 9)
        return false;
    size_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (size_t)(s[i] - '0');
    }
    *out = v;
    return true;
}

static bool io_is_underscore(const char *s, size_t n)
{
    return n == 1 && s[0] == '_';
}

static const char *io_column(io_conllu *r, const char *s, size_t n)
{
    return io_is_underscore(s, n) ? NULL : core_arena_strndup(&r->arena, s, n);
}

static bool io_misc_no_space(const char *s, size_t n)
{
    static const char key[] = "SpaceAfter=No";
    size_t k = sizeof key - 1;
    for (size_t i = 0; i + k <= n; i++)
        if ((i == 0 || s[i - 1] == '|') && !memcmp(s + i, key, k) &&
            (i + k == n || s[i + k] == '|'))
            return true;
    return false;
}

static bool io_grow_words(io_conllu *r, size_t need)
{
    if (need <= r->words_cap)
        return true;
    size_t cap = r->words_cap ? r->words_cap * 2 : 128;
    while (cap < need)
        cap *= 2;
    annals_word *w = realloc(r->words, cap * sizeof *w);
    if (!w)
        return false;
    r->words = w;
    r->words_cap = cap;
    return true;
}

/* Error codes inside block parsing: a bad line sets the message and
 * returns ANNALS_E_RECORD. */
#define IO_BAD(r, line, ...)                                                   \
    do {                                                                       \
        char why_[256];                                                        \
        snprintf(why_, sizeof why_, __VA_ARGS__);                              \
        io_set_error(r, "%s:%zu: %s; sentence skipped", (r)->name, line, why_); \
        return ANNALS_E_RECORD;                                                \
    } while (0)

/* Parses one token line (10 tab-separated columns).  Appends a word or
 * opens a multiword token in `tok`. */
static int io_parse_token_line(io_conllu *r, const char *s, size_t len, size_t lineno,
                               size_t *n_words, io_token **toks, size_t *n_toks,
                               size_t *toks_cap, size_t *mwt_end)
{
    const char *col[10];
    size_t clen[10];
    size_t nc = 0, b = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || s[i] == '\t') {
            if (nc == 10)
                IO_BAD(r, lineno, "more than 10 columns");
            col[nc] = s + b;
            clen[nc] = i - b;
            nc++;
            b = i + 1;
        }
    }
    if (nc != 10)
        IO_BAD(r, lineno, "%zu columns instead of 10", nc);
    if (clen[1] == 0)
        IO_BAD(r, lineno, "empty FORM");
    const char *dash = memchr(col[0], '-', clen[0]);
    if (memchr(col[0], '.', clen[0]))
        return ANNALS_OK; /* an empty node of enhanced dependencies: not a word */
    if (*n_toks == *toks_cap) {
        size_t cap = *toks_cap ? *toks_cap * 2 : 64;
        io_token *t = realloc(*toks, cap * sizeof *t);
        if (!t)
            return ANNALS_E_NOMEM;
        *toks = t;
        *toks_cap = cap;
    }
    io_token *t = &(*toks)[*n_toks];
    *t = (io_token){.form = col[1], .form_len = clen[1],
                    .no_space = io_misc_no_space(col[9], clen[9])};
    if (dash) {
        size_t a, e;
        if (!io_parse_uint(col[0], (size_t)(dash - col[0]), &a) ||
            !io_parse_uint(dash + 1, clen[0] - (size_t)(dash - col[0]) - 1, &e))
            IO_BAD(r, lineno, "bad ID '%.*s'", (int)(clen[0] > 40 ? 40 : clen[0]), col[0]);
        if (a != *n_words + 1 || e <= a)
            IO_BAD(r, lineno, "multiword token range %zu-%zu out of order", a, e);
        t->first = a - 1;
        t->last = e - 1;
        t->mwt = true;
        *mwt_end = e;
        (*n_toks)++;
        return ANNALS_OK;
    }
    size_t id;
    if (!io_parse_uint(col[0], clen[0], &id))
        IO_BAD(r, lineno, "bad ID '%.*s'", (int)(clen[0] > 40 ? 40 : clen[0]), col[0]);
    if (id != *n_words + 1)
        IO_BAD(r, lineno, "word ID %zu where %zu was expected", id, *n_words + 1);
    if (!io_grow_words(r, *n_words + 1))
        return ANNALS_E_NOMEM;
    annals_word *w = &r->words[*n_words];
    *w = (annals_word){.head = -1};
    w->form = core_arena_strndup(&r->arena, col[1], clen[1]);
    w->lemma = io_column(r, col[2], clen[2]);
    w->upos = core_upos_from_span(col[3], clen[3]);
    if (w->upos == ANNALS_UPOS_NONE && !io_is_underscore(col[3], clen[3]))
        IO_BAD(r, lineno, "unknown UPOS '%.*s'", (int)(clen[3] > 20 ? 20 : clen[3]), col[3]);
    w->xpos = io_column(r, col[4], clen[4]);
    w->feats = io_column(r, col[5], clen[5]);
    if (!io_is_underscore(col[6], clen[6])) {
        size_t h;
        if (!io_parse_uint(col[6], clen[6], &h))
            IO_BAD(r, lineno, "bad HEAD '%.*s'", (int)(clen[6] > 20 ? 20 : clen[6]), col[6]);
        w->head = (int)h;
    }
    w->deprel = io_column(r, col[7], clen[7]);
    if (!w->form)
        return ANNALS_E_NOMEM;
    (*n_words)++;
    if (id <= *mwt_end && *n_toks > 0 && (*toks)[*n_toks - 1].mwt) {
        /* A word inside a multiword token: the range line made the token. */
        return ANNALS_OK;
    }
    t->first = t->last = id - 1;
    (*n_toks)++;
    return ANNALS_OK;
}

/* Places the tokens in the sentence text: the "# text" when every token
 * is found in it in order, else the forms joined as SpaceAfter says.
 * Fills tokens' offsets (relative to the sentence) in `off`. */
static int io_layout(const io_block *blk, io_token *toks, size_t n_toks,
                     size_t *off, core_buf *out)
{
    if (blk->text) {
        size_t p = 0;
        bool ok = true;
        for (size_t i = 0; i < n_toks && ok; i++) {
            while (p < blk->text_len && (blk->text[p] == ' ' || blk->text[p] == '\t'))
                p++;
            if (blk->text_len - p < toks[i].form_len ||
                memcmp(blk->text + p, toks[i].form, toks[i].form_len))
                ok = false;
            off[i] = p;
            p += toks[i].form_len;
        }
        if (ok) {
            core_buf_append(out, blk->text, blk->text_len);
            return out->failed ? ANNALS_E_NOMEM : ANNALS_OK;
        }
    }
    size_t base = out->len;
    for (size_t i = 0; i < n_toks; i++) {
        off[i] = out->len - base;
        core_buf_append(out, toks[i].form, toks[i].form_len);
        if (i + 1 < n_toks && !toks[i].no_space)
            core_buf_putc(out, ' ');
    }
    return out->failed ? ANNALS_E_NOMEM : ANNALS_OK;
}

/* Gives the words of a multiword token their spans: pieces of the surface
 * when the word forms spell it ("Google" + "'s"), else the first word takes
 * the whole token and the others an empty span at its end. */
static void io_mwt_spans(annals_word *w, size_t first, size_t last, size_t start,
                         const char *surface, size_t slen)
{
    size_t p = 0;
    bool spell = true;
    for (size_t k = first; k <= last && spell; k++) {
        size_t fl = strlen(w[k].form);
        if (slen - p < fl || memcmp(surface + p, w[k].form, fl))
            spell = false;
        p += fl;
    }
    spell = spell && p == slen;
    p = 0;
    for (size_t k = first; k <= last; k++) {
        size_t fl = strlen(w[k].form);
        if (spell) {
            w[k].start = start + p;
            w[k].end = start + p + fl;
            p += fl;
        } else {
            w[k].start = k == first ? start : start + slen;
            w[k].end = start + slen;
        }
        w[k].flags |= k == first ? ANNALS_WORD_MWT_BEGIN : ANNALS_WORD_MWT_INSIDE;
    }
}

/* Parses the block in r->block and appends its sentence to the document.
 * Returns ANNALS_OK, ANNALS_E_RECORD (message set), ANNALS_E_NOMEM. */
static int io_parse_block(io_conllu *r, io_block *blk, bool only_header)
{
    const char *p = r->block.data ? r->block.data : "";
    const char *end = p + r->block.len;
    size_t lineno = r->block_line;
    size_t n_words = 0, n_toks = 0, toks_cap = 0, mwt_end = 0;
    io_token *toks = NULL;
    int rc = ANNALS_OK;
    *blk = (io_block){0};
    for (; p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)(nl - p);
        if (p[0] == '#') {
            size_t vl;
            const char *v;
            if (n_toks) {
                io_set_error(r, "%s:%zu: comment after the words; sentence skipped",
                             r->name, lineno);
                rc = ANNALS_E_RECORD;
                break;
            }
            if ((v = io_comment_value(p, len, "newdoc", &vl))) {
                blk->newdoc = true;
                free(blk->newdoc_id);
                blk->newdoc_id = vl ? strndup(v, vl) : NULL;
                if (vl && !blk->newdoc_id) {
                    rc = ANNALS_E_NOMEM;
                    break;
                }
            } else if (io_comment_value(p, len, "newpar", &vl)) {
                blk->newpar = true;
            } else if ((v = io_comment_value(p, len, "sent_id", &vl))) {
                blk->sent_id = vl ? core_arena_strndup(&r->arena, v, vl) : NULL;
            } else if ((v = io_comment_value(p, len, "text", &vl))) {
                blk->text = v;
                blk->text_len = vl;
            }
        } else if (!only_header) {
            rc = io_parse_token_line(r, p, len, lineno, &n_words, &toks, &n_toks, &toks_cap,
                                     &mwt_end);
            if (rc)
                break;
        }
        p = nl + 1;
    }
    if (only_header || rc) {
        free(toks);
        return rc;
    }
    if (mwt_end > n_words) {
        free(toks);
        IO_BAD(r, r->block_line, "multiword token runs past the last word");
    }
    if (n_words == 0) {
        free(toks);
        IO_BAD(r, r->block_line, "sentence without words");
    }
    for (size_t i = 0; i < n_words; i++)
        if (r->words[i].head > (int)n_words) {
            free(toks);
            IO_BAD(r, r->block_line, "HEAD %d of word %zu beyond the sentence",
                   r->words[i].head, i + 1);
        }

    size_t *off = malloc(n_toks * sizeof *off);
    if (!off) {
        free(toks);
        return ANNALS_E_NOMEM;
    }
    /* Separator from the previous sentence: a blank line between
     * paragraphs, one space within one (the CoNLL 2018 raw text). */
    if (r->text.len)
        core_buf_puts(&r->text, blk->newpar ? "\n\n" : " ");
    size_t sstart = r->text.len;
    rc = io_layout(blk, toks, n_toks, off, &r->text);
    if (rc)
        goto done;
    const char *stext = r->text.data;
    for (size_t i = 0; i < n_toks; i++) {
        io_token *t = &toks[i];
        size_t ts = sstart + off[i];
        if (t->mwt) {
            io_mwt_spans(r->words, t->first, t->last, ts, stext + ts, t->form_len);
        } else {
            r->words[t->first].start = ts;
            r->words[t->first].end = ts + t->form_len;
        }
        if (t->no_space)
            r->words[t->last].flags |= ANNALS_WORD_NO_SPACE_AFTER;
    }
    annals_sentence *s = text_sentences_push(&r->sents);
    annals_word *words = core_arena_alloc(&r->arena, n_words * sizeof *words);
    char *text = core_arena_strndup(&r->arena, stext + sstart, r->text.len - sstart);
    if (!s || !words || !text) {
        rc = ANNALS_E_NOMEM;
        goto done;
    }
    memcpy(words, r->words, n_words * sizeof *words);
    s->start = sstart;
    s->end = r->text.len;
    s->text = text;
    s->id = blk->sent_id;
    s->words = words;
    s->n_words = n_words;
    s->kind = ANNALS_SENT_BODY;
done:
    free(off);
    free(toks);
    return rc;
}

/* ---- documents ------------------------------------------------------- */

static void io_begin_document(io_conllu *r)
{
    core_arena_reset(&r->arena);
    r->sents.n = 0;
    core_buf_clear(&r->text);
    free(r->doc_id);
    r->doc_id = NULL;
    r->doc_line = 0;
    r->returned = false;
}

static int io_finish_document(io_conllu *r, annals_document *doc)
{
    r->n_docs++;
    const char *id = r->doc_id ? r->doc_id
                               : core_arena_printf(&r->arena, "%s-%zu", r->base, r->n_docs);
    if (!id)
        return ANNALS_E_NOMEM;
    *doc = (annals_document){0};
    doc->id = id;
    doc->text = r->text.data ? r->text.data : "";
    doc->text_len = r->text.len;
    doc->sentences = r->sents.v;
    doc->n_sentences = r->sents.n;
    doc->origin = r->name;
    doc->origin_line = r->doc_line;
    r->returned = true;
    return 1;
}

int io_conllu_next(io_conllu *r, annals_document *doc)
{
    if (!r || !doc)
        return ANNALS_E_ARG;
    if (r->returned)
        io_begin_document(r);
    r->error[0] = '\0';
    for (;;) {
        if (!r->block_ready) {
            int rc = io_read_block(r);
            if (rc < 0)
                return rc;
            if (rc == 0)
                return r->sents.n ? io_finish_document(r, doc) : 0;
            r->block_ready = true;
        }
        if (r->block_bad) {
            r->block_ready = false;
            return ANNALS_E_RECORD;
        }
        io_block blk;
        int rc = io_parse_block(r, &blk, true);
        if (rc == ANNALS_E_NOMEM)
            return rc;
        /* A new document begins here: hand out the finished one first. */
        bool starts_doc = rc == ANNALS_OK && blk.newdoc;
        if (r->sents.n && (starts_doc || r->sents.n >= IO_CONLLU_MAX_DOC_SENTENCES)) {
            free(blk.newdoc_id);
            return io_finish_document(r, doc);
        }
        if (starts_doc) {
            free(r->doc_id);
            r->doc_id = blk.newdoc_id;
            blk.newdoc_id = NULL;
        }
        free(blk.newdoc_id);
        r->block_ready = false;
        if (rc == ANNALS_OK)
            rc = io_parse_block(r, &blk, false);
        free(blk.newdoc_id);
        if (rc == ANNALS_E_RECORD || rc == ANNALS_E_NOMEM)
            return rc;
        if (!r->doc_line)
            r->doc_line = r->block_line;
    }
}

/* ---- writing --------------------------------------------------------- */

/* Writes s[0..n) with tabs and line breaks as spaces, so that a value
 * never breaks the columns; "_" when empty. */
static void io_put_field(FILE *out, const char *s, size_t n)
{
    if (!s || n == 0) {
        fputc('_', out);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, out);
    }
}

static void io_put_str(FILE *out, const char *s)
{
    io_put_field(out, s, s ? strlen(s) : 0);
}

/* Surface text of the multiword token made of words[a..b]: the document
 * text of their span, normalised; the forms joined when the span holds
 * nothing usable. */
static const char *io_mwt_surface(core_arena *a, const annals_document *doc,
                                  const annals_sentence *s, size_t first, size_t last)
{
    const char *text = s->kind == ANNALS_SENT_TITLE ? doc->title : doc->text;
    size_t tlen = s->kind == ANNALS_SENT_TITLE ? (doc->title ? strlen(doc->title) : 0)
                                               : doc->text_len;
    size_t st = s->words[first].start, en = s->words[last].end;
    if (text && st < en && en <= tlen) {
        bool space = false;
        for (size_t i = st; i < en; i++)
            space |= text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
        if (!space)
            return text_normalize(a, text + st, en - st);
    }
    core_buf b = CORE_BUF_INIT;
    for (size_t k = first; k <= last; k++)
        core_buf_puts(&b, s->words[k].form ? s->words[k].form : "");
    const char *r = b.failed ? NULL : core_arena_strndup(a, b.data ? b.data : "", b.len);
    core_buf_free(&b);
    return r;
}

static void io_write_word(FILE *out, size_t id, const annals_word *w, bool misc_here)
{
    fprintf(out, "%zu\t", id);
    io_put_str(out, w->form);
    fputc('\t', out);
    io_put_str(out, w->lemma);
    fprintf(out, "\t%s\t", annals_upos_name(w->upos));
    io_put_str(out, w->xpos);
    fputc('\t', out);
    io_put_str(out, w->feats);
    if (w->head >= 0)
        fprintf(out, "\t%d\t", w->head);
    else
        fputs("\t_\t", out);
    io_put_str(out, w->deprel);
    fputs("\t_\t", out);
    fputs(misc_here && (w->flags & ANNALS_WORD_NO_SPACE_AFTER) ? "SpaceAfter=No" : "_", out);
    fputc('\n', out);
}

int io_conllu_write(FILE *out, const annals_document *doc, const annals_sentence *sentences,
                    size_t n)
{
    if (!out || !doc)
        return ANNALS_E_ARG;
    core_arena a;
    core_arena_init(&a, 4096);
    int rc = ANNALS_OK;
    for (size_t i = 0; i < n && rc == ANNALS_OK; i++) {
        const annals_sentence *s = &sentences[i];
        fputs("# sent_id = ", out);
        if (s->id)
            io_put_str(out, s->id);
        else
            fprintf(out, "%s-%zu", doc->id ? doc->id : "doc", i + 1);
        fputs("\n# text = ", out);
        io_put_field(out, s->text, s->text ? strlen(s->text) : 0);
        fputc('\n', out);
        for (size_t k = 0; k < s->n_words; k++) {
            const annals_word *w = &s->words[k];
            if (w->flags & ANNALS_WORD_MWT_BEGIN) {
                size_t last = k;
                while (last + 1 < s->n_words && (s->words[last + 1].flags & ANNALS_WORD_MWT_INSIDE))
                    last++;
                if (last > k) {
                    const char *surface = io_mwt_surface(&a, doc, s, k, last);
                    if (!surface) {
                        rc = ANNALS_E_NOMEM;
                        break;
                    }
                    fprintf(out, "%zu-%zu\t", k + 1, last + 1);
                    io_put_str(out, surface);
                    fputs("\t_\t_\t_\t_\t_\t_\t_\t", out);
                    fputs(s->words[last].flags & ANNALS_WORD_NO_SPACE_AFTER ? "SpaceAfter=No"
                                                                             : "_",
                          out);
                    fputc('\n', out);
                    for (size_t j = k; j <= last; j++)
                        io_write_word(out, j + 1, &s->words[j], false);
                    k = last;
                    continue;
                }
            }
            io_write_word(out, k + 1, w, true);
        }
        fputc('\n', out);
    }
    core_arena_destroy(&a);
    if (rc == ANNALS_OK && ferror(out))
        rc = ANNALS_E_IO;
    return rc;
}
