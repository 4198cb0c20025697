/* fuzz_model.c — the model loader over arbitrary bytes, then the tagger
 * and lemmatiser over whatever loads.
 *
 * Random bytes almost never carry a right checksum, so each input is
 * tried twice: as it is (the header checks), and with its size field and
 * checksum made right (so that the section table and the tagger's and
 * lemmatiser's own consistency checks are what stands between the bytes
 * and the code that uses them in place). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "annals.h"
#include "core/arena.h"
#include "syntax/lemma.h"
#include "syntax/model.h"
#include "syntax/tagger.h"

static void exercise(const syn_model *m)
{
    char err[256];
    static const char *const forms[] = {"The", "talks", "were", "imposed", "in", "2020", "."};
    size_t n = sizeof forms / sizeof forms[0];
    syn_tagger t;
    if (syn_tagger_open(&t, m, err, sizeof err) == 0) {
        core_arena a;
        core_arena_init(&a, 0);
        annals_word w[sizeof forms / sizeof forms[0]];
        memset(w, 0, sizeof w);
        for (size_t i = 0; i < n; i++)
            w[i].form = w[i].norm = forms[i];
        if (syn_tagger_tag(&t, &a, w, n) == 0)
            for (size_t i = 0; i < n; i++)
                if (w[i].upos <= 0 || w[i].upos >= ANNALS_UPOS_COUNT || !w[i].xpos)
                    abort();
        core_arena_destroy(&a);
    }
    syn_lemmatizer l;
    if (syn_lemma_open(&l, m, err, sizeof err) == 0) {
        char buf[SYN_LEM_MAX_WORD + 16];
        for (size_t i = 0; i < n; i++)
            for (int u = 0; u < ANNALS_UPOS_COUNT; u++)
                if (!syn_lemma_of(&l, forms[i], u, buf, sizeof buf))
                    abort();
    }
}

static void try_bytes(const unsigned char *data, size_t size)
{
    int e;
    syn_model *m = syn_model_from_memory(data, size, "fuzz", &e, NULL, 0);
    if (m) {
        exercise(m);
        syn_model_close(m);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An 8-aligned copy, as mmap would give. */
    uint64_t *buf = malloc(size / 8 * 8 + 8);
    if (!buf)
        return 0;
    unsigned char *p = (unsigned char *)buf;
    memcpy(p, data, size);
    try_bytes(p, size);
    if (size >= 32) {
        uint64_t n = size, sum = XXH64(p + 32, size - 32, 0);
        for (int i = 0; i < 8; i++) {
            p[16 + i] = (unsigned char)(n >> (8 * i));
            p[24 + i] = (unsigned char)(sum >> (8 * i));
        }
        try_bytes(p, size);
    }
    free(buf);
    return 0;
}
