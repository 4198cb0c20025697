/* segment.c — TEMPORARY scaffold: white-space tokens, one sentence per
 * block.  The UD-compatible segmenter replaces it. */
#include "text/segment.h"

#include <stdlib.h>

#include "text/utf8.h"

void text_sentences_free(text_sentences *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

annals_sentence *text_sentences_push(text_sentences *s)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        annals_sentence *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return NULL;
        s->v = v;
        s->cap = cap;
    }
    annals_sentence *r = &s->v[s->n++];
    *r = (annals_sentence){0};
    return r;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int text_tokenize_sentence(core_arena *a, const char *text, size_t start, size_t end, int kind,
                           text_sentences *out)
{
    annals_sentence *s = text_sentences_push(out);
    if (!s)
        return ANNALS_E_NOMEM;
    s->start = start;
    s->end = end;
    s->kind = kind;
    s->text = text_normalize(a, text + start, end - start);
    size_t n = 0;
    for (size_t i = start; i < end; i++)
        n += !is_space(text[i]) && (i == start || is_space(text[i - 1]));
    s->words = core_arena_calloc(a, n ? n : 1, sizeof *s->words);
    if (!s->words || !s->text)
        return ANNALS_E_NOMEM;
    size_t i = start;
    while (i < end) {
        while (i < end && is_space(text[i]))
            i++;
        if (i == end)
            break;
        size_t b = i;
        while (i < end && !is_space(text[i]))
            i++;
        annals_word *w = &s->words[s->n_words++];
        w->start = b;
        w->end = i;
        w->form = text_normalize(a, text + b, i - b);
        w->norm = w->form ? text_fold(a, w->form) : NULL;
        w->head = -1;
        if (!w->norm)
            return ANNALS_E_NOMEM;
    }
    return ANNALS_OK;
}

int text_segment(core_arena *a, const char *text, size_t start, size_t end, int kind,
                 size_t dateline_end, text_sentences *out)
{
    (void)dateline_end;
    return text_tokenize_sentence(a, text, start, end, kind, out);
}
