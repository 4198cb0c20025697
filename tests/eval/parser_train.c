/* parser_train.c — the parser's trainer with the knobs that `annals train
 * parser` does not expose, for the shipped recipe (scripts/train-parser.sh)
 * and experiments.  Above all --runs: the model is then the mean of the
 * averaged weights of that many runs, each over its own order of the
 * sentences and stopped at its own best dev epoch (train_parser.h).
 *
 *   parser_train --train F [--dev F] [--test F] -o OUT [--epochs N]
 *                [--seed N] [--runs N] [--act-bits N] [--lab-bits N]
 *                [--slice N] [-q]
 *
 * --slice N learns from the first N sentences only (the tests).
 *
 * Progress and scores go to stderr, one line each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/train_parser.h"

static void ptrain_log(void *user, int transient, const char *line)
{
    int quiet = *(const int *)user;
    if (transient || quiet)
        return;
    fprintf(stderr, "parser_train: %s\n", line);
}

static int ptrain_usage(void)
{
    fprintf(stderr, "usage: parser_train --train F [--dev F] [--test F] -o OUT [--epochs N] "
                    "[--seed N] [--runs N] [--act-bits N] [--lab-bits N] [--slice N] [-q]\n");
    return 2;
}

/* A whole non-negative number, or -1. */
static long ptrain_number(const char *s)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    return (end == s || *end != '\0' || v < 0) ? -1 : v;
}

int main(int argc, char **argv)
{
    syn_train_options opt;
    syn_train_options_init(&opt);
    syn_parser_train_config cfg;
    syn_parser_train_config_init(&cfg);
    int quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-q") == 0) {
            quiet = 1;
            continue;
        }
        if (i + 1 >= argc)
            return ptrain_usage();
        const char *v = argv[++i];
        long n = ptrain_number(v);
        if (strcmp(a, "--train") == 0)
            opt.train_path = v;
        else if (strcmp(a, "--dev") == 0)
            opt.dev_path = v;
        else if (strcmp(a, "--test") == 0)
            opt.test_path = v;
        else if (strcmp(a, "-o") == 0)
            opt.output_path = v;
        else if (strcmp(a, "--epochs") == 0 && n >= 1 && n <= 1000)
            opt.epochs = (int)n;
        else if (strcmp(a, "--seed") == 0 && n >= 0)
            opt.seed = (unsigned long)n;
        else if (strcmp(a, "--runs") == 0 && n >= 1 && n <= 64)
            cfg.runs = (int)n;
        else if (strcmp(a, "--slice") == 0 && n >= 1)
            opt.max_sentences = (size_t)n;
        else if (strcmp(a, "--act-bits") == 0 && n >= 0 && n <= 64)
            cfg.act_bits = (unsigned)n;
        else if (strcmp(a, "--lab-bits") == 0 && n >= 0 && n <= 64)
            cfg.lab_bits = (unsigned)n;
        else
            return ptrain_usage();
    }
    if (!opt.train_path || !opt.output_path)
        return ptrain_usage();
    opt.log = ptrain_log;
    opt.log_user = &quiet;
    int rc = syn_train_parser_with(&opt, &cfg);
    if (rc != 0) {
        fprintf(stderr, "parser_train: %s\n", opt.error);
        return 1;
    }
    return 0;
}
