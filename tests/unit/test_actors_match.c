/* test_actors_match.c — the matcher and resolution in context and time,
 * over a small inline dictionary in the native format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "actors/match.h"
#include "text/segment.h"

static const char fixture[] =
    "# annals actors 1\n"
    "[actors]\n"
    "United States; United States of America; U.S.; US; America; the US\n"
    "    USA\n"
    "American{s}\n"
    "    USA\n"
    "Washington; the White House\n"
    "    USAGOV\n"
    "Russia; Russian{s}\n"
    "    RUS\n"
    "Kremlin; the Kremlin\n"
    "    RUSGOV\n"
    "Iraq; Iraqi{s}\n"
    "    IRQ\n"
    "Japan; Japanese\n"
    "    JPN\n"
    "France; French\n"
    "    FRA\n"
    "China; Chinese\n"
    "    CHN\n"
    "Xinhua\n"
    "    CHNGOVMED\n"
    "Spain; Spanish\n"
    "    ESP\n"
    "United Nations; UN; U.N.\n"
    "    IGOUNO\n"
    "Hamas\n"
    "    PSEREBHMS\n"
    "Nicolas Sarkozy; Sarkozy\n"
    "    FRAELI\n"
    "    FRAGOV 2007-05-16..2012-05-15\n"
    "Mohammed Shia al-Sudani; Shia al-Sudani\n"
    "    IRQGOV 2022-10-27..\n"
    "Moon Jae-in\n"
    "    KORELI\n"
    "    KORGOV 2017-05-10..2022-05-09\n"
    "Pedro Sánchez\n"
    "    ESPGOV 2018-06-02..\n"
    "Volodymyr Zelenskyy\n"
    "    UKRGOV 2019-05-20..\n"
    "John Smith\n"
    "    GBRELI\n"
    "\n"
    "[agents]\n"
    "president{s}; presidency\n"
    "    GOV\n"
    "prime minister{s}\n"
    "    GOV\n"
    "foreign minist{er|ers|ry}\n"
    "    GOV\n"
    "spokes{man|men|woman|person}\n"
    "    GOV\n"
    "news agency\n"
    "    MED\n"
    "troops; soldier{s}\n"
    "    MIL\n"
    "police\n"
    "    COP\n";

#include "actors_fixture.h"

/* The mentions of `text` on `date` ("" for none). */
static act_mention *find(const char *text, const char *date, size_t *n)
{
    core_arena_reset(&arena);
    sents.n = 0;
    assert_int_equal(text_tokenize_sentence(&arena, text, 0, strlen(text), ANNALS_SENT_BODY,
                                            &sents), 0);
    act_mention *m;
    int32_t day = *date ? act_date_of(date) : ACT_NO_DATE;
    assert_int_equal(act_find_mentions(&dict, &arena, &sents.v[0], day, &m, n), 0);
    return m;
}

/* The code of the mention covering the most words, "---" when none. */
static const char *code_of(const char *text, const char *date)
{
    size_t n;
    act_mention *m = find(text, date, &n);
    const act_mention *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (!best || m[i].end - m[i].first > best->end - best->first)
            best = &m[i];
    return best ? best->code : "---";
}

static void test_countries_and_demonyms(void **state)
{
    (void)state;
    assert_string_equal(code_of("The United States said", ""), "USA");
    assert_string_equal(code_of("American officials", ""), "USA");
    assert_string_equal(code_of("Americans", ""), "USA");
    assert_string_equal(code_of("Russia's economy", ""), "RUS");
    assert_string_equal(code_of("U.S. forces", ""), "USA");
    /* "US" in capitals only: "us" is a pronoun */
    assert_string_equal(code_of("He told us nothing", ""), "---");
    assert_string_equal(code_of("The US said", ""), "USA");
    assert_string_equal(code_of("Washington said", ""), "USAGOV");
    assert_string_equal(code_of("the White House said", ""), "USAGOV");
    assert_string_equal(code_of("White House officials", ""), "USAGOV");
}

static void test_longest_match(void **state)
{
    (void)state;
    size_t n;
    act_mention *m = find("the United States of America and the UN", "", &n);
    assert_int_equal(n, 2);
    assert_string_equal(m[0].code, "USA");
    assert_int_equal(m[0].first, 1);
    assert_int_equal(m[0].end, 5);
    assert_string_equal(m[1].code, "IGOUNO");
    /* "un" in lower case (Kim Jong-un) is not the UN */
    assert_string_equal(code_of("they met un officials", ""), "---");
    assert_string_equal(code_of("U.N. officials", ""), "IGOUNO");
}

static void test_context_roles(void **state)
{
    (void)state;
    assert_string_equal(code_of("the Japanese foreign minister said", ""), "JPNGOV");
    assert_string_equal(code_of("Japan's foreign ministry", ""), "JPNGOV");
    assert_string_equal(code_of("the foreign minister of Japan", ""), "JPNGOV");
    assert_string_equal(code_of("a Kremlin spokesman said", ""), "RUSGOV");
    assert_string_equal(code_of("Russian troops crossed", ""), "RUSMIL");
    assert_string_equal(code_of("the state-run Xinhua news agency", ""), "CHNGOVMED");
    assert_string_equal(code_of("police said", ""), "COP");
    /* two countries side by side stay apart */
    size_t n;
    act_mention *m = find("Russia and Japan", "", &n);
    assert_int_equal(n, 2);
    m = find("Russia's Japan policy", "", &n);
    assert_int_equal(n, 2);
    assert_string_equal(m[0].code, "RUS");
    assert_string_equal(m[1].code, "JPN");
}

static void test_people_in_time(void **state)
{
    (void)state;
    assert_string_equal(code_of("Iraqi Prime Minister Mohammed Shia al-Sudani", "2023-03-01"),
                        "IRQGOV");
    /* before his office the entry has no code; the context still says */
    assert_string_equal(code_of("Iraqi Prime Minister Mohammed Shia al-Sudani", "2020-03-01"),
                        "IRQGOV");
    assert_string_equal(code_of("Nicolas Sarkozy said", "2010-01-01"), "FRAGOV");
    assert_string_equal(code_of("Nicolas Sarkozy said", "2015-01-01"), "FRAELI");
    assert_string_equal(code_of("Nicolas Sarkozy said", "2005-01-01"), "FRAELI");
    assert_string_equal(code_of("Former French president Nicolas Sarkozy", "2015-01-01"),
                        "FRAELI");
    /* "former" makes a government role ELI whatever the date says */
    assert_string_equal(code_of("Former French president Nicolas Sarkozy", "2010-01-01"),
                        "FRAELI");
    assert_string_equal(code_of("the former French president", ""), "FRAELI");
    assert_string_equal(code_of("President Sarkozy", "2008-01-01"), "FRAGOV");

    size_t n;
    act_mention *m = find("Sarkozy", "2010-06-01", &n);
    assert_int_equal(n, 1);
    assert_non_null(m[0].used);
    assert_true(m[0].used->dated);
    assert_int_equal(m[0].used->from, act_days(2007, 5, 16));
    assert_int_equal(m[0].used->to, act_days(2012, 5, 15));
    assert_int_equal(m[0].entry->line, 29);
    assert_non_null(strstr(m[0].why, "fixture.actors:29"));
}

static void test_name_variants(void **state)
{
    (void)state;
    assert_string_equal(code_of("Moon Jae-in met", "2018-01-01"), "KORGOV");
    assert_string_equal(code_of("Moon Jae In met", "2018-01-01"), "KORGOV");
    assert_string_equal(code_of("MOON JAE-IN", "2023-01-01"), "KORELI");
    assert_string_equal(code_of("Pedro Sanchez said", "2020-01-01"), "ESPGOV");
    assert_string_equal(code_of("Pedro Sánchez said", "2020-01-01"), "ESPGOV");
    /* typographic apostrophe in the possessive */
    assert_string_equal(code_of("Russia\xe2\x80\x99s army", ""), "RUS");
}

static void test_fuzzy_names(void **state)
{
    (void)state;
    size_t n;
    act_mention *m = find("Volodymyr Zelensky said", "2022-03-01", &n);
    assert_int_equal(n, 1);
    assert_string_equal(m[0].code, "UKRGOV");
    assert_true(m[0].flags & ACT_MENTION_FUZZY);
    assert_string_equal(code_of("Volodimyr Zelenskyy said", "2022-03-01"), "UKRGOV");
    /* a short common name does not match loosely */
    assert_string_equal(code_of("John Smyth said", ""), "---");
    /* two letters wrong is too far */
    assert_string_equal(code_of("Volodymyr Zalenskiy said", "2022-03-01"), "---");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_countries_and_demonyms),
        cmocka_unit_test(test_longest_match),
        cmocka_unit_test(test_context_roles),
        cmocka_unit_test(test_people_in_time),
        cmocka_unit_test(test_name_variants),
        cmocka_unit_test(test_fuzzy_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
