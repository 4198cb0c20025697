/* fuzz_conllu.c — the CoNLL-U reader over arbitrary bytes (via fmemopen),
 * then the writer over what it read.  Checks spans against the text. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "annals.h"
#include "io/conllu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *fp = fmemopen((void *)data, size, "r");
    FILE *out = fopen("/dev/null", "w");
    if (!fp || !out)
        abort();
    io_conllu *r = io_conllu_open(fp, "fuzz.conllu");
    if (!r)
        abort();
    annals_document doc;
    int rc;
    int guard = 0;
    while ((rc = io_conllu_next(r, &doc)) != 0 && guard++ < 100000) {
        if (rc == ANNALS_E_RECORD)
            continue;
        if (rc < 0)
            break;
        for (size_t i = 0; i < doc.n_sentences; i++) {
            const annals_sentence *s = &doc.sentences[i];
            if (s->end > doc.text_len || s->start > s->end)
                abort();
            for (size_t k = 0; k < s->n_words; k++)
                if (s->words[k].end > doc.text_len || s->words[k].start > s->words[k].end)
                    abort();
        }
        io_conllu_write(out, &doc, doc.sentences, doc.n_sentences);
    }
    io_conllu_free(r);
    fclose(out);
    fclose(fp);
    return 0;
}
