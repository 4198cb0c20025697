/* bench_pipeline.c — the whole pipeline on a real news corpus: each stage
 * on its own, then end to end through the public API, then on several
 * threads.
 *
 *   bench_pipeline [--threads N] [--parse-all] [--load-only] [--data-dir DIR] FILE...
 *
 * FILEs are Reuters-21578 SGML files (the <BODY> of each story is one
 * document) or plain text files (one document each).  Prints:
 *   - cold start: the time annals_resources_load() takes, and that of
 *     loading each model file again on its own (syn_model_open: mapped,
 *     checksum verified); --load-only stops there;
 *   - per stage (clean+segment, tag+lemmatise, parse, actors), on one
 *     thread, the stages called as annals_coder_run() calls them: wall
 *     and CPU seconds, sentences/s and MB/s of body text;
 *   - end to end: annals_coder_run() over every document, one thread
 *     (event coding is what it adds beyond the stages above), leaving
 *     unparsed the sentences that cannot yield an event as `annals code`
 *     does (annals_coder_set_skip_eventless), or parsing every sentence
 *     with --parse-all (without it, a run with every sentence parsed
 *     comes first, for comparison); how many sentences were skipped;
 *   - threads: 1 and N threads (default 2), a coder per thread, the
 *     documents handed out one at a time; wall and process CPU time and
 *     the speed-up;
 *   - the peak resident memory (getrusage).
 * Wall time suffers from other processes on the machine; CPU time less. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "actors/public.h"
#include "annals.h"
#include "core/arena.h"
#include "pipeline/resources.h"
#include "syntax/model.h"
#include "text/clean.h"
#include "text/segment.h"

typedef struct bench_doc {
    char *text;
    size_t len;
} bench_doc;

typedef struct bench_docs {
    bench_doc *v;
    size_t n, cap, bytes;
} bench_docs;

static double bench_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double bench_wall(void) { return bench_clock(CLOCK_MONOTONIC); }
static double bench_cpu(void) { return bench_clock(CLOCK_PROCESS_CPUTIME_ID); }

static char *bench_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *p = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 65536) {
            cap = cap ? cap * 2 : 1 << 20;
            char *q = realloc(p, cap + 1);
            if (!q) {
                free(p);
                fclose(f);
                return NULL;
            }
            p = q;
        }
        size_t got = fread(p + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    p[n] = '\0';
    *len = n;
    return p;
}

/* The SGML escapes of the Reuters bodies: &lt; &gt; &amp; and &#N;. */
static size_t bench_unescape(char *s, size_t n)
{
    static const struct { const char *name; char c; } ents[] = {
        {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}};
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        bool done = false;
        for (size_t k = 0; s[i] == '&' && !done && k < 3; k++) {
            size_t l = strlen(ents[k].name);
            if (i + l <= n && !strncmp(s + i, ents[k].name, l)) {
                s[o++] = ents[k].c;
                i += l - 1;
                done = true;
            }
        }
        if (!done && s[i] == '&' && i + 2 < n && s[i + 1] == '#') {
            char *end;
            long v = strtol(s + i + 2, &end, 10);
            if (*end == ';' && v > 0 && v < 128) {
                s[o++] = (char)v;
                i = (size_t)(end - s);
                done = true;
            }
        }
        if (!done)
            s[o++] = s[i];
    }
    return o;
}

static void bench_add(bench_docs *d, const char *b, size_t len)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 1024;
        d->v = realloc(d->v, d->cap * sizeof *d->v);
        if (!d->v)
            exit(3);
    }
    bench_doc *x = &d->v[d->n++];
    x->text = malloc(len + 1);
    if (!x->text)
        exit(3);
    memcpy(x->text, b, len);
    x->len = bench_unescape(x->text, len);
    x->text[x->len] = '\0';
    d->bytes += x->len;
}

/* Every <BODY> of a Reuters SGML file, or the whole file. */
static void bench_read(bench_docs *d, const char *path)
{
    size_t len;
    char *all = bench_slurp(path, &len);
    if (!all) {
        fprintf(stderr, "bench_pipeline: cannot read %s\n", path);
        exit(2);
    }
    if (!strstr(all, "<REUTERS")) {
        bench_add(d, all, len);
    } else {
        for (const char *p = all, *b; (b = strstr(p, "<BODY>")) != NULL;) {
            b += 6;
            const char *e = strstr(b, "</BODY>");
            if (!e)
                break;
            bench_add(d, b, (size_t)(e - b));
            p = e + 7;
        }
    }
    free(all);
}

/* ---- the stages, one by one ------------------------------------------ */

enum { ST_SEGMENT, ST_TAG, ST_PARSE, ST_ACTORS, ST_N };
static const char *const stage_names[ST_N] = {"clean+segment", "tag+lemmatise", "parse",
                                              "actors"};

typedef struct bench_times {
    double wall[ST_N], cpu[ST_N];
} bench_times;

/* Clean and segment as the coder does for a document without title. */
static int bench_segment(core_arena *a, const bench_doc *d, text_sentences *out)
{
    text_block *blocks;
    size_t nb;
    int rc = text_clean(a, d->text, d->len, &blocks, &nb);
    for (size_t i = 0; !rc && i < nb; i++) {
        const text_block *b = &blocks[i];
        if (b->kind == TEXT_BLOCK_BOILERPLATE)
            continue;
        int kind = b->kind == TEXT_BLOCK_HEADLINE  ? ANNALS_SENT_HEADLINE
                   : b->kind == TEXT_BLOCK_CAPTION ? ANNALS_SENT_CAPTION
                                                   : ANNALS_SENT_BODY;
        size_t dl = b->dateline_end > b->start ? b->dateline_end : b->start;
        rc = text_segment(a, d->text, b->start, b->end, kind, dl, out);
    }
    return rc;
}

static void bench_mark(bench_times *t, int stage, double *w, double *c)
{
    double w1 = bench_wall(), c1 = bench_cpu();
    t->wall[stage] += w1 - *w;
    t->cpu[stage] += c1 - *c;
    *w = w1;
    *c = c1;
}

static size_t bench_stages(const annals_resources *r, const bench_docs *docs, bench_times *t)
{
    core_arena a;
    core_arena_init(&a, 256 * 1024);
    text_sentences sents = {0};
    act_results actors = {0};
    size_t n_sent = 0;
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < docs->n; i++) {
        core_arena_reset(&a);
        sents.n = 0;
        double w = bench_wall(), c = bench_cpu();
        if (bench_segment(&a, &docs->v[i], &sents))
            continue;
        bench_mark(t, ST_SEGMENT, &w, &c);
        n_sent += sents.n;
        for (size_t k = 0; k < sents.n && r->has_tagger; k++) {
            annals_sentence *s = &sents.v[k];
            syn_tagger_tag(&r->tagger, &a, s->words, s->n_words);
            if (r->has_lemmatizer)
                syn_lemma_sentence(&r->lemmatizer, &a, s->words, s->n_words);
        }
        bench_mark(t, ST_TAG, &w, &c);
        for (size_t k = 0; k < sents.n && r->parser && r->has_tagger; k++)
            syn_parser_parse_in(r->parser, &a, sents.v[k].words, sents.v[k].n_words);
        bench_mark(t, ST_PARSE, &w, &c);
        actors.n = actors.n_unknown = 0;
        act_document_mentions(r->actors, &a, sents.v, sents.n, NULL, NULL, &actors);
        bench_mark(t, ST_ACTORS, &w, &c);
    }
    act_results_free(&actors);
    text_sentences_free(&sents);
    core_arena_destroy(&a);
    return n_sent;
}

/* ---- end to end, on T threads -------------------------------------- */

typedef struct bench_run {
    const annals_resources *res;
    const bench_docs *docs;
    int skip;                /* annals_coder_set_skip_eventless */
    atomic_size_t next;
    atomic_size_t sentences, events, failed, skipped;
    pthread_mutex_t lock;
    double max_thread_cpu;   /* the busiest thread's CPU seconds */
} bench_run;

static void *bench_worker(void *arg)
{
    bench_run *run = arg;
    annals_coder *c = annals_coder_create(run->res);
    if (!c) {
        atomic_fetch_add(&run->failed, 1);
        return NULL;
    }
    annals_coder_set_skip_eventless(c, run->skip);
    size_t ns_all = 0, ne_all = 0, skipped = 0;
    for (;;) {
        size_t i = atomic_fetch_add(&run->next, 1);
        if (i >= run->docs->n)
            break;
        char id[32];
        snprintf(id, sizeof id, "r%zu", i);
        annals_document doc = {.id = id, .text = run->docs->v[i].text,
                               .text_len = run->docs->v[i].len, .date = "1987-03-01"};
        if (annals_coder_run(c, &doc)) {
            atomic_fetch_add(&run->failed, 1);
            continue;
        }
        size_t ns, ne;
        annals_coder_sentences(c, &ns);
        annals_coder_events(c, &ne);
        ns_all += ns;
        ne_all += ne;
        skipped += annals_coder_skipped(c);
    }
    atomic_fetch_add(&run->skipped, skipped);
    atomic_fetch_add(&run->sentences, ns_all);
    atomic_fetch_add(&run->events, ne_all);
    annals_coder_free(c);
    double mine = bench_clock(CLOCK_THREAD_CPUTIME_ID);
    pthread_mutex_lock(&run->lock);
    if (mine > run->max_thread_cpu)
        run->max_thread_cpu = mine;
    pthread_mutex_unlock(&run->lock);
    return NULL;
}

typedef struct bench_result {
    double wall, cpu, max_thread_cpu;
    size_t sentences, events, failed, skipped;
} bench_result;

static bench_result bench_threads(const annals_resources *res, const bench_docs *docs, int n,
                                  int skip)
{
    bench_run run = {.res = res, .docs = docs, .skip = skip,
                     .lock = PTHREAD_MUTEX_INITIALIZER};
    pthread_t th[64];
    double w = bench_wall(), c = bench_cpu();
    int started = 0;
    while (started < n && pthread_create(&th[started], NULL, bench_worker, &run) == 0)
        started++;
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    bench_result r = {bench_wall() - w, bench_cpu() - c, run.max_thread_cpu,
                      atomic_load(&run.sentences), atomic_load(&run.events),
                      atomic_load(&run.failed), atomic_load(&run.skipped)};
    if (started < n)
        fprintf(stderr, "bench_pipeline: only %d of %d threads started\n", started, n);
    return r;
}

static void bench_print_run(const char *what, const bench_result *r, const bench_docs *d)
{
    printf("%-22s wall %7.2f s  cpu %7.2f s  %8.0f sentences/s  %6.2f MB/s  "
           "(per cpu second: %8.0f sentences, %6.2f MB; %zu sentences, %zu events, "
           "%zu failed)\n",
           what, r->wall, r->cpu, (double)r->sentences / r->wall,
           (double)d->bytes / 1e6 / r->wall, (double)r->sentences / r->cpu,
           (double)d->bytes / 1e6 / r->cpu, r->sentences, r->events, r->failed);
    if (r->skipped)
        printf("  sentences left unparsed (they cannot yield an event): %zu of %zu, %.1f %%\n",
               r->skipped, r->sentences, 100.0 * (double)r->skipped / (double)r->sentences);
}

/* Loads each model file of the resources again on its own and says how
 * long it took (the file is in the page cache by now, as it is for every
 * run but the first after a boot). */
static void bench_model_loads(const annals_resources *res)
{
    static const char *const names[] = {"tagger.annm", "parser.annm"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[sizeof res->data_dir + 32], err[512];
        snprintf(path, sizeof path, "%s/models/%s", res->data_dir, names[i]);
        int e;
        double w = bench_wall(), c = bench_cpu();
        syn_model *m = syn_model_open(path, &e, err, sizeof err);
        double wall = bench_wall() - w, cpu = bench_cpu() - c;
        if (!m) {
            printf("  %s: not loaded (%s)\n", names[i], err);
            continue;
        }
        printf("  %s (syn_model_open, checksum included): wall %.1f ms  cpu %.1f ms\n",
               names[i], wall * 1e3, cpu * 1e3);
        syn_model_close(m);
    }
}

int main(int argc, char **argv)
{
    int threads = 2;
    int skip = 1;
    const char *data_dir = NULL;
    int load_only = 0;
    bench_docs docs = {0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--parse-all"))
            skip = 0;
        else if (!strcmp(argv[i], "--load-only"))
            load_only = 1;
        else if (!strcmp(argv[i], "--data-dir") && i + 1 < argc)
            data_dir = argv[++i];
        else
            bench_read(&docs, argv[i]);
    }
    if ((!docs.n && !load_only) || threads < 1 || threads > 64) {
        fprintf(stderr, "usage: bench_pipeline [--threads N (1-64)] [--parse-all] [--load-only] "
                        "[--data-dir DIR] FILE...\n");
        return 2;
    }
    printf("%zu documents, %.2f MB of body text\n", docs.n, (double)docs.bytes / 1e6);

    annals_options opt;
    annals_options_init(&opt);
    opt.data_dir = data_dir;
    int err = 0;
    double w = bench_wall(), c = bench_cpu();
    annals_resources *res = annals_resources_load(&opt, &err);
    if (!res) {
        fprintf(stderr, "bench_pipeline: cannot load resources: %s\n", annals_error_name(err));
        return 1;
    }
    printf("cold start (annals_resources_load): wall %.3f s  cpu %.3f s\n", bench_wall() - w,
           bench_cpu() - c);
    bench_model_loads(res);
    if (load_only) {
        annals_resources_free(res);
        return 0;
    }

    bench_times t;
    size_t n_sent = bench_stages(res, &docs, &t);
    printf("stages, one thread, %zu sentences:\n", n_sent);
    for (int s = 0; s < ST_N; s++)
        printf("  %-15s wall %7.2f s  cpu %7.2f s  %9.0f sentences/s  %7.2f MB/s  "
               "(per cpu second: %9.0f sentences, %7.2f MB)\n",
               stage_names[s], t.wall[s], t.cpu[s], (double)n_sent / t.wall[s],
               (double)docs.bytes / 1e6 / t.wall[s], (double)n_sent / t.cpu[s],
               (double)docs.bytes / 1e6 / t.cpu[s]);

    /* with every sentence parsed: the stages' sum plus event coding (the
     * stages time every sentence, so it is compared with this run) */
    bench_result all = bench_threads(res, &docs, 1, 0);
    bench_print_run(skip ? "end to end, 1 thread, every sentence parsed (--parse-all)"
                         : "end to end, 1 thread",
                    &all, &docs);
    double stages_cpu = 0;
    for (int s = 0; s < ST_N; s++)
        stages_cpu += t.cpu[s];
    printf("  events (every sentence parsed, minus the stages, cpu): %.2f s\n",
           all.cpu - stages_cpu);
    bench_result one = all;
    if (skip) {
        one = bench_threads(res, &docs, 1, skip);
        bench_print_run("end to end, 1 thread, eventless sentences skipped", &one, &docs);
    }
    if (threads > 1) {
        bench_result many = bench_threads(res, &docs, threads, skip);
        char what[40];
        snprintf(what, sizeof what, "end to end, %d threads", threads);
        bench_print_run(what, &many, &docs);
        printf("  speed-up %.2fx (wall, 1 thread / %d threads); cpu %.2fx of 1 thread's\n",
               one.wall / many.wall, threads, many.cpu / one.cpu);
        /* On a busy machine wall time says little; the busiest thread's
         * CPU time is what the run would take on idle cores, were memory
         * and caches not shared. */
        printf("  busiest thread: cpu %.2f s; speed-up on idle cores at most %.2fx "
               "(1-thread cpu / busiest thread's cpu)\n",
               many.max_thread_cpu, one.max_thread_cpu / many.max_thread_cpu);
        if (many.sentences != one.sentences || many.events != one.events)
            printf("  MISMATCH: %d threads found other sentences or events\n", threads);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak resident memory: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    annals_resources_free(res);
    for (size_t i = 0; i < docs.n; i++)
        free(docs.v[i].text);
    free(docs.v);
    return 0;
}
