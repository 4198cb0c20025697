/* fuzz_segment.c — the coder (cleaner, segmenter) over arbitrary bytes,
 * with the article cleaner on and off.  Checks that every word's span
 * lies inside the text and every form is a string. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static annals_resources *res;
    static annals_coder *coder;
    if (!res) {
        res = annals_resources_load(NULL, NULL);
        coder = res ? annals_coder_create(res) : NULL;
        if (!coder)
            abort();
    }
    annals_document doc = {.id = "fuzz", .text = (const char *)data, .text_len = size};
    for (int clean = 0; clean < 2; clean++) {
        annals_coder_set_clean(coder, clean);
        if (annals_coder_run(coder, &doc) != ANNALS_OK)
            continue;
        size_t n;
        const annals_sentence *s = annals_coder_sentences(coder, &n);
        for (size_t i = 0; i < n; i++) {
            if (s[i].start > s[i].end || s[i].end > size || !s[i].text)
                abort();
            for (size_t k = 0; k < s[i].n_words; k++) {
                const annals_word *w = &s[i].words[k];
                if (w->start > w->end || w->end > size || !w->form || !w->norm)
                    abort();
            }
        }
    }
    return 0;
}
