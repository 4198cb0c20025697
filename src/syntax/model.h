/* model.h — the binary model container of annals (tagger, lemmatiser,
 * parser), documented in doc/model-format.md.
 *
 * A model file is loaded by mmap and used in place, with no parsing step:
 *   header   magic "ANNALSM1" (8 bytes), u32 format version, u32 section
 *            count, u64 file size, u64 XXH64 checksum of every byte after
 *            the header, then the section table: per section an 8-byte tag
 *            (e.g. "TAGWEIGH", NUL-padded), u64 offset, u64 size.
 *   sections each starting at an offset aligned to 64 bytes.
 * All integers little-endian.  A truncated, corrupted or foreign file is
 * refused with a message, never read out of bounds.
 */
#ifndef ANNALS_SYNTAX_MODEL_H
#define ANNALS_SYNTAX_MODEL_H

#include <stddef.h>
#include <stdint.h>

#define SYN_MODEL_MAGIC "ANNALSM1"
#define SYN_MODEL_VERSION 1u

typedef struct syn_model syn_model;

/* Maps and checks `path`.  On failure returns NULL with the error code in
 * *err and a message in errbuf (naming the file and what is wrong). */
syn_model *syn_model_open(const char *path, int *err, char *errbuf, size_t errsize);
/* Checks and uses a model already in memory (fuzzing, tests); the memory
 * must outlive the model. */
syn_model *syn_model_from_memory(const void *data, size_t size, const char *name,
                                 int *err, char *errbuf, size_t errsize);
void syn_model_close(syn_model *m);

/* The bytes of section `tag` (up to 8 characters) or NULL when absent. */
const void *syn_model_section(const syn_model *m, const char *tag, size_t *size);

/* Building a model file. */
typedef struct syn_model_writer syn_model_writer;
syn_model_writer *syn_model_writer_create(void);
/* Copies `size` bytes as section `tag`.  Returns 0 or ANNALS_E_NOMEM. */
int syn_model_writer_add(syn_model_writer *w, const char *tag, const void *data, size_t size);
/* The whole file image (malloc'd, caller frees) and its size, or NULL when
 * out of memory: for checking a model before it is written. */
void *syn_model_writer_image(const syn_model_writer *w, size_t *size);
/* Writes the file atomically (temporary file + rename).  Returns 0 or ANNALS_E_IO. */
int syn_model_writer_save(syn_model_writer *w, const char *path);
void syn_model_writer_free(syn_model_writer *w);

#endif
