/* bench_text.c — speed of the text pipeline (UTF-8 check, cleaner,
 * sentence splitter and tokeniser) on a real news corpus.
 *
 *   bench_text [--repeat N] FILE...
 *
 * FILEs are Reuters-21578 SGML files (the <BODY> of each story is one
 * document) or plain text files (one document each).  Prints documents,
 * bytes, sentences, words, and throughput in MB/s, words/s, sentences/s,
 * best of N repeats (wall and CPU time), on one thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "text/clean.h"
#include "text/segment.h"
#include "text/utf8.h"

typedef struct doc {
    char *text;
    size_t len;
} doc;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    fclose(f);
    if (p) {
        p[n] = '\0';
        *len = (size_t)n;
    }
    return p;
}

/* Replaces the few SGML entities Reuters uses (&lt; &gt; &amp; &#N;). */
static size_t unescape(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '&') {
            if (!strncmp(s + i, "&lt;", 4)) { s[o++] = '<'; i += 3; continue; }
            if (!strncmp(s + i, "&gt;", 4)) { s[o++] = '>'; i += 3; continue; }
            if (!strncmp(s + i, "&amp;", 5)) { s[o++] = '&'; i += 4; continue; }
            if (s[i + 1] == '#') {
                char *end;
                long v = strtol(s + i + 2, &end, 10);
                if (*end == ';' && v > 0 && v < 128) {
                    s[o++] = (char)v;
                    i = (size_t)(end - s);
                    continue;
                }
            }
        }
        s[o++] = s[i];
    }
    return o;
}

static void add_docs(const char *path, doc **docs, size_t *n, size_t *cap)
{
    size_t len;
    char *all = slurp(path, &len);
    if (!all) {
        fprintf(stderr, "bench_text: cannot read %s\n", path);
        exit(2);
    }
    const char *p = all;
    int sgml = strstr(all, "<REUTERS") != NULL;
    for (;;) {
        const char *b = all, *e = all + len;
        if (sgml) {
            b = strstr(p, "<BODY>");
            if (!b)
                break;
            b += 6;
            e = strstr(b, "</BODY>");
            if (!e)
                break;
            p = e + 7;
        }
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 1024;
            *docs = realloc(*docs, *cap * sizeof **docs);
        }
        doc *d = &(*docs)[(*n)++];
        d->len = (size_t)(e - b);
        d->text = malloc(d->len + 1);
        memcpy(d->text, b, d->len);
        d->len = unescape(d->text, d->len);
        d->text[d->len] = '\0';
        if (!sgml)
            break;
    }
    free(all);
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int repeat = 3;
    doc *docs = NULL;
    size_t n = 0, cap = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else
            add_docs(argv[i], &docs, &n, &cap);
    }
    if (!n) {
        fprintf(stderr, "usage: bench_text [--repeat N] FILE...\n");
        return 2;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += docs[i].len;

    core_arena arena;
    core_arena_init(&arena, 256 * 1024);
    text_sentences sents = {0};
    double best = 1e30, best_cpu = 1e30;
    size_t n_sent = 0, n_words = 0;
    for (int r = 0; r < repeat; r++) {
        double t0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        n_sent = n_words = 0;
        for (size_t i = 0; i < n; i++) {
            core_arena_reset(&arena);
            sents.n = 0;
            text_utf8_count_invalid(docs[i].text, docs[i].len);
            text_block *blocks;
            size_t nb;
            if (text_clean(&arena, docs[i].text, docs[i].len, &blocks, &nb))
                return 1;
            for (size_t k = 0; k < nb; k++)
                if (blocks[k].kind != TEXT_BLOCK_BOILERPLATE &&
                    text_segment(&arena, docs[i].text, blocks[k].start, blocks[k].end,
                                 ANNALS_SENT_BODY, blocks[k].dateline_end, &sents))
                    return 1;
            n_sent += sents.n;
            for (size_t k = 0; k < sents.n; k++)
                n_words += sents.v[k].n_words;
        }
        double t = clock_s(CLOCK_MONOTONIC) - t0;
        double c = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
        if (t < best)
            best = t;
        if (c < best_cpu)
            best_cpu = c;
    }
    printf("documents   %zu\nbytes       %zu\nsentences   %zu\nwords       %zu\n", n, bytes,
           n_sent, n_words);
    /* CPU time as well as wall time: on a shared machine the CPU time is
     * the figure that says what the code costs. */
    printf("wall, best of %d: %.3f s  %.1f MB/s  %.0f words/s  %.0f sentences/s\n", repeat,
           best, bytes / best / 1e6, n_words / best, n_sent / best);
    printf("cpu,  best of %d: %.3f s  %.1f MB/s  %.0f words/s  %.0f sentences/s\n", repeat,
           best_cpu, bytes / best_cpu / 1e6, n_words / best_cpu, n_sent / best_cpu);
    text_sentences_free(&sents);
    core_arena_destroy(&arena);
    for (size_t i = 0; i < n; i++)
        free(docs[i].text);
    free(docs);
    return 0;
}
