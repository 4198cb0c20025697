/* pipeline_fixture.h — what the sentence-plan unit tests share: the
 * shipped resources with two coders, one parsing every sentence and one
 * skipping those that cannot yield an event, and checks on what each did.
 * Included by tests/unit/test_pipeline_skip.c, test_pipeline_words.c and
 * test_pipeline_mentions.c;
 * not a test of its own (only test_*.c files become tests). */
#ifndef ANNALS_TESTS_PIPELINE_FIXTURE_H
#define ANNALS_TESTS_PIPELINE_FIXTURE_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"

typedef struct fixture {
    annals_resources *res;
    annals_coder *all, *skip;
} fixture;

static inline int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    annals_options opt;
    annals_options_init(&opt);
    opt.data_dir = ANNALS_SOURCE_DIR "/data";
    f->res = annals_resources_load(&opt, NULL);
    f->all = annals_coder_create(f->res);
    f->skip = annals_coder_create(f->res);
    annals_coder_set_skip_eventless(f->skip, 1);
    *state = f;
    return f->res && f->all && f->skip ? 0 : -1;
}

static inline int teardown(void **state)
{
    fixture *f = *state;
    annals_coder_free(f->all);
    annals_coder_free(f->skip);
    annals_resources_free(f->res);
    free(f);
    return 0;
}

static inline bool parsed(const annals_sentence *s)
{
    for (size_t k = 0; k < s->n_words; k++)
        if (s->words[k].head < 0)
            return false;
    return s->n_words > 0;
}

static inline bool tagged(const annals_sentence *s)
{
    for (size_t k = 0; k < s->n_words; k++)
        if (s->words[k].upos == ANNALS_UPOS_NONE)
            return false;
    return s->n_words > 0;
}

/* Both coders code a document of `title` (NULL: none) and `text` and
 * give the same events. */
static inline void assert_same_events_titled(fixture *f, const char *title, const char *text)
{
    annals_document doc = {.id = "d", .text = text, .text_len = strlen(text),
                           .title = title, .date = "2022-03-10"};
    assert_int_equal(annals_coder_run(f->all, &doc), ANNALS_OK);
    assert_int_equal(annals_coder_run(f->skip, &doc), ANNALS_OK);
    size_t na, ns;
    const annals_event *ea = annals_coder_events(f->all, &na);
    const annals_event *es = annals_coder_events(f->skip, &ns);
    assert_int_equal(na, ns);
    for (size_t i = 0; i < na; i++) {
        assert_int_equal(ea[i].sent, es[i].sent);
        assert_string_equal(ea[i].source, es[i].source);
        assert_string_equal(ea[i].target, es[i].target);
        assert_string_equal(ea[i].code, es[i].code);
    }
}

/* Both coders code `text` and give the same events. */
static inline void assert_same_events(fixture *f, const char *text)
{
    assert_same_events_titled(f, NULL, text);
}

#endif
