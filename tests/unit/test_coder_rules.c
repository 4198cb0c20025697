/* test_coder_rules.c — the rules the event coder follows for PETRARCH
 * and TABARI dictionaries, over hand-made parses (so the tests do not
 * depend on the models): compound actor codes, and the rules added
 * since (each test names the PETRARCH or TABARI behaviour it checks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "annals.h"
#include "coder/coder.h"
#include "core/arena.h"

#include "coder_fixture.h"

/* A PETRARCH verb dictionary (the format is sniffed from the name). */
static const char *dict =
    "--- RESTORE  [064]  ---\n"
    "RESTORE\n"
    "- * DIPLOMATIC TIES  [064]\n"
    "&NEGAUX\n"
    "+WO N'T\n"
    "+DID N'T\n"
    "--- CLASH  [223] ---\n"
    "CLASH\n"
    "- &NEGAUX * OVER EFFORTS  [904]\n"
    "- * OVER EFFORTS  [121]\n"
    "--- PRESENT  [---] ---\n"
    "PRESENT\n"
    "- * CREDENTIALS  [032]\n"
    "--- CONDEMN  [122] ---\n"
    "CONDEMN\n"
    "--- PROMISE  [050] ---\n"
    "PROMISE\n"
    "--- VOW  [170] ---\n"
    "VOW\n"
    "- * WAR  [173]\n"
    "--- REGRET  [111] ---\n"
    "REGRET\n"
    "- NOTED + *  [115]\n"
    "--- SHOT  [223] ---\n"
    "SHOT\n"
    "- + WAS * DEAD IN $  [224]\n"
    "--- MEET  [040] ---\n"
    "MEET\n"
    "--- ALLOW  [080] ---\n"
    "ALLOW\n"
    "- RECENTLY_*  [025]\n"
    "- *_IN +  [026]\n"
    "--- ABANDON  [345] ---\n"
    "ABANDON\n"
    "- * EFFORT  [987]\n"
    "- * FXLL EFFORT  [+++]\n"
    "--- ARREST  [212] ---\n"
    "ARREST\n"
    "--- WELCOME  [041] ---\n"
    "WELCOME\n"
    "--- OPPOSE  [112] ---\n"
    "OPPOSE\n"
    "--- SAID  [023] ---\n"
    "SAID\n"
    "- * HAPPY  [041]\n";

static int setup(void **state)
{
    return coder_fixture_setup(state, "t.verbs.txt", dict, NULL);
}

static const annals_event *code(fixture *f, const char *date, size_t *n)
{
    return coder_fixture_code(f, date, false, n);
}

/* A TABARI compound actor ("THE_SHIRE [FRO/BIL/SAM]") is each of its
 * codes: every one acts, with the target alike. */
static void test_compound_actor_code(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Shire Shire PROPN 2 nsubj =FRO/BIL|restored restore VERB 0 root|"
                    "ties tie NOUN 2 obj|with with ADP 5 case|Lorien Lorien PROPN 2 obl =ELR/GAL");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 4);
    assert_event(&e[0], "FRO", "064", "ELR");
    assert_event(&e[1], "FRO", "064", "GAL");
    assert_event(&e[2], "BIL", "064", "ELR");
    assert_event(&e[3], "BIL", "064", "GAL");
}

/* A pattern naming a set of negated auxiliaries ("WO N'T") is about the
 * negated, modal statement itself: PETRARCH matches the words the set
 * names, so neither the negation nor the modal blocks it. */
static void test_negated_modal_set(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Bree Bree PROPN 4 nsubj =BRE|wo will AUX 4 aux|n't not PART 4 advmod|"
                    "clash clash VERB 0 root|over over ADP 7 case|the the DET 7 det|"
                    "efforts effort NOUN 4 obl|of of ADP 9 case|Eriador Eriador PROPN 7 nmod =ERI");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "BRE", "904", "ERI");
}

/* The parser's slip: the subject as the root and the verb hung under it
 * as parataxis ("Bree clash over ...") -- the noun phrase before the verb
 * is its subject; a prepositional phrase is not. */
static void test_subject_made_head(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Bree Bree PROPN 0 root =BRE|clashed clash VERB 1 parataxis|"
                    "over over ADP 5 case|the the DET 5 det|efforts effort NOUN 2 obl|"
                    "of of ADP 7 case|Eriador Eriador PROPN 5 nmod =ERI");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "BRE", "121", "ERI");
    assert_string_equal(e[0].how, "subject (the parser made it the verb's head)");
}

static void test_prepositional_head_is_no_subject(void **state)
{
    fixture *f = *state;
    add_sentence(f, "In in ADP 2 case|Bree Bree PROPN 0 root =BRE|clashed clash VERB 2 parataxis|"
                    "over over ADP 6 case|the the DET 6 det|efforts effort NOUN 3 obl|"
                    "of of ADP 8 case|Eriador Eriador PROPN 6 nmod =ERI");
    size_t n;
    code(f, "1995-01-01", &n);
    assert_int_equal(n, 0);
}

/* The parser's slip: "condemned an attack on Thursday and promised aid"
 * with "promised" coordinated under the noun "Thursday" -- the verb
 * shares the subject of the verb above that noun. */
static void test_verb_coordinated_under_noun(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Calenardhon Calenardhon PROPN 2 nsubj =CAL|condemned condemn VERB 0 root|"
                    "an a DET 4 det|attack attack NOUN 2 obj|on on ADP 6 case|"
                    "Thursday Thursday PROPN 4 nmod|and and CCONJ 8 cc|"
                    "promised promise VERB 6 conj|aid aid NOUN 8 obj|to to ADP 11 case|"
                    "Ithilen Ithilen PROPN 8 obl =ITH");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "CAL", "050", "ITH");
}

/* "The ambassadors of Arnor, Osgiliath and Gondor presented credentials":
 * the matcher made "ambassadors of Arnor" one mention (ARNGOV); the
 * countries coordinated with Arnor take the agent too (PETRARCH carries
 * an agent through a compound actor list), but not a country coordinated
 * with a whole mention. */
static void test_agent_carried_through_list(void **state)
{
    fixture *f = *state;
    add_sentence(f, "The the DET 2 det|ambassadors ambassador NOUN 9 nsubj =ARNGOV|"
                    "of of ADP 4 case|Arnor Arnor PROPN 2 nmod|, , PUNCT 6 punct|"
                    "Osgiliath Osgiliath PROPN 4 conj =OSG|and and CCONJ 8 cc|"
                    "Gondor Gondor PROPN 4 conj =GON|presented present VERB 0 root|"
                    "credentials credential NOUN 9 obj|to to ADP 12 case|"
                    "Ithilen Ithilen PROPN 9 obl =ITH");
    /* one mention over "ambassadors of Arnor", as the actor matcher makes it */
    f->mentions[0].end_word = 4;
    f->mentions[0].flags = ANNALS_MENTION_COMBINED;
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 3);
    assert_event(&e[0], "ARNGOV", "032", "ITH");
    assert_event(&e[1], "OSGGOV", "032", "ITH");
    assert_event(&e[2], "GONGOV", "032", "ITH");

    fixture *g = f;
    g->n_sents = g->n_mentions = 0;
    add_sentence(g, "Arnor Arnor PROPN 5 nsubj =IGOARN|and and CCONJ 3 cc|Gondor Gondor PROPN 1 conj =GON|"
                    "ambassadors ambassador NOUN 1 dep|presented present VERB 0 root|"
                    "credentials credential NOUN 5 obj|to to ADP 8 case|Ithilen Ithilen PROPN 5 obl =ITH");
    g->mentions[0].flags = ANNALS_MENTION_COMBINED;
    e = code(g, "1995-01-01", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "IGOARN", "032", "ITH");
    assert_event(&e[1], "GON", "032", "ITH");
}

/* An infinitive of purpose the parser attached as advcl ("vowed on
 * Thursday to wage war on Rohan") completes the verb as an xcomp does:
 * its words are the verb's ("* WAR"). */
static void test_infinitive_advcl_in_clause(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ithilen Ithilen PROPN 2 nsubj =ITH|vowed vow VERB 0 root|on on ADP 4 case|"
                    "Thursday Thursday PROPN 2 obl|to to PART 6 mark|wage wage VERB 2 advcl|"
                    "war war NOUN 6 obj|on on ADP 9 case|Rohan Rohan PROPN 6 obl =ROH");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ITH", "173", "ROH");
}

/* "NOTED + *": the '+' takes the verb's own subject, so the source is the
 * subject of the verb the clause depends on. */
static void test_target_slot_on_subject(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|noted note VERB 0 root|that that SCONJ 5 mark|"
                    "Mordor Mordor PROPN 5 nsubj =MOR|regretted regret VERB 2 ccomp|"
                    "the the DET 7 det|refusal refusal NOUN 5 obj");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GON", "115", "MOR");
}

/* A pattern with a slot before the verb reads the passive as it stands:
 * "+ WAS * DEAD IN $" on "An Eriadorian was shot dead in Osgiliath". */
static void test_passive_surface_pattern(void **state)
{
    fixture *f = *state;
    add_sentence(f, "An a DET 2 det|Eriadorian Eriadorian PROPN 4 nsubj:pass =ERI|"
                    "was be AUX 4 aux:pass|shot shoot VERB/VBN 0 root|dead dead ADJ 4 xcomp|"
                    "in in ADP 7 case|Osgiliath Osgiliath PROPN 4 obl =OSG");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "OSG", "224", "ERI");
}

/* "Arnor is about to restore ties" parsed with "restore" as the csubj of
 * "about", which has its own subject: the infinitive shares it. */
static void test_predicate_infinitive(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Arnor Arnor PROPN 3 nsubj =ARN|is be AUX 3 cop|about about ADJ 0 root|"
                    "to to PART 5 mark|restore restore VERB 3 csubj|diplomatic diplomatic ADJ 7 amod|"
                    "ties tie NOUN 5 obj|with with ADP 9 case|Gondor Gondor PROPN 7 nmod =GON");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ARN", "064", "GON");
}

/* PETRARCH codes a noun phrase by its first actor with the agents it
 * holds: "Dagolath's first Deputy Prime Minister Telemar" = DAG + GOV,
 * whatever country the name Telemar has; a mention split by the parser
 * into two subjects counts once. */
static void test_possessive_country_with_agent(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Dagolath Dagolath PROPN 4 nmod:poss =DAG|'s 's PART 1 case|first first ADJ 4 amod|"
                    "Deputy deputy NOUN 8 nsubj|Prime Prime ADJ 7 amod =CALGOV|"
                    "Minister Minister PROPN 7 nmod|Telemar Telemar PROPN 4 appos|"
                    "met meet VERB 0 root|Gondor Gondor PROPN 8 obj =GON");
    f->mentions[1].end_word = 7; /* "Prime Minister Telemar", one mention */
    f->mentions[1].flags = ANNALS_MENTION_COMBINED;
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "DAGGOV", "040", "GON");
}

/* "Arnor, Calenardhon and Gondor" with Calenardhon parsed as an
 * apposition: in a list it is one more member; without the list an
 * apposition stays another name. */
static void test_list_apposition(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Arnor Arnor PROPN 6 nsubj =ARN|, , PUNCT 3 punct|Calenardhon Calenardhon PROPN 1 appos =CAL|"
                    "and and CCONJ 5 cc|Gondor Gondor PROPN 1 conj =GON|met meet VERB 0 root|"
                    "Osgiliath Osgiliath PROPN 6 obj =OSG");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 3);
    assert_event(&e[0], "ARN", "040", "OSG");
    assert_event(&e[1], "CAL", "040", "OSG");
    assert_event(&e[2], "GON", "040", "OSG");
    f->n_sents = f->n_mentions = 0;
    add_sentence(f, "Arnor Arnor PROPN 5 nsubj =ARN|, , PUNCT 3 punct|Calenardhon Calenardhon PROPN 1 appos =CAL|"
                    ", , PUNCT 3 punct|met meet VERB 0 root|Osgiliath Osgiliath PROPN 5 obj =OSG");
    e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ARN", "040", "OSG");
    /* the rest of the list under the apposition: "Mordor, Bree and Gondor" */
    f->n_sents = f->n_mentions = 0;
    add_sentence(f, "Mordor Mordor PROPN 6 nsubj =MOR|, , PUNCT 3 punct|Bree Bree PROPN 1 appos =BRE|"
                    "and and CCONJ 5 cc|Gondor Gondor PROPN 3 conj =GON|met meet VERB 0 root|"
                    "Osgiliath Osgiliath PROPN 6 obj =OSG");
    e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 3);
    assert_event(&e[0], "MOR", "040", "OSG");
    assert_event(&e[1], "BRE", "040", "OSG");
    assert_event(&e[2], "GON", "040", "OSG");
}

/* '_' joins an element to the verb itself: "RECENTLY_*" needs "recently"
 * right before the verb, "*_IN" "in" right after it. */
static void test_element_joined_to_verb(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gollum Gollum PROPN 3 nsubj =HOB|recently recently ADV 3 advmod|"
                    "allowed allow VERB 0 root|Mordor Mordor PROPN 3 obj =MOR");
    add_sentence(f, "Gollum Gollum PROPN 4 nsubj =HOB|recently recently ADV 4 advmod|"
                    "did do AUX 4 aux|allow allow VERB 0 root|Mordor Mordor PROPN 4 obj =MOR");
    add_sentence(f, "Gollum Gollum PROPN 2 nsubj =HOB|allowed allow VERB 0 root|"
                    "them they PRON 2 obj|in in ADP 5 case|Mordor Mordor PROPN 2 obl =MOR");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 3);
    assert_event(&e[0], "HOB", "025", "MOR");
    assert_event(&e[1], "HOB", "080", "MOR");
    assert_event(&e[2], "HOB", "080", "MOR");
}

/* A sentence whose root is a noun, with a participle right after it that
 * takes a direct object ("The Calenardhon government condemned an attack",
 * "condemned" tagged VBN as the noun's acl): the noun phrase acts.
 * Without a direct object the participle stays a background modifier. */
static void test_root_noun_with_participle(void **state)
{
    fixture *f = *state;
    add_sentence(f, "The the DET 3 det|Calenardhon Calenardhon PROPN 3 compound =CAL|"
                    "government government NOUN 0 root|condemned condemn VERB/VBN 3 acl|"
                    "an a DET 6 det|attack attack NOUN 4 obj|by by ADP 8 case|"
                    "Osgiliath Osgiliath PROPN 6 nmod =OSG");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "CAL", "122", "OSG");
    f->n_sents = f->n_mentions = 0;
    add_sentence(f, "The the DET 3 det|Calenardhon Calenardhon PROPN 3 compound =CAL|"
                    "government government NOUN 0 root|condemned condemn VERB/VBN 3 acl|"
                    "in in ADP 6 case|Osgiliath Osgiliath PROPN 4 obl =OSG");
    code(f, "1995-01-01", &n);
    assert_int_equal(n, 0);
    /* the participle on the last noun of the root's phrase */
    f->n_sents = f->n_mentions = 0;
    add_sentence(f, "The the DET 2 det|Ministry Ministry PROPN 0 root =CALGOV|of of ADP 4 case|"
                    "Walks Walks PROPN 2 nmod|condemned condemn VERB/VBN 4 acl|"
                    "an a DET 7 det|attack attack NOUN 5 obj|by by ADP 9 case|"
                    "Osgiliath Osgiliath PROPN 7 nmod =OSG");
    e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "CALGOV", "122", "OSG");
}

/* PETRARCH's pattern words match the words as written: "EFFORT" matches
 * "effort", not "efforts" (the block's own code applies then). */
static void test_petrarch_words_as_written(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gollum Gollum PROPN 2 nsubj =HOB|abandoned abandon VERB 0 root|"
                    "effort effort NOUN 2 obj|against against ADP 5 case|Gondor Gondor PROPN 3 nmod =GON");
    add_sentence(f, "Gollum Gollum PROPN 2 nsubj =HOB|abandoned abandon VERB 0 root|"
                    "efforts effort NOUN 2 obj|against against ADP 5 case|Gondor Gondor PROPN 3 nmod =GON");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "HOB", "987", "GON");
    assert_event(&e[1], "HOB", "345", "GON");
}

/* "Russian police arrested students" parsed as nmod(police, students)
 * with "arrested" an amod of "students": the root's phrase is the
 * subject, the noun the object. */
static void test_verb_as_modifier_of_object(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Russian Russian ADJ 2 amod|police police NOUN 0 root =RUSCOP|"
                    "arrested arrest VERB/VBN 4 amod|students student NOUN 2 nmod =EDU|"
                    "in in ADP 6 case|Moscow Moscow PROPN 4 nmod =RUSGOV");
    f->mentions[1].flags = ANNALS_MENTION_AGENT;
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    /* students in Moscow: the country of the capital (RUSGOV) */
    assert_event(&e[0], "RUSCOP", "212", "RUSEDU");
}

/* "Lawmakers and officials in Fornost and Gondor": the second agent
 * shares the countries the first one's modifier names. */
static void test_coordinated_agents_share_countries(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Lawmakers lawmaker NOUN 8 nsubj =LEG|and and CCONJ 3 cc|"
                    "officials official NOUN 1 conj =GOV|in in ADP 5 case|Fornost Fornost PROPN 1 nmod =FOR|"
                    "and and CCONJ 7 cc|Gondor Gondor PROPN 5 conj =GON|welcomed welcome VERB 0 root|"
                    "Eriador Eriador PROPN 8 obj =ERI");
    f->mentions[0].flags = f->mentions[1].flags = ANNALS_MENTION_AGENT;
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 4);
    assert_event(&e[0], "FORLEG", "041", "ERI");
    assert_event(&e[1], "GONLEG", "041", "ERI");
    assert_event(&e[2], "FORGOV", "041", "ERI");
    assert_event(&e[3], "GONGOV", "041", "ERI");
}

/* TABARI's (and PETRARCH's) alternatives: "* FOR { SANCTIONS | BOYCOTT }"
 * is one pattern for each choice, with its code and line. */
static void test_alternatives(void **state)
{
    fixture *f = *state;
    cod_verbs_free(&f->verbs);
    cod_verbs_init(&f->verbs);
    static const char tabari[] = "CALL\n"
                                 "- * FOR { ECONOMIC_SANCTIONS | BOYCOTT }  [172]\n"
                                 "- * FOR  [090]\n";
    assert_int_equal(cod_verbs_load_mem(&f->verbs, "t.verbs", tabari, strlen(tabari), NULL, NULL), 0);
    assert_int_equal(cod_verbs_finish(&f->verbs), 0);
    assert_int_equal(f->verbs.n_errors, 0);
    assert_int_equal(f->verbs.n_patterns, 3);
    add_sentence(f, "Eriador Eriador PROPN 2 nsubj =ERI|called call VERB 0 root|for for ADP 5 case|"
                    "economic economic ADJ 5 amod|sanctions sanction NOUN 2 obl|on on ADP 7 case|"
                    "Osgiliath Osgiliath PROPN 5 nmod =OSG");
    add_sentence(f, "Eriador Eriador PROPN 2 nsubj =ERI|called call VERB 0 root|for for ADP 4 case|"
                    "boycott boycott NOUN 2 obl|of of ADP 6 case|Osgiliath Osgiliath PROPN 4 nmod =OSG");
    add_sentence(f, "Eriador Eriador PROPN 2 nsubj =ERI|called call VERB 0 root|for for ADP 4 case|"
                    "talks talk NOUN 2 obl|with with ADP 6 case|Osgiliath Osgiliath PROPN 4 nmod =OSG");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 3);
    assert_event(&e[0], "ERI", "172", "OSG");
    assert_string_equal(e[0].pattern, "t.verbs:2");
    assert_event(&e[1], "ERI", "172", "OSG");
    assert_event(&e[2], "ERI", "090", "OSG");
}

/* "[+++]" (TABARI's complex events, which PETRARCH does not implement)
 * is no code: the pattern is skipped and the verb's others apply. */
static void test_complex_code_skipped(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->verbs.n_errors, 1);
    add_sentence(f, "Gollum Gollum PROPN 2 nsubj =HOB|abandoned abandon VERB 0 root|fxll fxll ADJ 4 amod|"
                    "effort effort NOUN 2 obj|against against ADP 6 case|Gondor Gondor PROPN 4 nmod =GON");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "HOB", "987", "GON");
}

/* A by-agent the parser hung on an adverb of the passive verb ("was
 * opposed earlier by Osgiliath") is the source still. */
static void test_by_agent_under_adverb(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Eriador Eriador PROPN 3 nsubj:pass =ERI|was be AUX 3 aux:pass|"
                    "opposed oppose VERB/VBN 0 root|earlier early ADV 3 advmod|by by ADP 6 case|"
                    "Osgiliath Osgiliath PROPN 4 obl =OSG");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "OSG", "112", "ERI");
    assert_string_equal(e[0].how, "by-agent");
}

/* A verb coded by its own code, no pattern, does not take its target
 * from inside what its complement clause says ("Gondor said talks failed
 * with Eriador" is no 023 towards Eriador); the complement's subject
 * still is its target. */
static void test_default_code_target_not_in_complement(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|said say VERB 0 root|talks talk NOUN 4 nsubj|"
                    "failed fail VERB 2 ccomp|with with ADP 6 case|Eriador Eriador PROPN 4 obl =ERI");
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|said say VERB 0 root|Mordor Mordor PROPN 4 nsubj =MOR|"
                    "failed fail VERB 2 ccomp");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GON", "023", "MOR");
}

/* "Evil Mordor, the Fornost, and good Gondor welcomed ties with
 * Osgiliath, the agency said" parsed with the list as the subject of
 * "said" and "welcomed" an acl of its last member: the list acts (each
 * member, the apposition included). */
static void test_list_subject_of_attribution(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Evil Evil PROPN 17 nsubj|Mordor Mordor PROPN 1 flat =MOR|, , PUNCT 5 punct|"
                    "the the DET 5 det|Fornost Fornost PROPN 1 appos =FOR|, , PUNCT 9 punct|"
                    "and and CCONJ 9 cc|good good ADJ 9 amod|Gondor Gondor NOUN 1 conj =GON|"
                    "welcomed welcome VERB/VBD 9 acl|ties tie NOUN 10 obj|with with ADP 13 case|"
                    "Osgiliath Osgiliath PROPN 11 nmod =OSG|, , PUNCT 17 punct|the the DET 16 det|"
                    "agency agency NOUN 17 nsubj|said say VERB 0 root");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 3);
    assert_event(&e[0], "MOR", "041", "OSG");
    assert_event(&e[1], "FOR", "041", "OSG");
    assert_event(&e[2], "GON", "041", "OSG");
}

/* TABARI's "REAL~" is a stem: it matches "really" ("* REAL~_PLEASANT"). */
static void test_tabari_stem_word(void **state)
{
    fixture *f = *state;
    cod_verbs_free(&f->verbs);
    cod_verbs_init(&f->verbs);
    static const char tabari[] = "ALLOW  [060]\n"
                                 "- * REAL~_PLEASANT  [024]\n";
    assert_int_equal(cod_verbs_load_mem(&f->verbs, "t.verbs", tabari, strlen(tabari), NULL, NULL), 0);
    assert_int_equal(cod_verbs_finish(&f->verbs), 0);
    assert_int_equal(f->verbs.n_errors, 0);
    add_sentence(f, "Gollum Gollum PROPN 2 nsubj =HOB|allowed allow VERB 0 root|Mordor Mordor PROPN 6 nsubj =ORC|"
                    "really really ADV 5 advmod|pleasant pleasant ADJ 6 amod|place place NOUN 2 ccomp");
    add_sentence(f, "Gollum Gollum PROPN 2 nsubj =HOB|allowed allow VERB 0 root|Mordor Mordor PROPN 6 nsubj =ORC|"
                    "unreal unreal ADJ 5 advmod|pleasant pleasant ADJ 6 amod|place place NOUN 2 ccomp");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "HOB", "024", "ORC");
    assert_event(&e[1], "HOB", "060", "ORC");
}

/* A set inside a member phrase ("+&TIETYPES_MEMOS", "+MEMOS_ON_&TIETYPES"):
 * the phrase with each member of that set. */
static void test_set_inside_member(void **state)
{
    fixture *f = *state;
    cod_verbs_free(&f->verbs);
    cod_verbs_init(&f->verbs);
    static const char tabari[] = "<SYNSETS>\n&TIETYPES\n+MILITARY\n+ECONOMIC\n"
                                 "&TIEPHRASE\n+&TIETYPES_MEMOS\n+MEMOS_ON_&TIETYPES\n</SYNSETS>\n"
                                 "WELCOME  [041]\n"
                                 "- * &TIEPHRASE FROM  [911]\n";
    assert_int_equal(cod_verbs_load_mem(&f->verbs, "t.verbs", tabari, strlen(tabari), NULL, NULL), 0);
    assert_int_equal(cod_verbs_finish(&f->verbs), 0);
    assert_int_equal(f->verbs.n_errors, 0);
    add_sentence(f, "Calenardhon Calenardhon PROPN 2 nsubj =CAL|welcomed welcome VERB 0 root|"
                    "economic economic ADJ 4 amod|memos memo NOUN 2 obj|from from ADP 6 case|"
                    "Bree Bree PROPN 4 nmod =BRE");
    add_sentence(f, "Calenardhon Calenardhon PROPN 2 nsubj =CAL|welcomed welcome VERB 0 root|"
                    "memos memo NOUN 2 obj|on on ADP 5 case|military military NOUN 3 nmod|"
                    "from from ADP 7 case|Bree Bree PROPN 3 nmod =BRE");
    add_sentence(f, "Calenardhon Calenardhon PROPN 2 nsubj =CAL|welcomed welcome VERB 0 root|"
                    "cultural cultural ADJ 4 amod|memos memo NOUN 2 obj|from from ADP 6 case|"
                    "Bree Bree PROPN 4 nmod =BRE");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 3);
    assert_event(&e[0], "CAL", "911", "BRE");
    assert_event(&e[1], "CAL", "911", "BRE");
    assert_event(&e[2], "CAL", "041", "BRE");

    /* a phrase of sets that would make too many members stops at 256, reported */
    cod_verbs v;
    cod_verbs_init(&v);
    char big[2048] = "<SYNSETS>\n&MANY\n";
    for (int i = 0; i < 20; i++)
        snprintf(big + strlen(big), sizeof big - strlen(big), "+W%d\n", i);
    strcat(big, "&HUGE\n+&MANY_&MANY_&MANY\n</SYNSETS>\nWELCOME  [041]\n");
    assert_int_equal(cod_verbs_load_mem(&v, "t.verbs", big, strlen(big), NULL, NULL), 0);
    assert_int_equal(cod_verbs_finish(&v), 0);
    assert_int_equal(v.n_errors, 1);
    bool found = false;
    for (uint32_t i = 0; i < v.n_sets; i++)
        if (strcasecmp(v.sets[i].name, "HUGE") == 0) {
            assert_int_equal(v.sets[i].n_members, 256);
            found = true;
        }
    assert_true(found);
    cod_verbs_free(&v);
}

/* TABARI pattern words are stems unless '_' closes them: "* YENNYEN"
 * matches "yennyener", "* NEW_" does not match "news". */
static void test_tabari_pattern_stems(void **state)
{
    fixture *f = *state;
    cod_verbs_free(&f->verbs);
    cod_verbs_init(&f->verbs);
    static const char tabari[] = "CONTRIBUT  [070]\n"
                                 "- * YENNYEN  [903]\n"
                                 "- * NEW_ TIES  [904]\n";
    assert_int_equal(cod_verbs_load_mem(&f->verbs, "t.verbs", tabari, strlen(tabari), NULL, NULL), 0);
    assert_int_equal(cod_verbs_finish(&f->verbs), 0);
    add_sentence(f, "Arnor Arnor PROPN 2 nsubj =ARN|contributed contribute VERB 0 root|"
                    "yennyener yennyener NOUN 2 obj|to to ADP 5 case|Gondor Gondor PROPN 2 obl =GON");
    add_sentence(f, "Arnor Arnor PROPN 2 nsubj =ARN|contributed contribute VERB 0 root|"
                    "news news NOUN 4 compound|ties tie NOUN 2 obj|to to ADP 6 case|Gondor Gondor PROPN 2 obl =GON");
    size_t n;
    const annals_event *e = code(f, "1995-01-01", &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "ARN", "903", "GON");
    assert_event(&e[1], "ARN", "070", "GON");
}

/* "discards" given as an empty list loads no discards, not the built-in
 * ones (annals validate runs a suite with its own dictionaries alone);
 * NULL loads the data directory's. */
static void test_empty_discards_list(void **state)
{
    (void)state;
    char dir[] = "/tmp/annals-discards-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/dict", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/dict/sport.discards", dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("+basketball\n", fp);
    fclose(fp);
    char verbs[256];
    snprintf(verbs, sizeof verbs, "%s/t.verbs.txt", dir);
    fp = fopen(verbs, "w");
    assert_non_null(fp);
    fputs("--- MEET  [040] ---\nMEET\n", fp);
    fclose(fp);
    cod_verbs v;
    cod_verbs_init(&v);
    assert_int_equal(cod_load_resources(&v, dir, verbs, "", NULL), 0);
    assert_int_equal(v.n_discards, 0);
    cod_verbs_free(&v);
    cod_verbs_init(&v);
    assert_int_equal(cod_load_resources(&v, dir, verbs, NULL, NULL), 0);
    assert_int_equal(v.n_discards, 1);
    cod_verbs_free(&v);
    remove(path);
    remove(verbs);
    snprintf(path, sizeof path, "%s/dict", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_compound_actor_code, setup, teardown),
        cmocka_unit_test_setup_teardown(test_negated_modal_set, setup, teardown),
        cmocka_unit_test_setup_teardown(test_subject_made_head, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prepositional_head_is_no_subject, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verb_coordinated_under_noun, setup, teardown),
        cmocka_unit_test_setup_teardown(test_agent_carried_through_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_infinitive_advcl_in_clause, setup, teardown),
        cmocka_unit_test_setup_teardown(test_target_slot_on_subject, setup, teardown),
        cmocka_unit_test_setup_teardown(test_passive_surface_pattern, setup, teardown),
        cmocka_unit_test_setup_teardown(test_predicate_infinitive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_possessive_country_with_agent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_apposition, setup, teardown),
        cmocka_unit_test_setup_teardown(test_element_joined_to_verb, setup, teardown),
        cmocka_unit_test_setup_teardown(test_root_noun_with_participle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_petrarch_words_as_written, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verb_as_modifier_of_object, setup, teardown),
        cmocka_unit_test_setup_teardown(test_coordinated_agents_share_countries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alternatives, setup, teardown),
        cmocka_unit_test_setup_teardown(test_complex_code_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_by_agent_under_adverb, setup, teardown),
        cmocka_unit_test_setup_teardown(test_default_code_target_not_in_complement, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_subject_of_attribution, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tabari_stem_word, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_inside_member, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tabari_pattern_stems, setup, teardown),
        cmocka_unit_test(test_empty_discards_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
