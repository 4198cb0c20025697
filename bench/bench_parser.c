/* bench_parser.c — speed of the dependency parser on one core: model load
 * time, parsing throughput over a CoNLL-U file's words with their gold tags
 * (tagging is not timed here), peak memory.
 *
 *   bench_parser [MODEL [CONLLU [ROUNDS]]]
 *
 * Defaults: data/models/parser.annm, ../shared EWT test, 5 rounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "syntax/model.h"
#include "syntax/parser.h"
#include "syntax/parser_treebank.h"

#ifndef ANNALS_SOURCE_DIR
#define ANNALS_SOURCE_DIR "."
#endif

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of this thread: on a machine shared with other jobs the wall
 * clock counts their time too, the CPU clock (mostly) only ours. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    const char *model_path = argc > 1 ? argv[1] : ANNALS_SOURCE_DIR "/data/models/parser.annm";
    const char *conllu = argc > 2 ? argv[2]
                                  : ANNALS_SOURCE_DIR "/../shared/data/ud-english-ewt/en_ewt-ud-test.conllu";
    int rounds = argc > 3 ? atoi(argv[3]) : 5;
    if (rounds < 1)
        rounds = 1;
    char msg[512];
    int err = 0;

    double t0 = now();
    syn_model *m = syn_model_open(model_path, &err, msg, sizeof msg);
    syn_parser *p = m ? syn_parser_open(m, msg, sizeof msg) : NULL;
    double load_ms = (now() - t0) * 1000.0;
    if (!p) {
        fprintf(stderr, "bench_parser: %s\n", msg);
        return 1;
    }

    syn_treebank tb;
    if (syn_treebank_read(&tb, conllu, 0, msg, sizeof msg) != 0) {
        fprintf(stderr, "bench_parser: %s\n", msg);
        return 1;
    }
    size_t maxn = 1;
    for (size_t s = 0; s < tb.n_sent; s++)
        if (tb.start[s + 1] - tb.start[s] > maxn)
            maxn = tb.start[s + 1] - tb.start[s];
    annals_word *words = calloc(maxn, sizeof *words);
    syn_parser_work *w = syn_parser_work_create();
    if (!words || !w)
        return 1;

    double best = 0, best_cpu = 0;
    size_t checksum = 0;
    for (int r = 0; r < rounds; r++) {
        double t1 = now(), c1 = cpu_now();
        for (size_t s = 0; s < tb.n_sent; s++) {
            size_t n = tb.start[s + 1] - tb.start[s];
            const syn_tbword *g = &tb.words[tb.start[s]];
            for (size_t i = 0; i < n; i++) {
                words[i].form = g[i].form;
                words[i].norm = NULL;
                words[i].upos = g[i].upos;
                words[i].xpos = g[i].xpos;
            }
            if (syn_parser_parse(p, w, words, n) != 0)
                return 1;
            checksum += (size_t)words[n - 1].head;
        }
        double secs = now() - t1, cpu = cpu_now() - c1;
        double rate = (double)tb.n_words / secs;
        if (rate > best)
            best = rate;
        if (cpu > 0 && (double)tb.n_words / cpu > best_cpu)
            best_cpu = (double)tb.n_words / cpu;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("model %s: load %.2f ms\n", model_path, load_ms);
    printf("parse %zu words in %zu sentences, best of %d rounds: %.0f words/s, "
           "%.0f words per CPU second (checksum %zu)\n",
           tb.n_words, tb.n_sent, rounds, best, best_cpu, checksum);
    printf("peak resident memory %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    free(words);
    syn_parser_work_free(w);
    syn_treebank_free(&tb);
    syn_parser_free(p);
    syn_model_close(m);
    return 0;
}
