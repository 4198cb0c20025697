/* parser_features.c — feature templates of the dependency parser, after
 * Zhang & Nivre's (2011) arc-eager set: words and tags of stack and
 * buffer positions, pairs and triples of them, distance, valency, the
 * labels of leftmost and rightmost children (second order and third
 * order), label sets.  Every arc joins s0 and b0; a headed s0 always has
 * s1 as its head (parser_system.h), so s1 stands for Zhang & Nivre's S0h
 * and s2 for S0h2 when s1 is headed, and s0's own label (zero while it
 * has no head) tells the two cases apart.  Beyond Zhang &
 * Nivre: the words next to s0 and b0 in the sentence, and the number of
 * punctuation marks between the candidates (feature set 2: +0.4 UAS and
 * LAS on EWT dev with predicted tags, bench/RESULTS.md).  Feature set 7
 * is these arc-eager templates with feature set 6's cheaper hash below.
 *
 * Every feature is a 64-bit hash of its template number and its values
 * (since feature set 4: one multiply per value, below); the tables are indexed
 * by its low bits (actions) or a remix (labels), so no feature dictionary
 * exists at run time.  Changing the templates, their order or the hash
 * changes the model: bump SYN_PARSER_FEATURE_SET in parser.h.
 */
#include "syntax/parser_system.h"

#include "annals.h"

/* A feature's hash: the template's seed, then one multiply per value, then
 * one fold.  The seed depends only on the template number, which is a
 * constant at each call, so the compiler folds it; a template of one value
 * costs one multiply instead of the five a fixed four-value hash took.
 * Each step is a bijection of the running hash for a fixed value (xor,
 * then an odd multiplier), so values that differ stay apart, and the fold
 * brings the well-mixed high half down to the low bits that index the
 * action table.  Over the distinct features of EWT train the buckets fill
 * as a uniform hash would (bench/RESULTS.md). */
static inline uint64_t syn_pseed(uint64_t t)
{
    uint64_t h = (t + 1) * 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 31);
}

static inline uint64_t syn_pstep(uint64_t h, uint64_t v)
{
    return (h ^ v) * 0xff51afd7ed558ccdull;
}

static inline uint64_t syn_pfold(uint64_t h)
{
    return h ^ (h >> 32);
}

/* Values of one position of the configuration. */
typedef struct syn_pslot {
    uint64_t w, p, u, l, sfx; /* word, fine tag, UPOS, label + 1 */
} syn_pslot;

static void syn_pslot_fill(const syn_pstate *s, int i, syn_pslot *v)
{
    if (i < 0) {
        v->w = v->p = v->u = v->sfx = 1;
        v->l = 0;
        return;
    }
    const syn_ptok *t = &s->tok[i];
    v->w = t->w;
    v->p = t->p;
    v->u = t->u;
    v->sfx = t->sfx;
    v->l = (uint64_t)(s->node[i].label + 1);
}

/* Distances are bucketed: nearby words differ, far ones much less so. */
static uint64_t syn_pdist(int d)
{
    if (d <= 0)
        return 0;
    if (d <= 4)
        return (uint64_t)d;
    if (d <= 6)
        return 5;
    if (d <= 9)
        return 6;
    if (d <= 15)
        return 7;
    return 8;
}

/* Punctuation between words a and b (a < b, both exclusive), counted up
 * to 3: a comma or a dash between two candidates says much about
 * whether they attach.  The scan is capped so that a long sentence stays
 * linear. */
static uint64_t syn_ppunct_between(const syn_pstate *s, int a, int b)
{
    if (a < 0 || b < 0 || b - a < 2)
        return 0;
    uint64_t c = 0;
    int end = b - a > 40 ? a + 40 : b;
    for (int k = a + 1; k < end && c < 3; k++)
        c += s->tok[k].u == (uint64_t)ANNALS_UPOS_PUNCT + 1;
    return c;
}

static uint64_t syn_pval(int v)
{
    return v > 5 ? 5 : (uint64_t)v;
}

int syn_pfeatures(const syn_pstate *s, uint64_t *out, const void *rows, size_t row_size,
                  unsigned bits)
{
    const char *base = rows;
    uint64_t mask = (1ull << bits) - 1;
    int s0i = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    int s1i = s->sp >= 2 ? s->stack[s->sp - 2] : -1;
    int s2i = s->sp >= 3 ? s->stack[s->sp - 3] : -1;
    int b0i = s->b0 <= s->n ? s->b0 : -1;
    int b1i = s->b0 + 1 <= s->n ? s->b0 + 1 : -1;
    int b2i = s->b0 + 2 <= s->n ? s->b0 + 2 : -1;
    static const syn_pnode none = { -1, -1, -1, -1, -1, -1, 0, 0, 0, 0 };
    const syn_pnode *ns0 = s0i >= 0 ? &s->node[s0i] : &none;
    const syn_pnode *ns1 = s1i >= 0 ? &s->node[s1i] : &none;
    const syn_pnode *nb0 = b0i >= 0 ? &s->node[b0i] : &none;

    syn_pslot S0, S1, S2, B0, B1, B2;
    syn_pslot_fill(s, s0i, &S0);
    syn_pslot_fill(s, s1i, &S1);
    syn_pslot_fill(s, s2i, &S2);
    syn_pslot_fill(s, b0i, &B0);
    syn_pslot_fill(s, b1i, &B1);
    syn_pslot_fill(s, b2i, &B2);
    syn_pslot S0l1, S0l2, S0r1, S0r2, S1l1, S1r1, S1r2, B0l1, B0l2;
    syn_pslot_fill(s, ns0->lc1, &S0l1);
    syn_pslot_fill(s, ns0->lc2, &S0l2);
    syn_pslot_fill(s, ns0->rc1, &S0r1);
    syn_pslot_fill(s, ns0->rc2, &S0r2);
    syn_pslot_fill(s, ns1->lc1, &S1l1);
    syn_pslot_fill(s, ns1->rc1, &S1r1);
    syn_pslot_fill(s, ns1->rc2, &S1r2);
    syn_pslot_fill(s, nb0->lc1, &B0l1);
    syn_pslot_fill(s, nb0->lc2, &B0l2);

    uint64_t d = (s0i >= 0 && b0i >= 0) ? syn_pdist(b0i - s0i) : 15;
    uint64_t d01 = (s0i >= 0 && s1i >= 0) ? syn_pdist(s0i - s1i) : 15;

    /* Linear neighbours of s0 and b0 in the sentence: the stack hides them
     * (what lay between s0 and b0 is already s0's subtree). */
    syn_pslot S0m, S0n, B0m;
    syn_pslot_fill(s, s0i > 0 ? s0i - 1 : -1, &S0m);
    syn_pslot_fill(s, s0i >= 0 ? s0i + 1 : -1, &S0n);
    syn_pslot_fill(s, b0i > 0 ? b0i - 1 : -1, &B0m);
    uint64_t pb = syn_ppunct_between(s, s0i, b0i);
    uint64_t p01 = syn_ppunct_between(s, s1i, s0i);

    int n = 0;
    uint64_t t = 0;
    /* Each row is prefetched as soon as its hash exists, so that the
     * cache misses overlap with the hashing of the next features. */
#define EMIT(h)                                                     \
    do {                                                            \
        uint64_t h_ = (h);                                          \
        out[n++] = h_;                                              \
        if (base)                                                   \
            __builtin_prefetch(base + (size_t)(h_ & mask) * row_size); \
    } while (0)
#define F1(a) EMIT(syn_pfold(syn_pstep(syn_pseed(t++), (a))))
#define F2(a, b) EMIT(syn_pfold(syn_pstep(syn_pstep(syn_pseed(t++), (a)), (b))))
#define F3(a, b, c) EMIT(syn_pfold(syn_pstep(syn_pstep(syn_pstep(syn_pseed(t++), (a)), (b)), (c))))
#define F4(a, b, c, e) \
    EMIT(syn_pfold(syn_pstep(syn_pstep(syn_pstep(syn_pstep(syn_pseed(t++), (a)), (b)), (c)), (e))))

    /* First the templates that also feed the label classifier
     * (SYN_PF_LABEL of them): the dependent s0, both candidate heads, their
     * pairs, distance and the labels already attached to them. */
    F1(1);
    F1(S0.w); F1(S0.p); F2(S0.w, S0.p); F1(S0.u); F1(S0.sfx);
    F1(B0.w); F1(B0.p); F2(B0.w, B0.p); F1(B0.u);
    F1(S1.w); F1(S1.p); F2(S1.w, S1.p); F1(B1.p);
    F4(S0.w, S0.p, B0.w, B0.p); F2(S0.w, B0.w); F2(S0.p, B0.p);
    F4(S1.w, S1.p, S0.w, S0.p); F2(S1.w, S0.w); F2(S1.p, S0.p);
    F3(S1.p, S0.p, B0.p); F3(S0.p, S0l1.p, B0.p);
    F2(S0.p, d); F3(S1.p, S0.p, d01);
    F1(S0l1.w); F1(S0l1.p); F1(S0l1.l); F1(S0r1.l); F1(B0l1.l); F1(S1r1.l);
    F2(S0.p, ns0->rset); F2(S0.p, ns0->lset); F2(B0.p, nb0->lset); F2(S1.p, ns1->rset);
    F3(S0l1.l, S0.p, B0.p); F2(S0.l, S0.p);

    /* Single positions; b0's suffix is the last label feature. */
    F1(B0.sfx);
    F1(B1.w); F2(B1.w, B1.p);
    F1(B2.w); F1(B2.p); F2(B2.w, B2.p);
    F1(S2.p);

    /* Pairs: s0 with b0, and s1 with s0. */
    F3(S0.w, S0.p, B0.w); F3(S0.w, B0.w, B0.p);
    F3(S0.w, S0.p, B0.p); F3(S0.p, B0.w, B0.p);
    F2(B0.p, B1.p);
    F3(S1.w, S1.p, S0.w); F3(S1.w, S0.w, S0.p);
    F3(S1.w, S1.p, S0.p); F3(S1.p, S0.w, S0.p);

    /* Triples of tags (and a word). */
    F3(B0.p, B1.p, B2.p); F3(S0.p, B0.p, B1.p);
    F3(S0.p, S0r1.p, B0.p); F3(S0.p, B0.p, B0l1.p);
    F3(S2.p, S1.p, S0.p); F3(S1.p, S1r1.p, S0.p); F3(S1.p, S1l1.p, S0.p);
    F3(S1.p, S0.p, S0l1.p); F3(S1.p, S0.p, S0r1.p);
    F3(S1.w, S0.p, B0.p); F3(S1.p, S0.w, B0.p); F3(S1.p, S0.p, B0.w);
    F3(S0.w, B0.p, B1.p); F3(S0.p, B0.w, B1.p); F3(S0.p, B0.p, B1.w);

    /* Distance. */
    F2(S0.w, d); F2(B0.w, d); F2(B0.p, d); F3(S0.w, B0.w, d); F3(S0.p, B0.p, d);
    F3(S1.w, S0.w, d01); F2(S1.w, d01); F2(S0.w, d01);

    /* Valency. */
    F2(S0.w, syn_pval(ns0->nr)); F2(S0.p, syn_pval(ns0->nr));
    F2(S0.w, syn_pval(ns0->nl)); F2(S0.p, syn_pval(ns0->nl));
    F2(B0.w, syn_pval(nb0->nl)); F2(B0.p, syn_pval(nb0->nl));
    F2(S1.w, syn_pval(ns1->nr)); F2(S1.p, syn_pval(ns1->nr)); F2(S1.p, syn_pval(ns1->nl));

    /* Children (second order). */
    F1(S0r1.w); F1(S0r1.p);
    F1(B0l1.w); F1(B0l1.p);
    F1(S1r1.w); F1(S1r1.p);
    F1(S1l1.p); F1(S1l1.l);

    /* Third order. */
    F1(S0l2.w); F1(S0l2.p); F1(S0l2.l);
    F1(S0r2.w); F1(S0r2.p); F1(S0r2.l);
    F1(B0l2.w); F1(B0l2.p); F1(B0l2.l);
    F3(S0.p, S0l1.p, S0l2.p); F3(S0.p, S0r1.p, S0r2.p); F3(B0.p, B0l1.p, B0l2.p);
    F3(S1.p, S1r1.p, S1r2.p);

    /* Label sets. */
    F2(S0.w, ns0->rset); F2(S0.w, ns0->lset); F2(B0.w, nb0->lset); F2(S1.w, ns1->rset);

    /* Labels already given next to the decision. */
    F3(S1r1.l, S1.p, S0.p);

    /* Words without tags, which hold when the predicted tags are wrong. */
    F2(B0.w, B1.w); F2(S0.w, B1.w); F2(S1.w, B0.w); F1(S1.sfx); F1(B1.sfx);
    F2(S0.sfx, B0.sfx); F2(S1.sfx, S0.sfx); F3(S0.u, B0.u, B1.u); F3(S1.u, S0.u, B0.u);
    F2(S0.w, B0.u); F2(S0.u, B0.w); F2(S1.w, S0.u); F2(S1.u, S0.w);

    /* Linear context and punctuation between the candidates. */
    F1(B0m.p); F2(B0m.p, B0.p); F3(S0.p, B0m.p, B0.p); F1(B0m.w);
    F2(S0.p, S0n.p); F3(S0.p, S0n.p, B0.p); F2(S0m.p, S0.p);
    F3(S0.p, B0.p, pb); F3(S1.p, S0.p, p01);

    /* Whether s0 has its head (s1) yet, and with which label (feature
     * set 3, arc-eager). */
    F2(S0.w, S0.l); F3(S0.p, S0.l, B0.p); F3(S1.p, S0.l, S0.p); F2(S1.p, S1.l);
#undef F1
#undef F2
#undef F3
#undef F4
#undef EMIT
    return n;
}
