/* train.c — annals train: learns the syntax models from treebanks through
 * the library's training section (annals.h, section 15). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void train_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals train tagger --train FILE [--dev FILE] -o MODEL [OPTIONS]\n"
            "       annals train parser --train FILE [--dev FILE] -o MODEL [OPTIONS]\n"
            "\n"
            "Learns a model from CoNLL-U.  'tagger' trains the part-of-speech tagger\n"
            "(UPOS and XPOS, an averaged perceptron) and builds the lemmatiser into the\n"
            "same model file.  'parser' trains the dependency parser (arc-eager, averaged\n"
            "perceptron) on the heads, relations and tags of the train file; it parses\n"
            "with the tags each file holds, so for a parser that follows the tagger give\n"
            "it predicted tags (scripts/train-parser.sh makes them by jackknifing and runs\n"
            "the whole recipe of the shipped model).  The dev file is scored after every\n"
            "epoch and the best epoch is written.  The same data and seed give the same\n"
            "model.\n"
            "\n"
            "Options:\n"
            "  --train FILE       gold CoNLL-U to learn from\n"
            "  --dev FILE         gold CoNLL-U scored after each epoch\n"
            "  --test FILE        gold CoNLL-U scored once with the model written\n"
            "  -o, --output MODEL the model file to write (e.g. data/models/tagger.annm)\n"
            "  --epochs N         passes over the training data (default 10)\n"
            "  --seed N           shuffling seed (default 1)\n"
            "  --max-sentences N  learn from the first N training sentences only\n"
            "  --runs N           train N times over different orders of the sentences\n"
            "                     and write the mean of their weights (default 1)\n"
            "  --wordnet DIR      tagger: WordNet dict folder (e.g. /usr/share/wordnet):\n"
            "                     irregular forms and known lemmas for the lemmatiser\n"
            "  -q, --quiet        no progress, scores only\n"
            "  -h, --help         show this help\n"
            "\n"
            "Exit status: 0 the model was written, 1 training failed, 2 usage error.\n");
}

typedef struct train_log_state {
    int tty, quiet, pending;   /* a transient line is on screen */
} train_log_state;

/* Progress within an epoch (DEBUG) overwrites itself on a terminal and is
 * left out elsewhere; scores and warnings always go to standard error. */
static void train_log(void *user, annals_log_level level, const char *line)
{
    train_log_state *st = user;
    if (level == ANNALS_LOG_DEBUG) {
        if (st->tty && !st->quiet) {
            fprintf(stderr, "\r%s\033[K", line);
            st->pending = 1;
        }
        return;
    }
    if (st->pending)
        fputs("\r\033[K", stderr);
    st->pending = 0;
    fprintf(stderr, "annals train: %s%s\n", level >= ANNALS_LOG_WARN ? "warning: " : "", line);
}

static int train_number(const char *arg, const char *what, unsigned long max,
                        unsigned long *out)
{
    char *end;
    unsigned long v = strtoul(arg, &end, 10);
    if (!*arg || *end || arg[0] == '-' || v > max)
        return cli_usage_error("train", "bad %s '%s'", what, arg);
    *out = v;
    return CLI_OK;
}

int cli_train(int argc, char **argv)
{
    static const struct option longs[] = {
        {"train", required_argument, NULL, 't'}, {"dev", required_argument, NULL, 'd'},
        {"test", required_argument, NULL, 'T'},
        {"output", required_argument, NULL, 'o'}, {"epochs", required_argument, NULL, 'e'},
        {"seed", required_argument, NULL, 's'}, {"max-sentences", required_argument, NULL, 'm'},
        {"wordnet", required_argument, NULL, 'w'}, {"quiet", no_argument, NULL, 'q'},
        {"runs", required_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    annals_train_options opt;
    annals_train_options_init(&opt);
    train_log_state st = {isatty(2), 0, 0};
    unsigned long v = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:qh", longs, NULL)) != -1) {
        switch (c) {
        case 't': opt.train_path = optarg; break;
        case 'd': opt.dev_path = optarg; break;
        case 'T': opt.test_path = optarg; break;
        case 'o': opt.output_path = optarg; break;
        case 'w': opt.wordnet_dir = optarg; break;
        case 'q': st.quiet = 1; break;
        case 'e':
            if (train_number(optarg, "epoch count", 1000, &v))
                return CLI_USAGE;
            opt.epochs = (int)v;
            break;
        case 's':
            if (train_number(optarg, "seed", (unsigned long)-1, &v))
                return CLI_USAGE;
            opt.seed = v;
            break;
        case 'm':
            if (train_number(optarg, "sentence count", (unsigned long)-1, &v))
                return CLI_USAGE;
            opt.max_sentences = v;
            break;
        case 'r':
            if (train_number(optarg, "run count", 100, &v))
                return CLI_USAGE;
            if (v < 1)
                return cli_usage_error("train", "--runs must be at least 1");
            opt.runs = (int)v;
            break;
        case 'h': train_usage(stdout); return CLI_OK;
        default: return cli_usage_error("train", "unknown option");
        }
    }
    if (optind >= argc)
        return cli_usage_error("train", "which model? (tagger or parser)");
    const char *what = argv[optind];
    if (optind + 1 < argc)
        return cli_usage_error("train", "unexpected argument '%s'", argv[optind + 1]);
    int parser = strcmp(what, "parser") == 0;
    if (!parser && strcmp(what, "tagger") != 0)
        return cli_usage_error("train", "unknown model '%s' (tagger or parser)", what);
    if (parser && opt.wordnet_dir)
        return cli_usage_error("train", "--wordnet is for the tagger");
    if (!opt.train_path || !opt.output_path)
        return cli_usage_error("train", "--train and -o are required");
    if (opt.epochs < 1)
        return cli_usage_error("train", "--epochs must be at least 1");
    opt.log = train_log;
    opt.log_user = &st;
    char err[512];
    int rc = parser ? annals_train_parser(&opt, err, sizeof err)
                    : annals_train_tagger(&opt, err, sizeof err);
    if (rc != 0) {
        if (st.pending)
            fputs("\r\033[K", stderr);
        fprintf(stderr, "annals train: %s\n", err);
        return CLI_SKIPPED;
    }
    return CLI_OK;
}
