/* match.h — matching a verb's patterns against its clause. */
#ifndef ANNALS_CODER_MATCH_H
#define ANNALS_CODER_MATCH_H

#include "coder/clause.h"

typedef struct cod_match {
    const cod_pattern *pattern;  /* NULL when the default code applies */
    const cod_verb *verb;
    const char *default_code;    /* the verb's or block's own code */
    const char *default_code2;   /* and its paired code */
    const char *default_where;
    int score;                   /* elements matched (-1: nothing) */
    int extras;                  /* extra words of the multi-word verb */
    int target, source;          /* word of the '+' / '$' slot, or -1 */
    int last_word;               /* last word a pattern element covered, or -1 */
    bool has_target_slot;
} cod_match;

/* Whether pattern p matches the clause; fills `out`. */
bool cod_match_pattern(const cod_sent *cs, const cod_clause *cl, const cod_pattern *p,
                       cod_match *out);

/* The best pattern of any verb entry for word v (most extra words of a
 * multi-word verb first, then most elements, then the earliest line; the
 * block's default code when no pattern matches).  Returns 1 when found.
 * With `explain`, says what it tried. */
int cod_best_match(const cod_sent *cs, size_t v, const cod_clause *cl, cod_match *best,
                   core_buf *explain);

#endif
