/* tagger.c — tagging with a model used in place. */
#include "syntax/tagger.h"

#include <stdio.h>
#include <string.h>

static int bad(char *errbuf, size_t errsize, const char *what)
{
    if (errbuf && errsize)
        snprintf(errbuf, errsize, "tagger: %s", what);
    return ANNALS_E_DATA;
}

int syn_tagger_present(const syn_model *m)
{
    return syn_model_section(m, SYN_TAG_SEC_META, NULL) != NULL;
}

/* Checks the class table: every UPOS known, every XPOS name a string
 * that ends inside the name section. */
static int open_classes(syn_tagger *t, const syn_model *m, char *errbuf, size_t errsize)
{
    size_t csize, nsize;
    const uint32_t *cls = syn_model_section(m, SYN_TAG_SEC_CLASSES, &csize);
    const char *names = syn_model_section(m, SYN_TAG_SEC_NAMES, &nsize);
    if (!cls || !names)
        return bad(errbuf, errsize, "class sections missing");
    if (csize != (size_t)t->n_classes * 8 || nsize == 0 || names[nsize - 1] != '\0')
        return bad(errbuf, errsize, "class sections have the wrong size");
    for (uint32_t c = 0; c < t->n_classes; c++) {
        uint32_t upos = cls[2 * c], off = cls[2 * c + 1];
        if (upos == 0 || upos >= ANNALS_UPOS_COUNT || off >= nsize)
            return bad(errbuf, errsize, "class table holds an unknown tag");
        t->upos[c] = (uint8_t)upos;
        t->xpos[c] = names + off;
    }
    return ANNALS_OK;
}

int syn_tagger_open(syn_tagger *t, const syn_model *m, char *errbuf, size_t errsize)
{
    memset(t, 0, sizeof *t);
    size_t size;
    const uint32_t *meta = syn_model_section(m, SYN_TAG_SEC_META, &size);
    if (!meta || size < 16)
        return bad(errbuf, errsize, "no tagger in this model");
    uint32_t n_classes = meta[1], log2_slots = meta[2], n_pairs = meta[3];
    /* Feature set 2 is set 3 without WordNet: its word table has no
     * WordNet bits, so no WordNet template fires and it tags as before. */
    if (meta[0] != SYN_TAG_FEATURE_SET && meta[0] != 2)
        return bad(errbuf, errsize, "unknown tagger feature set");
    if (n_classes == 0 || n_classes > SYN_TAGGER_MAX_CLASSES || log2_slots > 30)
        return bad(errbuf, errsize, "meta section out of range");
    t->n_classes = n_classes;
    int rc = open_classes(t, m, errbuf, errsize);
    if (rc)
        return rc;
    size_t ssize, psize;
    const uint64_t *slots = syn_model_section(m, SYN_TAG_SEC_SLOTS, &ssize);
    const uint32_t *pairs = syn_model_section(m, SYN_TAG_SEC_PAIRS, &psize);
    if (!slots || !pairs || ssize != ((size_t)1 << log2_slots) * 8 ||
        psize != (size_t)n_pairs * 4)
        return bad(errbuf, errsize, "weight sections missing or of the wrong size");
    /* One pass over the table so that tagging never has to check bounds. */
    for (size_t i = 0; i < ((size_t)1 << log2_slots); i++) {
        uint64_t s = slots[i];
        if (!s)
            continue;
        uint32_t start = (uint32_t)s >> 8, len = (uint32_t)s & 0xFF;
        if (len == 0 || (uint64_t)start + len > n_pairs || !(s >> 32))
            return bad(errbuf, errsize, "weight table points outside its pairs");
    }
    for (uint32_t i = 0; i < n_pairs; i++)
        if ((pairs[i] & 0xFF) >= n_classes)
            return bad(errbuf, errsize, "weight for an unknown class");
    size_t asize;
    const uint64_t *amb = syn_model_section(m, SYN_TAG_SEC_AMBIG, &asize);
    if (!amb || asize < 8 || (asize & (asize - 1)) != 0)
        return bad(errbuf, errsize, "word table missing or of the wrong size");
    t->amb = amb;
    t->amb_mask = asize / 8 - 1;
    t->slots = slots;
    t->pairs = pairs;
    t->n_pairs = n_pairs;
    t->mask = ((uint64_t)1 << log2_slots) - 1;
    return ANNALS_OK;
}

_Static_assert(ANNALS_UPOS_COUNT <= SYN_TAG_WN_SHIFT, "the UPOS bits of the word table overflow");

uint64_t syn_tagger_ambiguity(const syn_tagger *t, uint64_t lower)
{
    uint32_t check = (uint32_t)(lower >> 32) | 1u;
    uint64_t i = lower & t->amb_mask;
    for (uint64_t probes = 0; probes <= t->amb_mask; probes++) {
        uint64_t s = t->amb[i];
        if (!s)
            return 0;
        if ((uint32_t)(s >> 32) == check)
            return (uint32_t)s;
        i = (i + 1) & t->amb_mask;
    }
    return 0;
}

void syn_tagger_lookup_word(const syn_tagger *t, syn_tagword *tw)
{
    uint64_t v = syn_tagger_ambiguity(t, tw->lower);
    unsigned sure = (unsigned)(v >> 24) & 0xFF;
    tw->amb = v & SYN_TAG_AMB_BITS;
    tw->wn = (v >> SYN_TAG_WN_SHIFT) & SYN_TAG_WN_ALL;
    tw->sure = sure <= t->n_classes ? sure : 0;
    /* Words training saw less than twice are not in the table; training
     * met them under one shared identity and learnt from their spelling
     * (suffixes, shape), which is what an unseen word has to go by. */
    if (!tw->amb)
        tw->lower = tw->form = SYN_TAG_RARE_WORD;
}

/* The signed 24-bit weight of a pair: its top three bytes, sign included,
 * brought down by an arithmetic shift (what gcc and clang do for a signed
 * right shift). */
static inline int32_t pair_weight(uint32_t p)
{
    return (int32_t)p >> 8;
}

/* The run of (class, weight) pairs of feature `key`: its start, with the
 * length in *len, or NULL when the model has no such feature.  Probing
 * stops at an empty slot or after a full turn. */
static inline const uint32_t *find_feature(const syn_tagger *t, uint64_t key, uint32_t *len)
{
    uint32_t check = (uint32_t)(key >> 32) | 1u;
    uint64_t i = key & t->mask;
    for (uint64_t probes = 0; probes <= t->mask; probes++) {
        uint64_t s = t->slots[i];
        if (!s)
            return NULL;
        if ((uint32_t)(s >> 32) == check) {
            *len = (uint32_t)s & 0xFF;
            return t->pairs + ((uint32_t)s >> 8);
        }
        i = (i + 1) & t->mask;
    }
    return NULL;
}

/* The weight runs of some features of one word. */
typedef struct tag_runs {
    const uint32_t *run[SYN_TAGFEAT_STATIC_MAX];
    uint32_t len[SYN_TAGFEAT_STATIC_MAX];
    size_t n;
} tag_runs;

static void prefetch_slots(const syn_tagger *t, const uint64_t *keys, size_t nk)
{
    for (size_t k = 0; k < nk; k++)
        __builtin_prefetch(&t->slots[keys[k] & t->mask]);
}

/* Finds the runs of keys[0..nk) (nk <= SYN_TAGFEAT_STATIC_MAX) and asks
 * for their first cache lines. */
static void find_runs(const syn_tagger *t, const uint64_t *keys, size_t nk, tag_runs *r)
{
    r->n = 0;
    for (size_t k = 0; k < nk; k++) {
        const uint32_t *p = find_feature(t, keys[k], &r->len[r->n]);
        if (p) {
            __builtin_prefetch(p);
            r->run[r->n++] = p;
        }
    }
}

static void add_runs(const tag_runs *r, int32_t *scores)
{
    for (size_t i = 0; i < r->n; i++)
        for (uint32_t k = 0; k < r->len[i]; k++)
            scores[r->run[i][k] & 0xFF] += pair_weight(r->run[i][k]);
}

/* The best class of a word whose tag-independent runs are in `st`, given
 * the keys of its tag features; the lower class wins a tie. */
static unsigned score_word(const syn_tagger *t, const tag_runs *st, const uint64_t *keys,
                           size_t nk)
{
    tag_runs dyn;
    int32_t scores[SYN_TAGGER_MAX_CLASSES + 1];
    prefetch_slots(t, keys, nk);
    find_runs(t, keys, nk, &dyn);
    memset(scores, 0, t->n_classes * sizeof scores[0]);
    add_runs(st, scores);
    add_runs(&dyn, scores);
    /* The highest score first (a reduction the compiler vectorises), then
     * the first class that has it. */
    int32_t max = scores[0];
    for (unsigned c = 1; c < t->n_classes; c++)
        max = scores[c] > max ? scores[c] : max;
    unsigned best = 0;
    while (scores[best] != max)
        best++;
    return best;
}

/* The tables are far bigger than the caches, so nearly every lookup is a
 * miss.  Most features do not depend on the tags just predicted, so they
 * are fetched ahead: the slots of word i + 2 and the weight runs of word
 * i + 1 are asked for while word i is scored, and only the few features
 * of the previous tags are looked up on the spot.  The scores are integer
 * sums, so the order of the features does not change them. */
typedef struct tag_ahead {
    uint64_t keys[3][SYN_TAGFEAT_STATIC_MAX];
    size_t nk[3];
    tag_runs runs[2];
} tag_ahead;

static void ahead_slots(const syn_tagger *t, const syn_tagword *tw, size_t n, size_t j,
                        tag_ahead *a)
{
    size_t nk = tw[j].sure ? 0 : syn_tagfeat_static(tw, n, j, a->keys[j % 3]);
    a->nk[j % 3] = nk;
    prefetch_slots(t, a->keys[j % 3], nk);
}

static void ahead_runs(const syn_tagger *t, size_t j, tag_ahead *a)
{
    find_runs(t, a->keys[j % 3], a->nk[j % 3], &a->runs[j % 2]);
}

void syn_tagger_classes(const syn_tagger *t, const syn_tagword *tw, size_t n, uint8_t *out)
{
    if (!n)
        return;
    tag_ahead a;
    uint64_t keys[SYN_TAGFEAT_TAGS_MAX];
    unsigned p1 = SYN_TAG_START, p2 = SYN_TAG_START;
    ahead_slots(t, tw, n, 0, &a);
    if (n > 1)
        ahead_slots(t, tw, n, 1, &a);
    ahead_runs(t, 0, &a);
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n)
            ahead_slots(t, tw, n, i + 2, &a);
        if (i + 1 < n)
            ahead_runs(t, i + 1, &a);
        if (tw[i].sure) {
            out[i] = (uint8_t)(tw[i].sure - 1);
        } else {
            size_t nk = syn_tagfeat_tags(tw, n, i, p1, p2, keys);
            out[i] = (uint8_t)score_word(t, &a.runs[i % 2], keys, nk);
        }
        p2 = p1;
        p1 = out[i];
    }
}

int syn_tagger_tag(const syn_tagger *t, core_arena *scratch, annals_word *words, size_t n)
{
    if (!n)
        return ANNALS_OK;
    syn_tagword *tw = core_arena_alloc(scratch, n * sizeof *tw);
    uint8_t *cls = core_arena_alloc(scratch, n);
    if (!tw || !cls)
        return ANNALS_E_NOMEM;
    /* The word table is larger than the caches (WordNet's forms are in
     * it): every word's slot is asked for while the next words are hashed,
     * and looked up only then. */
    for (size_t i = 0; i < n; i++) {
        const char *f = words[i].norm ? words[i].norm : words[i].form;
        syn_tagfeat_word(f, f ? strlen(f) : 0, i == 0, &tw[i]);
        __builtin_prefetch(&t->amb[tw[i].lower & t->amb_mask]);
    }
    for (size_t i = 0; i < n; i++)
        syn_tagger_lookup_word(t, &tw[i]);
    syn_tagger_classes(t, tw, n, cls);
    for (size_t i = 0; i < n; i++) {
        words[i].upos = t->upos[cls[i]];
        words[i].xpos = t->xpos[cls[i]];
    }
    return ANNALS_OK;
}
