/* plan.h — which sentences of a document the tagger and the parser must
 * see for the event coder to code every event it would code with all of
 * them analysed (annals_coder_set_skip_eventless).
 *
 * The coder (src/coder) makes an event only from a sentence where it
 * finds a source actor, and it finds one only through
 *   - an actor mention in the sentence, or
 *   - a personal pronoun or "the <noun such as country>" resolved to a
 *     mention at most three sentences back (coder/roles.c);
 * its other cross-sentence effects are the discard phrases (a story
 * discard empties the whole document) and the target of the previous
 * event (which needs events, so a sentence without any has no part in
 * it).  Title and caption sentences are never coded and their mentions
 * are never antecedents; headline sentences are never coded but their
 * mentions can be.  Actor matching needs no tags: untagged, it finds
 * every mention the tagged matcher finds and more (the tagger only
 * removes lone words tagged as verbs), so an untagged pass that finds no
 * mention proves the tagged one would find none.
 *
 * The plan is conservative: whenever a sentence might matter, it is
 * parsed.  The lists of pronouns and referring nouns below mirror those
 * of coder/roles.c and must stay a superset of them. */
#ifndef ANNALS_PIPELINE_PLAN_H
#define ANNALS_PIPELINE_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actors/match.h"
#include "annals.h"
#include "core/arena.h"
#include "pipeline/resources.h"

/* How far back a pronoun looks for its antecedent (coder/roles.c). */
#define PIPE_ANTECEDENT_SENTENCES 3

/* What one sentence needs: PIPE_NEED_* bits.  The parse of a sentence is
 * decided after every sentence of the document is tagged, since it may
 * depend on the tags of the sentences after it. */
enum {
    PIPE_NEED_NOTHING = 0,    /* neither tags nor parse: it cannot yield an event */
    PIPE_NEED_TAGS = 1,       /* tags and lemmas (its mentions must be exact) */
    PIPE_NEED_PARSE = 2,      /* with TAGS: the parse, whatever the tags say */
    PIPE_NEED_VERB = 4,       /* with TAGS: the parse when a word tagged as a verb is a
                                 verb of the dictionaries (pipe_tagged_verb) */
    PIPE_NEED_ANTECEDENT = 8, /* with TAGS: the parse when a PIPE_REFERS sentence at most
                                 PIPE_ANTECEDENT_SENTENCES later has such a verb (or was
                                 not tagged): that sentence may then code an event whose
                                 pronoun takes a mention of this one, and the coder
                                 prefers antecedents that are subjects */
    PIPE_REFERS = 16,         /* a body sentence with a pronoun or "the country" and a
                                 word that may be a dictionary verb, after a mention that
                                 can be an antecedent */
    PIPE_TAGGED_VERB = 32,    /* set by the coder once tagged: pipe_tagged_verb holds */
    PIPE_NEED_MENTIONS = 64   /* without TAGS: no tags, but its mentions, which the
                                 untagged pass found and no tag could change
                                 (act_found_tag_proof); it cannot yield an event, and
                                 counts only through them (the coder's home country) */
};
#define PIPE_NEED_ALL (PIPE_NEED_TAGS | PIPE_NEED_PARSE)

/* What the plan learnt of a word (its lemma lookups are the plan's main
 * cost, and news repeats its words): a fixed-size table from word to
 * PIPE_WORD_* bits and, for a word that can be a discard phrase's word,
 * which ones (plan_words.h), kept by a coder from document to document
 * (the answers depend only on the resources).  Words too long for a slot
 * are looked at each time. */
#define PIPE_CACHE_KEY 24
typedef struct pipe_cache_slot {
    char key[PIPE_CACHE_KEY]; /* NUL-terminated; "" empty */
    unsigned bits;
    uint32_t mask;            /* 1 + its discard mask's index in masks; 0 none */
} pipe_cache_slot;

typedef struct pipe_cache {
    pipe_cache_slot *slots;  /* malloc'd on first use */
    size_t cap, n;
    uint64_t *masks;         /* discard masks of the cached words, back to back */
    size_t n_masks, cap_masks;
    uint64_t *scratch;       /* one word's mask, when it is not cached */
    bool masks_failed;       /* out of memory for a mask: every sentence may discard */
} pipe_cache;

void pipe_cache_free(pipe_cache *c);

/* Whether a word of the tagged and lemmatised sentence `s` is one the
 * coder would try as a verb: tagged VERB, outside the dateline, and found
 * in the verb dictionaries by its form, lemma, form without -s or (TABARI)
 * stem, as coder/match.c looks it up. */
bool pipe_tagged_verb(const annals_resources *r, const annals_sentence *s);

/* Fills need[0..n) for the untagged sentences s[0..n) of a document dated
 * `date` (or NULL), and found[0..n) (when not NULL) with what its actor
 * pass found in each, for the tagged pass to reuse
 * (act_document_mentions); those live in `a`, as the plan's scratch
 * memory does.  `cache` is the coder's.  Returns 0 or ANNALS_E_NOMEM. */
int pipe_plan_sentences(const annals_resources *r, core_arena *a, pipe_cache *cache,
                        const annals_sentence *s, size_t n, const char *date,
                        unsigned char *need, act_found *found);

#endif
