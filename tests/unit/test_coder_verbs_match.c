/* test_coder_verbs_match.c — finding a verb dictionary's entry for a word
 * of a sentence: a multi-word verb written with its verb word last
 * ("WIRE_+TAP") when the tagger took its first word for the verb.  The
 * parses are written here, so the tests do not depend on the models. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "annals.h"
#include "coder/coder.h"
#include "core/arena.h"

#include "coder_fixture.h"

static const char *dict = "--- CONFISCATE [1711] ---\n"
                          "CONFISCATE\n"
                          "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}\n"
                          "- WILL NOT * [081]\n";

static int setup(void **state)
{
    return coder_fixture_setup(state, "PETR.verbs.txt", dict, NULL);
}

/* "Soldiers will not wire tap the links into Mordor" tagged with "wire"
 * the verb and "tap" a noun (PETRARCH's DEMO-31): the phrase is the verb
 * "tap", its pattern read on the clause of "wire". */
static void test_verb_word_after(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Soldiers soldier NOUN 4 nsubj =MIL|will will AUX 4 aux|not not PART 4 advmod|"
                    "wire wire VERB 0 root|tap tap NOUN 7 case|the the DET 7 det|"
                    "links link NOUN 4 obl|into into ADP 9 case|Mordor Mordor PROPN 7 nmod =MOR|"
                    ". . PUNCT 4 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "MIL", "081", "MOR");
    assert_string_equal(e[0].verb_text, "wire");
}

/* The word before the verb word must be the one the entry names, and the
 * verb word must follow it directly. */
static void test_verb_word_after_needs_its_words(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Soldiers soldier NOUN 4 nsubj =MIL|will will AUX 4 aux|not not PART 4 advmod|"
                    "phone phone VERB 0 root|tap tap NOUN 7 case|the the DET 7 det|"
                    "links link NOUN 4 obl|into into ADP 9 case|Mordor Mordor PROPN 7 nmod =MOR");
    size_t n;
    coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 0);
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Soldiers soldier NOUN 4 nsubj =MIL|will will AUX 4 aux|not not PART 4 advmod|"
                    "wire wire VERB 0 root|the the DET 6 det|tap tap NOUN 4 obj|"
                    "into into ADP 8 case|Mordor Mordor PROPN 6 nmod =MOR");
    coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_verb_word_after, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verb_word_after_needs_its_words, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
