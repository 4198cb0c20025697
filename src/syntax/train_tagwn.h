/* train_tagwn.h — what WordNet says a word form can be, for the tagger's
 * word table (tagger.h, SYN_TAG_WN_*).
 *
 * Training meets most words often enough to learn their tags, but new
 * text brings words the treebank never had ("imposed" is not in EWT
 * train).  WordNet lists some 130,000 single-word lemmas with their word
 * class; from them and the regular English inflections (and WordNet's
 * lists of irregular forms) this builds, once at training time, every
 * form with the classes it may carry: a noun or its plural, an adjective,
 * a verb's base form, its -s, -ed and -ing forms.  The tagger then looks
 * the bits up with the word's other table bits, at no extra cost.  Made
 * from WordNet alone, never from the treebank, so that a training word
 * and a new word are described alike. */
#ifndef ANNALS_SYNTAX_TRAIN_TAGWN_H
#define ANNALS_SYNTAX_TRAIN_TAGWN_H

#include <stddef.h>
#include <stdint.h>

/* One form: the tagger's lowercase hash (syn_tagword.lower) and its
 * SYN_TAG_WN_* bits (not shifted). */
typedef struct syn_tagwn_form {
    uint64_t hash;
    uint32_t bits;
} syn_tagwn_form;

/* Reads index.{noun,verb,adj} and {noun,verb,adj}.exc of the WordNet dict
 * folder `dir` and returns the forms sorted by hash, one entry a hash (the
 * bits of equal forms joined), in *out (free()) with their count in *n.
 * Returns 0, ANNALS_E_IO with a message naming the file, or
 * ANNALS_E_NOMEM. */
int syn_tagwn_build(const char *dir, syn_tagwn_form **out, size_t *n, char *err,
                    size_t errsize);

/* The bits of `hash` in forms[0..n) (sorted), 0 when absent. */
uint32_t syn_tagwn_find(const syn_tagwn_form *forms, size_t n, uint64_t hash);

#endif
