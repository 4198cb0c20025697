/* test_coder_actor_tags.c — what the event coder gets from the actor
 * matcher when the tagger calls a name a verb: a lone word tagged VERB is
 * no mention ("to police"), unless it is capitalised inside the sentence,
 * or is a capitalised actor name anywhere ("Pyongyang" tagged VBG). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actors/match.h"
#include "text/segment.h"

static const char fixture[] = "# annals actors 1\n"
                              "[actors]\n"
                              "Pyongyang\n"
                              "    PRKGOV\n"
                              "[agents]\n"
                              "police\n"
                              "    COP\n";

#include "actors_fixture.h"

/* The number of mentions in `text` with word `verb` tagged VERB and the
 * others NOUN. */
static size_t mentions(const char *text, size_t verb)
{
    core_arena_reset(&arena);
    sents.n = 0;
    assert_int_equal(text_tokenize_sentence(&arena, text, 0, strlen(text), ANNALS_SENT_BODY,
                                            &sents), 0);
    annals_sentence *s = &sents.v[0];
    for (size_t i = 0; i < s->n_words; i++)
        s->words[i].upos = i == verb ? ANNALS_UPOS_VERB : ANNALS_UPOS_NOUN;
    act_mention *m;
    size_t n;
    assert_int_equal(act_find_mentions(&dict, &arena, s, ACT_NO_DATE, &m, &n), 0);
    return n;
}

static void test_verb_tagged_names(void **state)
{
    (void)state;
    assert_int_equal(mentions("Pyongyang fired shells", 0), 1);    /* actor name, initial */
    assert_int_equal(mentions("Troops went to police it", 3), 0);  /* lowercase verb */
    assert_int_equal(mentions("Police the streets now", 0), 0);    /* agent, initial */
    assert_int_equal(mentions("They saw Police there", 2), 1);     /* capital inside */
    assert_int_equal(mentions("Troops went to police it", 99), 1); /* a noun is a mention */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_verb_tagged_names, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
