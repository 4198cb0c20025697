/* tagger.h — the part-of-speech tagger: UPOS and XPOS together.
 *
 * An averaged perceptron over hashed lexical features (syntax/tagfeat.h)
 * predicting one joint class per word ("VERB"+"VBD"), greedily from left
 * to right.  Its weights live in the model file (doc/model-format.md) and
 * are used in place: an open-addressing table from feature key to a run of
 * (class, weight) pairs, so only the classes a feature has evidence for
 * are stored. */
#ifndef ANNALS_SYNTAX_TAGGER_H
#define ANNALS_SYNTAX_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "annals.h"
#include "core/arena.h"
#include "core/upos.h"
#include "syntax/model.h"
#include "syntax/tagfeat.h"

#define SYN_TAGGER_MAX_CLASSES 255

/* Section tags of the tagger in a model file. */
#define SYN_TAG_SEC_META "TAGMETA"
#define SYN_TAG_SEC_CLASSES "TAGCLASS"
#define SYN_TAG_SEC_NAMES "TAGNAMES"
#define SYN_TAG_SEC_SLOTS "TAGSLOTS"
#define SYN_TAG_SEC_PAIRS "TAGPAIRS"
#define SYN_TAG_SEC_AMBIG "TAGAMBIG"
#define SYN_TAG_FEATURE_SET 3 /* version of syntax/tagfeat.c the weights need */

/* Pointers into a model; valid while the model stays open. */
typedef struct syn_tagger {
    uint32_t n_classes;
    uint64_t mask;           /* slot count - 1 */
    const uint64_t *slots;   /* check << 32 | start << 8 | length; 0 = empty */
    const uint32_t *pairs;   /* weight << 8 | class, weight a signed 24-bit value */
    uint32_t n_pairs;
    const uint64_t *amb;     /* word hash check << 32 | sure class + 1 << 24
                                | UPOS bits; 0 = empty */
    uint64_t amb_mask;
    uint8_t upos[SYN_TAGGER_MAX_CLASSES];
    const char *xpos[SYN_TAGGER_MAX_CLASSES];
} syn_tagger;

/* Finds and checks the tagger's sections in `m`.  Returns 0, or
 * ANNALS_E_DATA with a message when they are missing or inconsistent. */
int syn_tagger_open(syn_tagger *t, const syn_model *m, char *errbuf, size_t errsize);

/* Whether `m` holds a tagger at all. */
int syn_tagger_present(const syn_model *m);

/* What training saw of the word of lowercase hash `lower`
 * (syn_tagword.lower): bits 0-17 its UPOS tags, one bit each (0 for a
 * word training saw less than twice), bits 18-23 what WordNet says the
 * form can be (SYN_TAG_WN_* shifted by SYN_TAG_WN_SHIFT; training words
 * and words of WordNet alone), bits 24-31 the class + 1 of a frequent word
 * always seen with one tag, which the tagger then gives it without
 * scoring. */
#define SYN_TAG_AMB_BITS ((1u << ANNALS_UPOS_COUNT) - 1)
#define SYN_TAG_WN_SHIFT 18
#define SYN_TAG_WN_NOUN 0x01u /* a noun or the plural of one */
#define SYN_TAG_WN_ADJ 0x02u  /* an adjective (or an irregular comparative) */
#define SYN_TAG_WN_VB 0x04u   /* a verb's base form */
#define SYN_TAG_WN_VS 0x08u   /* a verb's -s form */
#define SYN_TAG_WN_VED 0x10u  /* a verb's -ed form, or an irregular past */
#define SYN_TAG_WN_VING 0x20u /* a verb's -ing form */
#define SYN_TAG_WN_ALL 0x3Fu
uint64_t syn_tagger_ambiguity(const syn_tagger *t, uint64_t lower);
#define SYN_TAG_RARE_WORD 0x7a7e3a9d5c1b2f41ull
/* Sets amb, wn and sure of tw from the table; a word training did not
 * list (amb 0) takes the identity SYN_TAG_RARE_WORD. */
void syn_tagger_lookup_word(const syn_tagger *t, syn_tagword *tw);

/* Classes of the n words described by tw[] into out[]. */
void syn_tagger_classes(const syn_tagger *t, const syn_tagword *tw, size_t n, uint8_t *out);

/* Tags a sentence: sets upos and xpos of every word (xpos points into the
 * model).  Scratch memory comes from `scratch`.  Returns 0 or
 * ANNALS_E_NOMEM. */
int syn_tagger_tag(const syn_tagger *t, core_arena *scratch, annals_word *words, size_t n);

/* Static UPOS names, "_" for none; the tag for a name or 0.  The table
 * is core/upos.c's; these names stay for the syntax room's callers. */
static inline const char *syn_upos_name(int upos)
{
    return annals_upos_name(upos);
}

static inline int syn_upos_from_name(const char *name, size_t len)
{
    return core_upos_from_span(name, len);
}

#endif
