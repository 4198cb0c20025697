/* key.h — how a word becomes a matching key: the same folding for the
 * names of a dictionary and for the words of a text, so that "Sánchez"
 * meets "Sanchez", "U.S." meets "U.S" and "Jae-in" meets "Jae In". */
#ifndef ANNALS_ACTORS_KEY_H
#define ANNALS_ACTORS_KEY_H

#include <stdbool.h>
#include <stddef.h>

/* Longest key kept; longer tokens are cut (they match nothing real). */
#define ACT_KEY_MAX 128

/* Writes the key of one token (its `norm`: typographic punctuation is
 * already folded) into out[ACT_KEY_MAX]: lower case (Unicode case
 * folding), diacritics stripped, full stops removed unless the token is
 * only full stops.  Returns its length, or 0 for a token that matching
 * skips: a hyphen or dash, or nothing left. */
size_t act_key(const char *norm, char *out);

/* Whether a word, as written, has letters and none in lower case. */
bool act_is_upper(const char *form);

/* Whether a word, as written, has a lower-case letter. */
bool act_has_lower(const char *form);

/* Whether a word, as written, starts with a capital letter. */
bool act_is_capitalised(const char *form);

#endif
