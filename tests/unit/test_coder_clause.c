/* test_coder_clause.c — what the coder reads off a verb's clause: whether
 * it has a noun phrase after the verb that could stand for a target
 * (PETRARCH's require_dyad=false codes only against one), the speaker of
 * a trailing attribution the parser read as a relative clause, a
 * prepositional phrase misread as a compound of a later clause's noun,
 * the by-agent and the subject of a passive, and what they change in the
 * events coded.  The parses are written here, so the tests
 * do not depend on the models. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "annals.h"
#include "coder/clause.h"
#include "coder/coder.h"
#include "core/arena.h"

#include "coder_fixture.h"

static const char *dict = "# annals verbs 1\n"
                          "[verbs]\n"
                          "say\n"
                          "    023  * +\n"
                          "    023  *\n"
                          "act\n"
                          "    102  * with +\n"
                          "oppose\n"
                          "    112  * +\n"
                          "attack\n"
                          "    190  * +\n"
                          "condemn\n"
                          "    122  * +\n"
                          "    122  *\n";

static int setup(void **state)
{
    return coder_fixture_setup(state, "t.verbs", dict, NULL);
}

/* The answer of cod_clause_has_object_phrase for verb v of the fixture's
 * only sentence. */
static bool object_phrase(fixture *f, size_t v)
{
    cod_input in = {&f->verbs, f->sents, f->n_sents, f->mentions, f->n_mentions, NULL,
                    &f->arena, NULL, true};
    cod_sent cs;
    assert_int_equal(cod_sent_init(&cs, &in, 0, 0, f->n_mentions), 0);
    cod_clause cl;
    assert_int_equal(cod_clause_of(&cs, v, &cl), 0);
    return cod_clause_has_object_phrase(&cs, &cl);
}

static void reset(fixture *f)
{
    f->n_sents = 0;
    f->n_mentions = 0;
}

/* A bare time word after the verb is no noun phrase a target could be;
 * a prepositional phrase, an object or a pronoun is. */
static void test_object_phrase(void **state)
{
    fixture *f = *state;
    add_sentence(f, "An a DET 2 det|official official NOUN 3 nsubj =GOV|said say VERB 0 root|"
                    "today today NOUN 3 obl:tmod|. . PUNCT 3 punct");
    assert_false(object_phrase(f, 2));
    reset(f);
    add_sentence(f, "An a DET 2 det|official official NOUN 3 nsubj =GOV|said say VERB 0 root|"
                    "today today NOUN 3 obl:unmarked|. . PUNCT 3 punct");
    assert_false(object_phrase(f, 2));
    reset(f);
    add_sentence(f, "An a DET 2 det|official official NOUN 3 nsubj =GOV|said say VERB 0 root|"
                    "on on ADP 5 case|Saturday Saturday PROPN 3 obl|. . PUNCT 3 punct");
    assert_true(object_phrase(f, 2));
    reset(f);
    add_sentence(f, "The the DET 2 det|agency agency NOUN 3 nsubj =GOV|said say VERB 0 root|"
                    "nothing nothing PRON 3 obj|. . PUNCT 3 punct");
    assert_true(object_phrase(f, 2));
    reset(f);
    /* the subject before the verb does not count */
    add_sentence(f, "The the DET 2 det|agency agency NOUN 3 nsubj =GOV|said say VERB 0 root|"
                    ". . PUNCT 3 punct");
    assert_false(object_phrase(f, 2));
}

/* With require_dyad=false a verb coded by its default alone gives an
 * event with target "---" only when such a phrase follows it. */
static void test_targetless_needs_phrase(void **state)
{
    fixture *f = *state;
    add_sentence(f, "A a DET 2 det|official official NOUN 3 nsubj =GOV|said say VERB 0 root|"
                    "today today NOUN 3 obl:unmarked|. . PUNCT 3 punct");
    size_t n;
    coder_fixture_code(f, "1995-01-01", true, &n);
    assert_int_equal(n, 0);
    assert_non_null(strstr(explain.data, "nor a noun phrase after the verb"));
    reset(f);
    add_sentence(f, "A a DET 2 det|official official NOUN 3 nsubj =GOV|said say VERB 0 root|"
                    "on on ADP 5 case|Saturday Saturday PROPN 3 obl|. . PUNCT 3 punct");
    const annals_event *e = coder_fixture_code(f, "1995-01-01", true, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GOV", "023", "---");
    /* require_dyad=true: no target, no event, phrase or not */
    coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 0);
}

/* ", the official news agency WFNA said on Thursday." parsed as a
 * relative clause on "agency" with the name as its subject: the agency
 * (an official: GOV) said it. */
static const char *const attribution =
    "Gondor Gondor PROPN 2 nsubj =GON|welcomed welcome VERB 0 root|ties tie NOUN 2 obj|"
    ", , PUNCT 8 punct|the the DET 8 det|official official ADJ 8 amod =GOV|"
    "news news NOUN 8 compound|agency agency NOUN 3 conj|WFNA WFNA PROPN 10 nsubj|"
    "said say VERB 8 acl:relcl|on on ADP 12 case|Thursday Thursday PROPN 10 obl|. . PUNCT 2 punct";

static void test_attribution_noun(void **state)
{
    fixture *f = *state;
    add_sentence(f, attribution);
    cod_input in = {&f->verbs, f->sents, f->n_sents, f->mentions, f->n_mentions, NULL,
                    &f->arena, NULL, true};
    cod_sent cs;
    assert_int_equal(cod_sent_init(&cs, &in, 0, 0, f->n_mentions), 0);
    assert_int_equal(cod_attribution_noun(&cs, 9, 8), 7);
    assert_int_equal(cod_attribution_noun(&cs, 1, 0), -1); /* not the tail's verb */
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", true, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GOV", "023", "---");
    assert_string_equal(e[0].source_text, "official");
    /* without the comma it is no trailing attribution: "the agency WFNA
     * said" stays WFNA's saying, and WFNA is no actor */
    reset(f);
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|welcomed welcome VERB 0 root|ties tie NOUN 2 obj|"
                    "and and CCONJ 7 cc|the the DET 7 det|official official ADJ 7 amod =GOV|"
                    "agency agency NOUN 3 conj|WFNA WFNA PROPN 9 nsubj|said say VERB 7 acl:relcl|"
                    "on on ADP 11 case|Thursday Thursday PROPN 9 obl|. . PUNCT 2 punct");
    coder_fixture_code(f, "1995-01-01", true, &n);
    assert_int_equal(n, 0);
}

/* "Ethiopia acted now with Libya five years after crowds trashed its
 * embassy" parsed with "Libya" a compound of "years" under "trashed": a
 * compound takes no preposition, so "with Libya" is the clause's it
 * stands in; one whose noun is in the clause already stays as it is, and
 * a phrase after another verb is that verb's. */
static void test_stray_prepositional(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|acted act VERB 0 root|now now ADV 2 advmod|"
                    "with with ADP 5 case|Libya Libya PROPN 7 compound =LBY|five five NUM 7 nummod|"
                    "years year NOUN 10 obl:unmarked|after after ADP 9 case|"
                    "crowds crowd NOUN 10 nsubj|trashed trash VERB 2 advcl|its its PRON 12 nmod:poss|"
                    "embassy embassy NOUN 10 obj|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "102", "LBY");
    reset(f);
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|acted act VERB 0 root|now now ADV 2 advmod|"
                    "with with ADP 6 case|Libya Libya PROPN 6 compound =LBY|talks talk NOUN 2 obl|"
                    ". . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "102", "LBY");
    reset(f);
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|acted act VERB 0 root|and and CCONJ 4 cc|"
                    "waited wait VERB 2 conj|with with ADP 6 case|Libya Libya PROPN 8 compound =LBY|"
                    "five five NUM 8 nummod|years year NOUN 11 obl:unmarked|after after ADP 10 case|"
                    "crowds crowd NOUN 11 nsubj|trashed trash VERB 2 advcl|. . PUNCT 2 punct");
    coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 0);
}

/* The same phrase hung as the possessor of "years", or as the subject of
 * "crowds" ("acted with Libya's radio almost crowds trashed ..."): a
 * possessor or a subject takes no preposition either.  A possessor with
 * only "'s" is no such phrase: "condemned as Libya's crowds trashed ..."
 * keeps Libya out of the condemning verb's clause. */
static void test_stray_possessor_subject(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|acted act VERB 0 root|with with ADP 4 case|"
                    "Libya Libya PROPN 6 nmod:poss =LBY|five five NUM 6 nummod|"
                    "years year NOUN 9 obl|after after ADP 8 case|crowds crowd NOUN 9 nsubj|"
                    "trashed trash VERB 2 advcl|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "102", "LBY");
    reset(f);
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|acted act VERB 0 root|with with ADP 4 case|"
                    "Libya Libya PROPN 6 nsubj =LBY|almost almost ADV 6 advmod|"
                    "crowds crowd NOUN 7 nsubj|trashed trash VERB 2 advcl|. . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "102", "LBY");
    reset(f);
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|condemned condemn VERB 0 root|as as SCONJ 7 mark|"
                    "Libya Libya PROPN 6 nmod:poss =LBY|'s 's PART 4 case|"
                    "crowds crowd NOUN 7 nsubj|trashed trash VERB 2 advcl|. . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].target, "LBY");
}

/* "Ethiopia acted with Libya, five years after crowds trashed its
 * embassy, an official said" with "with Libya" an oblique of "said": the
 * trailing attribution takes no words from before its comma, so the
 * phrase is the acting verb's.  Set off from the verb by a comma
 * ("acted, with Libya, ...") it is an aside and stays where it was. */
static void test_stray_into_attribution(void **state)
{
    fixture *f = *state;
    const char *tail = "five five NUM 7 nummod|years year NOUN 13 obl:unmarked|after after ADP 9 case|"
                       "crowds crowd NOUN 7 nmod|trashed trash VERB 9 acl|, , PUNCT 12 punct|"
                       "official official NOUN 13 nsubj|said say VERB 2 parataxis|. . PUNCT 2 punct";
    char line[1024];
    snprintf(line, sizeof line,
             "Ethiopia Ethiopia PROPN 2 nsubj =ETH|acted act VERB 0 root|with with ADP 4 case|"
             "Libya Libya PROPN 13 obl =LBY|, , PUNCT 7 punct|%s",
             tail);
    add_sentence(f, line);
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "102", "LBY");
    reset(f);
    snprintf(line, sizeof line,
             "Ethiopia Ethiopia PROPN 2 nsubj =ETH|acted act VERB 0 root|, , PUNCT 4 punct|"
             "with with ADP 5 case|Libya Libya PROPN 14 obl =LBY|, , PUNCT 8 punct|%s",
             "five five NUM 8 nummod|years year NOUN 14 obl:unmarked|after after ADP 10 case|"
             "crowds crowd NOUN 8 nmod|trashed trash VERB 10 acl|, , PUNCT 13 punct|"
             "official official NOUN 14 nsubj|said say VERB 2 parataxis|. . PUNCT 2 punct");
    add_sentence(f, line);
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].code, "102");
}

/* "Ethiopia attacking Libya, crowds trashed its embassy" with "Ethiopia"
 * a compound of "attacking": a verb takes no noun compound, so the name
 * is the participle's subject and the clause no subjectless background
 * ("Attacking Libya, crowds trashed ..." stays one). */
static void test_compound_subject(void **state)
{
    fixture *f = *state;
    const char *rest = "Libya Libya PROPN 2 obj =LBY|, , PUNCT 6 punct|crowds crowd NOUN 6 nsubj|"
                       "trashed trash VERB 0 root|its its PRON 8 nmod:poss|"
                       "embassy embassy NOUN 6 obj|. . PUNCT 6 punct";
    char line[512];
    snprintf(line, sizeof line, "Ethiopia Ethiopia PROPN 2 compound =ETH|attacking attack VERB/VBG 6 advcl|%s",
             rest);
    add_sentence(f, line);
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "190", "LBY");
    reset(f);
    snprintf(line, sizeof line, "Now now ADV 2 advmod|attacking attack VERB/VBG 6 advcl|%s", rest);
    add_sentence(f, line);
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].code, "190");
}

/* "Ethiopia condemned renewed Libya raids" with "renewed" a conj of
 * "condemned" and "raids" its object: two verbs side by side with no
 * "and" are no coordination, and the raids are what was condemned. */
static void test_participle_before_object(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|condemned condemn VERB 0 root|"
                    "renewed renew VERB/VBD 2 conj|Libya Libya PROPN 5 compound =LBY|"
                    "raids raid NOUN 3 obj|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "122", "LBY");
}

/* "Ethiopia said it condemned Libya, an official said" with the trailing
 * "said" a complement of the first: the attribution is not what Ethiopia
 * said, and its speaker no target of Ethiopia's saying (coded with
 * require_dyad=false, where a verb with no target codes too). */
static void test_attribution_not_complement(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|said say VERB 0 root|it it PRON 4 nsubj|"
                    "condemned condemn VERB 8 advcl|Libya Libya PROPN 4 obj =LBY|, , PUNCT 8 punct|"
                    "official official NOUN 8 nsubj =GOV|said say VERB 2 ccomp|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", true, &n);
    assert_true(n >= 1);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].target, "GOV");
}

/* "Eriador was opposed earlier by Osgiliath" with "by Osgiliath" an nmod
 * of the adverb: still the by-agent, the source. */
static void test_agent_under_adverb(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Eriador Eriador PROPN 3 nsubj:pass =ERI|was be AUX 3 aux:pass|"
                    "opposed oppose VERB 0 root|earlier early ADV 3 advmod|by by ADP 6 case|"
                    "Osgiliath Osgiliath PROPN 4 nmod =OSG|. . PUNCT 3 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "OSG", "112", "ERI");
}

/* An obl:agent with another preposition than "by" is no agent:
 * "Eriador was opposed over its dispute with Gondor" names no opponent
 * (it was GON 112 ERI, the wrong way round); "by its dispute" would. */
static void test_agent_needs_by(void **state)
{
    fixture *f = *state;
    const char *spec = "Eriador Eriador PROPN 3 nsubj:pass =ERI|was be AUX 3 aux:pass|"
                       "opposed oppose VERB 0 root|%s ADP 6 case|its its PRON 6 nmod:poss|"
                       "dispute dispute NOUN 3 obl:agent|with with ADP 8 case|"
                       "Gondor Gondor PROPN 6 nmod =GON|. . PUNCT 3 punct";
    char text[512];
    snprintf(text, sizeof text, spec, "over over");
    add_sentence(f, core_arena_strdup(&f->arena, text));
    size_t n;
    coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 0);
    reset(f);
    snprintf(text, sizeof text, spec, "by by");
    add_sentence(f, core_arena_strdup(&f->arena, text));
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GON", "112", "ERI");
}

/* "Gondor opposed the parade supporting Mordor" with "supporting" an
 * advcl of "opposed": a participle right after the object, no comma
 * between, modifies the object, so its words are the clause's (GON 112
 * MOR); set off by a comma it stays an adverbial clause of its own. */
static void test_participle_after_object(void **state)
{
    fixture *f = *state;
    const char *spec = "Gondor Gondor PROPN 2 nsubj =GON|opposed oppose VERB 0 root|the the DET 4 det|"
                       "parade parade NOUN 2 obj|%s supporting support VERB/VBG 2 advcl|"
                       "Mordor Mordor PROPN %s obj =MOR|. . PUNCT 2 punct";
    char text[512];
    snprintf(text, sizeof text, spec, "", "5");
    add_sentence(f, core_arena_strdup(&f->arena, text));
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GON", "112", "MOR");
    reset(f);
    snprintf(text, sizeof text, spec, ", , PUNCT 6 punct|", "6");
    add_sentence(f, core_arena_strdup(&f->arena, text));
    coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 0);
}

/* "Iran attacked Iraq and was condemned in Kuwait": a passive verb
 * coordinated with an active one shares its subject as the one acted on,
 * not as its source (it was IRN 122 KWT). */
static void test_passive_conjunct(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Iran Iran PROPN 2 nsubj =IRN|attacked attack VERB 0 root|Iraq Iraq PROPN 2 obj =IRQ|"
                    "and and CCONJ 6 cc|was be AUX 6 aux:pass|condemned condemn VERB 2 conj|"
                    "in in ADP 8 case|Kuwait Kuwait PROPN 6 obl =KWT|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "IRN", "190", "IRQ");
    assert_non_null(strstr(explain.data, "no source actor"));
}

/* A word the parser hung on a punctuation mark belongs to the mark's own
 * head, with its label unknown ("dep"): "Gondor attacked yesterday the
 * roads into Mordor" with "roads" under the full stop is still the
 * clause's (GON 190 MOR), and "officials" hung under the full stop as
 * its nsubj is no second subject of "condemned". */
static void test_head_on_punctuation(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|attacked attack VERB 0 root|"
                    "yesterday yesterday NOUN 2 obl:tmod|the the DET 5 det|roads road NOUN 8 nsubj|"
                    "into into ADP 7 case|Mordor Mordor PROPN 5 nmod =MOR|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GON", "190", "MOR");
    cod_input in = {&f->verbs, f->sents, f->n_sents, f->mentions, f->n_mentions, NULL,
                    &f->arena, NULL, false};
    cod_sent cs;
    assert_int_equal(cod_sent_init(&cs, &in, 0, 0, f->n_mentions), 0);
    assert_int_equal(cod_head(&cs, 4), 1);
    assert_true(cod_rel_full(&cs, 4, "dep"));
    assert_int_equal(cod_head(&cs, 7), 1); /* the mark itself stays */
    reset(f);
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|condemned condemn VERB 0 root|"
                    "Mordor Mordor PROPN 2 obj =MOR|, , PUNCT 5 punct|officials official NOUN 7 nsubj =GOV|"
                    "agreed agree VERB 5 acl|. . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", true, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GON", "122", "MOR");
}

/* A clause of "that" alone is a complement whatever the parser called it
 * (advcl, xcomp): its actors are the verb's targets ("Gondor said on
 * Thursday that Mordor would be drawn into talks", GON 023 MOR); "so
 * that" stays adverbial. */
static void test_content_clause(void **state)
{
    fixture *f = *state;
    const char *base = "Gondor Gondor PROPN 2 nsubj =GON|said say VERB 0 root|on on ADP 4 case|"
                       "Thursday Thursday PROPN 2 obl|that that SCONJ 9 mark|"
                       "Mordor Mordor PROPN 9 nsubj:pass =MOR|would would AUX/MD 9 aux|"
                       "be be AUX/VB 9 aux:pass|drawn draw VERB/VBN 2 %s|. . PUNCT 2 punct";
    const char *rels[] = {"ccomp", "advcl", "xcomp"};
    for (size_t i = 0; i < 3; i++) {
        reset(f);
        char spec[512];
        snprintf(spec, sizeof spec, base, rels[i]);
        add_sentence(f, core_arena_strdup(&f->arena, spec));
        size_t n;
        const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
        assert_int_equal(n, 1);
        assert_event(&e[0], "GON", "023", "MOR");
    }
    reset(f);
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|said say VERB 0 root|on on ADP 4 case|"
                    "Thursday Thursday PROPN 2 obl|so so ADV 10 mark|that that SCONJ 5 fixed|"
                    "Mordor Mordor PROPN 10 nsubj:pass =MOR|would would AUX/MD 10 aux|"
                    "be be AUX/VB 10 aux:pass|drawn draw VERB/VBN 2 advcl|. . PUNCT 2 punct");
    cod_input in = {&f->verbs, f->sents, f->n_sents, f->mentions, f->n_mentions, NULL,
                    &f->arena, NULL, false};
    cod_sent cs;
    assert_int_equal(cod_sent_init(&cs, &in, 0, 0, f->n_mentions), 0);
    assert_false(cod_is_content_clause(&cs, 9));
    size_t n;
    coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 0);
}

/* "Gondor opposed the talks after a scout was attacked in Mordor" with
 * "attacked" an xcomp: a clause with a finite auxiliary of its own is no
 * complement, so its words are not the governing verb's (no GON 112 MOR)
 * and it does not share that verb's subject (no GON 190 MOR). */
static void test_finite_xcomp(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|opposed oppose VERB 0 root|the the DET 4 det|"
                    "talks talk NOUN 2 obj|after after ADP 7 case|a a DET 7 det|scout scout NOUN 4 nmod|"
                    "was be AUX/VBD 9 aux:pass|attacked attack VERB/VBN 2 xcomp|in in ADP 11 case|"
                    "Mordor Mordor PROPN 9 obl =MOR|. . PUNCT 2 punct");
    cod_input in = {&f->verbs, f->sents, f->n_sents, f->mentions, f->n_mentions, NULL,
                    &f->arena, NULL, false};
    cod_sent cs;
    assert_int_equal(cod_sent_init(&cs, &in, 0, 0, f->n_mentions), 0);
    assert_true(cod_finite_clause(&cs, 8));
    assert_false(cod_is_complement(&cs, 8));
    size_t n;
    coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 0);
    /* "seems to have attacked": a base-form auxiliary, still a complement */
    reset(f);
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|seems seem VERB 0 root|to to PART 5 mark|"
                    "have have AUX/VB 5 aux|attacked attack VERB/VBN 2 xcomp|"
                    "Mordor Mordor PROPN 5 obj =MOR|. . PUNCT 2 punct");
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "GON", "190", "MOR");
}

/* The speaker of a trailing attribution is the phrase between its comma
 * and its verb, however the parser hung it: here "agency" an apposition
 * of "attack" and "said" a conjunct of "condemned" (it was FOR 023 ---,
 * the main clause's subject); an attribution that names no actor ("the
 * newspaper said") has no source. */
static void test_attribution_speaker(void **state)
{
    fixture *f = *state;
    const char *spec = "Fornost Fornost PROPN 2 nsubj =FOR|condemned condemn VERB 0 root|"
                       "the the DET 4 det|attack attack NOUN 2 obj|on on ADP 6 case|"
                       "Gondor Gondor PROPN 4 nmod =GON|, , PUNCT 9 punct|the the DET 9 det|"
                       "%s NOUN 4 appos%s|WFNA WFNA PROPN 9 flat|said say VERB 2 conj|"
                       "on on ADP 13 case|Thursday Thursday PROPN 11 obl|. . PUNCT 2 punct";
    char text[512];
    snprintf(text, sizeof text, spec, "agency agency", " =GOV");
    add_sentence(f, core_arena_strdup(&f->arena, text));
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", true, &n);
    assert_int_equal(n, 2);
    assert_event(&e[0], "FOR", "122", "GON");
    assert_event(&e[1], "GOV", "023", "---");
    assert_string_equal(e[1].source_text, "agency");
    reset(f);
    snprintf(text, sizeof text, spec, "newspaper newspaper", "");
    add_sentence(f, core_arena_strdup(&f->arena, text));
    e = coder_fixture_code(f, "1995-01-01", true, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "FOR", "122", "GON");
}

/* "Gondor said Mordor attacked Rohan" parsed with "Mordor" and "attacked"
 * both complements of "said": a noun labelled as a clause right before a
 * verb of the same head without a subject is that verb's subject. */
static void test_sibling_subject(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|said say VERB 0 root|"
                    "Mordor Mordor PROPN 2 ccomp =MOR|attacked attack VERB 2 ccomp|"
                    "Rohan Rohan PROPN 4 obj =ROH|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    bool found = false;
    for (size_t i = 0; i < n; i++)
        found |= strcmp(e[i].source, "MOR") == 0 && strcmp(e[i].code, "190") == 0 &&
                 strcmp(e[i].target, "ROH") == 0;
    assert_true(found);
    /* a prepositional phrase before it is no subject */
    reset(f);
    add_sentence(f, "Gondor Gondor PROPN 2 nsubj =GON|said say VERB 0 root|in in ADP 4 case|"
                    "Mordor Mordor PROPN 2 ccomp =MOR|attacked attack VERB 2 ccomp|"
                    "Rohan Rohan PROPN 5 obj =ROH|. . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].code, "190");
}

/* "Ethiopia on Thursday attacked Libya" parsed with "Thursday" the nsubj
 * of "attacked" and "Ethiopia" the nsubj of "Thursday": a subject takes
 * no preposition, so the noun hung on the phrase as its subject is the
 * verb's.  A subject without a preposition keeps its own place. */
static void test_prepositional_subject(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ethiopia Ethiopia PROPN 3 nsubj =ETH|on on ADP 3 case|"
                    "Thursday Thursday PROPN 4 nsubj|attacked attack VERB 0 root|"
                    "Libya Libya PROPN 4 obj =LBY|. . PUNCT 4 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "190", "LBY");
    /* "Ethiopia's army attacked Libya": a possessive is no preposition; the
     * phrase headed by "army" stays the subject it is */
    reset(f);
    add_sentence(f, "Ethiopia Ethiopia PROPN 3 nmod:poss =ETH|'s 's PART 1 case|"
                    "army army NOUN 4 nsubj|attacked attack VERB 0 root|"
                    "Libya Libya PROPN 4 obj =LBY|. . PUNCT 4 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "190", "LBY");
}

/* "Ethiopia acted with besieged Libya" parsed with "besieged" a conj of
 * "acted" carrying "with" as its case marker: a participle with a
 * preposition is an adjective in a prepositional phrase, and the phrase
 * (with the noun after it) is the verb's own. */
static void test_participle_in_phrase(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|acted act VERB 0 root|"
                    "with with ADP 4 case|besieged besiege VERB/VBN 2 conj|"
                    "Libya Libya PROPN 4 obj =LBY|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "102", "LBY");
    /* "Ethiopia acted and besieged Libya": a conjunct verb with no
     * preposition is a clause of its own, whose words "acted" does not take
     * (so its pattern "* with +" finds no "with" and no target) */
    reset(f);
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|acted act VERB 0 root|"
                    "and and CCONJ 4 cc|besieged besiege VERB/VBN 2 conj|"
                    "Libya Libya PROPN 4 obj =LBY|. . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].code, "102");
}

/* "Ethiopia condemn's Libya", the tagger taking "condemn" for a verb
 * with the possessive "'s" hung on it: a verb has no possessive, so the
 * word is a noun and codes nothing.  Without the "'s" it is the verb. */
static void test_possessive_verb(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|condemn condemn VERB 0 root|"
                    "'s 's PART/POS 2 case|Libya Libya PROPN 2 obj =LBY|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 0);
    reset(f);
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|condemns condemn VERB 0 root|"
                    "Libya Libya PROPN 2 obj =LBY|. . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "122", "LBY");
    /* An "'s" further on that the parser hung on the verb is another
     * word's ('condemns Libya"s embassy' with a typewriter quote): the
     * verb is still coded. */
    reset(f);
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|condemns condemn VERB 0 root|"
                    "Libya Libya PROPN 2 obj =LBY|\" \" PUNCT 2 punct|s 's PART/POS 2 case|"
                    "embassy embassy NOUN 2 obl|. . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "122", "LBY");
}

/* "Ethiopia condemned the attack after Libya crowds burned its embassy"
 * with "crowds" the object of "after" and "burned" its participle: a
 * participle with a direct object is a finite verb, so "after" opens a
 * clause of its own and its actors are not what Ethiopia condemned.  "after
 * talks held in Libya", a passive participle with no object, stays a
 * phrase of the verb. */
static void test_clause_as_phrase(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|condemned condemn VERB 0 root|"
                    "the the DET 4 det|attack attack NOUN 2 obj|after after ADP 7 case|"
                    "Libya Libya PROPN 7 compound =LBY|crowds crowd NOUN 2 obl|"
                    "burned burn VERB/VBN 7 acl|its its PRON 10 nmod:poss|"
                    "embassy embassy NOUN 8 obj|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].target, "LBY");
    reset(f);
    add_sentence(f, "Ethiopia Ethiopia PROPN 2 nsubj =ETH|condemned condemn VERB 0 root|"
                    "the the DET 4 det|attack attack NOUN 2 obj|after after ADP 6 case|"
                    "talks talk NOUN 2 obl|held hold VERB/VBN 6 acl|in in ADP 9 case|"
                    "Libya Libya PROPN 7 obl =LBY|. . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "122", "LBY");
}

/* "Ethiopia, the Brown acted with Libya" with "Ethiopia" the root and
 * "acted" a VBN modifying "Brown": a sentence with no finite verb has its
 * predicate in the participle right after the root's noun phrase, whose
 * subject that phrase is.  With a finite verb elsewhere ("..., Rohan
 * said") the participle may well modify the noun, and in a headline (no
 * full stop) it is a passive: no such reading. */
static void test_verbless_sentence(void **state)
{
    fixture *f = *state;
    const char *head = "Ethiopia Ethiopia PROPN 0 root =ETH|, , PUNCT 4 punct|the the DET 4 det|"
                       "Brown brown NOUN 1 nmod:unmarked|acted act VERB/VBN 4 acl|"
                       "with with ADP 7 case|Libya Libya PROPN 5 obl =LBY";
    char line[512];
    snprintf(line, sizeof line, "%s|. . PUNCT 1 punct", head);
    add_sentence(f, line);
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    assert_int_equal(n, 1);
    assert_event(&e[0], "ETH", "102", "LBY");
    reset(f);
    snprintf(line, sizeof line, "%s|, , PUNCT 10 punct|Rohan Rohan PROPN 10 nsubj =ROH|"
             "said say VERB/VBD 1 parataxis|. . PUNCT 1 punct", head);
    add_sentence(f, line);
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].code, "102");
    /* nor without the full stop: a headline's bare participle is passive */
    reset(f);
    add_sentence(f, head);
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].code, "102");
}

/* "Rohan said Ethiopia attack Libya" with "attack" tagged a noun and
 * parsed as the ccomp of "said", "Ethiopia" its compound: a bare noun
 * heading a complement clause is the clause's verb.  With a determiner
 * ("said the attack ...") it is a noun indeed and codes nothing. */
static void test_noun_as_clause_verb(void **state)
{
    fixture *f = *state;
    add_sentence(f, "Rohan Rohan PROPN 2 nsubj =ROH|said say VERB/VBD 0 root|"
                    "Ethiopia Ethiopia PROPN 4 compound =ETH|attack attack NOUN 2 ccomp|"
                    "Libya Libya PROPN 4 obj =LBY|. . PUNCT 2 punct");
    size_t n;
    const annals_event *e = coder_fixture_code(f, "1995-01-01", false, &n);
    bool found = false;
    for (size_t i = 0; i < n; i++)
        found |= strcmp(e[i].source, "ETH") == 0 && strcmp(e[i].code, "190") == 0 &&
                 strcmp(e[i].target, "LBY") == 0;
    assert_true(found);
    reset(f);
    add_sentence(f, "Rohan Rohan PROPN 2 nsubj =ROH|said say VERB/VBD 0 root|"
                    "the the DET 5 det|Ethiopia Ethiopia PROPN 5 compound =ETH|"
                    "attack attack NOUN 2 ccomp|Libya Libya PROPN 5 obj =LBY|. . PUNCT 2 punct");
    e = coder_fixture_code(f, "1995-01-01", false, &n);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(e[i].code, "190");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_object_phrase, setup, teardown),
        cmocka_unit_test_setup_teardown(test_targetless_needs_phrase, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attribution_noun, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stray_prepositional, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stray_into_attribution, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stray_possessor_subject, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compound_subject, setup, teardown),
        cmocka_unit_test_setup_teardown(test_participle_before_object, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attribution_not_complement, setup, teardown),
        cmocka_unit_test_setup_teardown(test_agent_under_adverb, setup, teardown),
        cmocka_unit_test_setup_teardown(test_agent_needs_by, setup, teardown),
        cmocka_unit_test_setup_teardown(test_participle_after_object, setup, teardown),
        cmocka_unit_test_setup_teardown(test_passive_conjunct, setup, teardown),
        cmocka_unit_test_setup_teardown(test_head_on_punctuation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_content_clause, setup, teardown),
        cmocka_unit_test_setup_teardown(test_finite_xcomp, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attribution_speaker, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sibling_subject, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prepositional_subject, setup, teardown),
        cmocka_unit_test_setup_teardown(test_participle_in_phrase, setup, teardown),
        cmocka_unit_test_setup_teardown(test_possessive_verb, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clause_as_phrase, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verbless_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_noun_as_clause_verb, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
