/* test_coder_code.c — the event coder over hand-made parses: roles in
 * the active and the passive, multi-word verbs, coordination, reciprocal
 * events, pronouns, the context target, blocked clauses, discards, dates
 * and paired codes.  The parses are written here, so the tests do not
 * depend on the models. */
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

static const char *dict =
    "# annals verbs 1\n"
    "[sets]\n"
    "&SANCTION = sanction; embargo\n"
    "[verbs]\n"
    "impose\n"
    "    163  * &SANCTION on +\n"
    "    163  * &SANCTION\n"
    "meet\n"
    "    040  * with +\n"
    "    040  * +\n"
    "    040  *\n"
    "rule out\n"
    "    125  * talk with +\n"
    "refuse\n"
    "    1244  * to lift &SANCTION\n"
    "hail\n"
    "    051  * +\n"
    "    051  *\n"
    "visit\n"
    "    036  will * +\n"
    "    042  * +\n";

static int setup(void **state)
{
    return coder_fixture_setup(state, "t.verbs", dict, "+world cup\nmonths later\n");
}

static bool dyad_optional; /* require_dyad=false for the next code() */

static const annals_event *code(fixture *f, const char *date, size_t *n)
{
    const annals_event *e = coder_fixture_code(f, date, dyad_optional, n);
    dyad_optional = false;
    return e;
}

static void test_active_and_pattern(void **state)
{
    fixture *f = *state;
    add_sentence(f, "The the DET 2 det|EU EU PROPN 3 nsubj =IGOEUREEC|imposed impose VERB 0 root|"
                    "sanctions sanction NOUN 3 obj|on on ADP 6 case|Iran Iran PROPN 3 obl =IRN|. . PUNCT 3 punct");
    size_t n;
    const annals_event *e = code(f, "2022-03-10", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "IGOEUREEC", "163", "IRN");
    assert_string_equal(e[0].pattern, "t.verbs:6");
    assert_string_equal(e[0].verb_text, "imposed");
    assert_string_equal(e[0].source_text, "EU");
    assert_string_equal(e[0].target_text, "Iran");
    assert_string_equal(e[0].date, "2022-03-10");
    assert_int_equal(e[0].quad, 4);
}

static void test_passive_by_agent_and_date(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Sanctions sanction NOUN 3 nsubj:pass|were be AUX 3 aux:pass|imposed impose VERB 0 root|"
                    "on on ADP 5 case|Iran Iran PROPN 3 obl =IRN|by by ADP 7 case|"
                    "France France PROPN 3 obl:agent =FRA|yesterday yesterday NOUN 3 obl:tmod");
    size_t n;
    const annals_event *e = code(f, "2022-03-10", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "FRA", "163", "IRN");
    assert_string_equal(e[0].how, "by-agent");
    assert_string_equal(e[0].date, "2022-03-09");
}

static void test_multiword_and_negation(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Russia Russia PROPN 2 nsubj =RUS|ruled rule VERB 0 root|out out ADP 2 compound:prt|"
                    "talks talk NOUN 2 obj|with with ADP 6 case|Ukraine Ukraine PROPN 4 nmod =UKR");
    add_sentence(f, "Germany Germany PROPN 4 nsubj =DEU|did do AUX 4 aux|not not PART 4 advmod|"
                    "meet meet VERB 0 root|Japan Japan PROPN 4 obj =JPN");
    add_sentence(f, "Germany Germany PROPN 3 nsubj =DEU|could could AUX 3 aux|meet meet VERB 0 root|"
                    "Japan Japan PROPN 3 obj =JPN");
    size_t n;
    const annals_event *e = code(f, "2022-03-10", &n);
    assert_non_null(strstr(explain.data, "no event: negated"));
    assert_non_null(strstr(explain.data, "no event: modal"));
    assert_int_equal(n, 1);
    assert_event(&e[0], "RUS", "125", "UKR");
    assert_string_equal(e[0].verb_text, "ruled out");
}

static void test_coordination_reciprocal(void **state)
{
    fixture *f = *state;
    /* Egypt and Jordan hailed their treaty: each hails the other */
    add_sentence(f, "Egypt Egypt PROPN 4 nsubj =EGY|and and CCONJ 3 cc|Jordan Jordan PROPN 1 conj =JOR|"
                    "hailed hail VERB 0 root|their their PRON 6 nmod:poss|treaty treaty NOUN 4 obj");
    /* France and Germany imposed sanctions on Iran: one event each */
    add_sentence(f, "France France PROPN 4 nsubj =FRA|and and CCONJ 3 cc|Germany Germany PROPN 1 conj =DEU|"
                    "imposed impose VERB 0 root|sanctions sanction NOUN 4 obj|on on ADP 7 case|"
                    "Iran Iran PROPN 4 obl =IRN");
    size_t n;
    const annals_event *e = code(f, "2022-03-10", &n);
    assert_int_equal(n, 4);
    assert_event(&e[0], "EGY", "051", "JOR");
    assert_event(&e[1], "JOR", "051", "EGY");
    assert_event(&e[2], "FRA", "163", "IRN");
    assert_event(&e[3], "DEU", "163", "IRN");
}

/* Coordinated sources of a cooperative act with no target are mutual
 * only when the act has no object of its own: "Egypt and Jordan met" is
 * a meeting of the two; "Egypt and Jordan hailed the plan" is no hailing
 * of one another. */
static void test_mutual_only_without_object(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Egypt Egypt PROPN 4 nsubj =EGY|and and CCONJ 3 cc|Jordan Jordan PROPN 1 conj =JOR|"
                    "met meet VERB 0 root|. . PUNCT 4 punct");
    size_t n;
    const annals_event *e = code(f, "2022-03-10", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "EGY", "040", "JOR");
    assert_event(&e[1], "JOR", "040", "EGY");
    f->n_sents = f->n_mentions = 0;
    add_sentence(f, "Egypt Egypt PROPN 4 nsubj =EGY|and and CCONJ 3 cc|Jordan Jordan PROPN 1 conj =JOR|"
                    "hailed hail VERB 0 root|the the DET 6 det|plan plan NOUN 4 obj|. . PUNCT 4 punct");
    code(f, "2022-03-10", &n);
    assert_int_equal(n, 0);
}

static void test_pronoun_and_context_target(void **state)
{
    fixture *f = *state;
    /* Sarkozy met Gaddafi, but he refused to lift the embargo */
    add_sentence(f, "Sarkozy Sarkozy PROPN 2 nsubj =FRAGOV|met meet VERB 0 root|Gaddafi Gaddafi PROPN 2 obj =LBYGOV|"
                    "but but CCONJ 5 cc|he he PRON 6 nsubj|refused refuse VERB 2 conj|to to PART 8 mark|"
                    "lift lift VERB 6 xcomp|the the DET 10 det|embargo embargo NOUN 8 obj");
    size_t n;
    const annals_event *e = code(f, "2008-06-01", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "FRAGOV", "040", "LBYGOV");
    assert_event(&e[1], "FRAGOV", "1244", "LBYGOV");
    assert_string_equal(e[1].source_text, "he");
    assert_string_equal(e[1].how, "target of the previous event");
}

static void test_background_and_discards(void **state)
{
    fixture *f = *state;
    /* Signed in 1949, ...: a participial clause codes nothing */
    add_sentence(f, "Met meet VERB/VBN 6 advcl|with with ADP 3 case|France France PROPN 1 obl =FRA|"
                    "in in ADP 5 case|1949 1949 NUM 1 obl|Germany Germany PROPN 7 nsubj =DEU|"
                    "was be AUX 7 cop|strong strong ADJ 0 root");
    size_t n;
    code(f, "2022-03-10", &n);
    assert_int_equal(n, 0);
    assert_non_null(strstr(explain.data, "no event: a participial background clause"));
    /* a story-level discard phrase stops the whole document */
    add_sentence(f, "Japan Japan PROPN 2 nsubj =JPN|met meet VERB 0 root|Brazil Brazil PROPN 2 obj =BRA");
    add_sentence(f, "The the DET 3 det|world world NOUN 3 compound|cup cup NOUN 0 root");
    code(f, "2022-03-10", &n);
    assert_int_equal(n, 0);
    assert_non_null(strstr(explain.data, "the whole story is discarded"));
    core_buf_free(&explain);
}

/* "The agency hailed on Saturday": a verb coded by its default alone codes
 * nothing without a target, unless the dyad is optional (PETRARCH's
 * require_dyad=false), when it codes with target "---" (a noun phrase
 * after the verb stands for it: test_coder_clause); an actor acting on
 * itself stays no event either way. */
static void test_require_dyad(void **state)
{
    fixture *f = *state;
    add_sentence(f, "The the DET 2 det|agency agency NOUN 3 nsubj =GOV|hailed hail VERB 0 root|"
                    "on on ADP 5 case|Saturday Saturday PROPN 3 obl|. . PUNCT 3 punct");
    size_t n;
    code(f, "2022-03-10", &n);
    assert_int_equal(n, 0);
    dyad_optional = true;
    const annals_event *e = code(f, "2022-03-10", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GOV", "051", "---");
    assert_string_equal(e[0].source_text, "agency");
    code(f, "2022-03-10", &n); /* the option holds for one call only here */
    assert_int_equal(n, 0);
}

/* A mention coded "---" (a dictionary entry saying "not an actor") is
 * neither a source nor a target, nor the country of an agent beside it. */
static void test_no_actor_entry(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Bandar Bandar PROPN 3 nsubj =---|Abbas Abbas PROPN 1 flat|"
                    "hailed hail VERB 0 root|China China PROPN 3 obj =CHN");
    size_t n;
    code(f, "2024-01-01", &n);
    assert_int_equal(n, 0);
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Officials official NOUN 5 nsubj =GOV|in in ADP 3 case|"
                    "Tabriz Tabriz PROPN 1 nmod =---|then then ADV 5 advmod|hailed hail VERB 0 root|"
                    "China China PROPN 5 obj =CHN");
    f->mentions[0].flags = ANNALS_MENTION_AGENT;
    const annals_event *e = code(f, "2024-01-01", &n);
    /* officials of no country: no event (a role no reader can place) */
    assert_int_equal(n, 0);
    assert_non_null(strstr(explain.data, "no event: the source is a role with no country (GOV)"));
    /* the same agent with a real country takes it */
    f->mentions[1].code = "IRN";
    e = code(f, "2024-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "IRNGOV", "051", "CHN");
}

/* An agent takes the country of a modifier that says whose ("officials
 * in Iran"), not of one that only says where ("migrants near the Turkish
 * border"). */
static void test_agent_place_modifier(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Greek Greek ADJ 2 amod|police police NOUN 3 nsubj =GRCCOP|hailed hail VERB 0 root|"
                    "migrants migrant NOUN 3 obj =REF|near near ADP 7 case|the the DET 7 det|"
                    "border border NOUN 4 nmod|Turkish Turkish ADJ 7 amod =TUR");
    f->mentions[1].flags = ANNALS_MENTION_AGENT;
    size_t n;
    code(f, "2024-01-01", &n);
    /* migrants of no country: no event (a role no reader can place) */
    assert_int_equal(n, 0);
    assert_non_null(strstr(explain.data, "no event: the target is a role with no country (REF)"));
    f->sents[0].words[4].norm = "in"; /* "migrants in the Turkish border (area)" */
    const annals_event *e = code(f, "2024-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GRCCOP", "051", "TURREF");
}

/* A clause dated more than a year before the story is background and
 * codes nothing; a recent month, or a year a thing is for, does not count. */
static void test_background_date(void **state)
{
    fixture *f = *state;
    const char *base = "France France PROPN 2 nsubj =FRA|hailed hail VERB 0 root|"
                       "Iran Iran PROPN 2 obj =IRN|";
    char spec[256];
    static const struct {
        const char *tail;
        size_t events;
    } cases[] = {
        {"in in ADP 5 case|February February PROPN 2 obl|2022 2022 NUM 5 nummod", 0},
        {"in in ADP 5 case|January January PROPN 2 obl|2024 2024 NUM 5 nummod", 1},
        {"in in ADP 5 case|1967 1967 NUM 2 obl|. . PUNCT 2 punct", 0},
        {"for for ADP 5 case|1990 1990 NUM 2 obl|. . PUNCT 2 punct", 1},
        {"three three NUM 5 nummod|years year NOUN 6 obl:npmod|ago ago ADV 2 advmod", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        f->n_sents = 0;
        f->n_mentions = 0;
        snprintf(spec, sizeof spec, "%s%s", base, cases[i].tail);
        add_sentence(f, core_arena_strdup(&f->arena, spec));
        size_t n;
        code(f, "2024-03-01", &n);
        assert_int_equal(n, cases[i].events);
    }
}

/* A native pattern's word before '*' stands right before the verb:
 * "will visit" is an intent (036), "will soon visit" and a "will" of
 * another clause are not. */
static void test_native_word_before_verb(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Germany Germany PROPN 3 nsubj =DEU|will will AUX 3 aux|visit visit VERB 0 root|"
                    "Albania Albania PROPN 3 obj =ALB");
    size_t n;
    const annals_event *e = code(f, "2024-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "DEU", "036", "ALB");
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Germany Germany PROPN 4 nsubj =DEU|will will AUX 4 aux|soon soon ADV 4 advmod|"
                    "visit visit VERB 0 root|Albania Albania PROPN 4 obj =ALB");
    e = code(f, "2024-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "DEU", "042", "ALB");
}

/* A weekday is resolved backwards in a report and forwards in a clause
 * with a future auxiliary or after "next" (document date Monday
 * 2023-10-16). */
static void test_future_weekday(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Biden Biden PROPN 3 nsubj|will will AUX 3 aux|visit visit VERB 0 root|"
                    "Israel Israel PROPN 3 obj|on on ADP 6 case|Wednesday Wednesday PROPN 3 obl");
    add_sentence(f, "Biden Biden PROPN 2 nsubj|visited visit VERB 0 root|"
                    "Israel Israel PROPN 2 obj|on on ADP 5 case|Wednesday Wednesday PROPN 2 obl");
    add_sentence(f, "Biden Biden PROPN 2 nsubj|visits visit VERB 0 root|"
                    "Israel Israel PROPN 2 obj|next next ADJ 5 amod|Monday Monday PROPN 2 obl");
    size_t all[6] = {0, 1, 2, 3, 4, 5};
    assert_string_equal(cod_clause_date(&f->sents[0], all, 6, "2023-10-16", &f->arena),
                        "2023-10-18");
    assert_string_equal(cod_clause_date(&f->sents[1], all, 5, "2023-10-16", &f->arena),
                        "2023-10-11");
    assert_string_equal(cod_clause_date(&f->sents[2], all, 5, "2023-10-16", &f->arena),
                        "2023-10-23");
    /* "will ... on Monday" on a Monday is that day */
    f->sents[0].words[5].norm = "Monday";
    assert_string_equal(cod_clause_date(&f->sents[0], all, 6, "2023-10-16", &f->arena),
                        "2023-10-16");
}

/* "Gondor hailed Rohan and met envoys of Osgiliath" with "envoys" a bare
 * obl of "hailed": an oblique with no preposition after the second
 * coordinated verb, when the first has its object and the second none, is
 * the second verb's object; with "with" it is a prepositional phrase and
 * stays the first verb's. */
static void test_object_of_second_conjunct(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|hailed hail VERB 0 root|Rohan Rohan PROPN 2 obj =ROH|"
                    "and and CCONJ 5 cc|met meet VERB 2 conj|envoys envoy NOUN 2 obl|"
                    "of of ADP 8 case|Osgiliath Osgiliath PROPN 6 nmod =OSG|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = code(f, "2022-03-10", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "GON", "051", "ROH");
    assert_event(&e[1], "GON", "040", "OSG");
    f->n_sents = 0;
    f->n_mentions = 0;
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|hailed hail VERB 0 root|Rohan Rohan PROPN 2 obj =ROH|"
                    "and and CCONJ 5 cc|met meet VERB 2 conj|with with ADP 7 case|envoys envoy NOUN 2 obl|"
                    "of of ADP 9 case|Osgiliath Osgiliath PROPN 7 nmod =OSG|. . PUNCT 2 punct");
    e = code(f, "2022-03-10", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GON", "051", "ROH");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_active_and_pattern, setup, teardown),
        cmocka_unit_test_setup_teardown(test_passive_by_agent_and_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multiword_and_negation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_coordination_reciprocal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mutual_only_without_object, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pronoun_and_context_target, setup, teardown),
        cmocka_unit_test_setup_teardown(test_background_and_discards, setup, teardown),
        cmocka_unit_test_setup_teardown(test_require_dyad, setup, teardown),
        cmocka_unit_test_setup_teardown(test_future_weekday, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_actor_entry, setup, teardown),
        cmocka_unit_test_setup_teardown(test_background_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_native_word_before_verb, setup, teardown),
        cmocka_unit_test_setup_teardown(test_agent_place_modifier, setup, teardown),
        cmocka_unit_test_setup_teardown(test_object_of_second_conjunct, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
