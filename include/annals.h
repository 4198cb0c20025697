/*
 * annals.h — the one public header of libannals.
 *
 * annals reads news and writes political event records: who did what to
 * whom, when, and where it was said, in the CAMEO ontology with PLOVER
 * alongside.  This header is the whole public interface; the `annals`
 * command-line tool uses nothing else.
 *
 * Sections
 *   1. Version
 *   2. Errors          one convention: negative int codes, annals_is_error()
 *   3. Logging         the library never prints; it calls your function
 *   4. Resources       ontology, dictionaries, models: loaded once, shared
 *   5. Documents       what goes in
 *   6. Sentences and words, events   what comes out
 *   7. Coder           one context per thread: document in, analysis out
 *   8. Readers         text, JSON lines, CoNLL-U (and more) into documents
 *   9. Writers         events as JSON lines, GDELT and Phoenix TSV; CoNLL-U
 *  10. Ontology        CAMEO event codes, actor types, countries
 *  11. Simple path     one call from text to event records
 *  12. Evaluation      CoNLL 2018 scores of CoNLL-U output against a treebank
 *  13. Store           events in a database (SQLite, PostgreSQL): load, query, aggregate
 *  14. Actors          actor mentions, dictionary lint and conversion
 *  15. Training        the tagger, lemmatiser and parser from treebanks
 *  16. Server          the HTTP JSON API over a store (annals serve)
 *
 * Ownership is stated on every function that returns memory.  Contexts come
 * in create/free pairs; every free function accepts NULL.  Nothing in the
 * library is global and mutable: a resources object may be shared by any
 * number of threads, each with its own coder, reader and writer.
 */
#ifndef ANNALS_H
#define ANNALS_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(ANNALS_STATIC_ONLY)
#define ANNALS_API __attribute__((visibility("default")))
#else
#define ANNALS_API
#endif

/* ---------------------------------------------------------------------
 * 1. Version
 * ------------------------------------------------------------------- */

#define ANNALS_VERSION_MAJOR 0
#define ANNALS_VERSION_MINOR 1
#define ANNALS_VERSION_PATCH 0
#define ANNALS_VERSION_STRING "0.1.0"

/* Version of the event record schema of conventions.md written by the
 * JSON-lines writer. */
#define ANNALS_SCHEMA_VERSION 1

/* The version of the library actually linked, e.g. "0.1.0". Static string. */
ANNALS_API const char *annals_version(void);

/* ---------------------------------------------------------------------
 * 2. Errors
 *
 * Functions that can fail return an int: 0 (ANNALS_OK) or more on success,
 * a negative annals_error on failure.  annals_error_name() gives a short
 * static description.  Where a failure has a detail worth telling (file,
 * line, record), the object that failed keeps a message you can read with
 * its *_error() function, and warnings go to the log callback.
 * ------------------------------------------------------------------- */

typedef enum annals_error {
    ANNALS_OK = 0,
    ANNALS_E_NOMEM = -1,     /* out of memory */
    ANNALS_E_IO = -2,        /* a file could not be opened, read or written */
    ANNALS_E_ARG = -3,       /* invalid argument */
    ANNALS_E_RECORD = -4,    /* one input record was bad and was skipped */
    ANNALS_E_FORMAT = -5,    /* a file is not in the expected format */
    ANNALS_E_DATA = -6,      /* resources (data directory, model) missing or corrupt */
    ANNALS_E_UNSUPPORTED = -7, /* not available in this build */
    ANNALS_E_LIMIT = -8      /* a size limit was exceeded */
} annals_error;

/* Non-zero when `code` is an error. */
ANNALS_API int annals_is_error(int code);

/* Short static description of `code`, e.g. "bad record". Never NULL. */
ANNALS_API const char *annals_error_name(int code);

/* ---------------------------------------------------------------------
 * 3. Logging
 * ------------------------------------------------------------------- */

typedef enum annals_log_level {
    ANNALS_LOG_DEBUG = 0,
    ANNALS_LOG_INFO = 1,
    ANNALS_LOG_WARN = 2,
    ANNALS_LOG_ERROR = 3
} annals_log_level;

/* A log sink.  `message` is one line without the trailing newline; it is
 * valid only during the call.  May be called from any thread that uses an
 * object created with it. */
typedef void (*annals_log_fn)(void *user, annals_log_level level,
                              const char *message);

/* ---------------------------------------------------------------------
 * 4. Resources
 *
 * The ontology is compiled into the library.  Dictionaries and models live
 * in a data directory, found in this order: options.data_dir, the
 * ANNALS_DATA environment variable, the build tree the library was built
 * in, and the installed data directory (PREFIX/share/annals, also looked
 * for relative to the running executable).
 * ------------------------------------------------------------------- */

typedef struct annals_resources annals_resources;

typedef struct annals_options {
    const char *data_dir;    /* NULL: look it up as above */
    annals_log_fn log;       /* NULL: messages are dropped */
    void *log_user;          /* passed to log */
    annals_log_level log_level; /* least level passed to log */
    /* Actor dictionaries (doc/dictionaries.md): comma-separated files
     * (native, PETRARCH or TABARI format) that replace the built-in actor
     * dictionaries (data/dict/NAME.actors), respectively agents
     * (data/dict/NAME.agents).  NULL: the built-in ones. */
    const char *actors;
    const char *agents;
    /* Verb dictionaries (doc/dictionaries.md, native, PETRARCH or TABARI):
     * comma-separated files replacing data/dict/NAME.verbs; discards
     * files (phrases whose sentence, or story, codes nothing) replacing
     * data/dict/NAME.discards.  NULL: the built-in ones. */
    const char *verbs;
    const char *discards;
} annals_options;

/* Fills `opt` with defaults (everything NULL, level WARN). */
ANNALS_API void annals_options_init(annals_options *opt);

/* Loads resources.  `opt` may be NULL.  On failure returns NULL and, when
 * `err` is not NULL, stores the error there (the reason also goes to the
 * log).  The caller owns the result: annals_resources_free(). */
ANNALS_API annals_resources *annals_resources_load(const annals_options *opt,
                                                   int *err);
ANNALS_API void annals_resources_free(annals_resources *res);

/* The data directory in use (owned by `res`), or NULL when none was found. */
ANNALS_API const char *annals_resources_data_dir(const annals_resources *res);

/* ---------------------------------------------------------------------
 * 5. Documents
 *
 * A document is borrowed: annals never keeps a pointer into it after the
 * call it was passed to.  Text need not be valid UTF-8 or NUL-terminated;
 * invalid bytes are replaced with U+FFFD (and counted in a warning naming
 * the document).  All byte offsets reported by annals are offsets into
 * `text` exactly as given.
 * ------------------------------------------------------------------- */

typedef struct annals_sentence annals_sentence;

typedef struct annals_document {
    const char *id;          /* required */
    const char *text;        /* required (may be empty) */
    size_t text_len;
    const char *date;        /* "YYYY-MM-DD" or NULL */
    const char *title;       /* optional, NULL when absent */
    const char *url;
    const char *publisher;
    /* Pre-segmented input (CoNLL-U): when n_sentences > 0 the coder keeps
     * these sentences and word forms and predicts everything else.  The
     * spans index `text`.  Set by the CoNLL-U reader; NULL otherwise. */
    const annals_sentence *sentences;
    size_t n_sentences;
    /* Where the document came from, for messages: file name and the
     * line or record number (0 when not applicable). */
    const char *origin;
    size_t origin_line;
    /* Invalid UTF-8 sequences a reader already had to replace with U+FFFD
     * (JSON cannot carry them); the coder counts them with its own. */
    size_t invalid_utf8;
} annals_document;

/* ---------------------------------------------------------------------
 * 6. Sentences, words and events
 *
 * These structures are what the coder produces; all their memory belongs
 * to the coder and stays valid until its next run or its free.
 * ------------------------------------------------------------------- */

/* Universal part-of-speech tags, in the order of the UD documentation. */
typedef enum annals_upos {
    ANNALS_UPOS_NONE = 0,
    ANNALS_UPOS_ADJ, ANNALS_UPOS_ADP, ANNALS_UPOS_ADV, ANNALS_UPOS_AUX,
    ANNALS_UPOS_CCONJ, ANNALS_UPOS_DET, ANNALS_UPOS_INTJ, ANNALS_UPOS_NOUN,
    ANNALS_UPOS_NUM, ANNALS_UPOS_PART, ANNALS_UPOS_PRON, ANNALS_UPOS_PROPN,
    ANNALS_UPOS_PUNCT, ANNALS_UPOS_SCONJ, ANNALS_UPOS_SYM, ANNALS_UPOS_VERB,
    ANNALS_UPOS_X,
    ANNALS_UPOS_COUNT
} annals_upos;

/* "NOUN" for ANNALS_UPOS_NOUN, "_" for NONE; static. */
ANNALS_API const char *annals_upos_name(int upos);
/* The tag for a name such as "NOUN", or ANNALS_UPOS_NONE. */
ANNALS_API int annals_upos_from_name(const char *name);

/* Word flags. */
#define ANNALS_WORD_NO_SPACE_AFTER 0x01u /* no white space follows in the text */
#define ANNALS_WORD_MWT_BEGIN      0x02u /* first word of a multiword token ("Google" of "Google's") */
#define ANNALS_WORD_MWT_INSIDE     0x04u /* a later word of a multiword token ("'s") */
#define ANNALS_WORD_DATELINE       0x08u /* part of a dateline ("BEIJING, July 11 (Reuters) -") */
#define ANNALS_WORD_CAPTION        0x10u /* part of a photo caption or credit */

/* One syntactic word (UD sense).  Clitics are words of their own:
 * "Google's" is the multiword token of the words "Google" and "'s". */
typedef struct annals_word {
    size_t start, end;       /* byte span in the document text */
    const char *form;        /* NFC, valid UTF-8 */
    const char *norm;        /* form with typographic quotes, apostrophes
                                and dashes folded to ASCII, for matching */
    const char *lemma;       /* NULL until lemmatised */
    const char *xpos;        /* NULL until tagged */
    const char *feats;       /* NULL when not computed */
    const char *deprel;      /* NULL until parsed */
    int upos;                /* annals_upos; NONE until tagged */
    int head;                /* 1-based index of the head in the sentence,
                                0 for the root, -1 until parsed */
    unsigned flags;          /* ANNALS_WORD_* */
} annals_word;

/* What a sentence is, as the article cleaner saw it. */
typedef enum annals_sentence_kind {
    ANNALS_SENT_BODY = 0,    /* running text of the article */
    ANNALS_SENT_TITLE,       /* from annals_document.title: its spans (and its
                                words' spans) index the title, not the text */
    ANNALS_SENT_HEADLINE,    /* a headline line found in the text */
    ANNALS_SENT_CAPTION      /* a photo caption or credit */
} annals_sentence_kind;

struct annals_sentence {
    size_t start, end;       /* byte span in the document text */
    const char *text;        /* NFC, valid UTF-8 text of the span */
    const char *id;          /* sent_id from CoNLL-U input, else NULL */
    annals_word *words;
    size_t n_words;
    int kind;                /* annals_sentence_kind */
};

/* One coded event, as in the event record of conventions.md.  Strings are
 * never NULL except `date` (unknown date). */
typedef struct annals_event {
    size_t sent;             /* index of the sentence in the document */
    const char *date;        /* "YYYY-MM-DD" or NULL */
    const char *source;      /* CAMEO actor code, e.g. "PRKGOV" */
    const char *target;      /* CAMEO actor code or "---" */
    const char *code;        /* CAMEO event code, e.g. "1244" */
    int quad;                /* QuadClass 1-4 */
    double goldstein;
    const char *plover;      /* PLOVER event type, "" when none */
    const char *source_text, *target_text, *verb_text;
    const char *pattern;     /* "FILE:LINE" of the dictionary entry */
    /* Provenance: byte spans (as annals_word spans) of the verb and of the
     * words that gave the source and the target (0, 0 when the target came
     * from elsewhere or there is none), and how the source was found:
     * "named", "pronoun", "the-noun", "by-agent", "reciprocal", "paired
     * code", "target of the previous event". */
    size_t verb_start, verb_end;
    size_t source_start, source_end;
    size_t target_start, target_end;
    const char *how;
} annals_event;

/* ---------------------------------------------------------------------
 * 7. Coder
 *
 * One coder per thread.  annals_coder_run() analyses one document through
 * every stage that is available: cleaning, segmentation, tagging, parsing,
 * actors, events.  Its results stay valid until the next run or free.
 * ------------------------------------------------------------------- */

typedef struct annals_coder annals_coder;

/* Creates a coder over `res`, which must outlive it.  Returns NULL when out
 * of memory.  The caller owns it: annals_coder_free(). */
ANNALS_API annals_coder *annals_coder_create(const annals_resources *res);
ANNALS_API void annals_coder_free(annals_coder *coder);

/* Whether the article cleaner runs (default 1).  With 0, the text is taken
 * as clean running text: no line is dropped or marked as headline or
 * caption (for corpora such as treebanks). */
ANNALS_API void annals_coder_set_clean(annals_coder *coder, int enabled);

/* Whether sentences that cannot yield an event are left untagged and
 * unparsed (default 0: every sentence is tagged, lemmatised and parsed).
 * With 1 the coder first matches actors on the untagged words and then
 * parses only the sentences where an event could be coded: those with an
 * actor mention, or a pronoun or "the country"-style phrase that an actor
 * in the three sentences before could resolve, and a word tagged VERB
 * that the verb dictionaries know; and those whose mentions a later
 * sentence could take for such a pronoun.  Sentences with a mention, a
 * question mark or the words of a discard phrase are tagged (the coder
 * reads their tags), the rest neither tagged nor parsed.  The events are
 * the same either way, and so are the actor mentions; what differs is
 * that the skipped sentences keep no parse, or no tags and lemmas either
 * (annals_coder_sentences), and yield no unknown actors.  Ignored while
 * explaining (annals_coder_set_explain), which speaks of every sentence.
 * `annals code` turns it on (`--parse-all` turns it off); `annals parse`
 * leaves it off. */
ANNALS_API void annals_coder_set_skip_eventless(annals_coder *coder, int enabled);

/* Whether an event needs a target (default 1).  With 1, a verb coded by
 * its default code alone ("the agency said") makes no event without a
 * target; a pattern that names what the source did ("imposed sanctions")
 * still codes with the previous event's target or "---".  With 0 (the
 * require_dyad=false option of PETRARCH), every coded verb with a source
 * and no target gives an event with target "---".  A source is always
 * required. */
ANNALS_API void annals_coder_set_require_dyad(annals_coder *coder, int enabled);

/* Number of sentences of the last run that were not parsed because of
 * annals_coder_set_skip_eventless (0 when it is off). */
ANNALS_API size_t annals_coder_skipped(const annals_coder *coder);

/* Analyses `doc`.  Returns ANNALS_OK, or an error (the document is then
 * skipped; annals_coder_error() says why).  Warnings, such as replaced
 * invalid UTF-8, go to the log and do not fail the run. */
ANNALS_API int annals_coder_run(annals_coder *coder, const annals_document *doc);

/* Results of the last run, owned by the coder.  `n` receives the count. */
ANNALS_API const annals_sentence *annals_coder_sentences(const annals_coder *coder,
                                                        size_t *n);
ANNALS_API const annals_event *annals_coder_events(const annals_coder *coder,
                                                  size_t *n);

/* Whether the coder writes an explanation of its event coding (default
 * 0): for every sentence, why it was or was not coded, the verbs and
 * patterns tried and why each event was or was not made. */
ANNALS_API void annals_coder_set_explain(annals_coder *coder, int enabled);

/* The explanation of the last run (owned by the coder; "" when explaining
 * is off). */
ANNALS_API const char *annals_coder_explanation(const annals_coder *coder);

/* Number of verb dictionary verbs and patterns loaded in `res`. */
ANNALS_API size_t annals_resources_verb_patterns(const annals_resources *res);

/* Number of invalid UTF-8 sequences replaced in the last document. */
ANNALS_API size_t annals_coder_invalid_bytes(const annals_coder *coder);

/* Message of the last failed run (owned by the coder), or "". */
ANNALS_API const char *annals_coder_error(const annals_coder *coder);

/* ---------------------------------------------------------------------
 * 8. Readers
 *
 * A reader turns a file into documents, one at a time.  A bad record
 * (invalid JSON, a missing "text", a line longer than the limit) is
 * skipped: annals_reader_next() returns ANNALS_E_RECORD and
 * annals_reader_error() names the file, the line and the record id; call
 * it again to go on.  Any other error ends the reader.
 * ------------------------------------------------------------------- */

typedef enum annals_input_kind {
    ANNALS_INPUT_AUTO = 0,   /* from the file name */
    ANNALS_INPUT_TEXT,       /* .txt: the file is one document */
    ANNALS_INPUT_JSONL,      /* .jsonl, .ndjson: one JSON document a line */
    ANNALS_INPUT_CONLLU,     /* .conllu: sentences with given tokens */
    ANNALS_INPUT_HTML,       /* .html, .htm */
    ANNALS_INPUT_WARC        /* .warc, .warc.gz */
} annals_input_kind;

/* Input kind from a file name, or ANNALS_INPUT_AUTO when unknown. */
ANNALS_API annals_input_kind annals_input_kind_from_path(const char *path);
/* Input kind from a name: "txt", "jsonl", "conllu", "html", "warc". */
ANNALS_API annals_input_kind annals_input_kind_from_name(const char *name);

typedef struct annals_reader annals_reader;

/* Opens `path` ("-" for standard input) as `kind` (AUTO: from the name).
 * `default_date` ("YYYY-MM-DD" or NULL) is given to documents that carry
 * no date.  Returns NULL on failure, with the error in `err` and a
 * message for annals_reader_open_error(). The caller owns the reader. */
ANNALS_API annals_reader *annals_reader_open(const char *path,
                                             annals_input_kind kind,
                                             const char *default_date,
                                             int *err);
/* Static message for the last failed annals_reader_open in this thread. */
ANNALS_API const char *annals_reader_open_error(void);

/* Next document.  Returns 1 and fills `doc` (memory owned by the reader,
 * valid until the next call), 0 at the end, ANNALS_E_RECORD for a skipped
 * record (call again), another negative error when reading cannot go on. */
ANNALS_API int annals_reader_next(annals_reader *reader, annals_document *doc);

/* Message for the last skip or error, owned by the reader, or "". */
ANNALS_API const char *annals_reader_error(const annals_reader *reader);

/* Bytes consumed so far (for progress). */
ANNALS_API size_t annals_reader_offset(const annals_reader *reader);
ANNALS_API void annals_reader_free(annals_reader *reader);

/* ---------------------------------------------------------------------
 * 9. Writers
 * ------------------------------------------------------------------- */

typedef enum annals_format {
    ANNALS_FORMAT_JSONL = 0, /* event records, schema version 1 */
    ANNALS_FORMAT_GDELT,     /* GDELT 2.0 event table, 61 TSV columns */
    ANNALS_FORMAT_PHOENIX,   /* Phoenix data set, 26 TSV columns */
    ANNALS_FORMAT_CONLLU     /* sentences and words as CoNLL-U */
} annals_format;

/* Format from a name: "jsonl", "gdelt", "phoenix", "conllu"; -1 if none. */
ANNALS_API int annals_format_from_name(const char *name);

typedef struct annals_writer annals_writer;

/* A writer onto `out` (not closed by the writer).  Caller owns it. */
ANNALS_API annals_writer *annals_writer_create(FILE *out, annals_format format);
ANNALS_API void annals_writer_free(annals_writer *writer);

/* Writes what the coder found in `doc`: its events, or for CONLLU its
 * sentences.  Returns ANNALS_OK or ANNALS_E_IO. */
ANNALS_API int annals_writer_write(annals_writer *writer,
                                   const annals_document *doc,
                                   const annals_sentence *sentences, size_t n_sentences,
                                   const annals_event *events, size_t n_events);

/* ---------------------------------------------------------------------
 * 10. Ontology
 *
 * Compiled into the library; all returned pointers are static.
 * ------------------------------------------------------------------- */

typedef struct annals_cameo_code {
    const char *code;        /* "1244" */
    const char *name;        /* "Release persons or property" ... */
    double goldstein;        /* Goldstein scale value */
    int quad;                /* QuadClass 1-4 */
    const char *plover;      /* PLOVER event type, "" when CAMEO root 01/02 */
    const char *plover_mode; /* "" when none */
    const char *plover_context; /* "" when none */
} annals_cameo_code;

ANNALS_API size_t annals_cameo_count(void);
ANNALS_API const annals_cameo_code *annals_cameo_at(size_t i);
/* Exact code lookup ("030"), or NULL. */
ANNALS_API const annals_cameo_code *annals_cameo_lookup(const char *code);
/* The parent of a 3- or 4-digit code ("124" for "1244", "12" for "124"),
 * or NULL for a root or an unknown code. */
ANNALS_API const annals_cameo_code *annals_cameo_parent(const annals_cameo_code *code);

typedef struct annals_actor_type {
    const char *code;        /* "GOV" */
    const char *name;        /* "Government" */
    const char *description;
    const char *group;       /* "role", "sector", "organization", "religion",
                                "ethnic", "region" or "status" */
} annals_actor_type;

ANNALS_API size_t annals_actor_type_count(void);
ANNALS_API const annals_actor_type *annals_actor_type_at(size_t i);
ANNALS_API const annals_actor_type *annals_actor_type_lookup(const char *code);

typedef struct annals_country {
    const char *alpha3;      /* "FRA" */
    const char *alpha2;      /* "FR"; "" when the code has none */
    const char *name;        /* "France" */
    const char *kind;        /* "iso" (ISO 3166-1), "former" (withdrawn,
                                ISO 3166-3, e.g. "SUN") or "cameo" (used by
                                CAMEO but not ISO, e.g. "KSV" Kosovo) */
} annals_country;

ANNALS_API size_t annals_country_count(void);
ANNALS_API const annals_country *annals_country_at(size_t i);
/* Exact alpha-3 lookup ("FRA", upper case), or NULL. */
ANNALS_API const annals_country *annals_country_lookup(const char *alpha3);

/* ---------------------------------------------------------------------
 * 11. Simple path
 * ------------------------------------------------------------------- */

/* Codes one text with default resources and returns its event records as
 * JSON lines (one per event, possibly ""), or NULL on failure with the
 * error in `err`.  `doc_id` and `date` may be NULL.  The caller owns the
 * string: free().  Loads resources on each call: for many documents use
 * the coder. */
ANNALS_API char *annals_code_text(const char *text, size_t len,
                                  const char *doc_id, const char *date,
                                  int *err);

/* ---------------------------------------------------------------------
 * 12. Evaluation
 *
 * Scores CoNLL-U output against a gold treebank with the metrics of the
 * CoNLL 2018 shared task.
 * ------------------------------------------------------------------- */

/* The CoNLL 2018 shared-task metrics for comparing a system's
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
 */

enum {
    ANNALS_UD_TOKENS, ANNALS_UD_SENTENCES, ANNALS_UD_WORDS, ANNALS_UD_UPOS, ANNALS_UD_XPOS,
    ANNALS_UD_LEMMAS, ANNALS_UD_UAS, ANNALS_UD_LAS,
    ANNALS_UD_N_METRICS
};

typedef struct annals_ud_metric {
    size_t correct, gold, system;
    size_t aligned;          /* words aligned (0 for tokens, sentences, words) */
    double precision, recall, f1; /* fractions 0..1 */
    double aligned_acc;      /* correct / aligned, or -1 when not applicable */
} annals_ud_metric;

typedef struct annals_ud_scores {
    annals_ud_metric m[ANNALS_UD_N_METRICS];
} annals_ud_scores;

/* "Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS". */
ANNALS_API const char *annals_ud_metric_name(int metric);
/* The metric of a name (case-insensitive), or -1. */
ANNALS_API int annals_ud_metric_from_name(const char *name, size_t len);

/* Scores `system` against `gold` (streams not closed; names for messages).
 * Returns 0 (ANNALS_OK), ANNALS_E_FORMAT when a file is malformed or the
 * two texts differ (the reason in err), ANNALS_E_IO, ANNALS_E_NOMEM. */
ANNALS_API int annals_ud_evaluate(FILE *gold, const char *gold_name,
                                  FILE *system, const char *system_name,
                                  annals_ud_scores *out, char *err, size_t err_size);

/* Prints the scores as a table on `out`. */
ANNALS_API void annals_ud_print(FILE *out, const annals_ud_scores *s);

/* Writes the raw text of a treebank as the CoNLL 2018 task made it: in a
 * document, sentences joined by one space and paragraphs ("# newpar") by
 * a blank line; documents separated by a blank line.  Same returns as
 * annals_ud_evaluate. */
ANNALS_API int annals_ud_raw_text(FILE *in, const char *name, FILE *out,
                                  char *err, size_t err_size);

/* ---------------------------------------------------------------------
 * 13. Store
 *
 * A store keeps documents, their sentences and every coded event record
 * (a "mention") in a database, and aggregates mentions into events the
 * way GDELT does: mentions with the same source, target and code whose
 * dates fall in the same deduplication window are one event, with
 * NumMentions, NumSources (distinct publishers) and NumArticles (distinct
 * documents).  The window is dedup_days + 1 days wide, aligned to
 * 1970-01-01; 0 (the default) means the same day.  See doc/store.md.
 *
 * One interface, back ends behind it: `db` is a SQLite file path or a
 * PostgreSQL connection URI (postgresql://USER@HOST:PORT/DBNAME?..., or
 * postgres://), which keeps the same schema in that database and gives
 * the same answers (ANNALS_E_UNSUPPORTED when this build has no libpq).
 * A store is used by one thread at a time.
 *
 * Writes are batched into transactions of about `batch` records; a crash
 * loses at most the batch in progress, never a committed one.  A document
 * stored again with the same id and content adds nothing; a changed one
 * replaces its sentences and mentions, and the events follow.
 * ------------------------------------------------------------------- */

/* Version of the store's schema this library writes (doc/store.md). */
#define ANNALS_STORE_SCHEMA_VERSION 2

typedef struct annals_store annals_store;

typedef struct annals_store_options {
    int create;              /* create the store when it does not exist (default 1) */
    int read_only;           /* open for reading only (annals query): nothing is
                                created, migrated or written; 0 (default): read
                                and write */
    int dedup_days;          /* window for new stores and, when >= 0 and
                                different, re-aggregates an existing one;
                                -1 (default): keep what the store says */
    size_t batch;            /* records per transaction; 0: 10000 */
    annals_log_fn log;       /* bad records and notes; NULL: dropped */
    void *log_user;
    annals_log_level log_level;
} annals_store_options;

/* Fills `opt` with the defaults above (log level WARN). */
ANNALS_API void annals_store_options_init(annals_store_options *opt);

/* Opens (and when needed creates or migrates) the store `db`.  `opt` may
 * be NULL.  On failure returns NULL, stores the error in `err` when not
 * NULL, and annals_store_open_error() says why (a newer schema, not an
 * annals store, cannot open).  The caller owns the store:
 * annals_store_close(). */
ANNALS_API annals_store *annals_store_open(const char *db, const annals_store_options *opt,
                                           int *err);
/* Static message of the last failed annals_store_open in this thread. */
ANNALS_API const char *annals_store_open_error(void);

/* Commits what is pending and closes.  Returns ANNALS_OK or the error of
 * that last commit (the store is closed anyway).  Accepts NULL. */
ANNALS_API int annals_store_close(annals_store *store);

/* Message of the last failure on `store` (owned by it), or "". */
ANNALS_API const char *annals_store_error(const annals_store *store);

/* The schema version of the open store (ANNALS_STORE_SCHEMA_VERSION once
 * opened), and the deduplication window in days. */
ANNALS_API int annals_store_schema_version(const annals_store *store);
ANNALS_API int annals_store_dedup_days(const annals_store *store);

/* Changes the deduplication window (0-3650 days) and re-aggregates every
 * event.  Commits what is pending first. */
ANNALS_API int annals_store_set_dedup_days(annals_store *store, int days);

/* Stores what the coder made of `doc`: the document, its sentences and
 * its events.  Returns 1 when stored or replaced, 0 when the store already
 * held this document with the same content, or an error.  Nothing is
 * kept pointing into the arguments. */
ANNALS_API int annals_store_add_document(annals_store *store, const annals_document *doc,
                                         const annals_sentence *sentences, size_t n_sentences,
                                         const annals_event *events, size_t n_events);

/* Commits the pending batch now. */
ANNALS_API int annals_store_flush(annals_store *store);

/* One event record of conventions.md (schema version 1), as stored.
 * Strings are never NULL except `date`. */
typedef struct annals_store_record {
    const char *doc;
    size_t sent;
    const char *date;        /* "YYYY-MM-DD" or NULL */
    const char *source, *target, *code, *root;
    int quad;
    double goldstein;
    const char *plover;
    const char *source_text, *target_text, *verb_text;
    const char *pattern;
    const char *text;        /* the sentence */
} annals_store_record;

/* Writes `r` as one JSON line, keys in the order of conventions.md, as
 * `annals code` writes it.  Returns ANNALS_OK or ANNALS_E_IO. */
ANNALS_API int annals_store_record_write(FILE *out, const annals_store_record *r);

typedef struct annals_store_load_stats {
    size_t records;          /* event records read and valid */
    size_t skipped;          /* bad records (each reported to the log) */
    size_t documents;        /* documents stored or replaced */
    size_t unchanged;        /* documents already stored with the same content */
} annals_store_load_stats;

/* Loads event records (JSON lines, conventions.md) from `in`; `name` is
 * used in messages.  The records of one document are expected together;
 * their set is the document's content.  Every record is checked: a bad one
 * is skipped and reported to the log as "NAME:LINE: why", and the rest
 * loads.  Returns ANNALS_OK (also when records were skipped: see `stats`,
 * which may be NULL) or an error that stopped the load (what was
 * committed stays). */
ANNALS_API int annals_store_load_jsonl(annals_store *store, FILE *in, const char *name,
                                       annals_store_load_stats *stats);

/* What a query selects.  NULL or 0 fields do not filter.  Actor filters
 * are code prefixes ("PRK" matches "PRKGOV"); a dyad matches both
 * directions; dates are inclusive "YYYY-MM-DD"; `text` is words that must
 * all occur in the sentence (full-text search). */
typedef struct annals_store_filter {
    const char *source, *target, *actor;
    const char *dyad_a, *dyad_b;  /* both or neither */
    const char *root;        /* two digits */
    const char *code;        /* exact CAMEO code */
    int quad;                /* 1-4, 0: any */
    const char *from, *to;
    const char *text;
    size_t limit;            /* 0: no limit */
    size_t offset;           /* rows skipped first (pages of results); 0: none */
} annals_store_filter;

ANNALS_API void annals_store_filter_init(annals_store_filter *f);

/* Checks every field of `f`: ANNALS_OK, or ANNALS_E_ARG with the reason
 * in `msg` ("--quad wants 1-4" style, naming the field). */
ANNALS_API int annals_store_filter_check(const annals_store_filter *f, char *msg,
                                         size_t msg_size);

/* Callbacks get memory valid during the call only; a non-zero return
 * stops the query (which then returns ANNALS_OK). */
typedef int (*annals_store_record_fn)(void *user, const annals_store_record *r);

/* The matching records, by date (undated first), document id, sentence. */
ANNALS_API int annals_store_records(annals_store *store, const annals_store_filter *f,
                                    annals_store_record_fn fn, void *user);

/* One aggregated event. */
typedef struct annals_store_event {
    const char *date;        /* first mention's date, or NULL (undated) */
    const char *end_date;    /* last mention's date, or NULL */
    const char *source, *target, *code, *root;
    int quad;
    double goldstein;
    size_t num_mentions, num_sources, num_articles;
} annals_store_event;

typedef int (*annals_store_event_fn)(void *user, const annals_store_event *e);

/* The events having at least one matching mention, by date. */
ANNALS_API int annals_store_events(annals_store *store, const annals_store_filter *f,
                                   annals_store_event_fn fn, void *user);

typedef enum annals_interval {
    ANNALS_BY_DAY = 0,       /* "2020-05-01" */
    ANNALS_BY_WEEK,          /* the week's Monday, "2020-04-27" */
    ANNALS_BY_MONTH,         /* "2020-05" */
    ANNALS_BY_YEAR           /* "2020" */
} annals_interval;

/* "day", "week", "month", "year" to an interval, or -1. */
ANNALS_API int annals_interval_from_name(const char *name);

/* A row of an aggregate: an interval, a dyad or an actor.  Events are
 * distinct events among the matching mentions; the Goldstein sum and mean
 * are over those events. */
typedef struct annals_store_bin {
    const char *key;         /* period, actor, or the dyad's source */
    const char *key2;        /* the dyad's target; NULL otherwise */
    size_t events, mentions;
    double goldstein_sum, goldstein_mean;
    /* Series only: the events of each QuadClass, quad_events[1] to [4]
     * ([0] unused), counted in the same pass; all 0 from a back end that
     * does not count them (and in top lists). */
    size_t quad_events[5];
} annals_store_bin;

typedef int (*annals_store_bin_fn)(void *user, const annals_store_bin *b);

/* Counts per interval, in time order (undated events are left out).  An
 * event falls in the interval of its first matching mention. */
ANNALS_API int annals_store_series(annals_store *store, const annals_store_filter *f,
                                   annals_interval interval, annals_store_bin_fn fn,
                                   void *user);
/* The `n` dyads (source, target) and actors (as source or target, "---"
 * left out) with the most events. */
ANNALS_API int annals_store_top_dyads(annals_store *store, const annals_store_filter *f,
                                      size_t n, annals_store_bin_fn fn, void *user);
ANNALS_API int annals_store_top_actors(annals_store *store, const annals_store_filter *f,
                                       size_t n, annals_store_bin_fn fn, void *user);

typedef struct annals_store_stats {
    size_t documents, sentences, mentions, events, actors;
} annals_store_stats;

/* A stored document: what the store knows of it (NULL when unknown). */
typedef struct annals_store_doc {
    const char *id, *date, *url, *title, *publisher;
} annals_store_doc;

/* One stored sentence of a document. */
typedef struct annals_store_sentence {
    size_t index;            /* the event records' `sent` */
    int kind;                /* annals_sentence_kind */
    const char *text;
} annals_store_sentence;

typedef int (*annals_store_doc_fn)(void *user, const annals_store_doc *d);
typedef int (*annals_store_sentence_fn)(void *user, const annals_store_sentence *s);

/* Reads the document `id` from one state of the store: `doc_fn` once, then
 * `sent_fn` for each of its sentences (by index), then `rec_fn` for each of
 * its event records (by sentence, in the order they were stored).  Any
 * callback may be NULL; memory is valid during the call only, and a
 * non-zero return stops the reading.  Returns 1 when the store holds the
 * document, 0 when it does not, or an error. */
ANNALS_API int annals_store_document(annals_store *store, const char *id,
                                     annals_store_doc_fn doc_fn,
                                     annals_store_sentence_fn sent_fn,
                                     annals_store_record_fn rec_fn, void *user);

ANNALS_API int annals_store_get_stats(annals_store *store, annals_store_stats *out);

/* ---------------------------------------------------------------------
 * 14. Actors
 *
 * The coder finds actor mentions in every sentence with the dictionaries
 * of the resources (doc/dictionaries.md): names matched on the words
 * (case, diacritics, hyphens and typographic punctuation folded; one
 * letter off in a long multi-word name), joined with their context
 * ("Iraqi Prime Minister Mohammed Shia al-Sudani" = IRQGOV, "the Japanese
 * foreign minister" = JPNGOV, "former" turns an office into ELI), and
 * coded on the document date (the office a person held then).
 * ------------------------------------------------------------------- */

#define ANNALS_MENTION_FUZZY    0x01u /* a name matched with one letter wrong */
#define ANNALS_MENTION_FORMER   0x02u /* "former"/"ex-" made an office ELI */
#define ANNALS_MENTION_AGENT    0x04u /* from agents alone ("police" = COP) */
#define ANNALS_MENTION_NOCODE   0x08u /* the entry has no code on the date: "---" */
#define ANNALS_MENTION_COMBINED 0x10u /* several dictionary matches made the code */

/* One actor mention.  All strings belong to the coder (valid until its
 * next run or free) and are never NULL except `from` and `to`. */
typedef struct annals_mention {
    size_t sent;             /* index of the sentence */
    size_t first_word, end_word; /* its words [first_word, end_word) */
    size_t start, end;       /* byte span (in the title for a title sentence) */
    const char *text;        /* those words as in the sentence */
    const char *code;        /* CAMEO actor code on the date, e.g. "IRQGOV"; "---"
                                with ANNALS_MENTION_NOCODE */
    const char *entry;       /* the deciding dictionary entry (its first name) */
    const char *pattern;     /* "FILE:LINE" of that entry */
    const char *from, *to;   /* "YYYY-MM-DD" range of the code used; NULL for an
                                open end, both NULL for a code without a range */
    const char *why;         /* every match that took part, e.g. "Iraqi=IRQ
                                (dict/countries.actors:12) + prime minister=GOV (...)" */
    unsigned flags;          /* ANNALS_MENTION_* */
} annals_mention;

/* The actor mentions of the last run, in sentence and word order; owned
 * by the coder.  `n` receives the count. */
ANNALS_API const annals_mention *annals_coder_mentions(const annals_coder *coder, size_t *n);

/* Proper-noun phrases of the last run that no dictionary knows: runs of
 * PROPN words (capitalised words when untagged) outside every mention,
 * one string per occurrence, owned by the coder.  Titles and headlines
 * are left out. */
ANNALS_API const char *const *annals_coder_unknown_actors(const annals_coder *coder,
                                                          size_t *n);

/* Number of dictionary entries loaded in `res`. */
ANNALS_API size_t annals_resources_actor_entries(const annals_resources *res);

/* Receives one finding or message, "FILE:LINE: text", valid during the call. */
typedef void (*annals_report_fn)(void *user, const char *message);

/* Checks dictionary files (native, PETRARCH or TABARI; a file whose name
 * ends in .agents, or contains "agents", is read as agents): lines that do
 * not load, duplicate names, reversed, impossible and overlapping date
 * ranges, codes unknown to the ontology (section 10), entries no text can
 * reach.  Every finding goes to `report` in file and line order.  Returns
 * the number of findings, or a negative error (ANNALS_E_IO when a file
 * cannot be read, reported too). */
ANNALS_API int annals_dict_lint(const char *const *paths, size_t n,
                                annals_report_fn report, void *user);

/* Writes the dictionary `path` (any supported format) onto `out` in the
 * native format.  Lines that did not load go to `report`.  Returns the
 * number of those, or a negative error. */
ANNALS_API int annals_dict_convert(const char *path, FILE *out,
                                   annals_report_fn report, void *user);

/* ---------------------------------------------------------------------
 * 15. Training
 *
 * Learns the syntax models of data/models from gold CoNLL-U treebanks:
 * the tagger (UPOS + XPOS, with the lemmatiser in the same file) and the
 * dependency parser.  For whoever builds models, not for coding news:
 * training takes a core for a minute or more and a few hundred MB.
 * Training is deterministic: the same files, options and seed give the
 * same model, byte for byte.  The model is written atomically (a file
 * beside it, renamed) and is what annals_resources_load() reads.
 * ------------------------------------------------------------------- */

typedef struct annals_train_options {
    const char *train_path;  /* gold CoNLL-U to learn from (required) */
    const char *dev_path;    /* CoNLL-U scored after every epoch, the best
                                epoch is written; NULL: the last epoch */
    const char *test_path;   /* CoNLL-U scored once with the written model; NULL: none */
    const char *output_path; /* the model file to write (required) */
    int epochs;              /* passes over the training data, >= 1 (default 10) */
    unsigned long seed;      /* shuffling seed (default 1) */
    size_t max_sentences;    /* learn from the first N sentences only; 0: all */
    int runs;                /* trainings over the orders of seeds seed,
                                seed + 1, ...; the model is the mean of their
                                weights (each run's best dev epoch, or its
                                last without dev); 0 or 1: one (default 1) */
    const char *wordnet_dir; /* tagger: WordNet dict folder whose exception
                                lists and lexicon feed the lemmatiser; NULL: none */
    /* Progress within an epoch comes at ANNALS_LOG_DEBUG (a display may
     * overwrite one such line with the next), each epoch's scores and the
     * test scores at ANNALS_LOG_INFO, skipped input records at
     * ANNALS_LOG_WARN.  NULL: silent.  Called on the training thread. */
    annals_log_fn log;
    void *log_user;
} annals_train_options;

/* Fills `opt` with the defaults: no files, 10 epochs, seed 1, silent. */
ANNALS_API void annals_train_options_init(annals_train_options *opt);

/* Trains the tagger and lemmatiser into one model file (the dev file, when
 * given, scores UPOS).  Returns 0, or a negative annals_error with the
 * reason in `err` (ANNALS_E_ARG for missing files or epochs < 1,
 * ANNALS_E_IO, ANNALS_E_FORMAT for a bad treebank, ANNALS_E_NOMEM). */
ANNALS_API int annals_train_tagger(const annals_train_options *opt,
                                   char *err, size_t err_size);

/* Trains the dependency parser on the heads, relations and tags of the
 * train file (the dev file scores LAS with the tags it holds: for a model
 * used after the tagger, give both files the tagger's predicted tags, as
 * scripts/train-parser.sh does with jackknifing).  Same returns as
 * annals_train_tagger. */
ANNALS_API int annals_train_parser(const annals_train_options *opt,
                                   char *err, size_t err_size);

/* ---------------------------------------------------------------------
 * 16. Server
 *
 * An HTTP server answering the JSON API of doc/api.md over a store, and
 * the dashboard's static files at "/".  It runs on threads of its own
 * (libmicrohttpd, a small pool), each worker with a store handle of its own.
 * Only GET and HEAD are answered; request bodies are refused; URL and
 * header sizes, connections and idle time are bounded.
 * ------------------------------------------------------------------- */

typedef struct annals_server annals_server;

typedef struct annals_server_options {
    const char *bind;        /* IPv4 or IPv6 address to listen on; NULL: "127.0.0.1" */
    unsigned port;           /* 0: any free port (see annals_server_port) */
    const char *web_dir;     /* the dashboard's files; NULL or missing: "/"
                                says the dashboard is not built */
    unsigned threads;        /* worker threads, each with its own store handle; 0: 4, at most 64 */
    unsigned max_connections; /* 0: 64 */
    unsigned timeout;        /* seconds a connection may idle; 0: 30 */
    annals_log_fn log;       /* start failures and store errors; NULL: dropped */
    void *log_user;
    annals_log_level log_level;
} annals_server_options;

/* Fills `opt` with the defaults above. */
ANNALS_API void annals_server_options_init(annals_server_options *opt);

/* Opens the existing store `db` (never creates one) and starts serving
 * it.  `opt` may be NULL.  On failure returns NULL, with the error in
 * `err` when not NULL and the reason in `msg` (`msg_size` bytes; may be
 * NULL).  The caller owns the server: annals_server_stop(). */
ANNALS_API annals_server *annals_server_start(const char *db,
                                              const annals_server_options *opt,
                                              int *err, char *msg, size_t msg_size);

/* The port the server listens on (the one chosen when asked for 0). */
ANNALS_API unsigned annals_server_port(const annals_server *server);

/* Stops serving (requests in progress finish), closes the store and
 * frees the server.  Accepts NULL. */
ANNALS_API void annals_server_stop(annals_server *server);

#ifdef __cplusplus
}
#endif
#endif /* ANNALS_H */
