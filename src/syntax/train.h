/* train.h — the trainers of the syntax room, called by `annals train`.
 *
 * Every trainer reads gold CoNLL-U (the train file for learning, the dev
 * file to score each epoch), is deterministic for a given seed, reports
 * progress and dev scores through `log`, and writes one model file
 * (doc/model-format.md) atomically. */
#ifndef ANNALS_SYNTAX_TRAIN_H
#define ANNALS_SYNTAX_TRAIN_H

#include <stddef.h>

/* A progress or score line, without newline.  `transient` lines (progress
 * within an epoch) may be overwritten by the next line on a terminal. */
typedef void (*syn_train_log_fn)(void *user, int transient, const char *line);

typedef struct syn_train_options {
    const char *train_path;  /* gold CoNLL-U to learn from (required) */
    const char *dev_path;    /* gold CoNLL-U scored after each epoch; NULL: none */
    const char *test_path;   /* gold CoNLL-U scored once with the final model; NULL: none */
    const char *output_path; /* model file to write (required) */
    int epochs;              /* passes over the training data (>= 1) */
    unsigned long seed;      /* shuffling seed: same seed, same model */
    int runs;                /* tagger: trainings over orders of seeds seed,
                                seed + 1, ...; the model is the mean of
                                their weights (each run's best dev epoch);
                                0 or 1: one */
    size_t max_sentences;    /* use only the first N training sentences; 0: all */
    const char *wordnet_dir; /* WordNet dict folder for the lemmatiser's
                                exception lists and lexicon; NULL: none */
    syn_train_log_fn log;    /* NULL: silent */
    void *log_user;
    char error[512];         /* why a trainer failed */
} syn_train_options;

/* Fills `opt` with defaults: 10 epochs, seed 1, no files. */
void syn_train_options_init(syn_train_options *opt);

/* Trains the tagger (UPOS + XPOS) and the lemmatiser into one model file.
 * Returns 0 or a negative annals_error with opt->error set. */
int syn_train_tagger(syn_train_options *opt);

/* Trains the dependency parser (implemented in the parser's trainer). */
int syn_train_parser(syn_train_options *opt);

#endif
