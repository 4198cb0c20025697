/* clause.h — one sentence as the coder sees it: the dependency tree as
 * child lists, every word's dictionary ids, the actor mention at every
 * word, and the clause of a verb as the words before and after it. */
#ifndef ANNALS_CODER_CLAUSE_H
#define ANNALS_CODER_CLAUSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coder/coder.h"

typedef struct cod_sent {
    const cod_input *in;
    size_t si;               /* index of the sentence */
    const annals_sentence *s;
    size_t n;                /* words */
    int *head;               /* head of word k (0-based, -1 for a root), after
                                repair_heads: never a punctuation mark */
    const char **rel;        /* deprel of word k: the parser's, or "dep" (some
                                relation) for a word repair_heads moved */
    int *first, *next;       /* children of word k: first[k], then next[...]; -1 ends */
    uint32_t (*ids)[3];      /* lemma, form, form without a plural -s */
    int *ment;               /* index into in->mentions of the mention at a word, or -1 */
    bool *consumed;          /* verbs whose event a governing verb's pattern took */
    bool *mark;              /* scratch */
    size_t tail;             /* first word of a trailing attribution ("..., the
                                military said."), or n when there is none */
    size_t tail_verb;        /* its verb of saying, or n */
} cod_sent;

/* A verb's clause: its words before and after it in text order (in the
 * passive the subject's words come first after the verb, as the object
 * they are), and the by-agent phrase, when there is one. */
typedef struct cod_clause {
    size_t *pre, *post;
    size_t n_pre, n_post;
    /* in the passive, the words as they stand (the subject before the
     * verb), for patterns written on the surface order ("+ WAS * DEAD IN
     * $"); otherwise the same as pre/post */
    size_t *spre, *spost;
    size_t n_spre, n_spost;
    size_t verb;             /* the verb's word */
    int agent;               /* head word of the by-agent, or -1 */
    int subject;             /* head word of the subject (nsubj, or nsubj:pass when
                                no agent is named), or -1 */
    bool passive;
    bool repaired;           /* the verb hung under its object noun: taken as its head */
} cod_clause;

/* Prepares `cs` for sentence `si` in the arena.  Returns 0 or ANNALS_E_NOMEM. */
int cod_sent_init(cod_sent *cs, const cod_input *in, size_t si, size_t m0, size_t m1);

/* The deprel of word k without its subtype ("obl" for "obl:agent"), as
 * a comparison: whether it is `rel`. */
bool cod_rel_is(const cod_sent *cs, size_t k, const char *rel);
/* Whether the full deprel of word k is exactly `rel`. */
bool cod_rel_full(const cod_sent *cs, size_t k, const char *rel);
/* The head of word k (0-based), or -1 for the root or an unparsed word. */
int cod_head(const cod_sent *cs, size_t k);
/* The first child of k with deprel `rel` (base name), or -1. */
int cod_child(const cod_sent *cs, size_t k, const char *rel);
/* Whether k has a child whose lemma (or lower-case form) is one of `words`
 * (NULL-terminated) with a deprel of base `rel` (NULL: any). */
bool cod_child_word(const cod_sent *cs, size_t k, const char *rel, const char *const *words);
/* The lemma of word k, else its form. */
const char *cod_lemma(const cod_sent *cs, size_t k);

/* Whether verb c is an infinitive of purpose the parser attached as advcl
 * ("vowed to wage war": "to", no subject or auxiliary of its own); the
 * coder takes it as the xcomp it completes the verb as. */
bool cod_infinitive_advcl(const cod_sent *cs, size_t c);
/* Whether word k is an xcomp, or such an infinitive.  An "xcomp" with a
 * subject or a finite auxiliary of its own is none ("downplayed their
 * meeting after a hafling was reported" with "reported" an xcomp): it is
 * a clause of its own (cod_finite_clause). */
bool cod_is_complement(const cod_sent *cs, size_t k);
/* Whether verb k has a subject or a finite auxiliary ("was", "is",
 * "could") of its own: a clause that does not share its governor's
 * subject. */
bool cod_finite_clause(const cod_sent *cs, size_t k);
/* Whether word k is a complement clause: a ccomp, or an advcl or xcomp
 * introduced by "that" alone ("expressed hopes on Thursday that Osgiliath
 * could be drawn into ...", which a parser may hang as an adverbial
 * clause; "allowed that Mordor isn't a pleasant place" as an xcomp): a
 * clause of "that" alone is nearly always a content clause (in EWT train,
 * 683 ccomp against 20 advcl, mostly "so ... that"). */
bool cod_is_content_clause(const cod_sent *cs, size_t k);

/* A noun before verb v hung on it as a compound, which the coder reads
 * as v's subject ("Estonia departing from Libya"), or -1. */
int cod_compound_subject(const cod_sent *cs, size_t v);

/* Whether word k is `top` or lies under it (false for top < 0). */
bool cod_below(const cod_sent *cs, size_t k, int top);

/* The clause of verb v.  Returns 0 or ANNALS_E_NOMEM. */
int cod_clause_of(cod_sent *cs, size_t v, cod_clause *cl);

/* The noun a trailing attribution's verb of saying hangs on when the
 * parser read the attribution as a relative clause with a name as its
 * subject: ", the official news agency WFNA said on Thursday." parsed as
 * acl:relcl(agency, said) nsubj(said, WFNA).  No relative clause has its
 * subject right after its noun with no relative word between them, so
 * the name is that noun's, and the whole phrase (its head `agency`)
 * said it.  Returns that noun for verb v with subject `subj`, or -1. */
int cod_attribution_noun(const cod_sent *cs, size_t v, size_t subj);

/* Whether the clause has a noun phrase after its verb that could have
 * been its target: a nominal or pronoun after the verb that is not a bare
 * time or measure word ("said today", "left last week").  PETRARCH codes
 * a verb without require_dyad only against such a phrase, its null-coded
 * noun phrase standing as the target: "a senior official said on
 * Saturday" codes GOV 023 ---, "a senior official said today" nothing. */
bool cod_clause_has_object_phrase(const cod_sent *cs, const cod_clause *cl);

#endif
