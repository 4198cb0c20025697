/* ud_eval.h — the CoNLL 2018 shared-task metrics for comparing a system's
 * CoNLL-U with a gold file, and the raw text that task made of a treebank.
 *
 * Definitions (after the task's description): both files must spell the
 * same characters once white space is removed; tokens, sentences and
 * words are spans over those non-space characters.  Tokens and sentences
 * score by exact spans.  Words are aligned: outside multiword tokens by
 * equal spans, across a stretch of overlapping multiword tokens by the
 * longest common subsequence of their (case-folded) forms.  UPOS, XPOS,
 * Lemmas, UAS and LAS count aligned words that also agree on that column
 * (a gold lemma "_" agrees with anything; UAS needs the heads to be
 * aligned to each other; LAS also the universal part of the relation);
 * their precision and recall divide by all system and gold words, and
 * AlignedAcc by the aligned words, as the official script reports.
 *
 * This header depends on the public header only, so the annals tool can
 * use it. */
#ifndef ANNALS_IO_UD_EVAL_H
#define ANNALS_IO_UD_EVAL_H

#include <stddef.h>
#include <stdio.h>

enum {
    IO_UD_TOKENS, IO_UD_SENTENCES, IO_UD_WORDS, IO_UD_UPOS, IO_UD_XPOS,
    IO_UD_LEMMAS, IO_UD_UAS, IO_UD_LAS,
    IO_UD_N_METRICS
};

typedef struct io_ud_metric {
    size_t correct, gold, system;
    size_t aligned;          /* words aligned (0 for tokens, sentences, words) */
    double precision, recall, f1; /* fractions 0..1 */
    double aligned_acc;      /* correct / aligned, or -1 when not applicable */
} io_ud_metric;

typedef struct io_ud_scores {
    io_ud_metric m[IO_UD_N_METRICS];
} io_ud_scores;

/* "Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS". */
const char *io_ud_metric_name(int metric);
/* The metric of a name (case-insensitive), or -1. */
int io_ud_metric_from_name(const char *name, size_t len);

/* Scores `system` against `gold` (streams not closed; names for messages).
 * Returns 0 (ANNALS_OK), ANNALS_E_FORMAT when a file is malformed or the
 * two texts differ (the reason in err), ANNALS_E_IO, ANNALS_E_NOMEM. */
int io_ud_evaluate(FILE *gold, const char *gold_name, FILE *system, const char *system_name,
                   io_ud_scores *out, char *err, size_t err_size);

/* Prints the scores as a table on `out`. */
void io_ud_print(FILE *out, const io_ud_scores *s);

/* Writes the raw text of a treebank as the CoNLL 2018 task made it: in a
 * document, sentences joined by one space and paragraphs ("# newpar") by
 * a blank line; documents separated by a blank line.  Same returns as
 * io_ud_evaluate. */
int io_ud_raw_text(FILE *in, const char *name, FILE *out, char *err, size_t err_size);

#endif
