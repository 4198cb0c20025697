/* verbs_build.h — what the readers of verb dictionaries use to fill a
 * cod_verbs (internal to the coder room). */
#ifndef ANNALS_CODER_VERBS_BUILD_H
#define ANNALS_CODER_VERBS_BUILD_H

#include "coder/verbs.h"

/* The id of a word (lower-cased here; at most 127 bytes), interned on
 * first use; COD_NO_WORD when out of memory. */
uint32_t cod_build_word(cod_verbs *v, const char *w, size_t n);
/* A copy of s[0..n) owned by `v`, or NULL. */
const char *cod_build_string(cod_verbs *v, const char *s, size_t n);
/* The set named `name` (case and a final '_' ignored), created empty on
 * first use; COD_NO_WORD when out of memory. */
uint32_t cod_build_set(cod_verbs *v, const char *name, size_t n);
int cod_build_set_member(cod_verbs *v, uint32_t set, const uint32_t *words, uint32_t n);
int cod_build_set_ref(cod_verbs *v, uint32_t set, uint32_t other);
/* A new block (becomes the last one); COD_NO_WORD when out of memory. */
uint32_t cod_build_block(cod_verbs *v, const char *name, const char *code, const char *where);
int cod_build_verb(cod_verbs *v, const cod_verb *verb);
/* Adds a pattern to `block`, which must be the last block; the elements
 * are copied. */
int cod_build_pattern(cod_verbs *v, uint32_t block, const cod_pattern *p);

/* The two readers (the format is chosen by cod_verbs_load_mem). */
int cod_read_native(cod_verbs *v, const char *name, const char *data, size_t size,
                    cod_report_fn report, void *user);
int cod_read_legacy(cod_verbs *v, const char *name, const char *data, size_t size,
                    cod_report_fn report, void *user);

#endif
