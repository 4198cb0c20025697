/* test_actors_builtin.c — the built-in dictionaries (data/dict) through
 * the public interface: real-world phrases and dates for every category
 * (countries, demonyms, capitals as metonyms, IGOs, armed groups, agents,
 * people before, during and after office, context). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "annals.h"

static annals_resources *res;
static annals_coder *coder;

static int setup(void **state)
{
    (void)state;
    if (access(ANNALS_SOURCE_DIR "/data/dict", R_OK) != 0)
        return 0;
    annals_options opt;
    annals_options_init(&opt);
    opt.data_dir = ANNALS_SOURCE_DIR "/data";
    res = annals_resources_load(&opt, NULL);
    coder = res ? annals_coder_create(res) : NULL;
    if (coder)
        annals_coder_set_clean(coder, 0);
    return coder ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    annals_coder_free(coder);
    annals_resources_free(res);
    return 0;
}

/* The code of the longest mention of `phrase` on `date`. */
static const char *code(const char *phrase, const char *date)
{
    annals_document doc = {.id = "t", .text = phrase, .text_len = strlen(phrase), .date = date};
    assert_int_equal(annals_coder_run(coder, &doc), ANNALS_OK);
    size_t n;
    const annals_mention *m = annals_coder_mentions(coder, &n), *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (!best || m[i].end_word - m[i].first_word > best->end_word - best->first_word)
            best = &m[i];
    return best ? best->code : "---";
}

#define NEED_DATA()                                                                          \
    do {                                                                                     \
        if (!coder)                                                                          \
            skip();                                                                          \
    } while (0)

static void test_countries_demonyms_capitals(void **state)
{
    (void)state;
    NEED_DATA();
    assert_string_equal(code("France said", NULL), "FRA");
    assert_string_equal(code("The French government", NULL), "FRAGOV");
    assert_string_equal(code("Russia's economy", NULL), "RUS");
    assert_string_equal(code("Washington said", NULL), "USAGOV");
    assert_string_equal(code("the Kremlin said", NULL), "RUSGOV");
    assert_string_equal(code("the White House said", NULL), "USAGOV");
    assert_string_equal(code("Beijing said", NULL), "CHNGOV");
    assert_string_equal(code("He told us nothing", NULL), "---");
}

static void test_organisations_and_groups(void **state)
{
    (void)state;
    NEED_DATA();
    assert_string_equal(code("the United Nations said", NULL), "IGOUNO");
    assert_string_equal(code("NATO said", NULL), "IGOWSTNAT");
    assert_string_equal(code("the European Union said", NULL), "IGOEUREEC");
    assert_string_equal(code("Amnesty International said", NULL), "NGOHRIAMN");
    assert_string_equal(code("Hamas said", NULL), "PSEREBHMS");
    assert_string_equal(code("Hezbollah said", NULL), "LBNREB");
    /* state media name their country; "CCTV" alone stays a camera */
    assert_string_equal(code("the state-run Xinhua news agency said", NULL), "CHNMED");
    assert_string_equal(code("Russia's TASS news agency reported", NULL), "RUSMED");
    assert_string_equal(code("CCTV footage showed", NULL), "---");
}

static void test_agents_in_context(void **state)
{
    (void)state;
    NEED_DATA();
    assert_string_equal(code("police said", NULL), "COP");
    assert_string_equal(code("Chinese soldiers", NULL), "CHNMIL");
    assert_string_equal(code("the Japanese foreign minister", NULL), "JPNGOV");
    assert_string_equal(code("Russia's foreign ministry", NULL), "RUSGOV");
    assert_string_equal(code("Iraqi Prime Minister Mohammed Shia al-Sudani", "2023-03-01"),
                        "IRQGOV");
}

static void test_people_in_time(void **state)
{
    (void)state;
    NEED_DATA();
    assert_string_equal(code("Nicolas Sarkozy said", "2010-01-01"), "FRAGOV");
    assert_string_equal(code("Nicolas Sarkozy said", "2015-01-01"), "FRAELI");
    assert_string_equal(code("Former French president Nicolas Sarkozy", "2010-01-01"),
                        "FRAELI");
    assert_string_equal(code("Moon Jae-in said", "2019-01-01"), "KORGOV");
    assert_string_equal(code("Moon Jae In said", "2019-01-01"), "KORGOV");
    assert_string_equal(code("Moon Jae-in said", "2023-01-01"), "KORELI");
    assert_string_equal(code("Barack Obama said", "2012-01-01"), "USAGOV");
    assert_string_equal(code("Barack Obama said", "2020-01-01"), "USAELI");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_countries_demonyms_capitals),
        cmocka_unit_test(test_organisations_and_groups),
        cmocka_unit_test(test_agents_in_context),
        cmocka_unit_test(test_people_in_time),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
