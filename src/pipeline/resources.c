/* resources.c — loading what every coder shares. */
#include "pipeline/resources.h"

#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"

void annals_options_init(annals_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->log_level = ANNALS_LOG_WARN;
}

annals_resources *annals_resources_load(const annals_options *opt, int *err)
{
    annals_options defaults;
    if (!opt) {
        annals_options_init(&defaults);
        opt = &defaults;
    }
    annals_resources *res = calloc(1, sizeof *res);
    if (!res) {
        if (err)
            *err = ANNALS_E_NOMEM;
        return NULL;
    }
    res->log.fn = opt->log;
    res->log.user = opt->log_user;
    res->log.level = opt->log_level;

    if (!core_find_data_dir(opt->data_dir, res->data_dir, sizeof res->data_dir)) {
        res->data_dir[0] = '\0';
        if (opt->data_dir) {
            core_logf(&res->log, ANNALS_LOG_ERROR,
                      "data directory '%s' not found (it must hold the file annals-data)",
                      opt->data_dir);
            free(res);
            if (err)
                *err = ANNALS_E_DATA;
            return NULL;
        }
        core_logf(&res->log, ANNALS_LOG_INFO,
                  "no data directory found; set ANNALS_DATA to use models and dictionaries");
    }
    if (err)
        *err = ANNALS_OK;
    return res;
}

void annals_resources_free(annals_resources *res)
{
    if (!res)
        return;
    free(res);
}

const char *annals_resources_data_dir(const annals_resources *res)
{
    return res && res->data_dir[0] ? res->data_dir : NULL;
}
