/* conllu.h — CoNLL-U in and out.
 *
 * Reading: sentences of a CoNLL-U file grouped into documents (a document
 * ends at "# newdoc" or after IO_CONLLU_MAX_DOC_SENTENCES sentences), each
 * with a text made from the sentences' "# text" (or their forms and
 * SpaceAfter=No when that comment is absent or does not spell the
 * tokens), joined as the CoNLL 2018 raw text was: one space between the
 * sentences of a paragraph, a blank line before "# newpar", so that every
 * word has a byte span in that text.  The words of a multiword token get
 * the pieces of its surface when their forms spell it, else the first
 * word spans the whole token and the others are empty at its end.  Multiword tokens ("6-7
 * Google's") set ANNALS_WORD_MWT_BEGIN / _INSIDE on their words.  Given
 * columns (lemma, UPOS, XPOS, FEATS, HEAD, DEPREL) are kept so that a
 * scorer can read gold files; the coder predicts them again.
 *
 * Writing: one sentence block per sentence: "# sent_id", "# text", MWT
 * range lines, ten columns, "_" for what is not known, SpaceAfter=No in
 * MISC, a blank line after each sentence.
 */
#ifndef ANNALS_IO_CONLLU_H
#define ANNALS_IO_CONLLU_H

#include <stdio.h>

#include "annals.h"

#define IO_CONLLU_MAX_DOC_SENTENCES 1000

typedef struct io_conllu io_conllu;

/* Reads from `fp` (not closed by it); `name` is used in messages.
 * NULL when out of memory. */
io_conllu *io_conllu_open(FILE *fp, const char *name);

/* Next document: 1 and `doc` filled (memory owned by the reader until the
 * next call), 0 at the end, ANNALS_E_RECORD when a malformed sentence was
 * skipped (io_conllu_error() names the line; call again), ANNALS_E_IO or
 * ANNALS_E_NOMEM when reading cannot go on. */
int io_conllu_next(io_conllu *r, annals_document *doc);
const char *io_conllu_error(const io_conllu *r);
size_t io_conllu_offset(const io_conllu *r);
void io_conllu_free(io_conllu *r);

/* Writes the sentences of `doc` as CoNLL-U.  Sentence ids: the given id,
 * else "DOCID-N" (N from 1).  Returns ANNALS_OK or ANNALS_E_IO. */
int io_conllu_write(FILE *out, const annals_document *doc,
                    const annals_sentence *sentences, size_t n);

#endif
