/* parser_system.h — the arc-hybrid transition system of the dependency
 * parser, its feature templates and its dynamic oracle; shared by the
 * parser (parser.c) and its trainer (train_parser.c).  Internal.
 *
 * Words are 0..n-1; the artificial root is word n and starts at the end of
 * the buffer (Ballesteros & Nivre 2013), so that a LEFT arc from the root is
 * allowed only when the stack holds one word: every parse is a tree with a
 * single root.  Transitions:
 *   SHIFT  push b0 onto the stack
 *   LEFT   b0 becomes the head of s0; pop s0
 *   RIGHT  s1 becomes the head of s0; pop s0
 * The action classifier chooses among these three; a second classifier
 * then labels the arc, so rows of the action table stay four weights wide.
 */
#ifndef ANNALS_SYNTAX_PARSER_SYSTEM_H
#define ANNALS_SYNTAX_PARSER_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

enum { SYN_PA_SHIFT = 0, SYN_PA_LEFT = 1, SYN_PA_RIGHT = 2, SYN_PA_COUNT = 3 };
/* Row width of the action table: one weight per action, unpadded (a
 * padded row of four cost the model a quarter of its size and bought no
 * speed: the time goes to cache misses, not loads). */
#define SYN_PA_WIDTH 3
/* Upper bound on the number of features of one configuration. */
#define SYN_PF_MAX 144
/* The first SYN_PF_LABEL features also feed the label classifier: fewer
 * features there keep labelling cheap (its rows are as wide as the label
 * set). */
#define SYN_PF_LABEL 35
/* Most labels a model may have (label sets are 64-bit masks folded). */
#define SYN_PL_MAX 250

/* What the parser knows of one input word, computed once per sentence. */
typedef struct syn_ptok {
    uint64_t w;   /* hash of the lower-cased form, digits folded to 0 */
    uint64_t p;   /* hash of the fine tag (XPOS with UPOS) */
    uint64_t u;   /* UPOS + 1, or a marker for the root */
    uint64_t sfx; /* hash of the last three bytes of the lower-cased form */
} syn_ptok;

/* What the parse has given a word so far. */
typedef struct syn_pnode {
    int head, label;          /* -1 until attached */
    int lc1, lc2, rc1, rc2;   /* leftmost/second-leftmost, rightmost/second-rightmost children, -1 if none */
    int nl, nr;               /* number of left and right children */
    uint64_t lset, rset;      /* labels of left and right children, as bits */
} syn_pnode;

/* A configuration.  Arrays are owned by whoever made the state (a work
 * area of the parser, or the trainer). */
typedef struct syn_pstate {
    int n;                    /* words; the root is word n */
    const syn_ptok *tok;      /* n + 1 entries, the root's last */
    syn_pnode *node;          /* n + 1 entries */
    int *stack;               /* capacity n + 1 */
    int sp;                   /* stack size */
    int b0;                   /* front of the buffer; the buffer is b0..n */
    unsigned char *in_stack;  /* n + 1 flags, kept for the oracle */
} syn_pstate;

/* Fills the token features of one word. */
void syn_ptok_make(syn_ptok *t, const char *form, int upos, const char *xpos);
/* The root's token features. */
void syn_ptok_root(syn_ptok *t);

void syn_pstate_init(syn_pstate *s);
int syn_pstate_terminal(const syn_pstate *s);
/* Whether action `a` is allowed in `s`. */
int syn_pstate_valid(const syn_pstate *s, int a);
/* Applies `a`, labelling the arc (LEFT, RIGHT) with `label`. */
void syn_pstate_apply(syn_pstate *s, int a, int label);
/* Head and dependent of the arc that action `a` would make. */
void syn_pstate_arc(const syn_pstate *s, int a, int *head, int *dep);

/* Features of the configuration as 64-bit hashes; returns their count
 * (at most SYN_PF_MAX).  When `rows` is not NULL, the row of each feature
 * in that table (2^bits rows of row_size bytes, syn_pact_row) is
 * prefetched as soon as the feature is known. */
int syn_pfeatures(const syn_pstate *s, uint64_t *out, const void *rows, size_t row_size,
                  unsigned bits);

/* Bucket of feature hash `h` in a table of 2^bits rows. */
static inline size_t syn_pact_row(uint64_t h, unsigned bits)
{
    return (size_t)(h & ((1ull << bits) - 1));
}
/* Label rows are kept apart for LEFT and RIGHT arcs by salting the hash. */
static inline size_t syn_plab_row(uint64_t h, int action, unsigned bits)
{
    uint64_t x = (h >> 24) ^ (action == SYN_PA_LEFT ? 0x9e3779b97f4a7c15ull : 0xc2b2ae3d27d4eb4full);
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 32;
    return (size_t)(x & ((1ull << bits) - 1));
}

/* Dynamic oracle (Goldberg & Nivre 2013): the number of gold arcs that
 * action `a` makes unreachable.  `gold_head[i]` is the gold head of word i
 * (n for the root); `deps`/`dep_start` list the gold dependents of each
 * word (CSR layout, n + 2 offsets). */
int syn_poracle_cost(const syn_pstate *s, int a, const int *gold_head,
                     const int *deps, const int *dep_start);

#endif
