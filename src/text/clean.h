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
    TEXT_BLOCK_HEADLINE,     /* a headline (short title-like first line) */
    TEXT_BLOCK_CAPTION,      /* photo caption or credit, e.g. "(Photo via Reuters)" */
    TEXT_BLOCK_BOILERPLATE   /* to be dropped */
} text_block_kind;

/* A run of text: a paragraph, a line, or a caption inside a line. */
typedef struct text_block {
    size_t start, end;       /* byte span in the text, trimmed of white space */
    int kind;                /* text_block_kind */
    size_t dateline_end;     /* > start when the block opens with a dateline
                                ("BEIJING, July 11 (Reuters) -"): its end */
} text_block;

/* Splits text[0..len) into blocks in text order, each classified.  Blocks
 * never overlap and cover every non-space byte that is not between blocks'
 * spans by construction (a paragraph is at least one block).  Arrays are
 * allocated in the arena.  Returns 0, or ANNALS_E_NOMEM. */
int text_clean(core_arena *a, const char *text, size_t len,
               text_block **blocks, size_t *n_blocks);

#endif
