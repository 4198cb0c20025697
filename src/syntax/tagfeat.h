/* tagfeat.h — the features of the part-of-speech tagger, shared by the
 * trainer and the tagger so that both see exactly the same hashes.
 *
 * Each word is first reduced to a handful of 64-bit hashes (its lowercase
 * form, prefixes and suffixes, shape, flags); a token's features are then
 * those of it and its neighbours, combined with the two tags predicted
 * before it, each mixed with the number of its template into one 64-bit
 * key. */
#ifndef ANNALS_SYNTAX_TAGFEAT_H
#define ANNALS_SYNTAX_TAGFEAT_H

#include <stddef.h>
#include <stdint.h>

#define SYN_TAGFEAT_MAX 44   /* features of one token, at most */
#define SYN_TAG_START 255    /* the "tag" before the first word */

typedef struct syn_tagword {
    uint64_t lower;          /* lowercase form, digits kept */
    uint64_t form;           /* exact form */
    uint64_t pre[4];         /* first 1..4 characters, lowercase */
    uint64_t suf[4];         /* last 1..4 characters, lowercase */
    uint64_t shape;          /* "Xxx" style shape, runs collapsed */
    uint64_t flags;          /* capitalised, all caps, digit, hyphen, first */
    uint64_t amb;            /* UPOS seen with this word in training (bit
                                per tag; 0 unknown), set by the caller */
    uint64_t wn;             /* what WordNet says the form can be
                                (SYN_TAG_WN_* of tagger.h; 0 nothing), set
                                by the caller */
    unsigned sure;           /* class + 1 of a frequent word that training
                                always saw with one tag, else 0 */
} syn_tagword;

/* Hashes of the word form[0..len); `first` says it opens the sentence. */
void syn_tagfeat_word(const char *form, size_t len, int first, syn_tagword *out);

/* Features of token i of w[0..n) given the classes predicted for the two
 * tokens before it (SYN_TAG_START when there are none).  Writes at most
 * SYN_TAGFEAT_MAX keys to out and returns their number. */
size_t syn_tagfeat_token(const syn_tagword *w, size_t n, size_t i, unsigned prev1,
                         unsigned prev2, uint64_t *out);

/* The same features split for a tagger that looks ahead: those that do
 * not depend on the predicted tags (syn_tagfeat_static, at most
 * SYN_TAGFEAT_STATIC_MAX) and those that do (syn_tagfeat_tags, at most
 * SYN_TAGFEAT_TAGS_MAX).  Together they are the keys of syn_tagfeat_token,
 * in another order. */
#define SYN_TAGFEAT_STATIC_MAX 36
#define SYN_TAGFEAT_TAGS_MAX 8
size_t syn_tagfeat_static(const syn_tagword *w, size_t n, size_t i, uint64_t *out);
size_t syn_tagfeat_tags(const syn_tagword *w, size_t n, size_t i, unsigned prev1,
                        unsigned prev2, uint64_t *out);

#endif
