/* strmap.h — a string-to-string hash table stored in a model section and
 * used in place (the lemmatiser's form, lexicon and rule tables).
 *
 * Section layout, little-endian:
 *   u32 log2 of the slot count, u32 entries, u32 pool size, u32 zero,
 *   u64 slots[1 << log2]: XXH3 check (high 32 bits, never 0) and the
 *       offset of the entry in the pool (low 32 bits); 0 = empty,
 *   pool: per entry "key\0value\0"; byte 0 of the pool is unused. */
#ifndef ANNALS_SYNTAX_STRMAP_H
#define ANNALS_SYNTAX_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct syn_strmap {
    const uint64_t *slots;
    uint64_t mask;
    const char *pool;
    size_t pool_size;
} syn_strmap;

/* Checks a section and points `m` at it.  Returns 0 or -1 when the bytes
 * are not a consistent table. */
int syn_strmap_open(syn_strmap *m, const void *data, size_t size);

/* The value stored for key[0..klen), or NULL. */
const char *syn_strmap_get(const syn_strmap *m, const char *key, size_t klen);

/* Building a table in memory. */
typedef struct syn_strmap_builder syn_strmap_builder;
syn_strmap_builder *syn_strmap_builder_create(void);
/* Stores key -> value; with `replace` 0 an existing key keeps its value.
 * Returns 0, or -1 when out of memory. */
int syn_strmap_builder_put(syn_strmap_builder *b, const char *key, const char *value,
                           int replace);
/* The value stored so far for `key`, or NULL. */
const char *syn_strmap_builder_get(const syn_strmap_builder *b, const char *key);
size_t syn_strmap_builder_count(const syn_strmap_builder *b);
/* The section bytes (malloc'd, caller frees) and their size, or NULL. */
void *syn_strmap_builder_serialize(const syn_strmap_builder *b, size_t *size);
void syn_strmap_builder_free(syn_strmap_builder *b);

#endif
