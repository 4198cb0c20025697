/* coder_fixture.h — what the event coder's unit tests share: a verbs
 * dictionary loaded from a string, sentences written by hand as parses
 * (so the tests do not depend on the models), and one call that codes
 * them.  Included by tests/unit/test_coder_*.c after cmocka.h; not a test
 * of its own (only test_*.c files become tests). */
#ifndef ANNALS_TESTS_CODER_FIXTURE_H
#define ANNALS_TESTS_CODER_FIXTURE_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "coder/coder.h"
#include "core/arena.h"

typedef struct fixture {
    cod_verbs verbs;
    core_arena arena;
    annals_sentence sents[4];
    size_t n_sents;
    annals_mention mentions[16];
    size_t n_mentions;
    cod_events events;
} fixture;

/* The coder's explanation of the last coder_fixture_code(). */
static core_buf explain = CORE_BUF_INIT;

/* Loads `dict` as the verbs file `name` (its suffix chooses the format)
 * and, when not NULL, `discards` as a discards file. */
static inline int coder_fixture_setup(void **state, const char *name, const char *dict,
                                      const char *discards)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    cod_verbs_init(&f->verbs);
    assert_int_equal(cod_verbs_load_mem(&f->verbs, name, dict, strlen(dict), NULL, NULL), 0);
    if (discards)
        assert_int_equal(cod_discards_load_mem(&f->verbs, "t.discards", discards,
                                               strlen(discards), NULL, NULL), 0);
    assert_int_equal(cod_verbs_finish(&f->verbs), 0);
    core_arena_init(&f->arena, 0);
    *state = f;
    return 0;
}

static inline int teardown(void **state)
{
    fixture *f = *state;
    cod_verbs_free(&f->verbs);
    core_arena_destroy(&f->arena);
    cod_events_free(&f->events);
    free(f);
    return 0;
}

/* Adds a sentence from lines "FORM LEMMA UPOS HEAD DEPREL" separated by
 * '|'; an actor mention is marked by "=CODE" after the deprel. */
static inline void add_sentence(fixture *f, const char *spec)
{
    annals_sentence *s = &f->sents[f->n_sents];
    memset(s, 0, sizeof *s);
    s->words = core_arena_calloc(&f->arena, 64, sizeof *s->words);
    s->text = spec;
    char *copy = core_arena_strdup(&f->arena, spec);
    size_t pos = 0;
    for (char *tok = strtok(copy, "|"); tok; tok = strtok(NULL, "|")) {
        annals_word *w = &s->words[s->n_words];
        char form[64], lemma[64], upos[16], deprel[32], code[32] = "";
        int head;
        int n = sscanf(tok, " %63s %63s %15s %d %31s =%31s", form, lemma, upos, &head, deprel, code);
        assert_true(n >= 5);
        w->form = w->norm = core_arena_strdup(&f->arena, form);
        w->lemma = core_arena_strdup(&f->arena, lemma);
        char *slash = strchr(upos, '/'); /* "VERB/VBN": with an xpos */
        if (slash) {
            *slash = '\0';
            w->xpos = core_arena_strdup(&f->arena, slash + 1);
        }
        w->upos = annals_upos_from_name(upos);
        w->head = head;
        w->deprel = core_arena_strdup(&f->arena, deprel);
        w->start = pos;
        pos += strlen(form) + 1;
        w->end = pos - 1;
        if (n == 6) {
            annals_mention *m = &f->mentions[f->n_mentions++];
            memset(m, 0, sizeof *m);
            m->sent = f->n_sents;
            m->first_word = s->n_words;
            m->end_word = s->n_words + 1;
            m->text = w->form;
            m->code = core_arena_strdup(&f->arena, code);
        }
        s->n_words++;
    }
    f->n_sents++;
}

/* Codes the fixture's sentences dated `date`; `dyad_optional` is
 * PETRARCH's require_dyad=false.  The events stay the fixture's. */
static inline const annals_event *coder_fixture_code(fixture *f, const char *date,
                                                     bool dyad_optional, size_t *n)
{
    core_buf_clear(&explain);
    cod_input in = {&f->verbs, f->sents, f->n_sents, f->mentions, f->n_mentions, date,
                    &f->arena, &explain, dyad_optional};
    assert_int_equal(cod_code_document(&in, &f->events), 0);
    *n = f->events.n;
    return f->events.v;
}

static inline void assert_event(const annals_event *e, const char *s, const char *c,
                                const char *t)
{
    assert_string_equal(e->source, s);
    assert_string_equal(e->code, c);
    assert_string_equal(e->target, t);
}

#endif
