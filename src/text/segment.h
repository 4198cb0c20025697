/* segment.h — sentence splitting and tokenisation compatible with
 * Universal Dependencies English: abbreviations, initials, numbers,
 * ellipses, closing quotes and brackets after the full stop, clitics
 * ('s n't 're as words of a multiword token), URLs, e-mail addresses,
 * currency. */
#ifndef ANNALS_TEXT_SEGMENT_H
#define ANNALS_TEXT_SEGMENT_H

#include <stddef.h>

#include "annals.h"
#include "core/arena.h"

/* A growable list of sentences, on malloc, reused from document to
 * document by its owner (the coder).  Words live in the arena. */
typedef struct text_sentences {
    annals_sentence *v;
    size_t n, cap;
} text_sentences;

void text_sentences_free(text_sentences *s);
/* Appends a zeroed sentence; NULL when out of memory. */
annals_sentence *text_sentences_push(text_sentences *s);

/* Splits text[start..end) into sentences and words and appends them to
 * `out`.  Every sentence gets `kind`; words inside [start, dateline_end)
 * are flagged ANNALS_WORD_DATELINE (pass dateline_end = start for none).
 * Each sentence is NFC-normalised text of its span; every word has form,
 * norm, span and flags; lemma, tags and head are left unset (head -1).
 * Returns 0, or ANNALS_E_NOMEM. */
int text_segment(core_arena *a, const char *text, size_t start, size_t end,
                 int kind, size_t dateline_end, text_sentences *out);

/* Tokenises text[start..end) as exactly one sentence (for a title or a
 * given sentence) and appends it to `out`. */
int text_tokenize_sentence(core_arena *a, const char *text, size_t start, size_t end,
                           int kind, text_sentences *out);

#endif
