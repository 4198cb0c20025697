/* test_pipeline_skip.c — annals_coder_set_skip_eventless: sentences that
 * cannot yield an event are left untagged and unparsed, those that can
 * (an actor, a pronoun after an actor) are parsed, and the events and
 * mentions are the same as with every sentence parsed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"

#include "pipeline_fixture.h"

/* Both coders give the same events and mentions for `text`. */
static void assert_same(fixture *f, const char *text)
{
    assert_same_events(f, text);
    assert_int_equal(annals_coder_skipped(f->all), 0);
    size_t na, ns;
    const annals_event *ea = annals_coder_events(f->all, &na);
    const annals_event *es = annals_coder_events(f->skip, &ns);
    for (size_t i = 0; i < na; i++)
        assert_string_equal(ea[i].how, es[i].how);
    const annals_mention *ma = annals_coder_mentions(f->all, &na);
    const annals_mention *ms = annals_coder_mentions(f->skip, &ns);
    assert_int_equal(na, ns);
    for (size_t i = 0; i < na; i++) {
        assert_int_equal(ma[i].sent, ms[i].sent);
        assert_int_equal(ma[i].first_word, ms[i].first_word);
        assert_string_equal(ma[i].code, ms[i].code);
    }
}

static void test_sentences_without_actors_are_skipped(void **state)
{
    fixture *f = *state;
    const char *text = "Profits rose five pct in the first quarter. "
                       "France criticised Germany over the tariffs. "
                       "Sales of the group were flat at 12 mln dlrs.";
    assert_same(f, text);
    size_t n;
    const annals_sentence *s = annals_coder_sentences(f->skip, &n);
    assert_int_equal(n, 3);
    assert_false(tagged(&s[0]));
    assert_false(parsed(&s[0]));
    assert_true(parsed(&s[1]));
    assert_int_equal(annals_coder_skipped(f->skip), 2);
    size_t ne;
    annals_coder_events(f->skip, &ne);
    assert_true(ne >= 1);
}

/* "He" after an actor can be the source: that sentence is parsed, and
 * so is the one naming the actor (the coder prefers subjects). */
static void test_pronoun_after_an_actor_is_parsed(void **state)
{
    fixture *f = *state;
    const char *text = "The Japanese prime minister arrived in Paris. "
                       "He met the French president. "
                       "He also condemned the attack.";
    assert_same(f, text);
    size_t n;
    const annals_sentence *s = annals_coder_sentences(f->skip, &n);
    assert_int_equal(n, 3);
    assert_true(parsed(&s[0]));
    assert_true(parsed(&s[1]));
    assert_true(parsed(&s[2]));
}

/* A pronoun with no actor in the three sentences before cannot be
 * resolved: its sentence is skipped. */
static void test_pronoun_far_from_actors_is_skipped(void **state)
{
    fixture *f = *state;
    const char *text = "Profits rose five pct. Sales were flat. Costs fell. "
                       "It said the outlook was good.";
    assert_same(f, text);
    assert_int_equal(annals_coder_skipped(f->skip), 4);
}

/* Explaining speaks of every sentence: nothing is skipped then. */
static void test_explaining_parses_everything(void **state)
{
    fixture *f = *state;
    annals_coder_set_explain(f->skip, 1);
    const char *text = "Profits rose five pct. France criticised Germany.";
    annals_document doc = {.id = "d", .text = text, .text_len = strlen(text)};
    assert_int_equal(annals_coder_run(f->skip, &doc), ANNALS_OK);
    assert_int_equal(annals_coder_skipped(f->skip), 0);
    annals_coder_set_explain(f->skip, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentences_without_actors_are_skipped),
        cmocka_unit_test(test_pronoun_after_an_actor_is_parsed),
        cmocka_unit_test(test_pronoun_far_from_actors_is_skipped),
        cmocka_unit_test(test_explaining_parses_everything),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
