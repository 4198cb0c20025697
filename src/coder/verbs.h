/* verbs.h — verb dictionaries: which event a verb with its objects and
 * prepositions reports.
 *
 * Three formats load into one compiled form: the native format of
 * doc/dictionaries.md ("Verb dictionaries"), PETRARCH's verb dictionaries
 * (CAMEO.2.0.txt, PETR.Validate.verbs*.txt: "--- NAME [CODE] ---" blocks,
 * verb lines, "- * WORDS + [CODE]" patterns, &SYNSETS) and TABARI's
 * .verbs files.  Every word of a pattern becomes an interned id, so that
 * matching a sentence compares integers: a word of the sentence is looked
 * up once (its lemma and its form) and every pattern of every verb of the
 * sentence is then tried over those ids.  Verbs are indexed by the id of
 * their main lemma.
 *
 * The dictionary is built once and only read afterwards (shared by every
 * coder thread). */
#ifndef ANNALS_CODER_VERBS_H
#define ANNALS_CODER_VERBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/log.h"

#define COD_NO_WORD UINT32_MAX

/* One element of a pattern. */
enum {
    COD_EL_WORD = 1,         /* a word (lemma or form) */
    COD_EL_SET,              /* any member of a synonym set */
    COD_EL_TARGET,           /* the target slot: an actor */
    COD_EL_SOURCE,           /* an explicit source slot: an actor */
    COD_EL_COMPOUND,         /* PETRARCH '%': coordinated actors ("A and B") */
    COD_EL_SKIP,             /* PETRARCH '^': any noun phrase, skipped */
    COD_EL_STEM              /* TABARI "REAL~": any word that starts with it ("really") */
};

typedef struct cod_elem {
    uint8_t kind;            /* COD_EL_* */
    uint8_t adjacent;        /* must follow the previous element directly ('_') */
    uint8_t exact;           /* PETRARCH: a word (or a set's words) matches only the word
                                as written, not its lemma ("EFFORT" is not "efforts") */
    uint32_t id;             /* word id or set index */
} cod_elem;

typedef struct cod_pattern {
    const char *code;        /* event code of source->target ("163"), "---": none */
    const char *code2;       /* paired code target->source ([A:B]), or NULL */
    cod_elem *pre, *post;    /* elements before and after the verb */
    uint16_t n_pre, n_post;
    bool negative;           /* the pattern itself says "not"/"never" */
    bool modal;              /* the pattern itself says "would", "could"... */
    bool verb_pre_adj;       /* "RECENTLY_*": the last element before '*' stands right
                                before the verb */
    bool verb_post_adj;      /* "*_OUT": the first element after '*' right after it */
    const char *where;       /* "FILE:LINE" */
} cod_pattern;

/* A verb: the lemma it is found by, with the extra words of a
 * multi-word verb ("rule out", "hold talks", PETRARCH "ANGERED_BY"). */
typedef struct cod_verb {
    uint32_t lemma;          /* word id of the verb itself */
    uint32_t block;          /* its block of patterns */
    uint32_t pre[3], post[3]; /* words before / after it, in order */
    uint8_t n_pre, n_post;
    bool stem;               /* TABARI: the lemma is a stem ("RESTOR" matches "restored") */
    const char *code;        /* code of this verb alone ([CODE] on its line), or NULL */
    const char *code2;       /* its paired code ([A:B]), or NULL */
    const char *where;
} cod_verb;

typedef struct cod_block {
    const char *name;        /* first verb, for messages */
    const char *code;        /* default code of the block, NULL when none */
    const char *code2;       /* its paired code ([A:B]), or NULL */
    const char *where;       /* of the block header (or first verb) */
    uint32_t first, n;       /* its patterns */
    bool native;             /* read from a native-format file (lemma patterns, its
                                conventions: doc/dictionaries.md) */
} cod_block;

typedef struct cod_set {
    const char *name;        /* without '&' */
    /* members: each a word sequence; references to other sets are expanded
     * when loading ends */
    uint32_t *words;         /* all members' words, back to back */
    uint32_t *starts;        /* member i is words[starts[i] .. starts[i+1]) */
    uint32_t n_members, n_words, cap_members, cap_words;
    uint32_t *refs;          /* sets named as members (&OTHER), expanded at the end */
    uint32_t n_refs, cap_refs;
    bool defined;
} cod_set;

/* A discard phrase: a sentence (or, with `story`, a whole document)
 * holding it codes nothing (sports, entertainment, weather...). */
typedef struct cod_discard {
    uint32_t words[8];
    uint8_t n;
    bool story;
    const char *where;
} cod_discard;

typedef struct cod_verbs {
    /* interned words: lower-case strings, id = index */
    char **words;
    uint32_t n_words, cap_words;
    uint64_t *word_hash;     /* open addressing: the word's hash_word() in bits 63-32,
                                id + 1 in bits 31-0; 0 empty */
    uint32_t hash_cap;
    cod_set *sets;
    uint32_t n_sets, cap_sets;
    cod_block *blocks;
    uint32_t n_blocks, cap_blocks;
    cod_pattern *patterns;
    uint32_t n_patterns, cap_patterns;
    cod_verb *verbs;
    uint32_t n_verbs, cap_verbs;
    /* verbs by lemma id: verb_first[id] .. the sorted index */
    uint32_t *verb_order;    /* verb indices sorted by lemma */
    /* every string (codes, FILE:LINE) lives in these malloc'd pieces */
    char **strings;
    size_t n_strings, cap_strings;
    cod_elem *elems;         /* pattern elements, one allocation per pattern */
    cod_discard *discards;
    uint32_t n_discards, cap_discards;
    size_t n_errors;         /* lines that did not load */
    bool has_stems;          /* some verb is a TABARI stem */
} cod_verbs;

void cod_verbs_init(cod_verbs *v);
void cod_verbs_free(cod_verbs *v);

/* Receives one message "FILE:LINE: why" of a line that did not load. */
typedef void (*cod_report_fn)(void *user, const char *message);

/* Loads `size` bytes named `name` (for messages and FILE:LINE) in any of
 * the three formats.  Bad lines go to `report` (may be NULL) and are
 * skipped; the rest loads.  Returns 0 or ANNALS_E_NOMEM. */
int cod_verbs_load_mem(cod_verbs *v, const char *name, const char *data, size_t size,
                       cod_report_fn report, void *user);
/* Loads the file `path`; its base name is the FILE of FILE:LINE.
 * Returns 0, ANNALS_E_IO (reported) or ANNALS_E_NOMEM. */
int cod_verbs_load_file(cod_verbs *v, const char *path, cod_report_fn report, void *user);
/* Loads a discards file (PETRARCH's format, also ours: one phrase a line,
 * '+' before a phrase that discards the whole story, '#' comments). */
int cod_discards_load_mem(cod_verbs *v, const char *name, const char *data, size_t size,
                          cod_report_fn report, void *user);
int cod_discards_load_file(cod_verbs *v, const char *path, cod_report_fn report, void *user);

/* Expands set references and indexes the verbs; call once after the last
 * load.  Returns 0 or ANNALS_E_NOMEM. */
int cod_verbs_finish(cod_verbs *v);

/* The id of the lower-case word w[0..n), or COD_NO_WORD when no pattern
 * uses it. */
uint32_t cod_verbs_word(const cod_verbs *v, const char *w, size_t n);
/* The same for the NUL-terminated word `w` in any case: it is lower-cased
 * (ASCII, as the readers lower-case pattern words) before the look-up. */
uint32_t cod_verbs_word_lower(const cod_verbs *v, const char *w);
/* The verbs whose lemma is `id`: *n of them, from the returned index
 * into verb_order. */
const uint32_t *cod_verbs_find(const cod_verbs *v, uint32_t id, size_t *n);

/* Whether the set `set` has a member starting with word `id` (members are
 * word sequences; the caller checks the rest). */
bool cod_set_has_first(const cod_verbs *v, uint32_t set, uint32_t id);

#endif
