/* bench_tagger.c — CPU cost of the tagging and lemmatising stage, as the
 * coder runs it (syn_tagger_tag, then syn_lemma_sentence, per sentence).
 *
 *   bench_tagger [--repeat N] MODEL FILE.conllu
 *
 * The words of FILE (its given tokens: EWT, or news text that `annals parse`
 * has split) are folded before the clock starts, as the segmenter does.
 * Each of N passes (default 5) tags, then tags and lemmatises, every
 * sentence; the best pass counts, in words per CPU second of this thread
 * (the machine is shared, so the wall clock would count other jobs too).
 * A checksum of the tags and lemmas shows whether two builds give the same
 * output. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "io/conllu.h"
#include "syntax/lemma.h"
#include "syntax/model.h"
#include "syntax/tagger.h"
#include "text/utf8.h"

#include "bench_conllu.h"

/* FNV-1a over the tags and lemmas of every word. */
static uint64_t bt_checksum(const bench_sent *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t j = 0; j < n; j++)
        for (size_t k = 0; k < s[j].n; k++) {
            const annals_word *w = &s[j].w[k];
            const char *parts[2] = {w->xpos ? w->xpos : "", w->lemma ? w->lemma : ""};
            h = (h ^ (uint64_t)w->upos) * 0x100000001b3ull;
            for (int p = 0; p < 2; p++)
                for (const char *c = parts[p]; ; c++) {
                    h = (h ^ (unsigned char)*c) * 0x100000001b3ull;
                    if (!*c)
                        break;
                }
        }
    return h;
}

int main(int argc, char **argv)
{
    int repeat = 5;
    int i = 1;
    if (i + 1 < argc && !strcmp(argv[i], "--repeat")) {
        repeat = atoi(argv[i + 1]);
        i += 2;
    }
    if (argc - i != 2 || repeat < 1) {
        fprintf(stderr, "usage: bench_tagger [--repeat N] MODEL FILE.conllu\n");
        return 2;
    }
    char err[512];
    int e;
    syn_model *m = syn_model_open(argv[i], &e, err, sizeof err);
    syn_tagger t;
    syn_lemmatizer l;
    if (!m || syn_tagger_open(&t, m, err, sizeof err) || syn_lemma_open(&l, m, err, sizeof err)) {
        fprintf(stderr, "bench_tagger: %s\n", err);
        return 1;
    }
    core_arena data, scratch;
    core_arena_init(&data, 0);
    core_arena_init(&scratch, 0);
    size_t n_sent, words;
    bench_sent *s = bench_load_conllu("bench_tagger", argv[i + 1], &data, &n_sent, &words);
    if (!s)
        return 1;
    double best_tag = 1e9, best_both = 1e9;
    uint64_t sum = 0;
    for (int k = 0; k < repeat; k++) {
        double c0 = bench_thread_cpu();
        for (size_t j = 0; j < n_sent; j++) {
            syn_tagger_tag(&t, &scratch, s[j].w, s[j].n);
            core_arena_reset(&scratch);
        }
        double c1 = bench_thread_cpu();
        /* The lemmas stay in `scratch` until the pass is summed. */
        for (size_t j = 0; j < n_sent; j++) {
            syn_tagger_tag(&t, &scratch, s[j].w, s[j].n);
            syn_lemma_sentence(&l, &scratch, s[j].w, s[j].n);
        }
        double c2 = bench_thread_cpu();
        sum = bt_checksum(s, n_sent);
        core_arena_reset(&scratch);
        if (c1 - c0 < best_tag)
            best_tag = c1 - c0;
        if (c2 - c1 < best_both)
            best_both = c2 - c1;
    }
    printf("sentences, words:      %zu, %zu\n", n_sent, words);
    printf("tagging:               %.0f words per CPU second\n", (double)words / best_tag);
    printf("tagging + lemmatising: %.0f words per CPU second (%.3f CPU s a pass)\n",
           (double)words / best_both, best_both);
    printf("output checksum:       %016llx\n", (unsigned long long)sum);
    free(s);
    core_arena_destroy(&data);
    core_arena_destroy(&scratch);
    syn_model_close(m);
    return 0;
}
