/* plan.c — which sentences need the tagger and the parser (see plan.h for
 * the reasoning). */
#include "pipeline/plan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "actors/match.h"
#include "coder/roles.h"
#include "coder/verbs.h"
#include "pipeline/plan_words.h"

static const char *pipe_norm(const annals_word *w)
{
    return w->norm ? w->norm : w->form ? w->form : "";
}

/* ---- what a word may be, remembered ---------------------------------- */

#define PIPE_WORD_KNOWN 1u      /* the other bits are set */
#define PIPE_WORD_VERB 2u       /* pipe_may_be_verb */
#define PIPE_WORD_PRONOUN 4u    /* a pronoun the coder resolves */
#define PIPE_WORD_REFERRING 8u  /* as a noun, a lemma the coder resolves after "the" */
#define PIPE_WORD_THE 16u       /* "the" */
#define PIPE_WORD_DISCARD 32u   /* under some tag, a word of a discard phrase */
#define PIPE_CACHE_SLOTS 131072 /* a power of two; 4 MB a coder */

void pipe_cache_free(pipe_cache *c)
{
    free(c->slots);
    free(c->masks);
    free(c->scratch);
    memset(c, 0, sizeof *c);
}

/* Room for one more discard mask of `len` words; NULL when out of memory. */
static uint64_t *pipe_new_mask(pipe_cache *c, size_t len)
{
    if (c->n_masks == c->cap_masks) {
        size_t cap = c->cap_masks ? c->cap_masks * 2 : 1024;
        uint64_t *v = realloc(c->masks, cap * len * sizeof *v);
        if (!v)
            return NULL;
        c->masks = v;
        c->cap_masks = cap;
    }
    return &c->masks[c->n_masks * len];
}

/* The coder's scratch mask, allocated once; NULL when out of memory. */
static uint64_t *pipe_scratch(pipe_cache *c, size_t len)
{
    if (!c->scratch)
        c->scratch = malloc(len * sizeof *c->scratch);
    return c->scratch;
}

static bool pipe_may_be_verb(const annals_resources *r, const char *norm, const char *lemma);

static bool pipe_is_referring(const annals_resources *r, const char *norm)
{
    const char *lemma = norm;
    char buf[SYN_LEM_MAX_WORD + 16];
    if (r->has_lemmatizer)
        lemma = syn_lemma_of(&r->lemmatizer, norm, ANNALS_UPOS_NOUN, buf, sizeof buf);
    return cod_is_anaphoric_noun(lemma);
}

/* The PIPE_WORD_* bits of a word; the discard words it can be go to
 * `mask` (NULL: out of memory, and then it counts as a discard word). */
static unsigned pipe_word_bits_of(const annals_resources *r, const char *norm, uint64_t *mask)
{
    unsigned bits = PIPE_WORD_KNOWN;
    if (r->plan_words && (!mask || pipe_words_discard_mask(r, norm, mask)))
        bits |= PIPE_WORD_DISCARD;
    if (pipe_may_be_verb(r, norm, NULL))
        bits |= PIPE_WORD_VERB;
    if (cod_is_resolved_pronoun(norm))
        bits |= PIPE_WORD_PRONOUN;
    if (pipe_is_referring(r, norm))
        bits |= PIPE_WORD_REFERRING;
    if (strcasecmp(norm, "the") == 0)
        bits |= PIPE_WORD_THE;
    return bits;
}

/* ORs a discard mask into `all` (when not NULL). */
static void pipe_or_mask(uint64_t *all, const uint64_t *m, size_t len)
{
    for (size_t i = 0; all && i < len; i++)
        all[i] |= m[i];
}

/* The PIPE_WORD_* bits of a word, from the cache when it is there; when
 * `all` is not NULL, the discard words it can be are ORed into it. */
static unsigned pipe_word_bits(const annals_resources *r, pipe_cache *c, const annals_word *w,
                               uint64_t *all)
{
    const char *norm = pipe_norm(w);
    size_t len = strlen(norm);
    size_t ml = pipe_words_mask_len(r->plan_words);
    if (len > 0 && len < PIPE_CACHE_KEY && !c->slots) {
        c->slots = calloc(PIPE_CACHE_SLOTS, sizeof *c->slots);
        c->cap = c->slots ? PIPE_CACHE_SLOTS : 0;
    }
    if (len == 0 || len >= PIPE_CACHE_KEY || !c->slots) {
        uint64_t *m = ml ? pipe_scratch(c, ml) : NULL;
        unsigned bits = pipe_word_bits_of(r, norm, m);
        if ((bits & PIPE_WORD_DISCARD) && m)
            pipe_or_mask(all, m, ml);
        else if (bits & PIPE_WORD_DISCARD)
            c->masks_failed = true;
        return bits;
    }
    if (c->n >= c->cap / 4 * 3) {
        /* full: start again rather than grow (news repeats its words) */
        memset(c->slots, 0, c->cap * sizeof *c->slots);
        c->n = 0;
        c->n_masks = 0;
    }
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)norm[i]) * 16777619u;
    for (size_t i = h & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
        pipe_cache_slot *s = &c->slots[i];
        if (!s->key[0]) {
            uint64_t *m = ml ? pipe_new_mask(c, ml) : NULL;
            unsigned bits = pipe_word_bits_of(r, norm, m);
            if (!(bits & PIPE_WORD_DISCARD))
                m = NULL;
            else if (!m) {
                c->masks_failed = true;
                return bits; /* not cached: its mask has no room */
            }
            memcpy(s->key, norm, len + 1);
            s->bits = bits;
            s->mask = m ? (uint32_t)(c->n_masks++ + 1) : 0;
            c->n++;
            if (m)
                pipe_or_mask(all, m, ml);
            return bits;
        }
        if (memcmp(s->key, norm, len + 1) == 0) {
            if (s->mask)
                pipe_or_mask(all, &c->masks[(s->mask - 1) * ml], ml);
            return s->bits;
        }
    }
}

/* Whether a word of `s` could be resolved to an earlier actor: a personal
 * pronoun, or a noun whose lemma is a referring noun with "the" somewhere
 * in the sentence.  The noun's lemma is the one the lemmatiser gives it
 * as a NOUN, as the coder would see it if the tagger said NOUN. */
static bool pipe_may_refer(const annals_resources *r, pipe_cache *c, const annals_sentence *s)
{
    unsigned all = 0;
    for (size_t k = 0; k < s->n_words; k++)
        all |= pipe_word_bits(r, c, &s->words[k], NULL);
    return (all & PIPE_WORD_PRONOUN) || ((all & PIPE_WORD_THE) && (all & PIPE_WORD_REFERRING));
}

static bool pipe_has_question_mark(const annals_sentence *s)
{
    for (size_t k = 0; k < s->n_words; k++)
        if (strcmp(pipe_norm(&s->words[k]), "?") == 0)
            return true;
    return false;
}

/* Whether some discard phrase could match `s` once tagged: every word of
 * the phrase is, by its form or its lemma under some tag, somewhere in
 * the sentence (order and adjacency are not checked, which only errs
 * towards tagging). */
static int pipe_may_discard(const annals_resources *r, core_arena *a, pipe_cache *c,
                            const annals_sentence *s, bool *out)
{
    const pipe_words *pw = r->plan_words;
    size_t ml = pipe_words_mask_len(pw);
    *out = false;
    uint64_t *all = core_arena_calloc(a, ml ? ml : 1, sizeof *all);
    if (!all)
        return ANNALS_E_NOMEM;
    bool any = false;
    for (size_t k = 0; k < s->n_words; k++)
        any = (pipe_word_bits(r, c, &s->words[k], all) & PIPE_WORD_DISCARD) || any;
    if (!any)
        return ANNALS_OK;
    if (c->masks_failed) {
        *out = true;
        return ANNALS_OK;
    }
    for (uint32_t d = 0; d < r->verbs->n_discards && !*out; d++)
        *out = pipe_words_phrase_within(pw, d, all);
    return ANNALS_OK;
}

/* Whether a word the tagger calls (or would call) a VERB could be a verb
 * of the dictionaries: its form, its lemma (`lemma`, or when NULL the one
 * the lemmatiser gives it as a verb), its form without a final -s, or
 * (TABARI) a stem of its form, as coder/match.c looks verbs up. */
static bool pipe_may_be_verb(const annals_resources *r, const char *norm, const char *lemma)
{
    const cod_verbs *v = r->verbs;
    size_t n;
    if (cod_verbs_find(v, cod_verbs_word_lower(v, norm), &n) && n)
        return true;
    char buf[SYN_LEM_MAX_WORD + 16];
    if (!lemma && r->has_lemmatizer)
        lemma = syn_lemma_of(&r->lemmatizer, norm, ANNALS_UPOS_VERB, buf, sizeof buf);
    if (lemma && cod_verbs_find(v, cod_verbs_word_lower(v, lemma), &n) && n)
        return true;
    size_t len = strlen(norm);
    char low[128];
    if (len >= sizeof low)
        return true; /* too long to look at: parse */
    for (size_t i = 0; i < len; i++)
        low[i] = (char)((norm[i] >= 'A' && norm[i] <= 'Z') ? norm[i] + 32 : norm[i]);
    if (len > 3 && low[len - 1] == 's' && cod_verbs_find(v, cod_verbs_word(v, low, len - 1), &n) &&
        n)
        return true;
    for (size_t l = len; v->has_stems && l >= 3; l--) {
        const uint32_t *vs = cod_verbs_find(v, cod_verbs_word(v, low, l), &n);
        for (size_t i = 0; vs && i < n; i++)
            if (v->verbs[vs[i]].stem)
                return true;
    }
    return false;
}

bool pipe_tagged_verb(const annals_resources *r, const annals_sentence *s)
{
    for (size_t k = 0; k < s->n_words; k++) {
        const annals_word *w = &s->words[k];
        if (w->upos == ANNALS_UPOS_VERB && !(w->flags & ANNALS_WORD_DATELINE) &&
            pipe_may_be_verb(r, pipe_norm(w), w->lemma))
            return true;
    }
    return false;
}

static bool pipe_has_verb(const annals_resources *r, pipe_cache *c, const annals_sentence *s)
{
    for (size_t k = 0; k < s->n_words; k++)
        if (!(s->words[k].flags & ANNALS_WORD_DATELINE) &&
            (pipe_word_bits(r, c, &s->words[k], NULL) & PIPE_WORD_VERB))
            return true;
    return false;
}

/* Whether mention m of s can be an antecedent (coder/roles.c skips
 * mentions in titles and captions and those starting in a dateline). */
static bool pipe_antecedent(const annals_sentence *s, const act_span *m)
{
    if (s->kind == ANNALS_SENT_TITLE || s->kind == ANNALS_SENT_CAPTION)
        return false;
    return !(m->first < s->n_words && (s->words[m->first].flags & ANNALS_WORD_DATELINE));
}

/* What the plan knows of one sentence. */
typedef struct pipe_sent {
    unsigned mentions : 1;   /* the untagged matcher found a mention */
    unsigned antecedent : 1; /* one of them can be an antecedent */
    unsigned refer_known : 1, refer : 1; /* pipe_may_refer, once asked */
    unsigned referrer : 1;   /* a later_refers() answer rests on it: PIPE_REFERS */
    unsigned tag_proof : 1;  /* no tag could change its mentions (act_found_tag_proof) */
} pipe_sent;

/* What a sentence that cannot yield an event needs for its mentions'
 * sake: nothing without any, tags only when the tags could change them. */
static unsigned char pipe_for_mentions(const pipe_sent *p)
{
    return !p->mentions ? PIPE_NEED_NOTHING : p->tag_proof ? PIPE_NEED_MENTIONS : PIPE_NEED_TAGS;
}

static bool pipe_refers(const annals_resources *r, pipe_cache *c, const annals_sentence *s,
                        pipe_sent *p)
{
    if (!p->refer_known) {
        p->refer = pipe_may_refer(r, c, s);
        p->refer_known = 1;
    }
    return p->refer;
}

/* Whether a sentence after i, near enough, may resolve a pronoun or "the
 * country" to a mention of sentence i in an event, whose parse then
 * matters (the coder prefers antecedents that are subjects).  Every such
 * sentence is marked as a referrer: whether it has a dictionary verb once
 * tagged decides (PIPE_NEED_ANTECEDENT). */
static bool pipe_later_refers(const annals_resources *r, pipe_cache *c, const annals_sentence *s,
                              size_t n, size_t i, pipe_sent *p)
{
    bool any = false;
    for (size_t j = i + 1; j < n && j <= i + PIPE_ANTECEDENT_SENTENCES; j++)
        if (s[j].kind == ANNALS_SENT_BODY && pipe_refers(r, c, &s[j], &p[j]) &&
            (p[j].referrer || pipe_has_verb(r, c, &s[j]))) {
            p[j].referrer = 1;
            any = true;
        }
    return any;
}

/* What body sentence i needs. */
static int pipe_plan_body(const annals_resources *r, core_arena *a, pipe_cache *c,
                          const annals_sentence *s, size_t n, size_t i, pipe_sent *p,
                          bool antecedent_before, unsigned char *need)
{
    const annals_sentence *si = &s[i];
    bool source = p[i].mentions || (antecedent_before && pipe_refers(r, c, si, &p[i]));
    bool later = p[i].antecedent && pipe_later_refers(r, c, s, n, i, p);
    if (source && pipe_has_verb(r, c, si)) {
        /* whether a word is a verb the tags will say */
        *need = PIPE_NEED_TAGS | PIPE_NEED_VERB | (later ? PIPE_NEED_ANTECEDENT : 0);
        return ANNALS_OK;
    }
    /* No event can come from it; what remains is to leave the coder's
     * view of it as it would be: its mentions (as antecedents, with their
     * parse when a later sentence may want one; otherwise they count only
     * towards the story's country), its question test and its discard
     * phrases (which read tags and lemmas, and stop the coder's context
     * or the whole story). */
    if (later) {
        *need = PIPE_NEED_TAGS | PIPE_NEED_ANTECEDENT;
        return ANNALS_OK;
    }
    *need = PIPE_NEED_TAGS;
    if (pipe_has_question_mark(si))
        return ANNALS_OK;
    if (r->plan_words) {
        bool discard;
        int rc = pipe_may_discard(r, a, c, si, &discard);
        if (rc || discard)
            return rc;
    }
    *need = pipe_for_mentions(&p[i]);
    return ANNALS_OK;
}

int pipe_plan_sentences(const annals_resources *r, core_arena *a, pipe_cache *c,
                        const annals_sentence *s, size_t n, const char *date,
                        unsigned char *need, act_found *found)
{
    pipe_sent *p = core_arena_calloc(a, n ? n : 1, sizeof *p);
    if (!p)
        return ANNALS_E_NOMEM;
    int32_t day = act_date_of(date);
    for (size_t i = 0; i < n; i++) {
        act_span *m;
        size_t nm;
        int rc = act_find_spans(r->actors, a, &s[i], day, &m, &nm, found ? &found[i] : NULL);
        if (rc)
            return rc;
        p[i].mentions = nm > 0;
        p[i].tag_proof = found && act_found_tag_proof(&found[i], &s[i]);
        for (size_t k = 0; k < nm; k++)
            if (pipe_antecedent(&s[i], &m[k]))
                p[i].antecedent = 1;
    }
    for (size_t i = 0; i < n; i++) {
        bool antecedent_before = false;
        for (size_t j = i > PIPE_ANTECEDENT_SENTENCES ? i - PIPE_ANTECEDENT_SENTENCES : 0; j < i;
             j++)
            antecedent_before = antecedent_before || p[j].antecedent;
        switch (s[i].kind) {
        case ANNALS_SENT_TITLE:
        case ANNALS_SENT_CAPTION:
            /* never coded, never antecedents: tags only for exact mentions */
            need[i] = pipe_for_mentions(&p[i]);
            break;
        case ANNALS_SENT_HEADLINE:
            /* never coded, but its mentions can be antecedents */
            need[i] = p[i].mentions && p[i].antecedent && pipe_later_refers(r, c, s, n, i, p)
                          ? PIPE_NEED_TAGS | PIPE_NEED_ANTECEDENT
                          : pipe_for_mentions(&p[i]);
            break;
        default: {
            int rc = pipe_plan_body(r, a, c, s, n, i, p, antecedent_before, &need[i]);
            if (rc)
                return rc;
            break;
        }
        }
    }
    for (size_t i = 0; i < n; i++)
        if (p[i].referrer)
            need[i] |= PIPE_REFERS;
    return ANNALS_OK;
}
