/* test_coder_phrases.c — the actors of a phrase when the parser splits a
 * coordination or a name in uncommon ways: a list's items, a name hung
 * as a modifier after a conjunct, an apposition with conjuncts, a list
 * item in brackets, and a possessive on another word of the mention.
 * The parses are written here, so the tests do not depend on the
 * models. */
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

static const char *dict = "# annals verbs 1\n"
                          "[verbs]\n"
                          "condemn\n"
                          "    122  * +\n";

static int setup(void **state)
{
    return coder_fixture_setup(state, "t.verbs", dict, NULL);
}

/* Codes the fixture's only sentence and checks its events' sources, in
 * order, each against MOR with 122. */
static void assert_sources(fixture *f, const char *const *sources, size_t n_sources)
{
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, n_sources);
    for (size_t i = 0; i < n; i++)
        assert_event(&e[i], sources[i], "122", "MOR");
}

/* "Old foes Gondor and Osgiliath" with "Gondor" a list item of "foes":
 * the list's members are the phrase's actors, as conjuncts are. */
static void test_list_items(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Old old ADJ 2 amod|foes foe NOUN 6 nsubj|Gondor Gondor PROPN 2 list =GON|"
                    "and and CCONJ 5 cc|Osgiliath Osgiliath PROPN 3 conj =OSG|"
                    "condemned condemn VERB 0 root|Mordor Mordor PROPN 6 obj =MOR|. . PUNCT 6 punct");
    static const char *const want[] = {"GON", "OSG"};
    assert_sources(f, want, 2);
}

/* "Gondor Association (GA)": a list item in brackets is another name for
 * the phrase, not one more actor. */
static void test_bracketed_list_item(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 5 nsubj =GON|( ( PUNCT 3 punct|GA GA PROPN 1 list =DEU|"
                    ") ) PUNCT 3 punct|condemned condemn VERB 0 root|Mordor Mordor PROPN 5 obj =MOR|"
                    ". . PUNCT 5 punct");
    static const char *const want[] = {"GON"};
    assert_sources(f, want, 1);
}

/* "Fornost and the evil awful Gondor" parsed with "evil" the conjunct and
 * "Gondor" a bare nmod of "Fornost": a name hung without a preposition on
 * a coordination's head after one of its conjuncts is one more member;
 * before any conjunct it is not ("Gondor Mordor condemned" is no list). */
static void test_name_after_conjunct(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Fornost Fornost PROPN 7 nsubj =FOR|and and CCONJ 4 cc|the the DET 4 det|"
                    "evil evil NOUN 1 conj|awful awful ADJ 6 amod|Gondor Gondor PROPN 1 nmod =GON|"
                    "condemned condemn VERB 0 root|Mordor Mordor PROPN 7 obj =MOR|. . PUNCT 7 punct");
    static const char *const want[] = {"FOR", "GON"};
    assert_sources(f, want, 2);
    f->n_sents = f->n_mentions = 0;
    add_sentence(f, "Fornost Fornost PROPN 5 nsubj =FOR|Gondor Gondor PROPN 1 nmod =GON|"
                    "and and CCONJ 4 cc|Rohan Rohan PROPN 1 conj =ROH|"
                    "condemned condemn VERB 0 root|Mordor Mordor PROPN 5 obj =MOR|. . PUNCT 5 punct");
    static const char *const want2[] = {"FOR", "ROH"};
    assert_sources(f, want2, 2);
}

/* "Old foes, Gondor and Osgiliath, condemned": an apposition names the
 * phrase's referent again with its coordination. */
static void test_apposition_with_conjuncts(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Old old ADJ 2 amod|foes foe NOUN 8 nsubj|, , PUNCT 4 punct|"
                    "Gondor Gondor PROPN 2 appos =GON|and and CCONJ 6 cc|"
                    "Osgiliath Osgiliath PROPN 4 conj =OSG|, , PUNCT 4 punct|"
                    "condemned condemn VERB 0 root|Mordor Mordor PROPN 8 obj =MOR|. . PUNCT 8 punct");
    static const char *const want[] = {"GON", "OSG"};
    assert_sources(f, want, 2);
}

/* "Ithilen's minister Calimehtar" with the possessive on "minister" and
 * the name the phrase's head: the possessive country takes the mention's
 * agent (ITHGOV), wherever in the mention it hangs. */
static void test_possessive_inside_mention(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ithilen Ithilen PROPN 3 nmod:poss =ITH|'s 's PART 1 case|"
                    "minister minister NOUN 4 nmod:desc|Calimehtar Calimehtar PROPN 5 nsubj =CALGOV|"
                    "condemned condemn VERB 0 root|Mordor Mordor PROPN 5 obj =MOR|. . PUNCT 5 punct");
    /* one mention of two words: "minister Calimehtar" */
    f->mentions[1].first_word = 2;
    f->mentions[1].flags |= ANNALS_MENTION_COMBINED;
    static const char *const want[] = {"ITHGOV"};
    assert_sources(f, want, 1);
}

/* "Gondor, centre of a row with Rohan, condemned Mordor" with "centre" a
 * conjunct of "Gondor": with no "and" in the coordination it describes
 * Gondor, and Rohan is no second source; "Gondor and allies of Rohan"
 * is a coordination, and Rohan one. */
static void test_conjunct_without_conjunction(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 9 nsubj =GON|, , PUNCT 3 punct|centre centre NOUN 1 conj|"
                    "of of ADP 5 case|row row NOUN 3 nmod|with with ADP 7 case|"
                    "Rohan Rohan PROPN 5 nmod =ROH|, , PUNCT 1 punct|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 9 obj =MOR|. . PUNCT 9 punct");
    static const char *const alone[] = {"GON"};
    assert_sources(f, alone, 1);
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Gondor Gondor PROPN 6 nsubj =GON|and and CCONJ 3 cc|allies ally NOUN 1 conj|"
                    "of of ADP 5 case|Rohan Rohan PROPN 3 nmod =ROH|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 6 obj =MOR|. . PUNCT 6 punct");
    static const char *const both[] = {"GON", "ROH"};
    assert_sources(f, both, 2);
}

/* "Gondor, Rohan and the evil awful Osgiliath condemned Mordor" with
 * "Gondor" and "evil" both subjects of "condemned", "and" on the verb and
 * Rohan an apposition of Gondor: the coordination was split, so Gondor
 * heads a list and the apposition naming another country is one more
 * member; with one subject it names Gondor again. */
static void test_split_subjects(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 8 nsubj =GON|, , PUNCT 3 punct|Rohan Rohan PROPN 1 appos =ROH|"
                    "and and CCONJ 8 cc|the the DET 6 det|evil evil NOUN 8 nsubj|"
                    "Osgiliath Osgiliath PROPN 6 appos =OSG|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 8 obj =MOR|. . PUNCT 8 punct");
    static const char *const all[] = {"GON", "ROH", "OSG"};
    assert_sources(f, all, 3);
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Gondor Gondor PROPN 5 nsubj =GON|, , PUNCT 3 punct|Rohan Rohan PROPN 1 appos =ROH|"
                    ", , PUNCT 3 punct|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 5 obj =MOR|. . PUNCT 5 punct");
    static const char *const one[] = {"GON"};
    assert_sources(f, one, 1);
}

/* "Old foes Gondor and Osgiliath condemned Mordor" with "Gondor" an obj
 * of the noun "foes": a noun takes no object, so it is an apposition and
 * its coordination the phrase's actors; an object of a verb stays none
 * of its subject's. */
static void test_object_of_noun(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Old old ADJ 2 amod|foes foe NOUN 6 nsubj|Gondor Gondor PROPN 2 obj =GON|"
                    "and and CCONJ 5 cc|Osgiliath Osgiliath PROPN 3 conj =OSG|"
                    "condemned condemn VERB 0 root|Mordor Mordor PROPN 6 obj =MOR|. . PUNCT 6 punct");
    static const char *const want[] = {"GON", "OSG"};
    assert_sources(f, want, 2);
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Rohan Rohan PROPN 6 nsubj =ROH|, , PUNCT 3 punct|backing back VERB 1 acl|"
                    "Gondor Gondor PROPN 3 obj =GON|, , PUNCT 3 punct|"
                    "condemned condemn VERB 0 root|Mordor Mordor PROPN 6 obj =MOR|. . PUNCT 6 punct");
    static const char *const one[] = {"ROH"};
    assert_sources(f, one, 1);
}

/* "Mordor, the Shire, Fornost and Bree condemned Rohan" with "Shire" an
 * apposition of Mordor, "Fornost" one of "Shire" and "Bree" a conjunct of
 * "Fornost": a chain of appositions closed by "and" is a list, each name
 * one more member; "Mordor, the Shire, condemned" is one actor named
 * twice. */
static void test_apposition_chain_list(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 9 nsubj =GON|, , PUNCT 4 punct|the the DET 4 det|"
                    "Shire Shire NOUN 1 appos =SHI|, , PUNCT 6 punct|Fornost Fornost PROPN 4 appos =FOR|"
                    "and and CCONJ 8 cc|Bree Bree PROPN 6 conj =BRE|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 9 obj =MOR|. . PUNCT 9 punct");
    static const char *const all[] = {"GON", "SHI", "FOR", "BRE"};
    assert_sources(f, all, 4);
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Gondor Gondor PROPN 6 nsubj =GON|, , PUNCT 4 punct|the the DET 4 det|"
                    "Shire Shire NOUN 1 appos =SHI|, , PUNCT 4 punct|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 6 obj =MOR|. . PUNCT 6 punct");
    static const char *const one[] = {"GON"};
    assert_sources(f, one, 1);
}

/* "The Gondor states -- Rohan, Arnor and Osgiliath -- condemned Mordor"
 * with the list an apposition of "states": a plural common noun whose
 * members a list spells out is the group they make up, so the members
 * act and "Gondor" is not one more of them.  A proper noun before the
 * list ("Eriador -- Rohan, Arnor and Osgiliath --") stays its first
 * member. */
static void test_members_spelt_out(void **state)
{
    fixture *f = *state;
    add_sentence(f, "The the DET 3 det|Gondor Gondor PROPN 3 compound =GON|states state NOUN/NNS 12 nsubj|"
                    "-- -- PUNCT 5 punct|Rohan Rohan PROPN 3 appos =ROH|, , PUNCT 7 punct|"
                    "Arnor Arnor PROPN 5 conj =ARN|and and CCONJ 9 cc|Osgiliath Osgiliath PROPN 5 conj =OSG|"
                    "-- -- PUNCT 3 punct|have have AUX 12 aux|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 12 obj =MOR|. . PUNCT 12 punct");
    static const char *const members[] = {"ROH", "ARN", "OSG"};
    assert_sources(f, members, 3);
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Eriador Eriador PROPN 10 nsubj =ERI|-- -- PUNCT 3 punct|Rohan Rohan PROPN 1 appos =ROH|"
                    ", , PUNCT 5 punct|Arnor Arnor PROPN 3 conj =ARN|and and CCONJ 7 cc|"
                    "Osgiliath Osgiliath PROPN 3 conj =OSG|-- -- PUNCT 1 punct|have have AUX 10 aux|"
                    "condemned condemn VERB 0 root|Mordor Mordor PROPN 10 obj =MOR|. . PUNCT 10 punct");
    static const char *const all[] = {"ERI", "ROH", "ARN", "OSG"};
    assert_sources(f, all, 4);
}

/* "Gondor, Rohan and the evil awful Osgiliath condemned Mordor" with
 * "Gondor" the root, "awful" its conjunct, "condemned" a relative clause
 * of "awful" with Osgiliath its subject and Mordor its object: a relative
 * clause with a subject and an object of its own and no relative word has
 * no gap, so it is the main clause and the whole list its subject.  When
 * the list is no root (the object of "warned") the clause may modify it,
 * and only its own subject acts. */
static void test_relative_clause_without_gap(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 0 root =GON|, , PUNCT 3 punct|Rohan Rohan PROPN 1 appos =ROH|"
                    "and and CCONJ 7 cc|the the DET 6 det|evil evil NOUN 7 nsubj|awful awful ADJ 1 conj|"
                    "Osgiliath Osgiliath PROPN 9 nsubj =OSG|condemned condemn VERB 7 acl:relcl|"
                    "Mordor Mordor PROPN 9 obj =MOR|. . PUNCT 1 punct");
    static const char *const all[] = {"GON", "ROH", "OSG"};
    assert_sources(f, all, 3);
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Eriador Eriador PROPN 2 nsubj =ERI|warned warn VERB 0 root|"
                    "Gondor Gondor PROPN 2 obj =GON|, , PUNCT 5 punct|Rohan Rohan PROPN 3 appos =ROH|"
                    "and and CCONJ 9 cc|the the DET 8 det|evil evil NOUN 9 nsubj|awful awful ADJ 3 conj|"
                    "Osgiliath Osgiliath PROPN 11 nsubj =OSG|condemned condemn VERB 9 acl:relcl|"
                    "Mordor Mordor PROPN 11 obj =MOR|. . PUNCT 2 punct");
    static const char *const own[] = {"OSG"};
    assert_sources(f, own, 1);
}

/* "Gondor and the evil Rohan awful Osgiliath condemned Mordor" with
 * "Rohan" a compound of "Osgiliath" and "awful" an amod of it between
 * them: an adjective never follows a noun modifier, so Rohan closes a
 * phrase of its own and Osgiliath is its apposition, adding no actor;
 * with no adjective between ("the awful Rohan Osgiliath") the compound is
 * a modifier and the head's name counts. */
static void test_name_before_adjective(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 8 nsubj =GON|and and CCONJ 7 cc|the the DET 7 det|"
                    "evil evil ADJ 7 amod|Rohan Rohan PROPN 7 compound =ROH|awful awful ADJ 7 amod|"
                    "Osgiliath Osgiliath PROPN 1 conj =OSG|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 8 obj =MOR|. . PUNCT 8 punct");
    static const char *const first[] = {"GON", "ROH"};
    assert_sources(f, first, 2);
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Gondor Gondor PROPN 7 nsubj =GON|and and CCONJ 6 cc|the the DET 6 det|"
                    "awful awful ADJ 6 amod|Rohan Rohan PROPN 6 compound =ROH|"
                    "Osgiliath Osgiliath PROPN 1 conj =OSG|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 7 obj =MOR|. . PUNCT 7 punct");
    static const char *const head[] = {"GON", "OSG"};
    assert_sources(f, head, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_list_items, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bracketed_list_item, setup, teardown),
        cmocka_unit_test_setup_teardown(test_name_after_conjunct, setup, teardown),
        cmocka_unit_test_setup_teardown(test_apposition_with_conjuncts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_possessive_inside_mention, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conjunct_without_conjunction, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_subjects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_object_of_noun, setup, teardown),
        cmocka_unit_test_setup_teardown(test_apposition_chain_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_members_spelt_out, setup, teardown),
        cmocka_unit_test_setup_teardown(test_relative_clause_without_gap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_name_before_adjective, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
