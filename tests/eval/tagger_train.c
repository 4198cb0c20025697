/* tagger_train.c — the tagger's trainer with the knob that `annals train
 * tagger` does not expose: --runs, the mean of the averaged weights of
 * that many runs, each over its own orders of the sentences (seeds seed,
 * seed + 1, ...) and kept at its own best dev epoch (train_tagger.c).
 * For experiments and the recipe scripts (scripts/train-tagger.sh).
 *
 *   tagger_train --train F [--dev F] [--test F] -o OUT [--wordnet DIR]
 *                [--epochs N] [--seed N] [--runs N] [--slice N] [-q]
 *
 * Progress and scores go to stderr, one line each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/train.h"

static void ttrain_log(void *user, int transient, const char *line)
{
    int quiet = *(const int *)user;
    if (transient || quiet)
        return;
    fprintf(stderr, "tagger_train: %s\n", line);
}

static int ttrain_usage(void)
{
    fprintf(stderr, "usage: tagger_train --train F [--dev F] [--test F] -o OUT [--wordnet DIR] "
                    "[--epochs N] [--seed N] [--runs N] [--slice N] [-q]\n");
    return 2;
}

/* A whole non-negative number, or -1. */
static long ttrain_number(const char *s)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    return (end == s || *end != '\0' || v < 0) ? -1 : v;
}

int main(int argc, char **argv)
{
    syn_train_options opt;
    syn_train_options_init(&opt);
    int quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-q") == 0) {
            quiet = 1;
            continue;
        }
        if (i + 1 >= argc)
            return ttrain_usage();
        const char *v = argv[++i];
        long n = ttrain_number(v);
        if (strcmp(a, "--train") == 0)
            opt.train_path = v;
        else if (strcmp(a, "--dev") == 0)
            opt.dev_path = v;
        else if (strcmp(a, "--test") == 0)
            opt.test_path = v;
        else if (strcmp(a, "-o") == 0)
            opt.output_path = v;
        else if (strcmp(a, "--wordnet") == 0)
            opt.wordnet_dir = v;
        else if (strcmp(a, "--epochs") == 0 && n >= 1 && n <= 1000)
            opt.epochs = (int)n;
        else if (strcmp(a, "--seed") == 0 && n >= 0)
            opt.seed = (unsigned long)n;
        else if (strcmp(a, "--runs") == 0 && n >= 1 && n <= 64)
            opt.runs = (int)n;
        else if (strcmp(a, "--slice") == 0 && n >= 1)
            opt.max_sentences = (size_t)n;
        else
            return ttrain_usage();
    }
    if (!opt.train_path || !opt.output_path)
        return ttrain_usage();
    opt.log = ttrain_log;
    opt.log_user = &quiet;
    int rc = syn_train_tagger(&opt);
    if (rc != 0) {
        fprintf(stderr, "tagger_train: %s\n", opt.error);
        return 1;
    }
    return 0;
}
