/* parser.h — the labelled dependency parser of annals.
 *
 * A greedy arc-eager transition parser (parser_system.h) scored by an
 * averaged perceptron over hashed Zhang & Nivre style features.  Its
 * weights live in the model container (model.h) and are used in place from
 * the mapped file: opening a parser reads a 32-byte header and points at
 * the tables.  Sections of a parser model:
 *   PARSHEAD  syn_parser_header
 *   PARSLABL  the labels, NUL-terminated UTF-8 strings one after another
 *   PARSWACT  int16 action weights, 2^act_bits rows of SYN_PA_WIDTH
 *   PARSWLAB  int8 label weights, 2^lab_bits rows of label_width
 *   PARSINFO  what the model was trained from, as text
 * The parser reads UPOS and XPOS from the words (the tagger's, at run
 * time) and writes head and deprel; any input gives a tree with exactly
 * one root.  A parser is read-only after opening: threads share it, each
 * with its own syn_parser_work.
 */
#ifndef ANNALS_SYNTAX_PARSER_H
#define ANNALS_SYNTAX_PARSER_H

#include <stddef.h>
#include <stdint.h>

#include "annals.h"
#include "core/arena.h"
#include "syntax/model.h"
#include "syntax/parser_system.h"

/* Version of the feature templates (parser_features.c), of their hash and
 * of the transition system (7: arc-eager, four actions, with feature set
 * 6's one-multiply-per-value hash and int8 label rows; 6 was arc-hybrid). */
#define SYN_PARSER_FEATURE_SET 7u

#define SYN_PARSER_SEC_HEAD "PARSHEAD"
#define SYN_PARSER_SEC_LABELS "PARSLABL"
#define SYN_PARSER_SEC_ACT "PARSWACT"
#define SYN_PARSER_SEC_LAB "PARSWLAB"
#define SYN_PARSER_SEC_INFO "PARSINFO" /* provenance text, not read by the parser */

typedef struct syn_parser_header {
    uint32_t feature_set;  /* SYN_PARSER_FEATURE_SET */
    uint32_t n_labels;
    uint32_t label_width;  /* row width of the label table, >= n_labels, multiple of 16 */
    uint32_t act_bits;     /* log2 rows of the action table */
    uint32_t lab_bits;     /* log2 rows of the label table */
    uint32_t root_label;   /* index of "root" */
    uint32_t reserved[2];
} syn_parser_header;

typedef struct syn_parser syn_parser;
typedef struct syn_parser_work syn_parser_work;

/* A parser over the sections of `m` (which must outlive it).  NULL on a
 * missing or inconsistent section, with a message in errbuf, or when out
 * of memory. */
syn_parser *syn_parser_open(const syn_model *m, char *errbuf, size_t errsize);
/* A parser over tables in memory (the trainer's), same checks; the memory
 * must outlive the parser. */
syn_parser *syn_parser_from_tables(const void *head, size_t head_size,
                                   const void *labels, size_t labels_size,
                                   const void *act, size_t act_size,
                                   const void *lab, size_t lab_size,
                                   char *errbuf, size_t errsize);
void syn_parser_free(syn_parser *p);

/* Leaves out the templates i with skip[i] != 0 (SYN_PF_MAX flags, owned
 * by the caller; NULL: none) when scoring, as if their weights were zero:
 * for measuring what each template is worth in a trained model.  Call it
 * before the parser is shared between threads. */
void syn_parser_skip_templates(syn_parser *p, const unsigned char *skip);

size_t syn_parser_label_count(const syn_parser *p);
/* Label `i` (owned by the model), or NULL when out of range. */
const char *syn_parser_label(const syn_parser *p, size_t i);

/* Scratch memory of one thread; grows with the longest sentence. */
syn_parser_work *syn_parser_work_create(void);
void syn_parser_work_free(syn_parser_work *w);

/* Parses `n` words (form or norm, upos, xpos read): sets head (1-based,
 * 0 for the root) and deprel (owned by the model).  Returns ANNALS_OK,
 * ANNALS_E_NOMEM, or ANNALS_E_LIMIT for more than 2^24 words. */
int syn_parser_parse(const syn_parser *p, syn_parser_work *w, annals_word *words, size_t n);

/* The same with scratch memory from `scratch` (the coder's arena), so that
 * parsing a document allocates nothing of its own. */
int syn_parser_parse_in(const syn_parser *p, core_arena *scratch, annals_word *words, size_t n);

/* The same over token features made with syn_ptok_make (`tok` has n + 1
 * entries, the root's last, filled by the function): heads[i] is the
 * 0-based head of word i or n for the root, labels[i] a label index. */
int syn_parser_parse_tokens(const syn_parser *p, syn_parser_work *w, syn_ptok *tok,
                            int n, int *heads, int *labels);

#endif
