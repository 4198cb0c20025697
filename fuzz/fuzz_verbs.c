/* fuzz_verbs.c — the verb dictionary readers (native, PETRARCH, TABARI)
 * and the discards reader over arbitrary bytes: every input loads or
 * reports its bad lines, and the compiled tables stay consistent. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "coder/verbs.h"

static void ignore(void *user, const char *message)
{
    (void)user;
    if (!strchr(message, ':'))
        abort(); /* every message names FILE:LINE */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cod_verbs v;
    cod_verbs_init(&v);
    /* the first byte picks the reader: verbs (either format) or discards */
    if (size && data[0] == 'D')
        cod_discards_load_mem(&v, "fuzz.discards", (const char *)data + 1, size - 1, ignore,
                              NULL);
    else
        cod_verbs_load_mem(&v, "fuzz.verbs", (const char *)data, size, ignore, NULL);
    if (cod_verbs_finish(&v) == 0) {
        for (uint32_t i = 0; i < v.n_verbs; i++) {
            size_t n;
            const uint32_t *vs = cod_verbs_find(&v, v.verbs[i].lemma, &n);
            if (!vs || !n || v.verbs[i].block >= v.n_blocks)
                abort();
        }
        for (uint32_t b = 0; b < v.n_blocks; b++)
            if (v.blocks[b].first + v.blocks[b].n > v.n_patterns)
                abort();
    }
    cod_verbs_free(&v);
    return 0;
}
