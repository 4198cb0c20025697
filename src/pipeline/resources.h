/* resources.h — what annals_resources holds: everything loaded once and
 * then only read, by any number of threads. Each stage adds its own
 * loaded state here. */
#ifndef ANNALS_PIPELINE_RESOURCES_H
#define ANNALS_PIPELINE_RESOURCES_H

#include <limits.h>

#include "actors/dict.h"
#include "annals.h"
#include "coder/verbs.h"
#include "core/log.h"
#include "pipeline/plan_words.h"
#include "syntax/lemma.h"
#include "syntax/model.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

struct annals_resources {
    core_log log;
    char data_dir[PATH_MAX]; /* "" when none was found */
    /* syntax: models/tagger.annm (tagger and lemmatiser), NULL when absent */
    syn_model *tagger_model;
    syn_tagger tagger;
    syn_lemmatizer lemmatizer;
    int has_tagger, has_lemmatizer;
    /* syntax: models/parser.annm, NULL when absent */
    syn_model *parser_model;
    syn_parser *parser;
    /* actors: data/dict/NAME.actors and .agents, or the files of
     * annals_options.actors/.agents; never NULL once loaded */
    act_dict *actors;
    /* coder: data/dict/NAME.verbs and NAME.discards, or the files of
     * annals_options.verbs/.discards; never NULL once loaded */
    cod_verbs *verbs;
    /* pipeline: what the sentence plan knows of the discard phrases
     * (plan_words.h); NULL without discards */
    pipe_words *plan_words;
};

#endif
