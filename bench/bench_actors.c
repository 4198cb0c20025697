/* bench_actors.c — how long the built-in dictionaries take to load, how
 * much memory they take, and how fast the matcher finds actors.
 *
 *   build/bench/bench_actors [DATA_DIR] [TEXT_FILE]
 *
 * DATA_DIR defaults to the source tree's data/; TEXT_FILE (plain text) to
 * data/sample/news.jsonl read as raw text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "actors/lint.h"
#include "actors/match.h"
#include "text/segment.h"

#ifndef ANNALS_SOURCE_DIR
#define ANNALS_SOURCE_DIR "."
#endif

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long peak_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    fclose(f);
    if (s) {
        s[n] = '\0';
        *len = (size_t)n;
    }
    return s;
}

int main(int argc, char **argv)
{
    const char *data = argc > 1 ? argv[1] : ANNALS_SOURCE_DIR "/data";
    char text_path[4096];
    snprintf(text_path, sizeof text_path, "%s/sample/news.jsonl", data);
    const char *text_file = argc > 2 ? argv[2] : text_path;

    long rss0 = peak_kib();
    double best = 1e9, best_cpu = 1e9;
    act_dict d;
    for (int round = 0; round < 5; round++) {
        double t0 = now_ms(), c0 = cpu_ms();
        if (!act_dict_init(&d))
            return 1;
        if (act_load_builtin(&d, data, false, false)) {
            fprintf(stderr, "cannot load the dictionaries of %s\n", data);
            return 1;
        }
        double t = now_ms() - t0, c = cpu_ms() - c0;
        if (t < best)
            best = t;
        if (c < best_cpu)
            best_cpu = c;
        if (round < 4)
            act_dict_free(&d);
    }
    long rss1 = peak_kib();
    printf("dictionaries: %zu files, %zu entries, %zu names, %zu codes, %zu tokens, %zu trie "
           "nodes, %zu diagnostics\n",
           d.n_files, d.n_entries, d.n_names, d.n_codes, d.tokens.n, d.n_nodes, d.n_diags);
    printf("load: best of 5 %.1f ms wall, %.1f ms CPU; peak RSS %ld KiB (%ld KiB before "
           "loading)\n", best, best_cpu, rss1, rss0);

    size_t len = 0;
    char *text = read_all(text_file, &len);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", text_file);
        act_dict_free(&d);
        return 1;
    }
    core_arena a;
    core_arena_init(&a, 1 << 20);
    text_sentences sents = {0};
    if (text_segment(&a, text, 0, len, ANNALS_SENT_BODY, 0, &sents))
        return 1;
    size_t words = 0, mentions = 0;
    for (size_t i = 0; i < sents.n; i++)
        words += sents.v[i].n_words;
    core_arena scratch;
    core_arena_init(&scratch, 1 << 20);
    double t0 = now_ms();
    int reps = 5;
    for (int r = 0; r < reps; r++) {
        for (size_t i = 0; i < sents.n; i++) {
            act_mention *m;
            size_t n;
            if (act_find_mentions(&d, &scratch, &sents.v[i], act_days(2020, 1, 1), &m, &n))
                return 1;
            mentions += n;
        }
        core_arena_reset(&scratch);
    }
    double t = now_ms() - t0;
    printf("matching: %zu sentences, %zu words, %zu mentions; %.1f ms a pass, %.2f M words/s\n",
           sents.n, words, mentions / (size_t)reps, t / reps, words * reps / (t * 1e3));
    core_arena_destroy(&scratch);
    core_arena_destroy(&a);
    text_sentences_free(&sents);
    free(text);
    act_dict_free(&d);
    return 0;
}
