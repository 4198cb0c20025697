/* utf8.h — UTF-8 in: decoding with repair, NFC normalisation (utf8proc)
 * and folding of typographic punctuation for matching. */
#ifndef ANNALS_TEXT_UTF8_H
#define ANNALS_TEXT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

/* Decodes the code point at s[i] (i < len).  Returns the number of bytes
 * it takes (>= 1).  An invalid or truncated sequence decodes as U+FFFD and
 * takes one byte, with *invalid set (when not NULL). */
size_t text_utf8_next(const char *s, size_t len, size_t i, uint32_t *cp, bool *invalid);

/* Number of invalid sequences in s[0..len) (each would become U+FFFD). */
size_t text_utf8_count_invalid(const char *s, size_t len);

/* A malloc'd, NUL-terminated copy of s[0..len) with each invalid sequence
 * replaced by U+FFFD (and NUL bytes by spaces when `nul_to_space`); its
 * length goes to *out_len.  The caller frees it.  NULL when out of memory. */
char *text_utf8_repair(const char *s, size_t len, bool nul_to_space, size_t *out_len);

/* A NUL-terminated, valid UTF-8, NFC copy of s[0..len) in the arena, with
 * invalid sequences replaced by U+FFFD.  Pure ASCII is copied straight.
 * Returns NULL when out of memory. */
char *text_normalize(core_arena *a, const char *s, size_t len);

/* `s` with typographic quotes, apostrophes, primes, dashes, minus signs and
 * non-breaking spaces folded to their ASCII forms (' " - and space), and
 * the ellipsis character to "...".  Returns `s` itself when nothing
 * changes, else an arena copy (NULL when out of memory). */
const char *text_fold(core_arena *a, const char *s);

#endif
