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

#include "annals.h"
#include "core/arena.h"
#include "pipeline/resources.h"

/* What one sentence needs. */
enum {
    PIPE_NEED_NOTHING = 0,   /* neither tags nor parse: it cannot yield an event */
    PIPE_NEED_TAGS,          /* tags and lemmas (its mentions must be exact), no parse */
    PIPE_NEED_PARSE,         /* everything */
    PIPE_NEED_VERB           /* tags and lemmas, then the parse when a word tagged as a
                                verb is a verb of the dictionaries (pipe_tagged_verb) */
};

/* What the plan learnt of a word (its lemma lookups are the plan's main
 * cost, and news repeats its words): a fixed-size table from word to
 * PIPE_WORD_* bits, kept by a coder from document to document (the
 * answers depend only on the resources).  Words too long for a slot are
 * looked at each time. */
#define PIPE_CACHE_KEY 24
typedef struct pipe_cache_slot {
    char key[PIPE_CACHE_KEY]; /* NUL-terminated; "" empty */
    unsigned bits;
} pipe_cache_slot;

typedef struct pipe_cache {
    pipe_cache_slot *slots;  /* malloc'd on first use */
    size_t cap, n;
    uint32_t *discard_words; /* the ids of every word of a discard phrase, sorted */
    size_t n_discard_words;
    bool discards_ready;
} pipe_cache;

void pipe_cache_free(pipe_cache *c);

/* Whether a word of the tagged and lemmatised sentence `s` is one the
 * coder would try as a verb: tagged VERB, outside the dateline, and found
 * in the verb dictionaries by its form, lemma, form without -s or (TABARI)
 * stem, as coder/match.c looks it up. */
bool pipe_tagged_verb(const annals_resources *r, const annals_sentence *s);

/* Fills need[0..n) for the untagged sentences s[0..n) of a document dated
 * `date` (or NULL).  Scratch memory comes from `a`; `cache` is the
 * coder's.  Returns 0 or ANNALS_E_NOMEM. */
int pipe_plan_sentences(const annals_resources *r, core_arena *a, pipe_cache *cache,
                        const annals_sentence *s, size_t n, const char *date,
                        unsigned char *need);

#endif
