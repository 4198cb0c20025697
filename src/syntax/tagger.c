/* tagger.c — tagging with a model used in place. */
#include "syntax/tagger.h"

#include <stdio.h>
#include <string.h>

static const char *const syn_upos_names[ANNALS_UPOS_COUNT] = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN",
    "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *syn_upos_name(int upos)
{
    return upos > 0 && upos < ANNALS_UPOS_COUNT ? syn_upos_names[upos] : "_";
}

int syn_upos_from_name(const char *name, size_t len)
{
    for (int i = 1; i < ANNALS_UPOS_COUNT; i++)
        if (strlen(syn_upos_names[i]) == len && !memcmp(syn_upos_names[i], name, len))
            return i;
    return ANNALS_UPOS_NONE;
}

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
    if (meta[0] != SYN_TAG_FEATURE_SET)
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
    tw->sure = sure <= t->n_classes ? sure : 0;
    /* Words training saw less than twice are not in the table; training
     * met them under one shared identity and learnt from their spelling
     * (suffixes, shape), which is what an unseen word has to go by. */
    if (!tw->amb)
        tw->lower = tw->form = SYN_TAG_RARE_WORD;
}

static inline int32_t pair_weight(uint32_t p)
{
    int32_t q = (int32_t)(p >> 8);
    return q & 0x800000 ? q - 0x1000000 : q;
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

/* The best class for one token.  The tables are far bigger than the
 * caches, so every lookup is a miss: the slots of all features are
 * fetched at once, then their weight runs, and only then summed, letting
 * the misses overlap instead of following one another. */
static unsigned best_class(const syn_tagger *t, const uint64_t *keys, size_t nk)
{
    const uint32_t *runs[SYN_TAGFEAT_MAX];
    uint32_t lens[SYN_TAGFEAT_MAX];
    int32_t scores[SYN_TAGGER_MAX_CLASSES + 1];
    size_t nr = 0;
    for (size_t k = 0; k < nk; k++)
        __builtin_prefetch(&t->slots[keys[k] & t->mask]);
    for (size_t k = 0; k < nk; k++) {
        const uint32_t *p = find_feature(t, keys[k], &lens[nr]);
        if (p) {
            __builtin_prefetch(p);
            runs[nr++] = p;
        }
    }
    memset(scores, 0, t->n_classes * sizeof scores[0]);
    for (size_t r = 0; r < nr; r++)
        for (uint32_t k = 0; k < lens[r]; k++)
            scores[runs[r][k] & 0xFF] += pair_weight(runs[r][k]);
    unsigned best = 0;
    for (unsigned c = 1; c < t->n_classes; c++)
        if (scores[c] > scores[best])
            best = c;
    return best;
}

void syn_tagger_classes(const syn_tagger *t, const syn_tagword *tw, size_t n, uint8_t *out)
{
    uint64_t keys[SYN_TAGFEAT_MAX];
    unsigned p1 = SYN_TAG_START, p2 = SYN_TAG_START;
    for (size_t i = 0; i < n; i++) {
        if (tw[i].sure) {
            out[i] = (uint8_t)(tw[i].sure - 1);
            p2 = p1;
            p1 = out[i];
            continue;
        }
        size_t nk = syn_tagfeat_token(tw, n, i, p1, p2, keys);
        unsigned best = best_class(t, keys, nk);
        out[i] = (uint8_t)best;
        p2 = p1;
        p1 = best;
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
    for (size_t i = 0; i < n; i++) {
        const char *f = words[i].norm ? words[i].norm : words[i].form;
        syn_tagfeat_word(f, f ? strlen(f) : 0, i == 0, &tw[i]);
        syn_tagger_lookup_word(t, &tw[i]);
    }
    syn_tagger_classes(t, tw, n, cls);
    for (size_t i = 0; i < n; i++) {
        words[i].upos = t->upos[cls[i]];
        words[i].xpos = t->xpos[cls[i]];
    }
    return ANNALS_OK;
}
