/* fuzz_parser.c — the parser's model checks and parsing with arbitrary
 * weights, labels and words.
 *
 * Input: a 32-byte syn_parser_header, one flags byte, a 1-byte label
 * section length and the label bytes, then words: each an UPOS byte and a
 * form up to the next NUL.  The weight tables are filled from a hash of
 * the input at the sizes the header declares (kept small), one of them
 * cut short when the flags say so.  Whatever the input, opening either
 * fails cleanly or the parse is a tree with one root. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/parser.h"

static int fuzz_is_tree(const annals_word *w, size_t n)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i].head < 0 || (size_t)w[i].head > n || !w[i].deprel)
            return 0;
        roots += w[i].head == 0;
    }
    for (size_t i = 0; i < n; i++) {
        size_t k = i, steps = 0;
        while (w[k].head != 0) {
            k = (size_t)w[k].head - 1;
            if (++steps > n)
                return 0;
        }
    }
    return roots == 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < sizeof(syn_parser_header) + 2)
        return 0;
    syn_parser_header h;
    memcpy(&h, data, sizeof h);
    uint8_t flags = data[sizeof h];
    size_t pos = sizeof h + 1;
    size_t labels_size = data[pos++];
    if (labels_size > size - pos)
        labels_size = size - pos;
    const char *labels = (const char *)data + pos;
    pos += labels_size;

    /* Small tables only: the size checks are what is fuzzed, not malloc. */
    uint32_t act_bits = h.act_bits <= 10 ? h.act_bits : 10;
    uint32_t lab_bits = h.lab_bits <= 10 ? h.lab_bits : 10;
    uint32_t width = h.label_width <= 256 ? h.label_width : 256;
    size_t act_n = ((size_t)1 << act_bits) * SYN_PA_WIDTH, lab_n = ((size_t)1 << lab_bits) * width;
    int16_t *act = malloc(act_n * sizeof *act + 2);
    int8_t *lab = malloc(lab_n + 2);
    if (!act || !lab) {
        free(act);
        free(lab);
        return 0;
    }
    uint64_t x = 0x9e3779b97f4a7c15ull ^ size;
    for (size_t i = 0; i < size; i++)
        x = (x ^ data[i]) * 0x100000001b3ull;
    for (size_t i = 0; i < act_n; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        act[i] = (int16_t)x;
    }
    for (size_t i = 0; i < lab_n; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        lab[i] = (int8_t)x;
    }
    size_t act_size = act_n * sizeof *act - ((flags & 1) ? 2 : 0);
    size_t lab_size = lab_n - ((flags & 2) ? 1 : 0);
    char err[256];
    syn_parser *p = syn_parser_from_tables(&h, (flags & 4) ? sizeof h - 1 : sizeof h, labels,
                                           labels_size, act, act_size, lab, lab_size, err,
                                           sizeof err);
    if (p) {
        annals_word words[256];
        size_t n = 0;
        while (pos < size && n < 256) {
            memset(&words[n], 0, sizeof words[n]);
            words[n].upos = data[pos++];
            const char *form = (const char *)data + pos;
            const void *nul = memchr(form, 0, size - pos);
            if (!nul)
                break;
            words[n].form = form;
            words[n].xpos = (flags & 8) ? form : NULL;
            pos = (size_t)((const uint8_t *)nul - data) + 1;
            n++;
        }
        syn_parser_work *w = syn_parser_work_create();
        if (w && syn_parser_parse(p, w, words, n) == ANNALS_OK && n > 0 && !fuzz_is_tree(words, n))
            abort();
        syn_parser_work_free(w);
        syn_parser_free(p);
    }
    free(act);
    free(lab);
    return 0;
}
