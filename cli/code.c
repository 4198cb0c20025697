/* code.c — annals code: documents in, event records out.
 *
 * Reading is done by one thread, coding by -j N worker threads (one coder
 * each over the shared resources), writing by one thread in input order,
 * so the output is the same for every N.  Between them sits a ring of
 * CODE_SLOTS_PER_JOB * N slots: the reader waits for a free slot, which
 * bounds the memory to that many documents whatever the input. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

#define CODE_MAX_JOBS 256
/* Documents in flight per worker.  The writer keeps input order, so a
 * slot is freed only when every document before it is written: with few
 * slots one long document holds the ring while the other workers finish
 * the short ones after it and then wait for the reader (news documents
 * differ in length a hundredfold); 8 a worker keep them busy for a few
 * hundred kilobytes of memory. */
#define CODE_SLOTS_PER_JOB 8

static void code_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals code [OPTIONS] PATH...\n"
            "\n"
            "Codes the documents of every PATH (a file, or \"-\" for standard input) into\n"
            "event records on standard output, one per line.  The input kind follows\n"
            "the file name: .txt plain text (the file is one document, its id the file\n"
            "name without extension), .jsonl/.ndjson one JSON document a line (\"id\",\n"
            "\"text\", optional \"date\", \"title\", \"url\", \"publisher\"), .conllu\n"
            "CoNLL-U, .html/.htm a web page (its article text, title, date, URL),\n"
            ".warc/.warc.gz a web archive (every HTML response a document); the others\n"
            "may be gzip-compressed too (.gz).  A bad record is reported on standard\n"
            "error with its file, line or record and id, and skipped.\n"
            "\n"
            "Options:\n"
            "  --format FORMAT  jsonl (event records, the default), gdelt (the 61\n"
            "                   columns of the GDELT 2.0 event table) or phoenix (the 26\n"
            "                   columns of the Phoenix data set), tab-separated\n"
            "  --date DATE      YYYY-MM-DD date of documents that carry none\n"
            "  --input KIND     txt, jsonl, conllu, html or warc, whatever the names say\n"
            "                   (needed for \"-\")\n"
            "  -j, --jobs N     code on N threads (default: one a processor core); the\n"
            "                   output is the same for every N\n"
            "  -q, --quiet      no progress line on standard error (it is shown only\n"
            "                   when standard error is a terminal)\n"
            "  --parse-all      tag and parse every sentence; by default a sentence in\n"
            "                   which no event can be coded (no actor, no pronoun an\n"
            "                   actor could resolve) is left unparsed, which changes no\n"
            "                   event and saves time (--unknown-actors parses all too)\n"
            "  --db DB          write documents, sentences and events into the store DB\n"
            "                   (a SQLite file, created when missing, or a PostgreSQL URL,\n"
            "                   postgresql://USER@HOST/DBNAME) instead of standard\n"
            "                   output; a document stored again unchanged adds nothing\n"
            "  --data-dir DIR   the data directory (dictionaries, models)\n"
            "  -h, --help       show this help\n"
            "\n"
            "  --actors FILES   comma-separated actor dictionaries (native, PETRARCH or\n"
            "                   TABARI format) replacing the built-in ones\n"
            "  --agents FILE    agent dictionaries replacing the built-in ones\n"
            "  --unknown-actors FILE  write the proper-noun phrases no dictionary knows\n"
            "                   to FILE, one \"COUNT<TAB>PHRASE\" a line, most frequent first\n"
            "  --verbs FILES    comma-separated verb dictionaries (native, PETRARCH or\n"
            "                   TABARI format) replacing the built-in ones\n"
            "  --discards FILES discards files (PETRARCH format) replacing the built-in ones\n"
            "\n"
            "Exit status: 0 every document was read and coded, 1 some records were\n"
            "skipped or a file could not be read, 2 usage error.\n");
}

typedef struct code_opts {
    annals_format format;
    const char *date;
    const char *data_dir;
    annals_input_kind input;
    int jobs;
    bool quiet;              /* -q: no progress line */
    const char *db;          /* the store, or NULL for standard output */
    const char *actors, *agents; /* dictionaries replacing the built-in ones */
    const char *verbs, *discards;
    const char *unknown;     /* --unknown-actors FILE, or NULL */
    bool parse_all;          /* --parse-all: no sentence is skipped */
} code_opts;

/* A coder for `annals code`: sentences that cannot yield an event are left
 * unparsed unless every sentence is wanted (--parse-all, or
 * --unknown-actors, which reads the tags of every sentence). */
static annals_coder *code_coder_create(const annals_resources *res, const code_opts *o)
{
    annals_coder *c = annals_coder_create(res);
    if (c)
        annals_coder_set_skip_eventless(c, !o->parse_all && !o->unknown);
    return c;
}

/* ---- copies that outlive the reader and the coder ------------------ */

/* Every allocation of one queued document, freed at once. */
typedef struct code_pool {
    void **v;
    size_t n, cap;
    bool failed;
} code_pool;

static void *pool_alloc(code_pool *p, size_t size)
{
    if (p->failed)
        return NULL;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        void **v = realloc(p->v, cap * sizeof *v);
        if (!v) {
            p->failed = true;
            return NULL;
        }
        p->v = v;
        p->cap = cap;
    }
    void *m = malloc(size ? size : 1);
    if (!m) {
        p->failed = true;
        return NULL;
    }
    p->v[p->n++] = m;
    return m;
}

static const char *pool_strndup(code_pool *p, const char *s, size_t len)
{
    if (!s)
        return NULL;
    char *d = pool_alloc(p, len + 1);
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

static const char *pool_strdup(code_pool *p, const char *s)
{
    return s ? pool_strndup(p, s, strlen(s)) : NULL;
}

static void pool_free(code_pool *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

static void copy_words(code_pool *p, annals_sentence *d, const annals_sentence *s)
{
    d->words = pool_alloc(p, s->n_words * sizeof *d->words);
    if (!d->words)
        return;
    for (size_t k = 0; k < s->n_words; k++) {
        annals_word *w = &d->words[k];
        *w = s->words[k];
        w->form = pool_strdup(p, w->form);
        w->norm = pool_strdup(p, w->norm);
        w->lemma = pool_strdup(p, w->lemma);
        w->xpos = pool_strdup(p, w->xpos);
        w->feats = pool_strdup(p, w->feats);
        w->deprel = pool_strdup(p, w->deprel);
    }
}

/* A deep copy of `s`; with `words` false only the sentence texts (all the
 * event writers use). */
static annals_sentence *copy_sentences(code_pool *p, const annals_sentence *s, size_t n,
                                       bool words)
{
    annals_sentence *d = pool_alloc(p, n * sizeof *d);
    for (size_t i = 0; d && i < n; i++) {
        d[i] = s[i];
        d[i].text = pool_strdup(p, s[i].text);
        d[i].id = pool_strdup(p, s[i].id);
        if (words)
            copy_words(p, &d[i], &s[i]);
        else {
            d[i].words = NULL;
            d[i].n_words = 0;
        }
    }
    return d;
}

static void copy_document(code_pool *p, annals_document *d, const annals_document *s)
{
    *d = *s;
    d->id = pool_strdup(p, s->id);
    d->text = pool_strndup(p, s->text ? s->text : "", s->text ? s->text_len : 0);
    d->date = pool_strdup(p, s->date);
    d->title = pool_strdup(p, s->title);
    d->url = pool_strdup(p, s->url);
    d->publisher = pool_strdup(p, s->publisher);
    d->origin = pool_strdup(p, s->origin);
    if (s->n_sentences)
        d->sentences = copy_sentences(p, s->sentences, s->n_sentences, true);
}

static annals_event *copy_events(code_pool *p, const annals_event *s, size_t n)
{
    annals_event *d = pool_alloc(p, n * sizeof *d);
    for (size_t i = 0; d && i < n; i++) {
        d[i] = s[i];
        d[i].date = pool_strdup(p, s[i].date);
        const char **fields[] = {&d[i].source, &d[i].target, &d[i].code, &d[i].plover,
                                 &d[i].source_text, &d[i].target_text, &d[i].verb_text,
                                 &d[i].pattern};
        for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
            *fields[k] = pool_strdup(p, *fields[k]);
    }
    return d;
}

/* ---- the work on one document -------------------------------------- */

/* What the coder made of one document, ready for the writer. */
typedef struct code_result {
    int rc;                  /* ANNALS_OK, or why the coder skipped it */
    char *error;             /* malloc'd message when rc fails */
    const annals_sentence *sentences;
    size_t n_sentences;
    const annals_event *events;
    size_t n_events;
    const char **unknown;    /* --unknown-actors: phrases no dictionary knows */
    size_t n_unknown;
} code_result;

/* Prints a skipped document; returns CLI_SKIPPED. */
static int report_coder_error(const char *msg)
{
    cli_progress_clear();
    fprintf(stderr, "annals: %s\n", msg && *msg ? msg : "document skipped");
    return CLI_SKIPPED;
}

/* Writes one result to the store when there is one, else to the writer;
 * false when the output fails. */
static bool write_result(annals_writer *w, annals_store *st, const annals_document *doc,
                         const code_result *r, int *status)
{
    if (r->rc) {
        *status = report_coder_error(r->error);
        return true;
    }
    if (st) {
        if (annals_store_add_document(st, doc, r->sentences, r->n_sentences, r->events,
                                      r->n_events) < 0) {
            cli_progress_clear();
            fprintf(stderr, "annals: %s\n", annals_store_error(st));
            return false;
        }
        return true;
    }
    if (annals_writer_write(w, doc, r->sentences, r->n_sentences, r->events, r->n_events)) {
        cli_progress_clear();
        fprintf(stderr, "annals: cannot write to standard output: %s\n", strerror(errno));
        return false;
    }
    return true;
}

/* ---- -j N: reader, workers and writer around a ring of slots -------- */

enum { SLOT_EMPTY, SLOT_FILLED, SLOT_WORKING, SLOT_DONE };

typedef struct code_slot {
    int state;
    code_pool pool;
    annals_document doc;
    code_result result;
} code_slot;

typedef struct code_pipe {
    /* One lock; a condition for each kind of waiter, so that a change
     * wakes only the thread that can act on it (one broadcast for all
     * cost a context switch of every waiting thread per document). */
    pthread_mutex_t lock;
    pthread_cond_t work;     /* workers: a slot was filled, or the input ended */
    pthread_cond_t done;     /* printer: a slot was coded, or the input ended */
    pthread_cond_t room;     /* reader: a slot was freed, or the output failed */
    code_slot *slots;
    size_t n_slots;
    size_t next_fill, next_work, next_out;   /* sequence numbers */
    bool input_done;
    bool output_failed;
    const annals_resources *res;
    const code_opts *opts;
    annals_writer *writer;
    annals_store *store;     /* --db: written by the printer thread alone */
    cli_counts *unknown;     /* --unknown-actors: counted by the printer alone */
    int status;              /* CLI_SKIPPED once a document was skipped */
    int coder_failed;        /* a worker could not create its coder */
} code_pipe;

/* Runs the coder on a slot's document and copies what it found into the
 * slot's pool, outside the lock. */
static void code_slot_run(annals_coder *coder, code_slot *s, bool unknown)
{
    code_result *r = &s->result;
    if (s->pool.failed) {
        r->rc = ANNALS_E_NOMEM;
        r->error = strdup("out of memory");
        return;
    }
    r->rc = annals_coder_run(coder, &s->doc);
    if (r->rc) {
        r->error = strdup(annals_coder_error(coder));
        return;
    }
    size_t ns, ne;
    const annals_sentence *sents = annals_coder_sentences(coder, &ns);
    const annals_event *events = annals_coder_events(coder, &ne);
    r->sentences = copy_sentences(&s->pool, sents, ns, false);
    r->n_sentences = ns;
    r->events = copy_events(&s->pool, events, ne);
    r->n_events = ne;
    if (unknown) {
        size_t nu;
        const char *const *u = annals_coder_unknown_actors(coder, &nu);
        r->unknown = pool_alloc(&s->pool, nu * sizeof *r->unknown);
        for (size_t i = 0; r->unknown && i < nu; i++)
            r->unknown[i] = pool_strdup(&s->pool, u[i]);
        r->n_unknown = r->unknown ? nu : 0;
    }
    if (s->pool.failed) {
        r->rc = ANNALS_E_NOMEM;
        r->error = strdup("out of memory");
    }
}

static void *code_worker(void *arg)
{
    code_pipe *p = arg;
    annals_coder *coder = code_coder_create(p->res, p->opts);
    pthread_mutex_lock(&p->lock);
    if (!coder)
        p->coder_failed = 1;
    for (;;) {
        while (p->next_work == p->next_fill && !p->input_done)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->next_work == p->next_fill)
            break;
        code_slot *s = &p->slots[p->next_work++ % p->n_slots];
        s->state = SLOT_WORKING;
        pthread_mutex_unlock(&p->lock);
        if (coder) {
            code_slot_run(coder, s, p->unknown != NULL);
        } else {
            s->result.rc = ANNALS_E_NOMEM;
            s->result.error = strdup("out of memory: no coder");
        }
        pthread_mutex_lock(&p->lock);
        s->state = SLOT_DONE;
        pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    annals_coder_free(coder);
    return NULL;
}

static void *code_printer(void *arg)
{
    code_pipe *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        code_slot *s = &p->slots[p->next_out % p->n_slots];
        while (!(p->next_out < p->next_fill && s->state == SLOT_DONE) &&
               !(p->input_done && p->next_out == p->next_fill))
            pthread_cond_wait(&p->done, &p->lock);
        if (p->next_out == p->next_fill)
            break;
        pthread_mutex_unlock(&p->lock);
        int status = CLI_OK;
        bool ok = p->output_failed ||
                  write_result(p->writer, p->store, &s->doc, &s->result, &status);
        for (size_t i = 0; ok && p->unknown && i < s->result.n_unknown; i++)
            if (!cli_counts_add(p->unknown, s->result.unknown[i]))
                status = CLI_SKIPPED;
        /* Everything but the state: the reader looks at the state under
         * the lock and must not see the slot free before it is. */
        free(s->result.error);
        pool_free(&s->pool);
        memset(&s->doc, 0, sizeof s->doc);
        memset(&s->result, 0, sizeof s->result);
        pthread_mutex_lock(&p->lock);
        if (!ok)
            p->output_failed = true;
        if (status)
            p->status = status;
        p->next_out++;
        s->state = SLOT_EMPTY;
        pthread_cond_signal(&p->room);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Hands a document to the workers, waiting for a free slot.  False when
 * the output has failed and reading should stop. */
static bool pipe_push(code_pipe *p, const annals_document *doc)
{
    pthread_mutex_lock(&p->lock);
    code_slot *s = &p->slots[p->next_fill % p->n_slots];
    while (s->state != SLOT_EMPTY && !p->output_failed)
        pthread_cond_wait(&p->room, &p->lock);
    bool failed = p->output_failed;
    pthread_mutex_unlock(&p->lock);
    if (failed)
        return false;
    /* The slot is ours alone until it is published as FILLED. */
    copy_document(&s->pool, &s->doc, doc);
    pthread_mutex_lock(&p->lock);
    s->state = SLOT_FILLED;
    p->next_fill++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->lock);
    return true;
}

/* ---- reading ------------------------------------------------------- */

/* Where read documents go: coded at once (-j 1) or queued (-j N). */
typedef struct code_sink {
    annals_coder *coder;     /* -j 1 */
    annals_writer *writer;   /* -j 1 */
    annals_store *store;     /* -j 1 with --db */
    cli_counts *unknown;     /* -j 1 with --unknown-actors */
    code_pipe *pipe;         /* -j N */
    int status;
} code_sink;

/* One document; false when output failed and everything should stop. */
static bool sink_document(code_sink *k, const annals_document *doc)
{
    if (k->pipe)
        return pipe_push(k->pipe, doc);
    code_result r = {0};
    r.rc = annals_coder_run(k->coder, doc);
    if (r.rc) {
        k->status = report_coder_error(annals_coder_error(k->coder));
        return true;
    }
    r.sentences = annals_coder_sentences(k->coder, &r.n_sentences);
    r.events = annals_coder_events(k->coder, &r.n_events);
    if (k->unknown) {
        size_t nu;
        const char *const *u = annals_coder_unknown_actors(k->coder, &nu);
        for (size_t i = 0; i < nu; i++)
            if (!cli_counts_add(k->unknown, u[i]))
                k->status = CLI_SKIPPED;
    }
    return write_result(k->writer, k->store, doc, &r, &k->status);
}

/* Reads every document of `path` into the sink; false when output failed. */
static bool code_file(code_sink *k, const char *path, const code_opts *o)
{
    int err = 0;
    annals_reader *rd = annals_reader_open(path, o->input, o->date, &err);
    if (!rd) {
        cli_progress_clear();
        fprintf(stderr, "annals: %s\n", annals_reader_open_error());
        k->status = CLI_SKIPPED;
        return true;
    }
    bool ok = true;
    annals_document doc;
    int rc;
    while (ok && (rc = annals_reader_next(rd, &doc)) != 0) {
        if (rc == 1) {
            ok = sink_document(k, &doc);
            cli_progress_document(annals_reader_offset(rd));
            continue;
        }
        cli_progress_clear();
        fprintf(stderr, "annals: %s\n", annals_reader_error(rd));
        k->status = CLI_SKIPPED;
        if (rc != ANNALS_E_RECORD)
            break;
    }
    cli_progress_file_done(annals_reader_offset(rd));
    annals_reader_free(rd);
    return ok;
}

static int code_run_parallel(char **paths, int n_paths, const code_opts *o,
                             const annals_resources *res, annals_writer *w, annals_store *st,
                             cli_counts *unknown)
{
    code_pipe p = {0};
    p.n_slots = (size_t)o->jobs * CODE_SLOTS_PER_JOB;
    p.slots = calloc(p.n_slots, sizeof *p.slots);
    pthread_t *workers = calloc((size_t)o->jobs, sizeof *workers);
    if (!p.slots || !workers) {
        free(p.slots);
        free(workers);
        fprintf(stderr, "annals: out of memory\n");
        return CLI_SKIPPED;
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    pthread_cond_init(&p.room, NULL);
    p.res = res;
    p.opts = o;
    p.writer = w;
    p.store = st;
    p.unknown = unknown;
    pthread_t printer;
    int started = 0;
    bool printing = pthread_create(&printer, NULL, code_printer, &p) == 0;
    while (printing && started < o->jobs &&
           pthread_create(&workers[started], NULL, code_worker, &p) == 0)
        started++;
    code_sink k = {.pipe = &p};
    if (started == o->jobs) {
        for (int i = 0; i < n_paths && code_file(&k, paths[i], o); i++)
            ;
    } else {
        fprintf(stderr, "annals: cannot start %d threads\n", o->jobs);
        k.status = CLI_SKIPPED;
    }
    pthread_mutex_lock(&p.lock);
    p.input_done = true;
    pthread_cond_broadcast(&p.work);
    pthread_cond_signal(&p.done);
    pthread_mutex_unlock(&p.lock);
    for (int i = 0; i < started; i++)
        pthread_join(workers[i], NULL);
    if (printing)
        pthread_join(printer, NULL);
    /* Anything a failed start left queued. */
    for (size_t i = 0; i < p.n_slots; i++) {
        free(p.slots[i].result.error);
        pool_free(&p.slots[i].pool);
    }
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    pthread_cond_destroy(&p.room);
    pthread_mutex_destroy(&p.lock);
    free(p.slots);
    free(workers);
    if (p.output_failed)
        return CLI_SKIPPED;
    return k.status ? k.status : p.status;
}

static int code_run(char **paths, int n_paths, const code_opts *o)
{
    cli_dicts dicts = {o->data_dir, o->actors, o->agents, o->verbs, o->discards};
    annals_resources *res = cli_load_coder(&dicts, false);
    if (!res)
        return CLI_SKIPPED;
    cli_counts *unknown = NULL;
    if (o->unknown && !(unknown = cli_counts_new())) {
        fprintf(stderr, "annals: out of memory\n");
        annals_resources_free(res);
        return CLI_SKIPPED;
    }
    annals_writer *w = annals_writer_create(stdout, o->format);
    annals_store *st = NULL;
    int status = CLI_OK;
    if (o->db) {
        annals_store_options so;
        annals_store_options_init(&so);
        so.log = cli_log;
        int err;
        if (!(st = annals_store_open(o->db, &so, &err))) {
            fprintf(stderr, "annals: %s\n", annals_store_open_error());
            annals_writer_free(w);
            annals_resources_free(res);
            cli_counts_free(unknown);
            return err == ANNALS_E_UNSUPPORTED ? CLI_USAGE : CLI_SKIPPED;
        }
    }
    cli_progress_begin(o->quiet, paths, n_paths);
    if (!w) {
        fprintf(stderr, "annals: out of memory\n");
        status = CLI_SKIPPED;
    } else if (o->jobs > 1) {
        status = code_run_parallel(paths, n_paths, o, res, w, st, unknown);
    } else {
        code_sink k = {.coder = code_coder_create(res, o), .writer = w, .store = st,
                       .unknown = unknown};
        if (!k.coder) {
            fprintf(stderr, "annals: out of memory\n");
            k.status = CLI_SKIPPED;
        } else {
            bool ok = true;
            for (int i = 0; ok && i < n_paths; i++)
                ok = code_file(&k, paths[i], o);
            if (!ok)
                k.status = CLI_SKIPPED;
        }
        annals_coder_free(k.coder);
        status = k.status;
    }
    cli_progress_end();
    if (fflush(stdout) != 0) {
        fprintf(stderr, "annals: cannot write to standard output: %s\n", strerror(errno));
        status = CLI_SKIPPED;
    }
    if (st && annals_store_close(st) != ANNALS_OK) {
        fprintf(stderr, "annals: %s: cannot commit the last documents\n", o->db);
        status = CLI_SKIPPED;
    }
    if (unknown && !cli_counts_write(unknown, o->unknown))
        status = CLI_SKIPPED;
    cli_counts_free(unknown);
    annals_writer_free(w);
    annals_resources_free(res);
    return status;
}

/* ---- options ------------------------------------------------------- */

/* Checks that every PATH can be read as some kind before anything is
 * coded, so that a misnamed file is a usage error and not a late one. */
static int check_paths(char **paths, int n, const code_opts *o, const char *sub)
{
    if (n == 0)
        return cli_usage_error(sub, "no PATH given");
    for (int i = 0; i < n; i++) {
        if (o->input != ANNALS_INPUT_AUTO)
            continue;
        if (!strcmp(paths[i], "-"))
            return cli_usage_error(sub, "reading standard input ('-') needs --input KIND");
        if (annals_input_kind_from_path(paths[i]) == ANNALS_INPUT_AUTO)
            return cli_usage_error(sub,
                                   "cannot tell the input kind of '%s' from its name; "
                                   "use --input KIND",
                                   paths[i]);
    }
    return CLI_OK;
}

/* One thread a processor core online, as many as the machine can run at
 * once (the output does not depend on it). */
static int code_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > CODE_MAX_JOBS ? CODE_MAX_JOBS : (int)n;
}

enum { OPT_FORMAT = 256, OPT_DATE, OPT_INPUT, OPT_DB, OPT_DATA_DIR, OPT_VERBS, OPT_ACTORS,
       OPT_AGENTS, OPT_UNKNOWN, OPT_DISCARDS, OPT_PARSE_ALL };

int cli_code(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"date", required_argument, NULL, OPT_DATE},
        {"input", required_argument, NULL, OPT_INPUT},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"db", required_argument, NULL, OPT_DB},
        {"data-dir", required_argument, NULL, OPT_DATA_DIR},
        {"verbs", required_argument, NULL, OPT_VERBS},
        {"actors", required_argument, NULL, OPT_ACTORS},
        {"agents", required_argument, NULL, OPT_AGENTS},
        {"unknown-actors", required_argument, NULL, OPT_UNKNOWN},
        {"discards", required_argument, NULL, OPT_DISCARDS},
        {"parse-all", no_argument, NULL, OPT_PARSE_ALL},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *sub = "code";
    code_opts o = {.format = ANNALS_FORMAT_JSONL, .jobs = code_default_jobs()};
    int c, li = -1;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":hqj:", longopts, &li)) != -1) {
        switch (c) {
        case 'h':
            code_usage(stdout);
            return CLI_OK;
        case 'q':
            o.quiet = true;
            break;
        case 'j': {
            char *end;
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || *end || end == optarg || n < 1 || n > CODE_MAX_JOBS)
                return cli_usage_error(sub, "-j wants a number of threads from 1 to %d, not '%s'",
                                       CODE_MAX_JOBS, optarg);
            o.jobs = (int)n;
            break;
        }
        case OPT_FORMAT: {
            int f = annals_format_from_name(optarg);
            if (f < 0 || f == ANNALS_FORMAT_CONLLU)
                return cli_usage_error(sub, "unknown format '%s' (jsonl, gdelt or phoenix)",
                                       optarg);
            o.format = (annals_format)f;
            break;
        }
        case OPT_DATE:
            if (!cli_valid_date(optarg))
                return cli_usage_error(sub, "--date wants a YYYY-MM-DD date, not '%s'", optarg);
            o.date = optarg;
            break;
        case OPT_INPUT:
            o.input = annals_input_kind_from_name(optarg);
            if (o.input == ANNALS_INPUT_AUTO)
                return cli_usage_error(sub,
                                       "unknown input kind '%s' (txt, jsonl, conllu, html, warc)",
                                       optarg);
            break;
        case OPT_DATA_DIR:
            o.data_dir = optarg;
            break;
        case OPT_DB:
            if (!*optarg)
                return cli_usage_error(sub, "--db wants a SQLite file or a postgresql:// URL");
            o.db = optarg;
            break;
        case OPT_ACTORS:
            o.actors = optarg;
            break;
        case OPT_AGENTS:
            o.agents = optarg;
            break;
        case OPT_UNKNOWN:
            o.unknown = optarg;
            break;
        case OPT_VERBS:
            o.verbs = optarg;
            break;
        case OPT_DISCARDS:
            o.discards = optarg;
            break;
        case OPT_PARSE_ALL:
            o.parse_all = true;
            break;
        case ':':
            return cli_usage_error(sub, "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage_error(sub, "unknown option '%s'", argv[optind - 1]);
        }
    }
    int rc = check_paths(argv + optind, argc - optind, &o, sub);
    if (rc)
        return rc;
    return code_run(argv + optind, argc - optind, &o);
}
