/* upos.c — names of the universal part-of-speech tags. */
#include "core/upos.h"

#include <string.h>

#include "annals.h"

static const char *const upos_names[ANNALS_UPOS_COUNT] = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN",
    "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *annals_upos_name(int upos)
{
    return upos > 0 && upos < ANNALS_UPOS_COUNT ? upos_names[upos] : "_";
}

int core_upos_from_span(const char *name, size_t len)
{
    for (int i = 1; i < ANNALS_UPOS_COUNT; i++)
        if (strlen(upos_names[i]) == len && !memcmp(upos_names[i], name, len))
            return i;
    return ANNALS_UPOS_NONE;
}

int annals_upos_from_name(const char *name)
{
    return name ? core_upos_from_span(name, strlen(name)) : ANNALS_UPOS_NONE;
}
