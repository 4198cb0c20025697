/* pg_text.c — the full-text values of the PostgreSQL store.
 *
 * A text filter must find the same sentences in both back ends, so the
 * words are not left to PostgreSQL's parser and dictionaries (which read
 * "U.S." as one host name and keep diacritics): they are cut here the way
 * SQLite's FTS5 unicode61 tokenizer cuts them, and the tsvector of a
 * sentence and the tsquery of a filter are written as literals of those
 * lexemes.  A literal is a bound value that PostgreSQL parses as a
 * tsvector or tsquery, never as SQL; every lexeme in it is quoted, so no
 * word the user typed is read as query syntax (&, |, !, <->, :*). */
#include <string.h>
#include <utf8proc.h>

#include "store/pg.h"

/* PostgreSQL's limits: a lexeme under 2 KiB, positions up to 16383 (higher
 * ones are stored as 16383), a tsvector under 1 MiB. */
#define PG_TEXT_MAX_LEXEME 2046
#define PG_TEXT_MAX_TOKENS 65536

/* What a code point is to the tokenizer. */
typedef enum { TOK_SEPARATOR, TOK_CHAR, TOK_DROPPED } tok_class;

/* unicode61's classes: letters, numbers and private-use characters make
 * words; combining diacritics (U+0300-U+036F) belong to the word and are
 * removed; other non-spacing marks stay; everything else separates. */
static tok_class tok_classify(utf8proc_int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    if ((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
        (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) || c == UTF8PROC_CATEGORY_CO)
        return TOK_CHAR;
    if (c == UTF8PROC_CATEGORY_MN)
        return cp >= 0x300 && cp <= 0x36F ? TOK_DROPPED : TOK_CHAR;
    return TOK_SEPARATOR;
}

/* Lower case, and a Latin letter with one diacritic becomes its base
 * letter ("é" e, "ő" o; "ệ", with two, stays), as unicode61 folds. */
static utf8proc_int32_t tok_fold(utf8proc_int32_t cp)
{
    cp = utf8proc_tolower(cp);
    if (cp < 0xC0 || (cp > 0x24F && (cp < 0x1E00 || cp > 0x1EFF)))
        return cp;
    utf8proc_int32_t parts[4];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, parts, 4, UTF8PROC_DECOMPOSE, &last);
    if (n == 2 && parts[0] < 0x80 && parts[1] >= 0x300 && parts[1] <= 0x36F)
        return parts[0];
    return cp;
}

/* Calls `fn` on each lexeme of `text` (folded, NUL-terminated in a
 * scratch buffer) with its 1-based position; stops when `fn` returns
 * false.  Invalid UTF-8 bytes separate words. */
static void tok_each(const char *text, bool (*fn)(void *, const char *, size_t, unsigned),
                     void *ctx)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
    size_t left = strlen(text);
    char word[PG_TEXT_MAX_LEXEME + 8];
    size_t len = 0;
    bool in_word = false, too_long = false;
    unsigned pos = 0;
    for (;;) {
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t n = left ? utf8proc_iterate(p, (utf8proc_ssize_t)left, &cp) : 0;
        tok_class k = n > 0 ? tok_classify(cp) : TOK_SEPARATOR;
        if (k == TOK_SEPARATOR) {
            /* A word too long for PostgreSQL still takes its position,
             * so that the phrases around it keep their distances; a
             * "word" of nothing but dropped diacritics is none and takes
             * no position, as in FTS5 ("a \u0301 b" matches "a b"). */
            bool counts = in_word && (len || too_long);
            if (counts && ++pos <= PG_TEXT_MAX_TOKENS && !too_long) {
                word[len] = '\0';
                if (!fn(ctx, word, len, pos))
                    return;
            }
            in_word = too_long = false;
            len = 0;
        } else {
            in_word = true;
            if (k == TOK_CHAR) {
                utf8proc_uint8_t enc[4];
                utf8proc_ssize_t e = utf8proc_encode_char(tok_fold(cp), enc);
                if (len + (size_t)e > PG_TEXT_MAX_LEXEME) {
                    too_long = true;
                } else {
                    memcpy(word + len, enc, (size_t)e);
                    len += (size_t)e;
                }
            }
        }
        if (!left)
            break;
        size_t step = n > 0 ? (size_t)n : 1;
        p += step;
        left -= step;
    }
}

/* A lexeme quoted for a tsvector or tsquery literal.  The tokenizer's
 * lexemes hold no quote or backslash, but the quoting does not rely on
 * it. */
static void put_lexeme(core_buf *out, const char *w, size_t n)
{
    core_buf_putc(out, '\'');
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '\'' || w[i] == '\\')
            core_buf_putc(out, w[i] == '\'' ? '\'' : '\\');
        core_buf_putc(out, w[i]);
    }
    core_buf_putc(out, '\'');
}

static bool vector_word(void *ctx, const char *w, size_t n, unsigned pos)
{
    core_buf *out = ctx;
    if (out->len)
        core_buf_putc(out, ' ');
    put_lexeme(out, w, n);
    /* PostgreSQL keeps positions up to 16383. */
    core_buf_printf(out, ":%u", pos < 16383 ? pos : 16383);
    return !out->failed;
}

void store_pg_tsvector(core_buf *out, const char *text)
{
    core_buf tmp = CORE_BUF_INIT;
    tok_each(text, vector_word, &tmp);
    /* PostgreSQL refuses a tsvector of 1 MiB or more: a sentence that
     * long is indexed without its tail, cut at a lexeme. */
    if (tmp.len > 900000) {
        size_t cut = 900000;
        while (cut > 0 && tmp.data[cut] != ' ')
            cut--;
        tmp.len = cut;
    }
    if (tmp.len)
        core_buf_append(out, tmp.data, tmp.len);
    out->failed |= tmp.failed;
    core_buf_free(&tmp);
}

typedef struct query_ctx {
    core_buf *out;
    size_t n;                /* lexemes of the current word */
    unsigned last;           /* the position of the last one */
} query_ctx;

/* The lexemes of one word are a phrase at the distances the tokenizer
 * gave them: a word too long to index between two ("x.<3,000
 * letters>.z") is a gap of two, as the sentence's tsvector has it. */
static bool query_word(void *ctx, const char *w, size_t n, unsigned pos)
{
    query_ctx *q = ctx;
    if (q->n++) {
        unsigned gap = pos - q->last;
        if (gap == 1)
            core_buf_puts(q->out, " <-> ");
        else
            core_buf_printf(q->out, " <%u> ", gap < 16384 ? gap : 16384);
    }
    q->last = pos;
    put_lexeme(q->out, w, n);
    return !q->out->failed;
}

bool store_pg_tsquery(core_buf *out, const char *words)
{
    /* Word by word, as the SQLite back end quotes them for FTS5: a word
     * is a phrase of its lexemes ("U.S." is u <-> s).  FTS5 leaves out a
     * word without any ("!!!") and matches nothing when no word has one. */
    const char *p = words;
    bool any = false;
    core_buf word = CORE_BUF_INIT, phrase = CORE_BUF_INIT;
    while (*p) {
        while (*p && (unsigned char)*p <= ' ')
            p++;
        if (!*p)
            break;
        const char *end = p;
        while (*end && (unsigned char)*end > ' ')
            end++;
        core_buf_clear(&word);
        core_buf_append(&word, p, (size_t)(end - p));
        core_buf_clear(&phrase);
        query_ctx q = {&phrase, 0, 0};
        if (!word.failed)
            tok_each(word.data, query_word, &q);
        if (word.failed || phrase.failed) {
            out->failed = true;
            break;
        }
        if (q.n) {
            core_buf_puts(out, any ? " & (" : "(");
            core_buf_append(out, phrase.data, phrase.len);
            core_buf_putc(out, ')');
            any = true;
        }
        p = end;
    }
    core_buf_free(&word);
    core_buf_free(&phrase);
    return any;
}
