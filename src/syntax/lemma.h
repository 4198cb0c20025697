/* lemma.h — the lemmatiser: a word's dictionary form from its form and
 * UPOS ("imposed" VERB -> "impose", "children" NOUN -> "child").
 *
 * Three tables of the model, used in place (syntax/strmap.h):
 *   forms    UPOS + form -> lemma, from the training treebank and WordNet's
 *            exception lists (irregular forms: "met" -> "meet");
 *   rules    UPOS + final letters -> up to four edits (strip N letters,
 *            append a string), most frequent first, learnt from the
 *            treebank;
 *   lexicon  known lemmas per word class (WordNet's indexes and the
 *            treebank's lemmas), to choose among the edits: a Bloom
 *            filter (u32 log2 of its bit count, u32 zero, then the bits;
 *            3 probes), a few hundred kilobytes where a table would take
 *            megabytes, wrong about one word in a thousand.
 * A form found in `forms` gets its lemma; otherwise the edits of the
 * longest matching ending are tried in order and the first whose result
 * is a known lemma wins, falling back on the most frequent edit. */
#ifndef ANNALS_SYNTAX_LEMMA_H
#define ANNALS_SYNTAX_LEMMA_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "annals.h"
#include "core/arena.h"
#include "syntax/model.h"
#include "syntax/strmap.h"

#define SYN_LEM_SEC_FORMS "LEMFORMS"
#define SYN_LEM_SEC_RULES "LEMRULES"
#define SYN_LEM_SEC_LEXICON "LEMLEXIC"
#define SYN_LEM_MAX_SUFFIX 6  /* longest ending the rules look at */
#define SYN_LEM_MAX_WORD 128  /* longer words are their own lemma */

typedef struct syn_lemmatizer {
    syn_strmap forms, rules;
    const uint64_t *lexicon; /* Bloom filter bits */
    uint64_t lexicon_mask;   /* bit count - 1 */
} syn_lemmatizer;

/* Whether class + lemma ("vimpose") is in the lexicon (or a rare false
 * positive of the filter). */
int syn_lemma_known(const syn_lemmatizer *l, const char *key, size_t len);
/* The filter's bit positions for a key (shared with the builder). */
void syn_lemma_bloom_bits(const char *key, size_t len, uint64_t mask, uint64_t out[3]);

int syn_lemma_present(const syn_model *m);
/* Finds and checks the three tables.  0 or ANNALS_E_DATA with a message. */
int syn_lemma_open(syn_lemmatizer *l, const syn_model *m, char *errbuf, size_t errsize);

/* The lemma of `form` tagged `upos`: a string of the model, or one written
 * into buf (bufsize >= SYN_LEM_MAX_WORD + 16), or `form` itself. */
const char *syn_lemma_of(const syn_lemmatizer *l, const char *form, int upos, char *buf,
                         size_t bufsize);

/* Sets the lemma of every word (after tagging); lemmas that are neither
 * the form nor in the model are copied into `a`.  0 or ANNALS_E_NOMEM. */
int syn_lemma_sentence(const syn_lemmatizer *l, core_arena *a, annals_word *words, size_t n);

/* Keys of the tables, shared with the builder. */
char syn_lemma_upos_key(int upos);
/* Lexicon class of a UPOS: 'n', 'v', 'a', 'r', or 0 for closed classes. */
char syn_lemma_lex_class(int upos);

/* Building (lemma_build.c): one training example per gold word. */
typedef struct syn_lemma_example {
    const char *form;
    const char *lemma;
    int upos;
} syn_lemma_example;

/* Adds the lemmatiser's three sections to `w`, from `ex` and, when
 * `wordnet_dir` is not NULL, WordNet's index.* and *.exc files there.
 * Returns 0 or a negative annals_error with a message in err. */
int syn_lemma_build(syn_model_writer *w, const syn_lemma_example *ex, size_t n,
                    const char *wordnet_dir, char *err, size_t errsize);

/* Opens WordNet's file DIR/PREFIX NAME SUFFIX ("index.verb", "verb.exc")
 * for reading; NULL with "PATH: reason" in err when it cannot.  The
 * lemmatiser's builder and the tagger's word classes (train_tagwn.c) read
 * the same files.  The caller closes the stream. */
FILE *syn_wordnet_open(const char *dir, const char *prefix, const char *name,
                       const char *suffix, char *err, size_t errsize);

#endif
