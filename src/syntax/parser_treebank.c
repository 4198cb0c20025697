/* parser_treebank.c — reading a CoNLL-U treebank for the parser and
 * scoring parses against it (parser_treebank.h). */
#include "syntax/parser_treebank.h"

#include "io/conllu.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int syn_tb_fail(char *errbuf, size_t errsize, int code, const char *path, size_t line,
                       const char *msg)
{
    if (errbuf && errsize) {
        if (line)
            snprintf(errbuf, errsize, "%s:%zu: %s", path, line, msg);
        else
            snprintf(errbuf, errsize, "%s: %s", path, msg);
    }
    return code;
}

/* The strings of the words go into one growing pool; words keep offsets
 * until the end, when the pool stops moving and they become pointers. */
typedef struct syn_tb_builder {
    char *pool;
    size_t pool_len, pool_cap;
    size_t *off;             /* 3 per word: form, xpos, deprel */
    size_t words_cap, off_cap, sent_cap;
} syn_tb_builder;

static int syn_tb_reserve(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 1024;
    while (ncap < need)
        ncap *= 2;
    void *np = realloc(*p, ncap * elem);
    if (!np)
        return ANNALS_E_NOMEM;
    *p = np;
    *cap = ncap;
    return 0;
}

static int syn_tb_str(syn_tb_builder *b, const char *s, size_t *off)
{
    if (!s)
        s = "_";
    size_t len = strlen(s) + 1;
    if (syn_tb_reserve((void **)&b->pool, &b->pool_cap, b->pool_len + len, 1))
        return ANNALS_E_NOMEM;
    memcpy(b->pool + b->pool_len, s, len);
    *off = b->pool_len;
    b->pool_len += len;
    return 0;
}

/* Appends one sentence; ANNALS_E_FORMAT when a word has no head. */
static int syn_tb_add_sentence(syn_treebank *tb, syn_tb_builder *b, const annals_sentence *s)
{
    size_t need = tb->n_words + s->n_words;
    if (syn_tb_reserve((void **)&tb->words, &b->words_cap, need, sizeof *tb->words))
        return ANNALS_E_NOMEM;
    if (b->off_cap < b->words_cap) {
        size_t *no = realloc(b->off, b->words_cap * 3 * sizeof *b->off);
        if (!no)
            return ANNALS_E_NOMEM;
        b->off = no;
        b->off_cap = b->words_cap;
    }
    if (syn_tb_reserve((void **)&tb->start, &b->sent_cap, tb->n_sent + 2, sizeof *tb->start))
        return ANNALS_E_NOMEM;
    for (size_t i = 0; i < s->n_words; i++) {
        const annals_word *w = &s->words[i];
        if (w->head < 0 || (size_t)w->head > s->n_words)
            return ANNALS_E_FORMAT;
        syn_tbword *t = &tb->words[tb->n_words];
        size_t *o = &b->off[tb->n_words * 3];
        if (syn_tb_str(b, w->form, &o[0]) || syn_tb_str(b, w->xpos, &o[1]) ||
            syn_tb_str(b, w->deprel, &o[2]))
            return ANNALS_E_NOMEM;
        t->upos = w->upos;
        t->head = w->head;
        tb->n_words++;
    }
    tb->n_sent++;
    tb->start[tb->n_sent] = tb->n_words;
    return 0;
}

int syn_treebank_read(syn_treebank *tb, const char *path, size_t max_sentences,
                      char *errbuf, size_t errsize)
{
    memset(tb, 0, sizeof *tb);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return syn_tb_fail(errbuf, errsize, ANNALS_E_IO, path, 0, strerror(errno));
    io_conllu *r = io_conllu_open(fp, path);
    syn_tb_builder b;
    memset(&b, 0, sizeof b);
    int rc = r ? syn_tb_reserve((void **)&tb->start, &b.sent_cap, 2, sizeof *tb->start)
               : ANNALS_E_NOMEM;
    if (rc == 0)
        tb->start[0] = 0;
    annals_document doc;
    while (rc == 0 && (!max_sentences || tb->n_sent < max_sentences)) {
        int got = io_conllu_next(r, &doc);
        if (got == 0)
            break;
        if (got < 0) {
            /* A treebank for training or scoring must be read whole. */
            if (errbuf && errsize)
                snprintf(errbuf, errsize, "%s", io_conllu_error(r));
            rc = got == ANNALS_E_RECORD ? ANNALS_E_FORMAT : got;
            break;
        }
        for (size_t i = 0; rc == 0 && i < doc.n_sentences; i++) {
            if (max_sentences && tb->n_sent >= max_sentences)
                break;
            rc = syn_tb_add_sentence(tb, &b, &doc.sentences[i]);
            if (rc == ANNALS_E_FORMAT)
                syn_tb_fail(errbuf, errsize, rc, path, 0, "a word without a valid head");
            else if (rc)
                syn_tb_fail(errbuf, errsize, rc, path, 0, "out of memory");
        }
    }
    io_conllu_free(r);
    fclose(fp);
    if (rc) {
        free(b.pool);
        free(b.off);
        syn_treebank_free(tb);
        return rc;
    }
    tb->buf = b.pool;
    for (size_t i = 0; i < tb->n_words; i++) {
        tb->words[i].form = b.pool + b.off[i * 3];
        tb->words[i].xpos = b.pool + b.off[i * 3 + 1];
        tb->words[i].deprel = b.pool + b.off[i * 3 + 2];
    }
    free(b.off);
    return 0;
}

void syn_treebank_free(syn_treebank *tb)
{
    free(tb->buf);
    free(tb->words);
    free(tb->start);
    memset(tb, 0, sizeof *tb);
}

static int syn_tb_same_universal(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && memcmp(a, b, la) == 0;
}

int syn_treebank_score(const syn_treebank *tb, const syn_parser *p, syn_retag_fn retag,
                       void *retag_user, syn_parse_scores *out)
{
    memset(out, 0, sizeof *out);
    syn_parser_work *work = syn_parser_work_create();
    size_t maxn = 0;
    for (size_t s = 0; s < tb->n_sent; s++)
        if (tb->start[s + 1] - tb->start[s] > maxn)
            maxn = tb->start[s + 1] - tb->start[s];
    annals_word *words = calloc(maxn ? maxn : 1, sizeof *words);
    int rc = (!work || !words) ? ANNALS_E_NOMEM : 0;
    for (size_t s = 0; rc == 0 && s < tb->n_sent; s++) {
        size_t n = tb->start[s + 1] - tb->start[s];
        const syn_tbword *g = &tb->words[tb->start[s]];
        memset(words, 0, n * sizeof *words);
        for (size_t i = 0; i < n; i++) {
            words[i].form = g[i].form;
            words[i].upos = g[i].upos;
            words[i].xpos = g[i].xpos;
            words[i].head = -1;
        }
        if (retag)
            rc = retag(retag_user, words, n);
        if (rc == 0)
            rc = syn_parser_parse(p, work, words, n);
        for (size_t i = 0; rc == 0 && i < n; i++) {
            out->words++;
            if (words[i].head != g[i].head)
                continue;
            out->head_ok++;
            if (syn_tb_same_universal(words[i].deprel, g[i].deprel))
                out->label_ok++;
            if (strcmp(words[i].deprel, g[i].deprel) == 0)
                out->label_full_ok++;
        }
        out->sentences++;
    }
    if (out->words) {
        out->uas = 100.0 * (double)out->head_ok / (double)out->words;
        out->las = 100.0 * (double)out->label_ok / (double)out->words;
        out->las_full = 100.0 * (double)out->label_full_ok / (double)out->words;
    }
    free(words);
    syn_parser_work_free(work);
    return rc;
}
