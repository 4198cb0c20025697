/* test_syntax_tagwn.c — the WordNet form table of the tagger: which
 * classes the inflections of WordNet's lemmas and its irregular forms get,
 * and a clear error for a missing folder.  Needs Debian's wordnet-base
 * (/usr/share/wordnet); skipped without it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "annals.h"
#include "syntax/tagfeat.h"
#include "syntax/tagger.h"
#include "syntax/train_tagwn.h"

#define WORDNET "/usr/share/wordnet"

static syn_tagwn_form *forms;
static size_t n_forms;

static int setup(void **state)
{
    (void)state;
    if (access(WORDNET "/index.verb", R_OK) != 0)
        return 0;
    char err[256];
    return syn_tagwn_build(WORDNET, &forms, &n_forms, err, sizeof err);
}

static int teardown(void **state)
{
    (void)state;
    free(forms);
    return 0;
}

static uint32_t bits_of(const char *word)
{
    syn_tagword tw;
    syn_tagfeat_word(word, strlen(word), 0, &tw);
    return syn_tagwn_find(forms, n_forms, tw.lower);
}

static void test_inflections(void **state)
{
    (void)state;
    if (!forms)
        skip();
    /* "imposed" is not in EWT train: WordNet makes it a verb's -ed form. */
    assert_true(bits_of("imposed") & SYN_TAG_WN_VED);
    assert_false(bits_of("imposed") & SYN_TAG_WN_NOUN);
    assert_true(bits_of("impose") & SYN_TAG_WN_VB);
    assert_true(bits_of("imposing") & SYN_TAG_WN_VING);
    assert_true(bits_of("imposes") & SYN_TAG_WN_VS);
    /* A noun that is a verb too, its plural the verb's -s form. */
    assert_true(bits_of("sanction") & SYN_TAG_WN_NOUN);
    assert_true(bits_of("sanctions") & SYN_TAG_WN_NOUN);
    assert_true(bits_of("sanctions") & SYN_TAG_WN_VS);
    assert_true(bits_of("cities") & SYN_TAG_WN_NOUN);
    assert_true(bits_of("stopped") & SYN_TAG_WN_VED);
    assert_true(bits_of("making") & SYN_TAG_WN_VING);
    assert_true(bits_of("tried") & SYN_TAG_WN_VED);
    /* Irregular forms come from the exception lists. */
    assert_true(bits_of("met") & SYN_TAG_WN_VED);
    assert_true(bits_of("children") & SYN_TAG_WN_NOUN);
    assert_true(bits_of("better") & SYN_TAG_WN_ADJ);
    /* The hash is the tagger's lowercase one: case does not matter. */
    assert_int_equal(bits_of("Imposed"), bits_of("imposed"));
    assert_int_equal(bits_of("qzxvwk"), 0);
    /* Sorted and one entry a form. */
    for (size_t i = 1; i < n_forms; i++)
        assert_true(forms[i - 1].hash < forms[i].hash);
}

static void test_missing_folder(void **state)
{
    (void)state;
    syn_tagwn_form *f = NULL;
    size_t n = 0;
    char err[256] = "";
    assert_int_equal(syn_tagwn_build("/nonexistent/wordnet", &f, &n, err, sizeof err),
                     ANNALS_E_IO);
    assert_non_null(strstr(err, "/nonexistent/wordnet/index.noun"));
    assert_null(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inflections),
        cmocka_unit_test(test_missing_folder),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
