/* test_coder_news.c — the coder's rules for real news (issue 5), over
 * hand-made parses: a target taken from the previous sentence, acts
 * announced rather than done (intentions and threats), acts only
 * demanded or denied, old dates, role-only actors, role words used as
 * adjectives.  The parses are written here, so the tests do not depend on
 * the models. */
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
    "withdraw\n"
    "    0874  * troop from +\n"
    "condemn\n"
    "    111  * +\n"
    "    111  *\n"
    "fire\n"
    "    190  * missile at +\n"
    "hold\n"
    "    062  * exercise with +\n";

static int setup(void **state)
{
    return coder_fixture_setup(state, "t.verbs", dict, NULL);
}

static const annals_event *code(fixture *f, const char *date, size_t *n)
{
    return coder_fixture_code(f, date, false, n);
}

/* "The EU has followed Washington's lead and imposed sanctions of its
 * own": the sanctions' target is the one of the sanctions the sentence
 * before reported; "Washington" (the lead followed) is not it, and "its"
 * (of its own) is the EU, no target. */
static void test_target_from_previous_sentence(void **state)
{
    fixture *f = *state;
    add_sentence(f, "The the DET 3 det|US US PROPN 3 nsubj =USA|imposed impose VERB 0 root|"
                    "sanctions sanction NOUN 3 obj|on on ADP 6 case|Russia Russia PROPN 3 obl =RUS|"
                    ". . PUNCT 3 punct");
    add_sentence(f, "The the DET 2 det|EU EU PROPN 4 nsubj =IGOEUREEC|has have AUX 4 aux|"
                    "followed follow VERB 0 root|Washington Washington PROPN 7 nmod:poss =USAGOV|"
                    "'s 's PART 5 case|lead lead NOUN 4 obj|and and CCONJ 9 cc|"
                    "imposed impose VERB 4 conj|sanctions sanction NOUN 9 obj|of of ADP 13 case|"
                    "its its PRON 13 nmod:poss|own own ADJ 10 nmod|. . PUNCT 4 punct");
    size_t n;
    const annals_event *e = code(f, "2022-03-01", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "USA", "163", "RUS");
    assert_event(&e[1], "IGOEUREEC", "163", "RUS");
    assert_int_equal(e[1].sent, 1);
    assert_string_equal(e[1].how, "target of the previous event");
}

/* "Iran said it will impose sanctions on Britain" is a threat (1312), not
 * sanctions; with "unless ..." an ultimatum (139); "is prepared to
 * withdraw its troops from" an intention (0356). */
static void test_announced_acts(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Iran Iran PROPN 2 nsubj =IRN|said say VERB 0 root|it it PRON 5 nsubj|"
                    "will will AUX 5 aux|impose impose VERB 2 ccomp|sanctions sanction NOUN 5 obj|"
                    "on on ADP 8 case|Britain Britain PROPN 5 obl =GBR");
    add_sentence(f, "Iran Iran PROPN 3 nsubj =IRN|will will AUX 3 aux|impose impose VERB 0 root|"
                    "sanctions sanction NOUN 3 obj|on on ADP 6 case|France France PROPN 3 obl =FRA|"
                    "unless unless SCONJ 9 mark|Paris Paris PROPN 9 nsubj =FRAGOV|"
                    "pays pay VERB 3 advcl");
    add_sentence(f, "Russia Russia PROPN 3 nsubj =RUS|is be AUX 3 cop|prepared prepared ADJ 0 root|"
                    "to to PART 5 mark|withdraw withdraw VERB 3 xcomp|troops troop NOUN 5 obj|"
                    "from from ADP 8 case|Syria Syria PROPN 5 obl =SYR");
    size_t n;
    const annals_event *e = code(f, "2022-03-01", &n);
    assert_int_equal(n, 3);
    assert_event(&e[0], "IRN", "1312", "GBR");
    assert_event(&e[1], "IRN", "139", "FRA");
    assert_event(&e[2], "RUS", "0356", "SYR");
    assert_non_null(strstr(explain.data, "announced, not done: 163 is coded 1312"));
}

/* Acts demanded, denied or claimed code nothing: "France urged Germany
 * to impose sanctions on Iran", "Russia denied imposing sanctions on
 * Iran", "a call that Britain impose sanctions on Iran". */
static void test_unasserted_acts(void **state)
{
    fixture *f = *state;
    add_sentence(f, "France France PROPN 2 nsubj =FRA|urged urge VERB 0 root|Germany Germany PROPN 2 obj =DEU|"
                    "to to PART 5 mark|impose impose VERB 2 xcomp|sanctions sanction NOUN 5 obj|"
                    "on on ADP 8 case|Iran Iran PROPN 5 obl =IRN");
    add_sentence(f, "Russia Russia PROPN 2 nsubj =RUS|denied deny VERB 0 root|imposing impose VERB 2 xcomp|"
                    "sanctions sanction NOUN 3 obj|on on ADP 6 case|Iran Iran PROPN 3 obl =IRN");
    add_sentence(f, "Poland Poland PROPN 2 nsubj =POL|repeated repeat VERB 0 root|its its PRON 4 nmod:poss|"
                    "call call NOUN 2 obj|that that SCONJ 7 mark|Britain Britain PROPN 7 nsubj =GBR|"
                    "impose impose VERB 4 acl|sanctions sanction NOUN 7 obj|on on ADP 10 case|"
                    "Iran Iran PROPN 7 obl =IRN");
    size_t n;
    code(f, "2022-03-01", &n);
    assert_int_equal(n, 0);
    assert_non_null(strstr(explain.data, "no event: demanded, wished or aimed at"));
    assert_non_null(strstr(explain.data, "no event: denied"));
    assert_non_null(strstr(explain.data, "no event: the content of a claim or demand"));
    /* the same verb reported as done still codes */
    add_sentence(f, "Britain Britain PROPN 2 nsubj =GBR|imposed impose VERB 0 root|sanctions sanction NOUN 2 obj|"
                    "on on ADP 5 case|Iran Iran PROPN 2 obl =IRN");
    const annals_event *e = code(f, "2022-03-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GBR", "163", "IRN");
}

/* A role named alone takes the country of the dateline ("MOSCOW -
 * The foreign minister condemned Ukraine" RUSGOV 111 UKR); with no
 * dateline and no country the story is about, the role has no country
 * and codes no event. */
static void test_role_country(void **state)
{
    fixture *f = *state;
    add_sentence(f, "MOSCOW Moscow PROPN 0 root =RUSGOV|- - PUNCT 1 punct|The the DET 5 det|"
                    "foreign foreign ADJ 5 amod|minister minister NOUN 6 nsubj =GOV|"
                    "condemned condemn VERB 1 parataxis|Ukraine Ukraine PROPN 6 obj =UKR");
    f->sents[0].words[0].flags = ANNALS_WORD_DATELINE;
    f->sents[0].words[1].flags = ANNALS_WORD_DATELINE;
    f->mentions[1].flags = ANNALS_MENTION_AGENT;
    size_t n;
    const annals_event *e = code(f, "2023-03-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "RUSGOV", "111", "UKR");
    assert_string_equal(e[0].source_text, "minister");
    /* no dateline: whose minister is not said */
    f->sents[0].words[0].flags = 0;
    f->sents[0].words[1].flags = 0;
    f->mentions[0].code = "---";
    code(f, "2023-03-01", &n);
    assert_int_equal(n, 0);
    assert_non_null(strstr(explain.data, "the source is a role with no country (GOV)"));
}

/* The country a story of several sentences is about (named in two
 * sentences, twice as often as any other) is the country of a role
 * named alone: "Police arrested two protesters" in a story about Iran. */
static void test_role_story_country(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Iran Iran PROPN 2 nsubj =IRN|condemned condemn VERB 0 root|Britain Britain PROPN 2 obj =GBR");
    add_sentence(f, "Iran Iran PROPN 2 nsubj =IRN|condemned condemn VERB 0 root|Israel Israel PROPN 2 obj =ISR");
    add_sentence(f, "Police police NOUN 2 nsubj =COP|condemned condemn VERB 0 root|Iraq Iraq PROPN 2 obj =IRQ");
    f->mentions[4].flags = ANNALS_MENTION_AGENT;
    size_t n;
    const annals_event *e = code(f, "2023-03-01", &n);
    assert_int_equal(n, 3);
    assert_event(&e[2], "IRNCOP", "111", "IRQ");
    assert_string_equal(e[2].how, "agent of the document's country");
    /* Britain named in two sentences too: Iran no longer twice as often */
    f->mentions[5].code = "GBR";
    add_sentence(f, "Britain Britain PROPN 2 nsubj =GBR|condemned condemn VERB 0 root|Iraq Iraq PROPN 2 obj =IRQ");
    e = code(f, "2023-03-01", &n);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].source, "IRNCOP");
}

/* "Jordan condemned the joint military exercises": "military" describes
 * the exercises and is no actor, so no event targets MIL; "the military"
 * as a noun is one. */
static void test_role_adjective(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Jordan Jordan PROPN 2 nsubj =JOR|condemned condemn VERB 0 root|the the DET 6 det|"
                    "joint joint ADJ 6 amod|military military ADJ 6 amod =MIL|"
                    "exercises exercise NOUN 2 obj");
    f->mentions[1].flags = ANNALS_MENTION_AGENT;
    size_t n;
    const annals_event *e = code(f, "2023-03-01", &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].target, "MIL");
    assert_null(strstr(explain.data, "role with no country (MIL)"));
    /* "Jordan condemned the military": an actor (of no country here) */
    f->n_sents = f->n_mentions = 0;
    add_sentence(f, "Jordan Jordan PROPN 2 nsubj =JOR|condemned condemn VERB 0 root|the the DET 4 det|"
                    "military military NOUN 2 obj =MIL");
    f->mentions[1].flags = ANNALS_MENTION_AGENT;
    code(f, "2023-03-01", &n);
    assert_int_equal(n, 0);
    assert_non_null(strstr(explain.data, "the target is a role with no country (MIL)"));
}

/* A clause dated a full day more than a year before the story is
 * background ("on June 21, 2019" in a story of 2022); the same day in a
 * story three days later is the event's date. */
static void test_old_full_date(void **state)
{
    fixture *f = *state;
    add_sentence(f, "France France PROPN 2 nsubj =FRA|imposed impose VERB 0 root|sanctions sanction NOUN 2 obj|"
                    "on on ADP 5 case|Iran Iran PROPN 2 obl =IRN|on on ADP 7 case|June June PROPN 2 obl|"
                    "21 21 NUM 7 nummod|, , PUNCT 9 punct|2019 2019 NUM 7 nmod:tmod");
    size_t n;
    code(f, "2022-03-10", &n);
    assert_int_equal(n, 0);
    assert_non_null(strstr(explain.data, "(background)"));
    const annals_event *e = code(f, "2019-06-24", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "FRA", "163", "IRN");
    assert_string_equal(e[0].date, "2019-06-21");
    /* a day without a year is the latest such day: never background */
    f->sents[0].words[9].norm = "then";
    e = code(f, "2022-03-10", &n);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].date, "2021-06-21");
}

/* "North Korea fired a missile into the sea. South Korea condemned the
 * launch.": the launch is the act named before, its doer the target (KOR
 * 111 PRK), though no pattern coded the firing; "the launch" two
 * sentences later is too far. */
static void test_act_named_before(void **state)
{
    fixture *f = *state;
    add_sentence(f, "North North PROPN 2 nsubj =PRK|fired fire VERB 0 root|a a DET 4 det|"
                    "missile missile NOUN 2 obj|into into ADP 7 case|the the DET 7 det|sea sea NOUN 2 obl");
    add_sentence(f, "South South PROPN 2 nsubj =KOR|condemned condemn VERB 0 root|the the DET 4 det|"
                    "launch launch NOUN 2 obj");
    size_t n;
    const annals_event *e = code(f, "2023-03-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "KOR", "111", "PRK");
    assert_string_equal(e[0].target_text, "launch");
    f->n_sents = f->n_mentions = 0;
    add_sentence(f, "North North PROPN 2 nsubj =PRK|fired fire VERB 0 root|a a DET 4 det|"
                    "missile missile NOUN 2 obj|into into ADP 7 case|the the DET 7 det|sea sea NOUN 2 obl");
    add_sentence(f, "Markets market NOUN 2 nsubj|fell fall VERB 0 root");
    add_sentence(f, "South South PROPN 2 nsubj =KOR|condemned condemn VERB 0 root|the the DET 4 det|"
                    "launch launch NOUN 2 obj");
    code(f, "2023-03-01", &n);
    assert_int_equal(n, 0);
}

/* "Iraq's government said that it will impose sanctions on Iran": "it"
 * stands for the role named before it in the sentence, with the country
 * its phrase gives (IRQGOV), not for a countryless GOV. */
static void test_pronoun_of_role(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Iraq Iraq PROPN 3 nmod:poss =IRQ|'s 's PART 1 case|government government NOUN 4 nsubj =GOV|"
                    "said say VERB 0 root|that that SCONJ 8 mark|it it PRON 8 nsubj|will will AUX 8 aux|"
                    "impose impose VERB 4 ccomp|sanctions sanction NOUN 8 obj|on on ADP 11 case|"
                    "Iran Iran PROPN 8 obl =IRN");
    f->mentions[1].flags = ANNALS_MENTION_AGENT;
    size_t n;
    const annals_event *e = code(f, "2023-03-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "IRQGOV", "1312", "IRN");
    assert_string_equal(e[0].source_text, "it");
}

/* "Danish media and government condemned Iran": the bare conjunct takes
 * the country adjective of the actor it is coordinated with; with a
 * determiner of its own ("and the government") or before the adjective
 * ("The Danish media and government") it does not, and a role with no
 * country makes no event. */
static void conjunct_sentence(fixture *f, const char *spec, size_t media, size_t gov)
{
    size_t first = f->n_mentions;
    add_sentence(f, spec);
    annals_mention *m = &f->mentions[first];
    m->first_word = media - 1; /* "Danish media": the adjective is in the mention */
    m[1].flags |= ANNALS_MENTION_AGENT;
    assert_int_equal(m[1].first_word, gov);
}

static void test_agent_of_conjunct(void **state)
{
    fixture *f = *state;
    conjunct_sentence(f, "Danish danish ADJ 2 amod|media media NOUN 5 nsubj =DNKMED|and and CCONJ 4 cc|"
                         "government government NOUN 2 conj =GOV|condemned condemn VERB 0 root|"
                         "Iran Iran PROPN 5 obj =IRN",
                      1, 3);
    size_t n;
    const annals_event *e = code(f, "2022-03-01", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "DNKMED", "111", "IRN");
    assert_event(&e[1], "DNKGOV", "111", "IRN");
}

static void test_agent_of_conjunct_determiner(void **state)
{
    fixture *f = *state;
    conjunct_sentence(f, "Danish danish ADJ 2 amod|media media NOUN 6 nsubj =DNKMED|and and CCONJ 5 cc|"
                         "the the DET 5 det|government government NOUN 2 conj =GOV|"
                         "condemned condemn VERB 0 root|Iran Iran PROPN 6 obj =IRN",
                      1, 4);
    conjunct_sentence(f, "The the DET 3 det|Danish danish ADJ 3 amod|media media NOUN 6 nsubj =DNKMED|"
                         "and and CCONJ 5 cc|government government NOUN 3 conj =GOV|"
                         "condemned condemn VERB 0 root|Iran Iran PROPN 6 obj =IRN",
                      2, 4);
    size_t n;
    const annals_event *e = code(f, "2022-03-01", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "DNKMED", "111", "IRN");
    assert_event(&e[1], "DNKMED", "111", "IRN");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_target_from_previous_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_announced_acts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unasserted_acts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_country, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_story_country, setup, teardown),
        cmocka_unit_test_setup_teardown(test_role_adjective, setup, teardown),
        cmocka_unit_test_setup_teardown(test_old_full_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_act_named_before, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pronoun_of_role, setup, teardown),
        cmocka_unit_test_setup_teardown(test_agent_of_conjunct, setup, teardown),
        cmocka_unit_test_setup_teardown(test_agent_of_conjunct_determiner, setup, teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    core_buf_free(&explain);
    return rc;
}
