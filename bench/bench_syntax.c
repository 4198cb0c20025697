/* bench_syntax.c — speed of the syntax stage: model load time, tagging and
 * lemmatising throughput on one thread, peak memory.
 *
 *   bench_syntax [--repeat N] MODEL FILE.conllu
 *
 * The sentences of FILE (their given words) are tagged and lemmatised N
 * times (default 5); the best pass counts.  Load time is the best of 20
 * opens (map, checksum, table checks).  Words are prepared (folded forms)
 * before the clock starts, as the coder's segmenter would have. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/arena.h"
#include "io/conllu.h"
#include "syntax/lemma.h"
#include "syntax/model.h"
#include "syntax/tagger.h"
#include "text/utf8.h"

#include "bench_conllu.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
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
        fprintf(stderr, "usage: bench_syntax [--repeat N] MODEL FILE.conllu\n");
        return 2;
    }
    const char *model_path = argv[i], *path = argv[i + 1];
    char err[512];
    int e;
    double best_load = 1e9;
    syn_model *m = NULL;
    for (int k = 0; k < 20; k++) {
        double t0 = now_s();
        syn_model *mm = syn_model_open(model_path, &e, err, sizeof err);
        syn_tagger t;
        syn_lemmatizer l;
        if (!mm || syn_tagger_open(&t, mm, err, sizeof err) ||
            syn_lemma_open(&l, mm, err, sizeof err)) {
            fprintf(stderr, "bench_syntax: %s\n", err);
            return 1;
        }
        double dt = now_s() - t0;
        if (dt < best_load)
            best_load = dt;
        if (m)
            syn_model_close(m);
        m = mm;
    }
    syn_tagger t;
    syn_lemmatizer l;
    syn_tagger_open(&t, m, err, sizeof err);
    syn_lemma_open(&l, m, err, sizeof err);

    core_arena data, scratch;
    core_arena_init(&data, 0);
    core_arena_init(&scratch, 0);
    size_t n_sent, words;
    bench_sent *s = bench_load_conllu("bench_syntax", path, &data, &n_sent, &words);
    if (!s)
        return 1;
    double best_tag = 1e9, best_both = 1e9, best_cpu = 1e9;
    for (int k = 0; k < repeat; k++) {
        double c0 = bench_thread_cpu();
        double t0 = now_s();
        for (size_t j = 0; j < n_sent; j++) {
            syn_tagger_tag(&t, &scratch, s[j].w, s[j].n);
            core_arena_reset(&scratch);
        }
        double t1 = now_s();
        double c1 = bench_thread_cpu();
        if (c1 - c0 < best_cpu)
            best_cpu = c1 - c0;
        for (size_t j = 0; j < n_sent; j++) {
            syn_tagger_tag(&t, &scratch, s[j].w, s[j].n);
            syn_lemma_sentence(&l, &scratch, s[j].w, s[j].n);
            core_arena_reset(&scratch);
        }
        double t2 = now_s();
        if (t1 - t0 < best_tag)
            best_tag = t1 - t0;
        if (t2 - t1 < best_both)
            best_both = t2 - t1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("model load:            %.2f ms (best of 20)\n", best_load * 1e3);
    printf("sentences, words:      %zu, %zu\n", n_sent, words);
    printf("tagging:               %.0f words/s (%.0f words per CPU second)\n",
           (double)words / best_tag, (double)words / best_cpu);
    printf("tagging + lemmatising: %.0f words/s\n", (double)words / best_both);
    printf("peak memory (RSS):     %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    free(s);
    core_arena_destroy(&data);
    core_arena_destroy(&scratch);
    syn_model_close(m);
    return 0;
}
