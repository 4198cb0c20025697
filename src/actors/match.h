/* match.h — finding actors in a sentence.
 *
 * This is the interface the event coder uses: given a sentence (its
 * words; lemma, UPOS and head when the syntax stage ran) and the event
 * date, act_find_mentions() returns the actor mentions in it, each with
 * its word span, the code on that date, the entry and file:line that gave
 * it and the date range used.
 *
 * How: the words become matching keys (key.h); the token trie of the
 * dictionary finds the longest name at each word (with TABARI stems, and
 * a one-letter edit fallback for long multi-word person names); adjacent
 * matches joined by "'s", "of", "the", titles ("Mr") and "former" form
 * one phrase, in which the most specific actor code wins and agents fill
 * in the role of a bare country ("Japanese" + "foreign minister" =
 * JPNGOV); "former"/"ex-" turns a government role into ELI. */
#ifndef ANNALS_ACTORS_MATCH_H
#define ANNALS_ACTORS_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actors/dict.h"
#include "annals.h"
#include "core/arena.h"

#define ACT_MENTION_FUZZY  0x01u /* a name matched with one letter wrong */
#define ACT_MENTION_FORMER 0x02u /* "former"/"ex-" turned a role into ELI */
#define ACT_MENTION_AGENT  0x04u /* the code came from agents alone */
#define ACT_MENTION_NOCODE 0x08u /* the entry has no code on the date ("---") */
#define ACT_MENTION_COMBINED 0x10u /* several matches made the code */

typedef struct act_mention {
    size_t first, end;       /* words [first, end) of the sentence */
    const char *code;        /* "IRQGOV"; "---" with ACT_MENTION_NOCODE */
    const act_entry *entry;  /* the entry that gave the code */
    const act_code *used;    /* its code line (its range), NULL for none */
    const act_name *name;    /* the name of that entry that matched */
    unsigned flags;          /* ACT_MENTION_* */
    const char *why;         /* "Iraqi=IRQ (f:3) + Prime Minister=GOV (g:9)" */
} act_mention;

/* The mentions of sentence `s` on `date` (a day number or ACT_NO_DATE),
 * in order, allocated in `a` (*out NULL when none).  Returns 0 or
 * ANNALS_E_NOMEM. */
int act_find_mentions(const act_dict *d, core_arena *a, const annals_sentence *s,
                      int32_t date, act_mention **out, size_t *n);

/* Where the mentions of `s` are, as act_find_mentions finds them, without
 * working out their codes and explanations (the sentence plan needs only
 * whether there are any and where they start): their word spans, in
 * order, in `a` (*out NULL when none).  Returns 0 or ANNALS_E_NOMEM. */
typedef struct act_span {
    size_t first, end;       /* words [first, end) */
} act_span;

/* What act_find_spans found in a sentence before joining names into
 * mentions, so that matching the same sentence again once it is tagged
 * (act_find_mentions_again) need not look the names up a second time.
 * Its memory is the arena's of that call. */
typedef struct act_found {
    const struct act_hit *hits;
    size_t n;
    int32_t date;            /* the date the names' codes were taken on */
    size_t n_words;          /* the sentence's word count then */
    bool usable;             /* complete: no name was left out for its tag */
} act_found;

/* `found`, when not NULL, receives what was found for a later
 * act_find_mentions_again of the same sentence. */
int act_find_spans(const act_dict *d, core_arena *a, const annals_sentence *s, int32_t date,
                   act_span **out, size_t *n, act_found *found);

/* Whether no tags could change what `found` holds for `s`: every name in
 * it spans several words or is a capitalised name (act_find_mentions
 * leaves out only a lone word tagged VERB or AUX that is neither), so the
 * mentions of the tagged sentence are those of the untagged one. */
bool act_found_tag_proof(const act_found *found, const annals_sentence *s);

/* act_find_mentions of `s`, reusing the names `found` (NULL: none) holds
 * when the tags `s` has since received leave every one of them in (and
 * the date is the same); otherwise matching again.  The mentions are the
 * same either way. */
int act_find_mentions_again(const act_dict *d, core_arena *a, const annals_sentence *s,
                            int32_t date, const act_found *found, act_mention **out,
                            size_t *n);

/* Proper-noun phrases of `s` that no mention covers: runs of PROPN words
 * (of capitalised words when untagged, not counting a sentence's first
 * word alone), "of" allowed inside ("Bank of England").  Each is a string
 * in `a`, appended to *out (grown with realloc; *cap its capacity). */
int act_unknown_phrases(core_arena *a, const annals_sentence *s, const act_mention *m,
                        size_t n_m, const char ***out, size_t *n, size_t *cap);

/* Day number of a document date "YYYY-MM-DD", or ACT_NO_DATE. */
int32_t act_date_of(const char *iso);

#endif
