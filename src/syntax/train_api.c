/* train_api.c — the public face of the trainers (annals.h, section 15).
 *
 * The trainers keep their own options (train.h), whose log tells a
 * transient progress line from a lasting one; here the public options are
 * copied in and each line is given the level the header promises. */
#include <stdio.h>
#include <string.h>

#include "annals.h"
#include "syntax/train.h"

void annals_train_options_init(annals_train_options *opt)
{
    if (!opt)
        return;
    memset(opt, 0, sizeof *opt);
    opt->epochs = 10;
    opt->seed = 1;
    opt->runs = 1;
}

typedef struct train_api_sink {
    annals_log_fn log;
    void *user;
} train_api_sink;

/* Progress is DEBUG; a record the reader skipped (the trainers start that
 * line with "skipped") is a WARN; scores and everything else INFO. */
static void train_api_log(void *user, int transient, const char *line)
{
    const train_api_sink *sink = user;
    annals_log_level level = ANNALS_LOG_INFO;
    if (transient)
        level = ANNALS_LOG_DEBUG;
    else if (strncmp(line, "skipped", 7) == 0)
        level = ANNALS_LOG_WARN;
    sink->log(sink->user, level, line);
}

typedef int (*train_api_fn)(syn_train_options *opt);

static int train_api_run(const annals_train_options *in, char *err, size_t err_size,
                         train_api_fn train)
{
    if (err && err_size)
        err[0] = '\0';
    if (!in)
        return ANNALS_E_ARG;
    syn_train_options opt;
    syn_train_options_init(&opt);
    opt.train_path = in->train_path;
    opt.dev_path = in->dev_path;
    opt.test_path = in->test_path;
    opt.output_path = in->output_path;
    opt.epochs = in->epochs;
    opt.seed = in->seed;
    opt.max_sentences = in->max_sentences;
    opt.runs = in->runs;
    opt.wordnet_dir = in->wordnet_dir;
    train_api_sink sink = {in->log, in->log_user};
    if (in->log) {
        opt.log = train_api_log;
        opt.log_user = &sink;
    }
    int rc;
    if (!opt.train_path || !opt.output_path || opt.epochs < 1) {
        snprintf(opt.error, sizeof opt.error, "a train file, an output file and epochs >= 1 are needed");
        rc = ANNALS_E_ARG;
    } else {
        rc = train(&opt);
    }
    if (rc < 0 && err && err_size)
        snprintf(err, err_size, "%s", opt.error[0] ? opt.error : annals_error_name(rc));
    return rc < 0 ? rc : 0;
}

int annals_train_tagger(const annals_train_options *opt, char *err, size_t err_size)
{
    return train_api_run(opt, err, err_size, syn_train_tagger);
}

int annals_train_parser(const annals_train_options *opt, char *err, size_t err_size)
{
    return train_api_run(opt, err, err_size, syn_train_parser);
}
