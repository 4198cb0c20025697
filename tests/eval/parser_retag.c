/* parser_retag.c — replaces the UPOS and XPOS columns of a CoNLL-U file
 * with a tagger's predictions, leaving every other byte as it was.  Used
 * to train the parser on predicted tags (scripts/parser-jackknife.sh):
 * the tags it sees in training then have the errors it meets at run time.
 *
 *   parser_retag TAGGER.annm IN.conllu > OUT.conllu
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "syntax/model.h"
#include "syntax/tagger.h"

#define RETAG_MAX_LINES 4096

typedef struct retag_sentence {
    char *lines[RETAG_MAX_LINES];
    size_t n_lines;
    annals_word words[RETAG_MAX_LINES];
    size_t word_line[RETAG_MAX_LINES]; /* line of each word */
    size_t n_words;
} retag_sentence;

/* Whether a line is a syntactic word: a plain integer id. */
static int retag_is_word(const char *line)
{
    size_t k = strspn(line, "0123456789");
    return k > 0 && line[k] == '\t';
}

/* The start of column `col` (0-based) of a line, or NULL. */
static const char *retag_column(const char *line, int col)
{
    for (int c = 0; c < col; c++) {
        line = strchr(line, '\t');
        if (!line)
            return NULL;
        line++;
    }
    return line;
}

static int retag_flush(retag_sentence *s, const syn_tagger *t, core_arena *a, FILE *out)
{
    if (s->n_words && syn_tagger_tag(t, a, s->words, s->n_words) != 0)
        return -1;
    size_t w = 0;
    for (size_t i = 0; i < s->n_lines; i++) {
        char *line = s->lines[i];
        if (w < s->n_words && s->word_line[w] == i) {
            const char *c3 = retag_column(line, 3), *c5 = retag_column(line, 5);
            if (!c3 || !c5)
                return -1;
            fwrite(line, 1, (size_t)(c3 - line), out);
            fprintf(out, "%s\t%s\t%s\n", syn_upos_name(s->words[w].upos),
                    s->words[w].xpos ? s->words[w].xpos : "_", c5);
            w++;
        } else {
            fprintf(out, "%s\n", line);
        }
        free(line);
    }
    s->n_lines = s->n_words = 0;
    core_arena_reset(a); /* the forms were copied into it */
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: parser_retag TAGGER.annm IN.conllu > OUT.conllu\n");
        return 2;
    }
    char msg[512];
    int err = 0;
    syn_model *m = syn_model_open(argv[1], &err, msg, sizeof msg);
    syn_tagger t;
    if (!m || syn_tagger_open(&t, m, msg, sizeof msg) != 0) {
        fprintf(stderr, "parser_retag: %s\n", msg);
        return 1;
    }
    FILE *in = fopen(argv[2], "r");
    if (!in) {
        perror(argv[2]);
        return 1;
    }
    core_arena a;
    core_arena_init(&a, 1 << 16);
    retag_sentence *s = calloc(1, sizeof *s);
    if (!s)
        return 1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (rc == 0 && (len = getline(&line, &cap, in)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0) {
            rc = retag_flush(s, &t, &a, stdout);
            printf("\n");
            continue;
        }
        if (s->n_lines == RETAG_MAX_LINES) {
            fprintf(stderr, "parser_retag: %s: sentence too long\n", argv[2]);
            rc = -1;
            break;
        }
        char *copy = strdup(line);
        if (!copy) {
            rc = -1;
            break;
        }
        if (retag_is_word(copy)) {
            /* The form is column 1; tag from a copy cut at its end. */
            const char *f = retag_column(copy, 1);
            const char *e = f ? strchr(f, '\t') : NULL;
            annals_word *w = &s->words[s->n_words];
            memset(w, 0, sizeof *w);
            w->form = e ? core_arena_strndup(&a, f, (size_t)(e - f)) : "";
            s->word_line[s->n_words++] = s->n_lines;
        }
        s->lines[s->n_lines++] = copy;
    }
    if (rc == 0)
        rc = retag_flush(s, &t, &a, stdout);
    free(line);
    free(s);
    fclose(in);
    core_arena_destroy(&a);
    syn_model_close(m);
    if (rc != 0)
        fprintf(stderr, "parser_retag: failed on %s\n", argv[2]);
    return rc == 0 ? 0 : 1;
}
