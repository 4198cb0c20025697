/* parser_treebank.c — reading a CoNLL-U treebank for the parser and
 * scoring parses against it (parser_treebank.h). */
#include "syntax/parser_treebank.h"

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

/* UPOS names in the order of annals_upos. */
static int syn_tb_upos(const char *name)
{
    static const char *const names[] = { "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET",
                                         "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
                                         "PUNCT", "SCONJ", "SYM", "VERB", "X" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return (int)i + 1;
    return ANNALS_UPOS_NONE;
}

static char *syn_tb_slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                fclose(fp);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (bad) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Splits a word line into its ten columns in place; 0 when it has fewer. */
static int syn_tb_columns(char *line, char *col[10])
{
    int k = 0;
    col[k++] = line;
    for (char *p = line; *p && k < 10; p++) {
        if (*p == '\t') {
            *p = '\0';
            col[k++] = p + 1;
        }
    }
    return k == 10;
}

static int syn_tb_push_sentence(syn_treebank *tb, size_t *cap)
{
    if (tb->n_sent + 2 > *cap) {
        size_t ncap = *cap ? *cap * 2 : 1024;
        size_t *ns = realloc(tb->start, ncap * sizeof *ns);
        if (!ns)
            return ANNALS_E_NOMEM;
        tb->start = ns;
        *cap = ncap;
    }
    tb->n_sent++;
    tb->start[tb->n_sent] = tb->n_words;
    return 0;
}

int syn_treebank_read(syn_treebank *tb, const char *path, size_t max_sentences,
                      char *errbuf, size_t errsize)
{
    memset(tb, 0, sizeof *tb);
    size_t len = 0;
    tb->buf = syn_tb_slurp(path, &len);
    if (!tb->buf)
        return syn_tb_fail(errbuf, errsize, ANNALS_E_IO, path, 0, strerror(errno));
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += tb->buf[i] == '\n';
    tb->words = malloc(lines * sizeof *tb->words);
    size_t scap = 0;
    if (!tb->words || syn_tb_push_sentence(tb, &scap) != 0) {
        syn_treebank_free(tb);
        return syn_tb_fail(errbuf, errsize, ANNALS_E_NOMEM, path, 0, "out of memory");
    }
    tb->n_sent = 0;
    tb->start[0] = 0;
    size_t sent_first = 0; /* words[] index where the current sentence began */
    char *p = tb->buf;
    size_t lineno = 0;
    while (*p) {
        char *line = p;
        char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
        if (nl)
            *nl = '\0';
        lineno++;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = '\0';
        if (ll == 0) {
            if (tb->n_words > sent_first) {
                if (syn_tb_push_sentence(tb, &scap) != 0) {
                    syn_treebank_free(tb);
                    return syn_tb_fail(errbuf, errsize, ANNALS_E_NOMEM, path, 0, "out of memory");
                }
                sent_first = tb->n_words;
                if (max_sentences && tb->n_sent >= max_sentences)
                    break;
            }
            continue;
        }
        if (line[0] == '#')
            continue;
        char *col[10];
        if (!syn_tb_columns(line, col)) {
            syn_treebank_free(tb);
            return syn_tb_fail(errbuf, errsize, ANNALS_E_FORMAT, path, lineno,
                               "expected ten tab-separated columns");
        }
        if (strchr(col[0], '-') || strchr(col[0], '.'))
            continue;
        char *end;
        long id = strtol(col[0], &end, 10);
        long head = strtol(col[6], &end, 10);
        if (id != (long)(tb->n_words - sent_first) + 1 || *end != '\0' || head < 0) {
            syn_treebank_free(tb);
            return syn_tb_fail(errbuf, errsize, ANNALS_E_FORMAT, path, lineno,
                               "bad word id or head");
        }
        syn_tbword *w = &tb->words[tb->n_words++];
        w->form = col[1];
        w->upos = syn_tb_upos(col[3]);
        w->xpos = col[4];
        w->head = (int)head;
        w->deprel = col[7];
    }
    if (tb->n_words > sent_first && (!max_sentences || tb->n_sent < max_sentences) &&
        syn_tb_push_sentence(tb, &scap) != 0) {
        syn_treebank_free(tb);
        return syn_tb_fail(errbuf, errsize, ANNALS_E_NOMEM, path, 0, "out of memory");
    }
    /* Heads must point inside their sentence. */
    for (size_t s = 0; s < tb->n_sent; s++) {
        long n = (long)(tb->start[s + 1] - tb->start[s]);
        for (size_t i = tb->start[s]; i < tb->start[s + 1]; i++) {
            if (tb->words[i].head > n) {
                syn_treebank_free(tb);
                return syn_tb_fail(errbuf, errsize, ANNALS_E_FORMAT, path, 0,
                                   "a head points outside its sentence");
            }
        }
    }
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
