/* clean.h — the article cleaner: finds the lines of a news text that are
 * article, and marks headline, photo captions, datelines and boilerplate
 * (share buttons, bare URLs, breadcrumbs, copyright and subscription lines)
 * so that later stages treat them differently. */
#ifndef ANNALS_TEXT_CLEAN_H
#define ANNALS_TEXT_CLEAN_H

#include <stddef.h>

#include "core/arena.h"

typedef enum text_block_kind {
    TEXT_BLOCK_BODY = 0,     /* article text */
    TEXT_BLOCK_HEADLINE,     /* a headline (short title-like line at the top) */
    TEXT_BLOCK_CAPTION,      /* photo caption or credit, e.g. "(Photo via Reuters)" */
    TEXT_BLOCK_BOILERPLATE   /* to be dropped */
} text_block_kind;

/* A run of text: a paragraph (hard-wrapped lines joined), a line, or a
 * caption cut out of a line. */
typedef struct text_block {
    size_t start, end;       /* byte span in the text, trimmed of white space;
                                start < end */
    int kind;                /* text_block_kind */
    size_t dateline_end;     /* start, or, when a body block opens with a
                                dateline ("BEIJING, July 11 (Reuters) - "),
                                the end of it and the spaces after it;
                                always within [start, end] */
} text_block;

/* Splits text[0..len) into blocks in text order, each classified.  Blocks
 * are in increasing order and never overlap; white space lies between
 * them, and so do the bytes of nothing else: every non-space byte of the
 * text is in exactly one block (dropped text is a BOILERPLATE block, not a
 * gap).  Any bytes are accepted (NUL, invalid UTF-8, CR LF, lone CR, very
 * long lines); the work is linear in len.  The array is allocated in the
 * arena (NULL with *n_blocks 0 for a text without blocks).  Returns 0, or
 * ANNALS_E_NOMEM. */
int text_clean(core_arena *a, const char *text, size_t len,
               text_block **blocks, size_t *n_blocks);

/* "body", "headline", "caption" or "boilerplate" (for messages and tests). */
const char *text_block_kind_name(int kind);

#endif
