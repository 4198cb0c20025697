/* bench_conllu.h — what the syntax benchmarks share: the sentences of a
 * CoNLL-U file, their given tokens copied and folded as the segmenter
 * folds them (so no benchmark times the reading), and this thread's CPU
 * clock (on a shared machine the wall clock also counts the time other
 * processes had the core).  Included by bench_syntax.c and bench_tagger.c;
 * only bench_*.c files become programs. */
#ifndef ANNALS_BENCH_CONLLU_H
#define ANNALS_BENCH_CONLLU_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/arena.h"
#include "io/conllu.h"
#include "text/utf8.h"

typedef struct bench_sent {
    annals_word *w;
    size_t n;
} bench_sent;

static inline double bench_thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The sentences of `path` (malloc'd array; the words in `a`), their count
 * in *n_out and their words in *words; NULL with a message naming `prog`
 * when the file cannot be read.  Records the reader rejects are skipped. */
static inline bench_sent *bench_load_conllu(const char *prog, const char *path, core_arena *a,
                                            size_t *n_out, size_t *words)
{
    FILE *fp = fopen(path, "r");
    io_conllu *r = fp ? io_conllu_open(fp, path) : NULL;
    if (!r) {
        fprintf(stderr, "%s: cannot read %s\n", prog, path);
        if (fp)
            fclose(fp);
        return NULL;
    }
    bench_sent *v = NULL;
    size_t n = 0, cap = 0;
    annals_document doc;
    int rc;
    *words = 0;
    while ((rc = io_conllu_next(r, &doc)) != 0) {
        if (rc < 0) {
            if (rc == ANNALS_E_RECORD)
                continue;
            break;
        }
        for (size_t i = 0; i < doc.n_sentences; i++) {
            const annals_sentence *s = &doc.sentences[i];
            if (n == cap) {
                cap = cap ? cap * 2 : 1024;
                bench_sent *nv = realloc(v, cap * sizeof *v);
                if (!nv)
                    exit(1);
                v = nv;
            }
            annals_word *w = core_arena_calloc(a, s->n_words + 1, sizeof *w);
            for (size_t k = 0; k < s->n_words; k++) {
                w[k].form = core_arena_strdup(a, s->words[k].form);
                w[k].norm = text_fold(a, w[k].form);
            }
            v[n++] = (bench_sent){w, s->n_words};
            *words += s->n_words;
        }
    }
    io_conllu_free(r);
    fclose(fp);
    *n_out = n;
    return v;
}

#endif
