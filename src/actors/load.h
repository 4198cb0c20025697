/* load.h — the dictionary loaders (native, PETRARCH/TABARI), shared
 * between load_native.c, load_legacy.c and load.c. */
#ifndef ANNALS_ACTORS_LOAD_H
#define ANNALS_ACTORS_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actors/dict.h"

/* Longest name (after expansion) the loaders take. */
#define ACT_NAME_MAX 512

/* Native format (doc/dictionaries.md) of data[0..len) as file `file`. */
int act_load_native(act_dict *d, uint32_t file, const char *data, size_t len,
                    act_section section);
/* PETRARCH (`tabari` false) or TABARI dictionaries. */
int act_load_legacy(act_dict *d, uint32_t file, const char *data, size_t len,
                    act_section section, bool tabari);

/* Whether s[0..len) is a CAMEO actor code the loaders take ("---" too). */
bool act_valid_code(const char *s, size_t len, bool agent);
/* A native date range "A..B" into inclusive day numbers. */
bool act_parse_range(const char *s, size_t len, int32_t *from, int32_t *to);

#endif
