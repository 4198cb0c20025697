/* test_coder_legacy.c — PETRARCH and TABARI actor and agent dictionaries
 * read as the event coder needs them: comments, special codes, and the
 * way agent codes compose with actors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actors/match.h"
#include "text/segment.h"

/* The code of the longest mention in `text` ("---" when none). */
static const char *code_in(const act_dict *d, const char *text, const char *date)
{
    static core_arena a;
    static bool init;
    static text_sentences s;
    if (!init) {
        core_arena_init(&a, 0);
        init = true;
    }
    core_arena_reset(&a);
    s.n = 0;
    assert_int_equal(text_tokenize_sentence(&a, text, 0, strlen(text), 0, &s), 0);
    act_mention *m;
    size_t n;
    assert_int_equal(act_find_mentions(d, &a, &s.v[0], date ? act_date_of(date) : ACT_NO_DATE,
                                       &m, &n), 0);
    const act_mention *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (!best || m[i].end - m[i].first > best->end - best->first)
            best = &m[i];
    return best ? best->code : "---";
}

static void load(act_dict *d, const char *name, const char *text, act_section sec)
{
    assert_int_equal(act_dict_load_buffer(d, name, text, strlen(text), ACT_FMT_LEGACY, sec), 0);
}

/* "<! -- ... -->" (a space after "<!") is a comment line as "<!--" is:
 * PETRARCH's validation actors write one before their last entries. */
static void test_markup_declaration_is_a_comment(void **state)
{
    (void)state;
    act_dict d;
    assert_true(act_dict_init(&d));
    load(&d, "Test.actors.txt",
         "GONDOR [GON]\n"
         "<! -- NEW ACTORS -->\n"
         "SAM_GAMGEE [HOB]\n"
         "\t[HOBCIV <20080120]\n"
         "<!-- two\n lines -->\n"
         "MICHEL_DELVING [SHRGOV]\n",
         ACT_SEC_ACTORS);
    assert_string_equal(code_in(&d, "Gondor", NULL), "GON");
    assert_string_equal(code_in(&d, "Sam Gamgee", "2005-01-01"), "HOBCIV");
    assert_string_equal(code_in(&d, "Sam Gamgee", "2010-01-01"), "HOB");
    assert_string_equal(code_in(&d, "Michel Delving", NULL), "SHRGOV");
    act_dict_free(&d);
}

/* Codes as PETRARCH and TABARI write them: parts that are not three
 * letters, compound actors joined by '/', and "[+++]" (not a code). */
static void test_legacy_codes(void **state)
{
    (void)state;
    act_dict d;
    assert_true(act_dict_init(&d));
    load(&d, "Test.actors.txt",
         "ITHILEN [ITH]\n"
         "ITHILEN TELEVISION  [ITHTV]\n"
         "THE_SHIRE  [FRO/BIL/SAM]\n"
         "ISILDUR  [+++]\n",
         ACT_SEC_ACTORS);
    assert_string_equal(code_in(&d, "Ithilen television", NULL), "ITHTV");
    assert_string_equal(code_in(&d, "the Shire", NULL), "FRO/BIL/SAM");
    assert_string_equal(code_in(&d, "Isildur", NULL), "---");
    act_dict_free(&d);
}

/* An agent's '~' says where the actor's code goes: "[~GOV]" after it,
 * "[NGO~]" before it; a part the code has already is not repeated.
 * "NAME {PLURAL}" gives the plural, "{}" none. */
static void test_agent_prefix_and_plural(void **state)
{
    (void)state;
    act_dict d;
    assert_true(act_dict_init(&d));
    load(&d, "Test.actors.txt", "ARNOR [ARN]\nAMNESTY [NGM]\n", ACT_SEC_ACTORS);
    load(&d, "Test.agents.txt",
         "MSF {}  [NGO~]\n"
         "RIGHTS_ACTIVIST  [NGM~]\n"
         "DIPLOMAT [~GOV]\n"
         "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
         "POLICE {} [ ~COP]\n",
         ACT_SEC_AGENTS);
    assert_string_equal(code_in(&d, "MSF Arnor", NULL), "NGOARN");
    assert_string_equal(code_in(&d, "an MSF Arnor diplomat", NULL), "NGOARNGOV");
    assert_string_equal(code_in(&d, "Arnor diplomats", NULL), "ARNGOV");
    assert_string_equal(code_in(&d, "rights activist Amnesty", NULL), "NGM");
    assert_string_equal(code_in(&d, "MSF", NULL), "NGO");
    assert_string_equal(code_in(&d, "Arnor's golden geese", NULL), "ARNGGS");
    assert_string_equal(code_in(&d, "Arnor's golden goose", NULL), "ARNGGS");
    assert_string_equal(code_in(&d, "Arnor police", NULL), "ARNCOP");
    /* "{}": no made-up plural */
    assert_string_equal(code_in(&d, "polices", NULL), "---");
    act_dict_free(&d);
}

/* PETRARCH and TABARI add an agent's parts to any actor code, leaving
 * out the parts it has already (TABARI AGENTS-10, AGENTS-19). */
static void test_agent_on_longer_code(void **state)
{
    (void)state;
    act_dict d;
    assert_true(act_dict_init(&d));
    load(&d, "Test.actors.txt", "WEST_GERMAN [GMWGOV]\nQUIBBLER [HGWGOVMED]\n", ACT_SEC_ACTORS);
    load(&d, "Test.agents.txt",
         "WORLD_GOVERNMENT [~WGO]\n"
         "GOVERNMENT_NEWSPAPER [~GOVMED]\n",
         ACT_SEC_AGENTS);
    assert_string_equal(code_in(&d, "West German world government activists", NULL), "GMWGOVWGO");
    assert_string_equal(code_in(&d, "the Quibbler government newspaper", NULL), "HGWGOVMED");
    act_dict_free(&d);
}

/* A word of the text written with '_' ("Dol_Amroth") is its parts, as a
 * dictionary name with '_' is. */
static void test_underscore_in_text(void **state)
{
    (void)state;
    act_dict d;
    assert_true(act_dict_init(&d));
    load(&d, "Test.actors.txt", "PRINCE OF DOL AMROTH [DOL]\nMINAS_TIRITH [GON]\n", ACT_SEC_ACTORS);
    assert_string_equal(code_in(&d, "warned of the Prince of Dol_Amroth.", NULL), "DOL");
    assert_string_equal(code_in(&d, "left for Minas_Tirith today", NULL), "GON");
    assert_string_equal(code_in(&d, "left for Minas Tirith today", NULL), "GON");
    act_dict_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markup_declaration_is_a_comment),
        cmocka_unit_test(test_legacy_codes),
        cmocka_unit_test(test_agent_prefix_and_plural),
        cmocka_unit_test(test_agent_on_longer_code),
        cmocka_unit_test(test_underscore_in_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
