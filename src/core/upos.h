/* upos.h — the Universal Dependencies part-of-speech tags by name. */
#ifndef ANNALS_CORE_UPOS_H
#define ANNALS_CORE_UPOS_H

#include <stddef.h>

/* The tag spelled by name[0..len) ("NOUN"), or ANNALS_UPOS_NONE. */
int core_upos_from_span(const char *name, size_t len);

#endif
