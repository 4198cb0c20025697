/* coder_dicts.c — resources with every dictionary an event-coding
 * subcommand can be given (code, explain, validate). */
#include <stdio.h>

#include "cli.h"

annals_resources *cli_load_coder(const cli_dicts *d, bool verbose)
{
    annals_options opt;
    annals_options_init(&opt);
    opt.data_dir = d->data_dir;
    opt.actors = d->actors;
    opt.agents = d->agents;
    opt.verbs = d->verbs;
    opt.discards = d->discards;
    opt.log = cli_log;
    opt.log_level = verbose ? ANNALS_LOG_INFO : ANNALS_LOG_WARN;
    int err = 0;
    annals_resources *res = annals_resources_load(&opt, &err);
    if (!res)
        fprintf(stderr, "annals: cannot load resources: %s\n", annals_error_name(err));
    return res;
}
