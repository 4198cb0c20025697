/* fuzz_pg_text.c — the word splitter of the PostgreSQL store
 * (src/store/pg_text.c) over arbitrary bytes: the tsvector literal of a
 * sentence and the tsquery literal of a text filter made of the same
 * bytes.
 *
 * What must hold: both literals are well formed (every lexeme quoted,
 * non-empty, valid UTF-8, of letters and digits alone where ASCII, short
 * enough for PostgreSQL); the vector's positions grow; the query finds
 * the words the vector holds, in the same order; and within one word of
 * the query ("U.S." is u <-> s) the distance asked for is the distance
 * between the lexemes in the vector, or the filter would not find the
 * sentence it was typed from. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "store/pg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_MAX_LEX 40000

/* One lexeme of a literal: where it starts in the literal, its length,
 * and its position (vector) or distance from the one before in its
 * phrase (query; 0 for the first of a phrase). */
typedef struct fz_lex {
    const char *s;
    size_t len;
    long num;
} fz_lex;

static void fz_fail(const char *what, const char *lit)
{
    fprintf(stderr, "%s\nliteral: %.300s\n", what, lit);
    abort();
}

/* Reads a quoted lexeme at `*p` and checks it; advances past it. */
static fz_lex fz_lexeme(const char **p, const char *lit)
{
    if (**p != '\'')
        fz_fail("a lexeme does not start with a quote", lit);
    const char *s = ++*p;
    while (**p && **p != '\'')
        (*p)++;
    if (**p != '\'')
        fz_fail("an unclosed lexeme", lit);
    fz_lex x = {s, (size_t)(*p - s), 0};
    (*p)++;
    if (x.len == 0 || x.len > 2046)
        fz_fail("a lexeme empty or too long for PostgreSQL", lit);
    for (size_t i = 0; i < x.len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            fz_fail("an ASCII byte other than a lower-case letter or digit", lit);
    }
    for (size_t i = 0; i < x.len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(x.len - i), &cp);
        if (n <= 0)
            fz_fail("a lexeme that is not valid UTF-8", lit);
        i += (size_t)n;
    }
    return x;
}

/* 'lex':pos 'lex':pos ... */
static size_t fz_vector(const char *lit, fz_lex *out)
{
    size_t n = 0;
    const char *p = lit;
    while (*p) {
        if (n && *p++ != ' ')
            fz_fail("vector lexemes not separated by one space", lit);
        fz_lex x = fz_lexeme(&p, lit);
        char *end;
        if (*p++ != ':')
            fz_fail("a vector lexeme without its position", lit);
        x.num = strtol(p, &end, 10);
        if (end == p || x.num < 1 || x.num > 16383)
            fz_fail("a position outside 1..16383", lit);
        if (n && (x.num < out[n - 1].num || (x.num == out[n - 1].num && x.num < 16383)))
            fz_fail("positions that do not grow", lit);
        p = end;
        if (n == FZ_MAX_LEX)
            fz_fail("more lexemes than the input could hold", lit);
        out[n++] = x;
    }
    return n;
}

/* (phrase) & (phrase) ..., a phrase 'lex' <-> 'lex' <N> 'lex' ... */
static size_t fz_query(const char *lit, fz_lex *out)
{
    size_t n = 0;
    const char *p = lit;
    while (*p) {
        if (n && strncmp(p, " & ", 3))
            fz_fail("phrases not joined by &", lit);
        p += n ? 3 : 0;
        if (*p++ != '(')
            fz_fail("a phrase not in parentheses", lit);
        for (long dist = 0;;) {
            fz_lex x = fz_lexeme(&p, lit);
            x.num = dist;
            if (n == FZ_MAX_LEX)
                fz_fail("more lexemes than the input could hold", lit);
            out[n++] = x;
            if (*p == ')')
                break;
            char *end;
            if (!strncmp(p, " <-> ", 5)) {
                dist = 1;
                p += 5;
            } else if (!strncmp(p, " <", 2) && (dist = strtol(p + 2, &end, 10)) >= 1 &&
                       !strncmp(end, "> ", 2)) {
                p = end + 2;
            } else {
                fz_fail("lexemes of a phrase not joined by <-> or <N>", lit);
            }
        }
        p++;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A sentence and a filter are C strings. */
    static fz_lex vec[FZ_MAX_LEX], qry[FZ_MAX_LEX];
    char *text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    core_buf v = CORE_BUF_INIT, q = CORE_BUF_INIT;
    store_pg_tsvector(&v, text);
    bool any = store_pg_tsquery(&q, text);
    if (v.failed || q.failed)
        abort();
    const char *vl = v.len ? v.data : "", *ql = q.len ? q.data : "";
    if (any != (q.len > 0))
        fz_fail("the query's answer and its literal disagree", ql);
    size_t nv = fz_vector(vl, vec), nq = fz_query(ql, qry);
    if (nv != nq)
        fz_fail("the query and the vector hold different numbers of lexemes", ql);
    for (size_t i = 0; i < nv; i++) {
        if (vec[i].len != qry[i].len || memcmp(vec[i].s, qry[i].s, vec[i].len))
            fz_fail("the query's lexemes are not the vector's", ql);
        if (qry[i].num && vec[i].num < 16383 && vec[i].num - vec[i - 1].num != qry[i].num)
            fz_fail("a phrase asks for a distance the vector does not have", ql);
    }
    core_buf_free(&v);
    core_buf_free(&q);
    free(text);
    return 0;
}
