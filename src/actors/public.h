/* public.h — the actors of a whole document for the coder, as the public
 * annals_mention records (annals.h section 14). */
#ifndef ANNALS_ACTORS_PUBLIC_H
#define ANNALS_ACTORS_PUBLIC_H

#include "actors/dict.h"
#include "actors/match.h"
#include "annals.h"
#include "core/arena.h"
#include "core/log.h"

/* What the coder keeps of the last document: vectors on malloc, reused
 * from document to document; their strings live in the coder's arena. */
typedef struct act_results {
    annals_mention *v;
    size_t n, cap;
    const char **unknown;
    size_t n_unknown, cap_unknown;
} act_results;

void act_results_free(act_results *r);

/* Finds the mentions (and unknown proper-noun phrases) of every sentence
 * on the document date `date` ("YYYY-MM-DD" or NULL).  `found`, when not
 * NULL, holds for each sentence what an earlier untagged pass found
 * (act_find_spans), reused where the tags allow (act_find_mentions_again);
 * a sentence then left untagged (the sentence plan tags none whose
 * mentions no tag could change and that cannot yield an event) gives its
 * mentions but no unknown phrases, as a sentence the plan skips gives
 * none.  Returns 0 or ANNALS_E_NOMEM. */
int act_document_mentions(const act_dict *d, core_arena *a, const annals_sentence *sents,
                          size_t n, const char *date, const act_found *found,
                          act_results *r);

/* Loads the dictionaries of annals_options into `d`: the built-in ones
 * under `data_dir` (may be ""), replaced by `actors`/`agents` lists when
 * given.  Loading diagnostics go to the log.  Returns 0 or an error. */
int act_load_resources(act_dict *d, const char *data_dir, const char *actors,
                       const char *agents, const core_log *log);

#endif
