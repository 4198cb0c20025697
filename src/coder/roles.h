/* roles.h — the actors a phrase stands for. */
#ifndef ANNALS_CODER_ROLES_H
#define ANNALS_CODER_ROLES_H

#include "coder/clause.h"

#define COD_MAX_ACTORS 8

typedef struct cod_actor {
    int mention;             /* index into cod_input.mentions */
    size_t word;             /* the word of this sentence that gave it */
    const char *how;         /* "named", "pronoun", "the-noun", "agent", "previous event" ... */
    const char *text;        /* the words that gave it (a pronoun: the pronoun) */
    const char *code;        /* its actor code: the mention's, or a country joined with
                                an agent ("Lawmakers in Gondor" = GON + LEG) */
} cod_actor;

typedef struct cod_actors {
    cod_actor v[COD_MAX_ACTORS];
    size_t n;
} cod_actors;

/* Appends the actors of the phrase headed by word h: the mention at h, an
 * actor among its modifiers, a pronoun's or "the country"'s antecedent,
 * then those of its coordinated phrases ("Egypt and Jordan"). */
void cod_phrase_actors(const cod_sent *cs, size_t h, cod_actors *out);

/* Whether word k is a relative pronoun ("which", "who", "that"). */
bool cod_is_relative(const cod_sent *cs, size_t k);

/* Whether a word (any case) is a personal or possessive pronoun the coder
 * resolves to an earlier actor ("he", "their"...).  The sentence plan
 * (src/pipeline/plan.c) asks the same question before tagging. */
bool cod_is_resolved_pronoun(const char *word);

/* Whether a noun lemma (any case), after "the", stands for an actor named
 * before it ("the country", "the minister"). */
bool cod_is_anaphoric_noun(const char *lemma);

#endif
