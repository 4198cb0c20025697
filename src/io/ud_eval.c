/* ud_eval.c — CoNLL 2018 metrics (see ud_eval.h), written from the
 * definitions of the shared task. */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "annals.h"
#include "core/buf.h"
#include "io/conllu.h"

#define ANNALS_UD_NONE SIZE_MAX
/* Beyond this many cells the LCS of a multiword stretch is not worth it:
 * such a stretch means the two files disagree wholesale. */
#define ANNALS_UD_MAX_LCS_CELLS (16u * 1024u * 1024u)

static const char *const annals_ud_names[ANNALS_UD_N_METRICS] = {
    "Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS"};

const char *annals_ud_metric_name(int metric)
{
    return metric >= 0 && metric < ANNALS_UD_N_METRICS ? annals_ud_names[metric] : "?";
}

int annals_ud_metric_from_name(const char *name, size_t len)
{
    for (int i = 0; i < ANNALS_UD_N_METRICS; i++)
        if (strlen(annals_ud_names[i]) == len && !strncasecmp(annals_ud_names[i], name, len))
            return i;
    return -1;
}

typedef struct annals_ud_span {
    size_t start, end;       /* over non-space characters */
} annals_ud_span;

typedef struct annals_ud_word {
    annals_ud_span span;         /* of its token */
    bool mwt;                /* part of a multiword token */
    size_t form, lemma, xpos, deprel; /* offsets into the string pool */
    int upos;
    long head;               /* word index in the file, -1 root, -2 unknown */
} annals_ud_word;

typedef struct annals_ud_file {
    core_buf chars;          /* the non-space characters */
    core_buf pool;           /* NUL-terminated strings */
    annals_ud_span *tokens, *sents;
    size_t n_tokens, n_sents, cap_tokens, cap_sents;
    annals_ud_word *words;
    size_t n_words, cap_words;
} annals_ud_file;

static void annals_ud_file_free(annals_ud_file *f)
{
    core_buf_free(&f->chars);
    core_buf_free(&f->pool);
    free(f->tokens);
    free(f->sents);
    free(f->words);
}

static bool annals_ud_grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 1024;
    void *p = realloc(*v, c * size);
    if (!p)
        return false;
    *v = p;
    *cap = c;
    return true;
}

static size_t annals_ud_intern(annals_ud_file *f, const char *s, bool fold_case, bool universal)
{
    if (!s)
        return ANNALS_UD_NONE;
    size_t off = f->pool.len, n = strlen(s);
    if (universal) {
        const char *colon = strchr(s, ':');
        if (colon)
            n = (size_t)(colon - s);
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        core_buf_putc(&f->pool, fold_case && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
    }
    core_buf_putc(&f->pool, '\0');
    return off;
}

static bool annals_ud_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Adds one document of the reader to `f`. */
static int annals_ud_add_document(annals_ud_file *f, const annals_document *doc)
{
    /* before[i]: number of non-space bytes of the file before text[i] */
    size_t *before = malloc((doc->text_len + 1) * sizeof *before);
    if (!before)
        return ANNALS_E_NOMEM;
    size_t c = f->chars.len;
    for (size_t i = 0; i < doc->text_len; i++) {
        before[i] = c;
        if (!annals_ud_space(doc->text[i])) {
            core_buf_putc(&f->chars, doc->text[i]);
            c++;
        }
    }
    before[doc->text_len] = c;
    int rc = ANNALS_OK;
    for (size_t si = 0; si < doc->n_sentences && rc == ANNALS_OK; si++) {
        const annals_sentence *s = &doc->sentences[si];
        size_t base = f->n_words, first_token = f->n_tokens;
        for (size_t k = 0; k < s->n_words; k++) {
            size_t last = k;
            if (s->words[k].flags & ANNALS_WORD_MWT_BEGIN)
                while (last + 1 < s->n_words &&
                       (s->words[last + 1].flags & ANNALS_WORD_MWT_INSIDE))
                    last++;
            annals_ud_span span = {before[s->words[k].start], before[s->words[last].end]};
            if (!annals_ud_grow((void **)&f->tokens, &f->cap_tokens, f->n_tokens, sizeof *f->tokens)) {
                rc = ANNALS_E_NOMEM;
                break;
            }
            f->tokens[f->n_tokens++] = span;
            for (size_t j = k; j <= last; j++) {
                const annals_word *w = &s->words[j];
                if (!annals_ud_grow((void **)&f->words, &f->cap_words, f->n_words,
                                sizeof *f->words)) {
                    rc = ANNALS_E_NOMEM;
                    break;
                }
                annals_ud_word *u = &f->words[f->n_words++];
                u->span = span;
                u->mwt = last > k;
                u->form = annals_ud_intern(f, w->form, true, false);
                u->lemma = annals_ud_intern(f, w->lemma, false, false);
                u->xpos = annals_ud_intern(f, w->xpos, false, false);
                u->deprel = annals_ud_intern(f, w->deprel, false, true);
                u->upos = w->upos;
                u->head = w->head < 0 ? -2 : w->head == 0 ? -1 : (long)(base + (size_t)w->head - 1);
            }
            if (rc)
                break;
            k = last;
        }
        if (rc == ANNALS_OK && f->n_tokens > first_token) {
            if (!annals_ud_grow((void **)&f->sents, &f->cap_sents, f->n_sents, sizeof *f->sents))
                rc = ANNALS_E_NOMEM;
            else
                f->sents[f->n_sents++] =
                    (annals_ud_span){f->tokens[first_token].start, f->tokens[f->n_tokens - 1].end};
        }
    }
    free(before);
    if (rc == ANNALS_OK && (f->chars.failed || f->pool.failed))
        rc = ANNALS_E_NOMEM;
    return rc;
}

static int annals_ud_load(FILE *fp, const char *name, annals_ud_file *f, char *err, size_t err_size)
{
    io_conllu *r = io_conllu_open(fp, name);
    if (!r)
        return ANNALS_E_NOMEM;
    annals_document doc;
    int rc;
    while ((rc = io_conllu_next(r, &doc)) == 1) {
        rc = annals_ud_add_document(f, &doc);
        if (rc)
            break;
    }
    if (rc == ANNALS_E_RECORD) {
        snprintf(err, err_size, "%s", io_conllu_error(r));
        rc = ANNALS_E_FORMAT;
    } else if (rc < 0 && err_size) {
        snprintf(err, err_size, "%s: %s", name,
                 *io_conllu_error(r) ? io_conllu_error(r) : annals_error_name(rc));
    }
    io_conllu_free(r);
    return rc < 0 ? rc : ANNALS_OK;
}

/* Exactly matching spans of two sorted lists. */
static size_t annals_ud_match_spans(const annals_ud_span *g, size_t ng, const annals_ud_span *s, size_t ns)
{
    size_t i = 0, j = 0, n = 0;
    while (i < ng && j < ns) {
        if (g[i].start == s[j].start && g[i].end == s[j].end) {
            n++;
            i++;
            j++;
        } else if (g[i].start < s[j].start ||
                   (g[i].start == s[j].start && g[i].end < s[j].end)) {
            i++;
        } else {
            j++;
        }
    }
    return n;
}

/* Aligns gold words [gi,ge) with system words [si,se) by the longest
 * common subsequence of their case-folded forms. */
static int annals_ud_align_lcs(const annals_ud_file *g, size_t gi, size_t ge, const annals_ud_file *s,
                           size_t si, size_t se, size_t *g2s)
{
    size_t n = ge - gi, m = se - si;
    if (n == 0 || m == 0 || (n + 1) > ANNALS_UD_MAX_LCS_CELLS / (m + 1))
        return ANNALS_OK;
    uint32_t *t = calloc((n + 1) * (m + 1), sizeof *t);
    if (!t)
        return ANNALS_E_NOMEM;
#define T(i, j) t[(i) * (m + 1) + (j)]
#define SAME(i, j) (!strcmp(g->pool.data + g->words[gi + (i)].form, \
                            s->pool.data + s->words[si + (j)].form))
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            T(i, j) = SAME(i, j) ? T(i + 1, j + 1) + 1
                                 : (T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1));
    size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (SAME(i, j)) {
            g2s[gi + i] = si + j;
            i++;
            j++;
        } else if (T(i + 1, j) >= T(i, j + 1)) {
            i++;
        } else {
            j++;
        }
    }
#undef SAME
#undef T
    free(t);
    return ANNALS_OK;
}

/* Fills g2s (gold word → system word or ANNALS_UD_NONE). */
static int annals_ud_align(const annals_ud_file *g, const annals_ud_file *s, size_t *g2s)
{
    for (size_t i = 0; i < g->n_words; i++)
        g2s[i] = ANNALS_UD_NONE;
    size_t gi = 0, si = 0;
    while (gi < g->n_words && si < s->n_words) {
        const annals_ud_word *a = &g->words[gi], *b = &s->words[si];
        if (!a->mwt && !b->mwt) {
            if (a->span.start == b->span.start && a->span.end == b->span.end) {
                g2s[gi++] = si++;
            } else if (a->span.start < b->span.start ||
                       (a->span.start == b->span.start && a->span.end < b->span.end)) {
                gi++;
            } else {
                si++;
            }
            continue;
        }
        /* A plain word that begins before the other side's multiword token
         * cannot align with anything of it. */
        if (!b->mwt && b->span.start < a->span.start) {
            si++;
            continue;
        }
        if (!a->mwt && a->span.start < b->span.start) {
            gi++;
            continue;
        }
        /* The stretch: every word of either side starting before its end,
         * the end growing with each word taken in. */
        size_t end = a->mwt ? a->span.end : b->span.end;
        if (a->mwt && b->mwt && b->span.end > end)
            end = b->span.end;
        size_t ge = gi, se = si;
        for (bool grew = true; grew;) {
            grew = false;
            while (ge < g->n_words && g->words[ge].span.start < end) {
                if (g->words[ge].span.end > end)
                    end = g->words[ge].span.end;
                ge++;
                grew = true;
            }
            while (se < s->n_words && s->words[se].span.start < end) {
                if (s->words[se].span.end > end)
                    end = s->words[se].span.end;
                se++;
                grew = true;
            }
        }
        int rc = annals_ud_align_lcs(g, gi, ge, s, si, se, g2s);
        if (rc)
            return rc;
        gi = ge;
        si = se;
    }
    return ANNALS_OK;
}

static bool annals_ud_streq(const annals_ud_file *g, size_t a, const annals_ud_file *s, size_t b)
{
    if (a == ANNALS_UD_NONE || b == ANNALS_UD_NONE)
        return a == b;
    return !strcmp(g->pool.data + a, s->pool.data + b);
}

static void annals_ud_fill(annals_ud_metric *m, size_t correct, size_t gold, size_t system,
                       size_t aligned, bool has_aligned)
{
    m->correct = correct;
    m->gold = gold;
    m->system = system;
    m->aligned = aligned;
    m->precision = system ? (double)correct / (double)system : 0.0;
    m->recall = gold ? (double)correct / (double)gold : 0.0;
    m->f1 = gold + system ? 2.0 * (double)correct / (double)(gold + system) : 0.0;
    m->aligned_acc = !has_aligned ? -1.0 : aligned ? (double)correct / (double)aligned : 0.0;
}

/* Where the two texts first differ, for the message. */
static void annals_ud_text_mismatch(const annals_ud_file *g, const annals_ud_file *s, char *err,
                                size_t err_size)
{
    size_t n = g->chars.len < s->chars.len ? g->chars.len : s->chars.len, i = 0;
    while (i < n && g->chars.data[i] == s->chars.data[i])
        i++;
    size_t from = i > 20 ? i - 20 : 0;
    int gl = (int)((g->chars.len - from) > 40 ? 40 : g->chars.len - from);
    int sl = (int)((s->chars.len - from) > 40 ? 40 : s->chars.len - from);
    snprintf(err, err_size,
             "the files spell different texts (white space aside) from character %zu: "
             "gold '%.*s', system '%.*s'",
             i, gl, g->chars.data ? g->chars.data + from : "", sl,
             s->chars.data ? s->chars.data + from : "");
}

int annals_ud_evaluate(FILE *gold, const char *gold_name, FILE *system, const char *system_name,
                   annals_ud_scores *out, char *err, size_t err_size)
{
    annals_ud_file g = {0}, s = {0};
    size_t *g2s = NULL;
    int rc = annals_ud_load(gold, gold_name, &g, err, err_size);
    if (rc == ANNALS_OK)
        rc = annals_ud_load(system, system_name, &s, err, err_size);
    if (rc == ANNALS_OK &&
        (g.chars.len != s.chars.len ||
         (g.chars.len && memcmp(g.chars.data, s.chars.data, g.chars.len)))) {
        annals_ud_text_mismatch(&g, &s, err, err_size);
        rc = ANNALS_E_FORMAT;
    }
    if (rc == ANNALS_OK && !(g2s = malloc((g.n_words + 1) * sizeof *g2s)))
        rc = ANNALS_E_NOMEM;
    if (rc == ANNALS_OK)
        rc = annals_ud_align(&g, &s, g2s);
    if (rc == ANNALS_OK) {
        memset(out, 0, sizeof *out);
        annals_ud_fill(&out->m[ANNALS_UD_TOKENS],
                   annals_ud_match_spans(g.tokens, g.n_tokens, s.tokens, s.n_tokens), g.n_tokens,
                   s.n_tokens, 0, false);
        annals_ud_fill(&out->m[ANNALS_UD_SENTENCES],
                   annals_ud_match_spans(g.sents, g.n_sents, s.sents, s.n_sents), g.n_sents,
                   s.n_sents, 0, false);
        size_t aligned = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
        for (size_t i = 0; i < g.n_words; i++) {
            if (g2s[i] == ANNALS_UD_NONE)
                continue;
            const annals_ud_word *a = &g.words[i], *b = &s.words[g2s[i]];
            aligned++;
            upos += a->upos == b->upos;
            xpos += annals_ud_streq(&g, a->xpos, &s, b->xpos);
            lemma += a->lemma == ANNALS_UD_NONE || annals_ud_streq(&g, a->lemma, &s, b->lemma);
            bool head = b->head != -2 &&
                        (a->head == -1 ? b->head == -1
                                       : a->head >= 0 && g2s[a->head] != ANNALS_UD_NONE &&
                                             (long)g2s[a->head] == b->head);
            uas += head;
            las += head && annals_ud_streq(&g, a->deprel, &s, b->deprel);
        }
        annals_ud_fill(&out->m[ANNALS_UD_WORDS], aligned, g.n_words, s.n_words, 0, false);
        annals_ud_fill(&out->m[ANNALS_UD_UPOS], upos, g.n_words, s.n_words, aligned, true);
        annals_ud_fill(&out->m[ANNALS_UD_XPOS], xpos, g.n_words, s.n_words, aligned, true);
        annals_ud_fill(&out->m[ANNALS_UD_LEMMAS], lemma, g.n_words, s.n_words, aligned, true);
        annals_ud_fill(&out->m[ANNALS_UD_UAS], uas, g.n_words, s.n_words, aligned, true);
        annals_ud_fill(&out->m[ANNALS_UD_LAS], las, g.n_words, s.n_words, aligned, true);
    }
    free(g2s);
    annals_ud_file_free(&g);
    annals_ud_file_free(&s);
    return rc;
}

void annals_ud_print(FILE *out, const annals_ud_scores *s)
{
    fprintf(out, "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n"
                 "-----------+-----------+-----------+-----------+-----------\n");
    for (int i = 0; i < ANNALS_UD_N_METRICS; i++) {
        const annals_ud_metric *m = &s->m[i];
        fprintf(out, "%-11s|%10.2f |%10.2f |%10.2f |", annals_ud_names[i], 100 * m->precision,
                100 * m->recall, 100 * m->f1);
        if (m->aligned_acc >= 0)
            fprintf(out, "%10.2f\n", 100 * m->aligned_acc);
        else
            fputc('\n', out);
    }
}

int annals_ud_raw_text(FILE *in, const char *name, FILE *out, char *err, size_t err_size)
{
    io_conllu *r = io_conllu_open(in, name);
    if (!r)
        return ANNALS_E_NOMEM;
    annals_document doc;
    int rc;
    size_t n = 0;
    while ((rc = io_conllu_next(r, &doc)) == 1) {
        /* The reader already joins sentences and paragraphs this way. */
        if (n++)
            fputs("\n\n", out);
        fwrite(doc.text, 1, doc.text_len, out);
    }
    if (n)
        fputc('\n', out);
    if (rc < 0)
        snprintf(err, err_size, "%s", *io_conllu_error(r) ? io_conllu_error(r)
                                                          : annals_error_name(rc));
    io_conllu_free(r);
    if (rc == ANNALS_E_RECORD)
        return ANNALS_E_FORMAT;
    if (rc == 0 && ferror(out))
        return ANNALS_E_IO;
    return rc < 0 ? rc : ANNALS_OK;
}
