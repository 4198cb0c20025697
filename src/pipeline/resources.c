/* resources.c — loading what every coder shares. */
#include "pipeline/resources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actors/public.h"
#include "core/datadir.h"
#include "coder/coder.h"

void annals_options_init(annals_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->log_level = ANNALS_LOG_WARN;
}

/* The tagger and lemmatiser model: absent is fine (those stages are then
 * skipped, said at info level), present but unreadable is an error. */
static int load_tagger(annals_resources *res)
{
    char path[PATH_MAX + 32], err[512];
    snprintf(path, sizeof path, "%s/models/tagger.annm", res->data_dir);
    if (access(path, F_OK) != 0) {
        core_logf(&res->log, ANNALS_LOG_INFO, "no tagger model (%s); tagging skipped", path);
        return ANNALS_OK;
    }
    int rc;
    res->tagger_model = syn_model_open(path, &rc, err, sizeof err);
    if (!res->tagger_model) {
        core_logf(&res->log, ANNALS_LOG_ERROR, "%s", err);
        return rc;
    }
    if ((rc = syn_tagger_open(&res->tagger, res->tagger_model, err, sizeof err)) != 0 ||
        (rc = syn_lemma_open(&res->lemmatizer, res->tagger_model, err, sizeof err)) != 0) {
        core_logf(&res->log, ANNALS_LOG_ERROR, "model '%s': %s", path, err);
        return rc;
    }
    res->has_tagger = res->has_lemmatizer = 1;
    return ANNALS_OK;
}

/* The dependency parser's model, as the tagger's: absent is fine, present
 * but unreadable is an error. */
static int load_parser(annals_resources *res)
{
    char path[PATH_MAX + 32], err[512];
    snprintf(path, sizeof path, "%s/models/parser.annm", res->data_dir);
    if (access(path, F_OK) != 0) {
        core_logf(&res->log, ANNALS_LOG_INFO, "no parser model (%s); parsing skipped", path);
        return ANNALS_OK;
    }
    int rc;
    res->parser_model = syn_model_open(path, &rc, err, sizeof err);
    if (!res->parser_model) {
        core_logf(&res->log, ANNALS_LOG_ERROR, "%s", err);
        return rc;
    }
    res->parser = syn_parser_open(res->parser_model, err, sizeof err);
    if (!res->parser) {
        core_logf(&res->log, ANNALS_LOG_ERROR, "model '%s': %s", path, err);
        return ANNALS_E_DATA;
    }
    return ANNALS_OK;
}

/* The actor dictionaries: the built-in ones (none without a data
 * directory) or the files the options name; a file that cannot be read
 * is an error, a bad line a warning. */
static int load_actors(annals_resources *res, const annals_options *opt)
{
    res->actors = malloc(sizeof *res->actors);
    if (!res->actors)
        return ANNALS_E_NOMEM;
    if (!act_dict_init(res->actors)) {
        free(res->actors);
        res->actors = NULL;
        return ANNALS_E_NOMEM;
    }
    return act_load_resources(res->actors, res->data_dir, opt->actors, opt->agents, &res->log);
}

/* The verb dictionaries and discards: built-in or the options' files. */
static int load_verbs(annals_resources *res, const annals_options *opt)
{
    res->verbs = malloc(sizeof *res->verbs);
    if (!res->verbs)
        return ANNALS_E_NOMEM;
    cod_verbs_init(res->verbs);
    return cod_load_resources(res->verbs, res->data_dir, opt->verbs, opt->discards, &res->log);
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
    if (res->data_dir[0]) {
        int rc = load_tagger(res);
        if (!rc)
            rc = load_parser(res);
        if (rc) {
            annals_resources_free(res);
            if (err)
                *err = rc;
            return NULL;
        }
    }
    int rc = load_actors(res, opt);
    if (!rc)
        rc = load_verbs(res, opt);
    if (!rc)
        rc = pipe_words_build(res, &res->plan_words);
    if (rc) {
        annals_resources_free(res);
        if (err)
            *err = rc;
        return NULL;
    }
    if (err)
        *err = ANNALS_OK;
    return res;
}

void annals_resources_free(annals_resources *res)
{
    if (!res)
        return;
    syn_model_close(res->tagger_model);
    syn_parser_free(res->parser);
    syn_model_close(res->parser_model);
    act_dict_free(res->actors);
    free(res->actors);
    cod_verbs_free(res->verbs);
    free(res->verbs);
    pipe_words_free(res->plan_words);
    free(res);
}

size_t annals_resources_actor_entries(const annals_resources *res)
{
    return res && res->actors ? res->actors->n_entries : 0;
}

size_t annals_resources_verb_patterns(const annals_resources *res)
{
    return res && res->verbs ? res->verbs->n_patterns : 0;
}

const char *annals_resources_data_dir(const annals_resources *res)
{
    return res && res->data_dir[0] ? res->data_dir : NULL;
}
