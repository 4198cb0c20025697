/* eval_tagger.h — the tagger the parser evaluation tools (parser_eval,
 * parser_ablate) retag a treebank with: a model opened from a file and an
 * arena reset for each sentence.  Header-only; test tools only. */
#ifndef ANNALS_TESTS_EVAL_TAGGER_H
#define ANNALS_TESTS_EVAL_TAGGER_H

#include <string.h>

#include "core/arena.h"
#include "syntax/model.h"
#include "syntax/tagger.h"

typedef struct eval_tagger {
    syn_model *model;
    syn_tagger tagger;
    core_arena arena;
} eval_tagger;

/* A syn_retag_fn over an eval_tagger. */
static int eval_retag(void *user, annals_word *words, size_t n)
{
    eval_tagger *t = user;
    core_arena_reset(&t->arena);
    return syn_tagger_tag(&t->tagger, &t->arena, words, n);
}

/* Opens the tagger model at `path`; 0, or -1 with the reason in msg. */
static int eval_tagger_open(eval_tagger *t, const char *path, char *msg, size_t msgsize)
{
    int err = 0;
    memset(t, 0, sizeof *t);
    t->model = syn_model_open(path, &err, msg, msgsize);
    if (!t->model || syn_tagger_open(&t->tagger, t->model, msg, msgsize) != 0)
        return -1;
    core_arena_init(&t->arena, 1 << 16);
    return 0;
}

/* Frees what eval_tagger_open made (nothing for a tagger never opened). */
static void eval_tagger_close(eval_tagger *t)
{
    if (!t->model)
        return;
    core_arena_destroy(&t->arena);
    syn_model_close(t->model);
    t->model = NULL;
}

#endif
