/* parser.c — running the dependency parser over a sentence (parser.h). */
#include "syntax/parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYN_PARSER_MAX_WORDS (1 << 24)

struct syn_parser {
    syn_parser_header h;
    const int16_t *act;      /* 2^act_bits * SYN_PA_WIDTH */
    const int8_t *lab;       /* 2^lab_bits * label_width */
    const char **labels;     /* n_labels pointers into the label section */
    const unsigned char *skip; /* templates left out (measurements), or NULL */
};

struct syn_parser_work {
    size_t cap;              /* words + 1 the arrays hold */
    syn_ptok *tok;
    syn_pnode *node;
    int *stack;
    unsigned char *in_stack;
    int *heads, *labels;
};

static syn_parser *syn_parser_fail(char *errbuf, size_t errsize, const char *msg)
{
    if (errbuf && errsize)
        snprintf(errbuf, errsize, "parser model: %s", msg);
    return NULL;
}

syn_parser *syn_parser_from_tables(const void *head, size_t head_size,
                                   const void *labels, size_t labels_size,
                                   const void *act, size_t act_size,
                                   const void *lab, size_t lab_size,
                                   char *errbuf, size_t errsize)
{
    if (!head || head_size != sizeof(syn_parser_header))
        return syn_parser_fail(errbuf, errsize, "missing or bad PARSHEAD section");
    syn_parser_header h;
    memcpy(&h, head, sizeof h);
    if (h.feature_set != SYN_PARSER_FEATURE_SET)
        return syn_parser_fail(errbuf, errsize, "made for other feature templates (retrain it)");
    if (h.n_labels == 0 || h.n_labels > SYN_PL_MAX || h.label_width < h.n_labels ||
        h.label_width % 16 != 0 || h.label_width > 256 || h.root_label >= h.n_labels)
        return syn_parser_fail(errbuf, errsize, "bad label count");
    if (h.act_bits < 4 || h.act_bits > 28 || h.lab_bits < 4 || h.lab_bits > 28)
        return syn_parser_fail(errbuf, errsize, "bad table size");
    if (!act || act_size != ((size_t)1 << h.act_bits) * SYN_PA_WIDTH * sizeof(int16_t))
        return syn_parser_fail(errbuf, errsize, "PARSWACT section missing or of the wrong size");
    if (!lab || lab_size != ((size_t)1 << h.lab_bits) * h.label_width)
        return syn_parser_fail(errbuf, errsize, "PARSWLAB section missing or of the wrong size");
    if ((uintptr_t)act % sizeof(int16_t) != 0)
        return syn_parser_fail(errbuf, errsize, "weight tables not aligned");
    if (!labels || labels_size == 0 || ((const char *)labels)[labels_size - 1] != '\0')
        return syn_parser_fail(errbuf, errsize, "PARSLABL section missing or not terminated");

    syn_parser *p = calloc(1, sizeof *p);
    const char **names = calloc(h.n_labels, sizeof *names);
    if (!p || !names) {
        free(p);
        free(names);
        return syn_parser_fail(errbuf, errsize, "out of memory");
    }
    const char *s = labels, *end = s + labels_size;
    for (uint32_t i = 0; i < h.n_labels; i++) {
        if (s >= end || *s == '\0') {
            free(p);
            free(names);
            return syn_parser_fail(errbuf, errsize, "fewer labels than the header says");
        }
        names[i] = s;
        s += strlen(s) + 1;
    }
    p->h = h;
    p->act = act;
    p->lab = lab;
    p->labels = names;
    return p;
}

syn_parser *syn_parser_open(const syn_model *m, char *errbuf, size_t errsize)
{
    size_t hs = 0, ls = 0, as = 0, ws = 0;
    const void *h = syn_model_section(m, SYN_PARSER_SEC_HEAD, &hs);
    const void *l = syn_model_section(m, SYN_PARSER_SEC_LABELS, &ls);
    const void *a = syn_model_section(m, SYN_PARSER_SEC_ACT, &as);
    const void *w = syn_model_section(m, SYN_PARSER_SEC_LAB, &ws);
    return syn_parser_from_tables(h, hs, l, ls, a, as, w, ws, errbuf, errsize);
}

void syn_parser_free(syn_parser *p)
{
    if (!p)
        return;
    free(p->labels);
    free(p);
}

void syn_parser_skip_templates(syn_parser *p, const unsigned char *skip)
{
    p->skip = skip;
}

size_t syn_parser_label_count(const syn_parser *p)
{
    return p->h.n_labels;
}

const char *syn_parser_label(const syn_parser *p, size_t i)
{
    return i < p->h.n_labels ? p->labels[i] : NULL;
}

syn_parser_work *syn_parser_work_create(void)
{
    return calloc(1, sizeof(syn_parser_work));
}

static void syn_parser_work_release(syn_parser_work *w)
{
    free(w->tok);
    free(w->node);
    free(w->stack);
    free(w->in_stack);
    free(w->heads);
    free(w->labels);
}

void syn_parser_work_free(syn_parser_work *w)
{
    if (!w)
        return;
    syn_parser_work_release(w);
    free(w);
}

static int syn_parser_work_reserve(syn_parser_work *w, size_t words)
{
    if (words + 1 <= w->cap)
        return ANNALS_OK;
    size_t cap = w->cap ? w->cap : 64;
    while (cap < words + 1)
        cap *= 2;
    syn_parser_work_release(w);
    w->cap = 0;
    w->tok = malloc(cap * sizeof *w->tok);
    w->node = malloc(cap * sizeof *w->node);
    w->stack = malloc(cap * sizeof *w->stack);
    w->in_stack = malloc(cap);
    w->heads = malloc(cap * sizeof *w->heads);
    w->labels = malloc(cap * sizeof *w->labels);
    if (!w->tok || !w->node || !w->stack || !w->in_stack || !w->heads || !w->labels) {
        syn_parser_work_release(w);
        memset(w, 0, sizeof *w);
        return ANNALS_E_NOMEM;
    }
    w->cap = cap;
    return ANNALS_OK;
}

/* Sums the action rows of the features (syn_pfeatures has prefetched
 * them). */
static void syn_parser_score_actions(const syn_parser *p, const uint64_t *f, int nf,
                                     int32_t score[SYN_PA_WIDTH])
{
    const int16_t *rows[SYN_PF_MAX];
    static const int16_t zero[SYN_PA_WIDTH];
    for (int i = 0; i < nf; i++)
        rows[i] = p->skip && p->skip[i] ? zero
                                        : p->act + syn_pact_row(f[i], p->h.act_bits) * SYN_PA_WIDTH;
    int32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int i = 0; i < nf; i++) {
        s0 += rows[i][0];
        s1 += rows[i][1];
        s2 += rows[i][2];
        s3 += rows[i][3];
    }
    score[0] = s0;
    score[1] = s1;
    score[2] = s2;
    score[3] = s3;
}

/* Label weights are int8 (since feature set 4): a row of up to 64 labels is one
 * cache line, and the sum of SYN_PF_LABEL of them fits int16, so the
 * additions run sixteen labels at a time. */
_Static_assert(SYN_PF_LABEL * 128 <= 32767, "label sums must fit int16");

static int syn_parser_best_label(const syn_parser *p, const uint64_t *f, int nf, int action)
{
    const int8_t *rows[SYN_PF_MAX];
    uint32_t width = p->h.label_width;
    if (nf > SYN_PF_LABEL)
        nf = SYN_PF_LABEL;
    static const int8_t zero[256];
    for (int i = 0; i < nf; i++) {
        rows[i] = p->skip && p->skip[i] ? zero
                                         : p->lab + syn_plab_row(f[i], action, p->h.lab_bits) * width;
        __builtin_prefetch(rows[i]);
    }
    /* Sixteen labels at a time over all the rows, so that the sums stay
     * in registers. */
    int16_t acc[256];
    for (uint32_t k0 = 0; k0 < width; k0 += 16) {
        int16_t a[16] = { 0 };
        for (int i = 0; i < nf; i++) {
            const int8_t *r = rows[i] + k0;
            for (int k = 0; k < 16; k++)
                a[k] = (int16_t)(a[k] + r[k]);
        }
        memcpy(acc + k0, a, sizeof a);
    }
    int best = -1;
    for (uint32_t k = 0; k < p->h.n_labels; k++) {
        if (k == p->h.root_label)
            continue;
        if (best < 0 || acc[k] > acc[best])
            best = (int)k;
    }
    /* A model whose only label is "root" still has to label something. */
    return best < 0 ? (int)p->h.root_label : best;
}

int syn_parser_parse_tokens(const syn_parser *p, syn_parser_work *w, syn_ptok *tok,
                            int n, int *heads, int *labels)
{
    if (n <= 0)
        return ANNALS_OK;
    if (n > SYN_PARSER_MAX_WORDS)
        return ANNALS_E_LIMIT;
    int rc = syn_parser_work_reserve(w, (size_t)n);
    if (rc != ANNALS_OK)
        return rc;
    syn_ptok_root(&tok[n]);
    syn_pstate s = { .n = n, .tok = tok, .node = w->node, .stack = w->stack,
                     .in_stack = w->in_stack };
    syn_pstate_init(&s);
    uint64_t f[SYN_PF_MAX];
    while (!syn_pstate_terminal(&s)) {
        int valid[SYN_PA_COUNT], n_valid = 0, best = -1;
        for (int a = 0; a < SYN_PA_COUNT; a++) {
            valid[a] = syn_pstate_valid(&s, a);
            n_valid += valid[a];
            if (valid[a])
                best = a;
        }
        /* A forced SHIFT (an empty stack) needs no features at all; a
         * forced arc or REDUCE still needs them for a label. */
        if (n_valid == 1 && best == SYN_PA_SHIFT) {
            syn_pstate_apply(&s, best, 0);
            continue;
        }
        int nf = syn_pfeatures(&s, f, n_valid > 1 ? p->act : NULL,
                               SYN_PA_WIDTH * sizeof *p->act, p->h.act_bits);
        if (n_valid > 1) {
            int32_t score[SYN_PA_WIDTH];
            syn_parser_score_actions(p, f, nf, score);
            best = -1;
            for (int a = 0; a < SYN_PA_COUNT; a++)
                if (valid[a] && (best < 0 || score[a] > score[best]))
                    best = a;
        }
        int label = 0;
        if (best == SYN_PA_LEFT || best == SYN_PA_RIGHT) {
            int head, dep;
            syn_pstate_arc(&s, best, &head, &dep);
            if (head == n)
                label = (int)p->h.root_label;
            else if (dep == s.b0)
                label = SYN_PL_PENDING;
            else
                label = syn_parser_best_label(p, f, nf, best);
        } else if (best == SYN_PA_REDUCE) {
            /* The label of the RIGHT arc that brought s0 in. */
            label = syn_parser_best_label(p, f, nf, SYN_PA_RIGHT);
        }
        syn_pstate_apply(&s, best, label);
    }
    for (int i = 0; i < n; i++) {
        heads[i] = s.node[i].head;
        labels[i] = s.node[i].label;
    }
    return ANNALS_OK;
}

int syn_parser_parse(const syn_parser *p, syn_parser_work *w, annals_word *words, size_t n)
{
    if (n == 0)
        return ANNALS_OK;
    if (n > SYN_PARSER_MAX_WORDS)
        return ANNALS_E_LIMIT;
    int rc = syn_parser_work_reserve(w, n);
    if (rc != ANNALS_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        const char *form = words[i].norm ? words[i].norm : words[i].form;
        syn_ptok_make(&w->tok[i], form, words[i].upos, words[i].xpos);
    }
    rc = syn_parser_parse_tokens(p, w, w->tok, (int)n, w->heads, w->labels);
    if (rc != ANNALS_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        int h = w->heads[i];
        words[i].head = h == (int)n ? 0 : h + 1;
        words[i].deprel = p->labels[w->labels[i]];
    }
    return ANNALS_OK;
}

int syn_parser_parse_in(const syn_parser *p, core_arena *scratch, annals_word *words, size_t n)
{
    if (n == 0)
        return ANNALS_OK;
    if (n > SYN_PARSER_MAX_WORDS)
        return ANNALS_E_LIMIT;
    /* A work area exactly as large as the sentence: parse then finds it
     * big enough and never reallocates it. */
    syn_parser_work w = { 0 };
    size_t cap = n + 1;
    w.tok = core_arena_alloc(scratch, cap * sizeof *w.tok);
    w.node = core_arena_alloc(scratch, cap * sizeof *w.node);
    w.stack = core_arena_alloc(scratch, cap * sizeof *w.stack);
    w.in_stack = core_arena_alloc(scratch, cap);
    w.heads = core_arena_alloc(scratch, cap * sizeof *w.heads);
    w.labels = core_arena_alloc(scratch, cap * sizeof *w.labels);
    if (!w.tok || !w.node || !w.stack || !w.in_stack || !w.heads || !w.labels)
        return ANNALS_E_NOMEM;
    w.cap = cap;
    return syn_parser_parse(p, &w, words, n);
}
