/* parser_treebank.h — a CoNLL-U treebank in memory for the parser's
 * trainer, tests and benchmark, and the CoNLL 2018 attachment scores.
 *
 * Read through the project's CoNLL-U reader (io/conllu.h), so forms are
 * NFC as the coder gives them; multiword tokens and empty nodes are left
 * out, as the basic tree is over syntactic words.  A malformed sentence
 * fails the whole read: training and scoring need every sentence.
 * Internal.
 */
#ifndef ANNALS_SYNTAX_PARSER_TREEBANK_H
#define ANNALS_SYNTAX_PARSER_TREEBANK_H

#include <stddef.h>

#include "annals.h"
#include "syntax/parser.h"

typedef struct syn_tbword {
    const char *form, *xpos, *deprel; /* into the file buffer */
    int upos;                         /* annals_upos */
    int head;                         /* 1-based, 0 for the root */
} syn_tbword;

typedef struct syn_treebank {
    char *buf;               /* the words' strings, one after another */
    syn_tbword *words;
    size_t n_words;
    size_t *start;           /* sentence i is words[start[i] .. start[i+1]) */
    size_t n_sent;
} syn_treebank;

/* Reads `path`, keeping at most `max_sentences` sentences (0: all).
 * Returns 0, or ANNALS_E_IO / ANNALS_E_FORMAT / ANNALS_E_NOMEM with a
 * message naming the file and line in errbuf. */
int syn_treebank_read(syn_treebank *tb, const char *path, size_t max_sentences,
                      char *errbuf, size_t errsize);
void syn_treebank_free(syn_treebank *tb);

/* Attachment scores over all words, punctuation included (CoNLL 2018):
 * LAS compares the universal part of the label ("nsubj" of "nsubj:pass");
 * las_full compares whole labels. */
typedef struct syn_parse_scores {
    size_t words, head_ok, label_ok, label_full_ok, sentences;
    double uas, las, las_full;
} syn_parse_scores;

/* Retags a sentence before parsing (the tagger, at test time); NULL keeps
 * the treebank's gold tags.  Returns 0 or an error. */
typedef int (*syn_retag_fn)(void *user, annals_word *words, size_t n);

/* Parses every sentence of `tb` with `p` and scores it against the gold
 * trees.  Returns 0 or an error of the parser or of `retag`. */
int syn_treebank_score(const syn_treebank *tb, const syn_parser *p, syn_retag_fn retag,
                       void *retag_user, syn_parse_scores *out);

#endif
