/* train_parser.h — knobs of the parser's trainer beyond the shared
 * syn_train_options (train.h), for tests and experiments.  Internal. */
#ifndef ANNALS_SYNTAX_TRAIN_PARSER_H
#define ANNALS_SYNTAX_TRAIN_PARSER_H

#include "syntax/train.h"

typedef struct syn_parser_train_config {
    unsigned act_bits;       /* log2 rows of the action table */
    unsigned lab_bits;       /* log2 rows of the label table */
    int explore_from_epoch;  /* 0-based epoch from which errors are explored */
    double explore_p;        /* probability of following a wrong prediction */
    int runs;                /* independent runs (each its own order of the
                              * sentences and its own best epoch) whose
                              * averaged weights are averaged again */
} syn_parser_train_config;

/* The shipped defaults. */
void syn_parser_train_config_init(syn_parser_train_config *cfg);

/* syn_train_parser with explicit knobs. */
int syn_train_parser_with(syn_train_options *opt, const syn_parser_train_config *cfg);

#endif
