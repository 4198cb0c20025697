/* coder.h — the event coder: from parsed sentences with their actor
 * mentions to CAMEO events, each naming the pattern that made it.
 *
 * How a sentence is coded:
 *  - a sentence that is a caption, a title or headline, a question, or
 *    holds a discard phrase codes nothing;
 *  - every VERB whose lemma (or form) a verb dictionary knows is tried:
 *    its clause is the verb's subtree without other clauses (coordinated
 *    verbs, relative, adverbial and complement clauses); the words of the
 *    clause before and after the verb are matched against each pattern of
 *    the verb's block (in the passive the subject counts as the object and
 *    the by-agent is the source); the pattern with the most elements wins;
 *  - negated, modal ("could", "would", "may"...), conditional ("if") and
 *    participial background clauses ("Signed in 1949, the treaty ...")
 *    code nothing unless the pattern itself says "not"; so do acts only
 *    demanded, wished or denied ("urged X to impose", "denied attacking")
 *    and clauses dated more than a year before the story;
 *  - with a native dictionary an act announced ("will impose", "is
 *    prepared to lift") is coded as an intention (03) or a threat (13);
 *    with require_dyad on, an event whose source or target is a role with
 *    no country ("GOV", "police") is not coded;
 *  - the source is the subject's actor (the by-agent in the passive, the
 *    governing verb's subject for "refused to X"/"and X"), the target the
 *    '+' slot or the first actor after the verb; pronouns and "the
 *    country"-style phrases take the latest actor before them; a role
 *    named alone takes the dateline's country or the story's; "the
 *    launch" as the object stands for the act named before, whose doer is
 *    the target; coordinated
 *    actors give an event each; "each other", "their" with coordinated
 *    sources give reciprocal events;
 *  - the date is the one the clause names ("on Sunday", "yesterday",
 *    "June 21, 2019"), else the document date. */
#ifndef ANNALS_CODER_CODER_H
#define ANNALS_CODER_CODER_H

#include <stdbool.h>
#include <stddef.h>

#include "annals.h"
#include "coder/verbs.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/log.h"

/* The events of a document: a malloc'd vector reused from document to
 * document; strings in the arena. */
typedef struct cod_events {
    annals_event *v;
    size_t n, cap;
} cod_events;

void cod_events_free(cod_events *e);

typedef struct cod_input {
    const cod_verbs *verbs;  /* NULL or empty: nothing is coded */
    const annals_sentence *sents;
    size_t n_sents;
    const annals_mention *mentions; /* in sentence and word order */
    size_t n_mentions;
    const char *date;        /* document date "YYYY-MM-DD" or NULL */
    core_arena *arena;
    core_buf *explain;       /* NULL: no explanation is written */
    bool dyad_optional;      /* a verb coded by its default alone codes without a
                              * target (target "---"): require_dyad=false */
} cod_input;

/* Codes a document into `out` (emptied first).  Returns 0 or
 * ANNALS_E_NOMEM. */
int cod_code_document(const cod_input *in, cod_events *out);

/* Loads the verb dictionaries and discards of annals_options into `v`:
 * data_dir/dict/NAME.verbs and NAME.discards (in name order; `data_dir` may be
 * ""), replaced by the comma-separated files `verbs` / `discards` when
 * given.  A file that cannot be read is an error; bad lines are warnings
 * in the log.  Returns 0 or an error. */
int cod_load_resources(cod_verbs *v, const char *data_dir, const char *verbs,
                       const char *discards, const core_log *log);

/* Day arithmetic on "YYYY-MM-DD" (dates.c). */
long cod_days_from_iso(const char *iso); /* LONG_MIN when not a date */
void cod_iso_from_days(long days, char out[11]);

/* The date a clause names (its words `idx[0..n)` of sentence `s`),
 * resolved against the document date; NULL when it names none.  In `a`. */
const char *cod_clause_date(const annals_sentence *s, const size_t *idx, size_t n,
                            const char *doc_date, core_arena *a);

/* Whether the clause (words `idx[0..n)` of `s`) tells of the past as
 * background: a year that ended more than a year before the document
 * date ("in 1967", "in February 2022" in a story of 2024) or "N years
 * ago".  False without a document date. */
bool cod_clause_background(const annals_sentence *s, const size_t *idx, size_t n,
                           const char *doc_date);

#endif
