/* dict.h — actor and agent dictionaries in memory: entries, their names
 * and their dated codes, the diagnostics of loading, and the compiled
 * token trie the matcher walks (matcher.h).
 *
 * A dictionary is built by the loaders (native format, PETRARCH/TABARI)
 * and is only read afterwards, by any number of threads. */
#ifndef ANNALS_ACTORS_DICT_H
#define ANNALS_ACTORS_DICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "text/segment.h"

/* Day numbers: days since 1970-01-01.  Open ends of ranges use these. */
#define ACT_DAY_MIN INT32_MIN
#define ACT_DAY_MAX INT32_MAX
#define ACT_NO_DATE INT32_MIN /* an event date that is not known */

typedef enum act_section { ACT_SEC_ACTORS = 0, ACT_SEC_AGENTS = 1 } act_section;

typedef enum act_format {
    ACT_FMT_AUTO = 0,        /* sniffed from the content */
    ACT_FMT_NATIVE,          /* doc/dictionaries.md */
    ACT_FMT_LEGACY           /* PETRARCH Phoenix.*.txt and TABARI .actors/.agents */
} act_format;

typedef struct act_code {
    const char *code;        /* "FRAGOV"; "" for an explicit "no actor" (---) */
    int32_t from, to;        /* inclusive day numbers, ACT_DAY_MIN/MAX when open */
    bool dated;              /* false: the entry's default code */
    uint32_t line;
} act_code;

typedef struct act_entry {
    uint32_t file;           /* index into act_dict.files */
    uint32_t line;
    uint32_t first_code, n_codes;
    uint32_t first_name, n_names;
    uint8_t section;         /* act_section */
    uint8_t legacy;          /* from a PETRARCH/TABARI file: agents add their parts to
                                any code of it, not only to a bare root */
    const char *label;       /* its first name, as written */
} act_entry;

typedef struct act_name {
    const char *text;        /* the name as written, braces expanded */
    uint32_t entry;
    uint32_t line;
    uint32_t node;           /* trie node where it ends */
    uint32_t next;           /* next name ending at the same node, or UINT32_MAX */
    uint16_t n_keys;         /* tokens (after folding, hyphens dropped) */
    uint16_t letters;        /* letters in the key tokens (for the fuzzy match) */
    uint8_t caps_only;       /* written all in capitals: matches only capitals */
    uint8_t stem;            /* TABARI: the last token matches as a prefix */
    uint8_t person_like;     /* several capitalised tokens: fuzzy-matchable */
    uint8_t generated;       /* made by the loader (a PETRARCH plural) */
    const uint32_t *keys;    /* token ids */
} act_name;

typedef struct act_diag {
    uint32_t file, line;
    char *msg;               /* malloc'd: "FILE:LINE: text" */
    size_t text_at;          /* where the text starts in msg */
} act_diag;

/* A string → id table (open addressing); ids index `strs`. */
typedef struct act_intern {
    uint32_t *slots;         /* id + 1, 0 empty */
    size_t cap;
    const char **strs;
    uint32_t *lens;
    size_t n, strs_cap;
} act_intern;

/* Edges of the token trie: (parent node, token id) → child node. */
typedef struct act_edges {
    uint64_t *keys;          /* parent << 32 | token, UINT64_MAX empty */
    uint32_t *vals;
    size_t cap, n;
} act_edges;

typedef struct act_node {
    uint32_t names;          /* first name ending here, UINT32_MAX none */
    uint32_t stem_names;     /* first stem name ending here */
} act_node;

/* Multi-token names that may match with one letter wrong, by token. */
typedef struct act_fuzzy_list {
    uint32_t *names;
    size_t n, cap;
} act_fuzzy_list;

typedef struct act_dict {
    core_arena arena;        /* strings and key arrays */
    char **files;            /* paths as given, malloc'd */
    size_t n_files;
    act_entry *entries;
    size_t n_entries, entries_cap;
    act_code *codes;
    size_t n_codes, codes_cap;
    act_name *names;
    size_t n_names, names_cap;
    act_diag *diags;
    size_t n_diags, diags_cap;
    size_t n_diags_dropped;  /* beyond the kept maximum */
    /* compiled */
    act_intern tokens;
    act_edges edges;         /* exact tokens */
    act_edges stem_edges;    /* TABARI stems: token is a prefix of the text's */
    act_node *nodes;
    size_t n_nodes, nodes_cap;
    act_fuzzy_list *fuzzy;   /* by token id, grown with `tokens` */
    size_t fuzzy_cap;
    bool has_stems;
    /* scratch for tokenising names while loading */
    core_arena scratch;
    text_sentences sents;
} act_dict;

/* An empty dictionary; false when out of memory. */
bool act_dict_init(act_dict *d);
void act_dict_free(act_dict *d);

/* Loads a file (format sniffed, or given) into `d`; its entries go to
 * `section` unless the file says otherwise.  Bad lines become
 * diagnostics and are skipped.  Returns 0, ANNALS_E_IO (with a
 * diagnostic) or ANNALS_E_NOMEM. */
int act_dict_load_file(act_dict *d, const char *path, act_format fmt, act_section section);
/* As act_dict_load_file, naming the file `name` in messages and patterns. */
int act_dict_load_file_as(act_dict *d, const char *path, const char *name, act_format fmt,
                          act_section section);
/* The same over a buffer; `name` is used for messages. */
int act_dict_load_buffer(act_dict *d, const char *name, const char *data, size_t len,
                         act_format fmt, act_section section);

/* The format a file's content looks like. */
act_format act_sniff_format(const char *data, size_t len);

/* ---- building (the loaders) ---------------------------------------- */

/* Registers a file name; returns its index. */
uint32_t act_dict_add_file(act_dict *d, const char *name);
/* Records a diagnostic "FILE:LINE: message". */
void act_dict_diag(act_dict *d, uint32_t file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Starts an entry; codes and names are then added to the last entry.
 * NULL when out of memory. */
act_entry *act_dict_begin_entry(act_dict *d, uint32_t file, uint32_t line, act_section sec);
/* Adds a code to the last entry. */
bool act_dict_add_code(act_dict *d, const char *code, size_t code_len, bool dated,
                       int32_t from, int32_t to, uint32_t line);
/* Adds a name (as written, braces already expanded) to the last entry.
 * `legacy` applies the case rule of PETRARCH/TABARI names (written in
 * capitals); `stem` marks a TABARI stem.  False when out of memory; a name
 * with no token is reported and ignored. */
bool act_dict_add_name(act_dict *d, const char *text, size_t len, uint32_t line, bool legacy,
                       bool stem);
/* Drops the last entry when it has no name or no code (reported). */
void act_dict_end_entry(act_dict *d);

/* ---- dates --------------------------------------------------------- */

/* Day number of a calendar date (no check). */
int32_t act_days(int y, int m, int d);
/* The date of a day number. */
void act_civil(int32_t days, int *y, int *m, int *d);
/* Parses "YYYY-MM-DD" (exactly); ACT_NO_DATE when invalid. */
int32_t act_parse_iso(const char *s, size_t len);
/* Writes "YYYY-MM-DD" into out[11]. */
void act_format_day(int32_t days, char out[11]);
/* Whether y-m-d is a calendar date. */
bool act_valid_ymd(int y, int m, int d);

/* The code an entry has on `date` (ACT_NO_DATE: its default, else its
 * latest range): NULL when none. */
const act_code *act_entry_code_at(const act_dict *d, const act_entry *e, int32_t date);

/* The id of a token key, or UINT32_MAX. */
uint32_t act_intern_find(const act_intern *t, const char *s, size_t n);
/* The child of a trie node along a token, or UINT32_MAX. */
uint32_t act_edges_find(const act_edges *e, uint32_t parent, uint32_t tok);

/* The name of file number `file`. */
const char *act_dict_file(const act_dict *d, uint32_t file);

#endif
