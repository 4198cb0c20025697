/* plan_words.h — what the sentence plan (plan.h) asks of the discard
 * phrases, answered cheaply.
 *
 * The plan must know whether a sentence could hold every word of a
 * discard phrase once tagged, and a word of the sentence counts as a
 * phrase word when its form, or its lemma under any of the 17 UPOS tags,
 * is one.  Asking the lemmatiser 17 times for every new word was the
 * plan's main cost, yet almost no word can lemmatise to a discard word.
 * So, once with the resources, the lemmatiser's tables are read
 * backwards: every form of its exception table whose lemma is a discard
 * word, and for every edit of its rule table ("strip N letters, append
 * S") every stem that the edit could turn into a discard word.  A word
 * matching none of them, and not itself a discard word, can have no
 * discard lemma under any tag; the few that match get the exact 17
 * look-ups.  When the tables cannot be read that way (their layout is
 * not the one this code knows) every word gets the exact look-ups.
 *
 * Built once, then only read: shared by every coder thread. */
#ifndef ANNALS_PIPELINE_PLAN_WORDS_H
#define ANNALS_PIPELINE_PLAN_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "annals.h"

typedef struct pipe_words pipe_words;

/* Builds what the plan knows of the discard phrases of r->verbs, with
 * r->lemmatizer when r->has_lemmatizer.  *out is NULL when there are no
 * discard phrases.  Returns 0 or ANNALS_E_NOMEM. */
int pipe_words_build(const annals_resources *r, pipe_words **out);
void pipe_words_free(pipe_words *w);

/* How many uint64_t a word's mask of discard words takes (0 without
 * discard phrases). */
size_t pipe_words_mask_len(const pipe_words *w);

/* Sets mask[0..pipe_words_mask_len) to the discard words that `norm`
 * can be by its form or its lemma under some tag; true when it can be
 * any. */
bool pipe_words_discard_mask(const annals_resources *r, const char *norm, uint64_t *mask);

/* Whether the discard phrase d has every word in `mask`. */
bool pipe_words_phrase_within(const pipe_words *w, uint32_t d, const uint64_t *mask);

/* Whether the lemma filter is in use (false: every word is looked up
 * under every tag).  For tests. */
bool pipe_words_filtering(const pipe_words *w);

/* Whether the filter lets `norm` through to the exact look-ups (it must
 * for every word that can be a discard word).  For tests. */
bool pipe_words_may_discard(const annals_resources *r, const char *norm);

#endif
