/* test_actors_reuse.c — matching a sentence again once it is tagged,
 * reusing what the untagged pass found (act_find_spans' act_found,
 * act_find_mentions_again): the mentions must be those act_find_mentions
 * finds in the tagged sentence, whatever the tags, the date or the
 * sentence's words say since. */
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
    "Russia; Russian{s}\n"
    "    RUS\n"
    "Iraq; Iraqi{s}\n"
    "    IRQ\n"
    "Nicolas Sarkozy; Sarkozy\n"
    "    FRAELI\n"
    "    FRAGOV 2007-05-16..2012-05-15\n"
    "\n"
    "[agents]\n"
    "troops; soldier{s}\n"
    "    MIL\n"
    "police\n"
    "    COP\n";

#include "actors_fixture.h"

/* `text` as one untagged sentence. */
static annals_sentence *sentence(const char *text)
{
    core_arena_reset(&arena);
    sents.n = 0;
    assert_int_equal(text_tokenize_sentence(&arena, text, 0, strlen(text), ANNALS_SENT_BODY,
                                            &sents), 0);
    return &sents.v[0];
}

/* The untagged pass, as the sentence plan runs it. */
static act_found untagged_pass(const annals_sentence *s, int32_t day)
{
    act_span *spans;
    size_t n;
    act_found f;
    memset(&f, 0xa5, sizeof f);
    assert_int_equal(act_find_spans(&dict, &arena, s, day, &spans, &n, &f), 0);
    assert_true(f.n >= n);   /* names, of which adjacent ones make one mention */
    return f;
}

/* Tags word k of `s`. */
static void tag(annals_sentence *s, size_t k, int upos)
{
    assert_true(k < s->n_words);
    s->words[k].upos = upos;
}

/* act_find_mentions_again with `f` finds what act_find_mentions finds;
 * returns how many. */
static size_t expect_same(const annals_sentence *s, int32_t day, const act_found *f)
{
    act_mention *want, *got;
    size_t n_want, n_got;
    assert_int_equal(act_find_mentions(&dict, &arena, s, day, &want, &n_want), 0);
    assert_int_equal(act_find_mentions_again(&dict, &arena, s, day, f, &got, &n_got), 0);
    assert_int_equal(n_got, n_want);
    for (size_t i = 0; i < n_want; i++) {
        assert_int_equal(got[i].first, want[i].first);
        assert_int_equal(got[i].end, want[i].end);
        assert_string_equal(got[i].code, want[i].code);
        assert_string_equal(got[i].why, want[i].why);
        assert_ptr_equal(got[i].entry, want[i].entry);
        assert_int_equal(got[i].flags, want[i].flags);
    }
    return n_want;
}

static void test_same_mentions_when_tags_keep_them(void **state)
{
    (void)state;
    annals_sentence *s = sentence("Russian soldiers entered Iraq on Monday.");
    int32_t day = act_date_of("2020-01-01");
    act_found f = untagged_pass(s, day);
    assert_true(f.usable);
    assert_int_equal(f.n, 3);   /* Russian, soldiers, Iraq */
    tag(s, 0, ANNALS_UPOS_ADJ);
    tag(s, 1, ANNALS_UPOS_NOUN);
    tag(s, 2, ANNALS_UPOS_VERB);
    tag(s, 3, ANNALS_UPOS_PROPN);
    assert_int_equal(expect_same(s, day, &f), 2);   /* RUSMIL, IRQ */
}

/* "police" tagged as a verb is no name: the names found untagged cannot
 * be reused as they are. */
static void test_a_verb_tag_drops_a_name(void **state)
{
    (void)state;
    annals_sentence *s = sentence("They will police the streets of Iraq.");
    act_found f = untagged_pass(s, ACT_NO_DATE);
    assert_true(f.usable);
    assert_int_equal(f.n, 2);   /* police, Iraq */
    tag(s, 2, ANNALS_UPOS_VERB);
    assert_int_equal(expect_same(s, ACT_NO_DATE, &f), 1);   /* Iraq alone */
    tag(s, 2, ANNALS_UPOS_AUX);
    assert_int_equal(expect_same(s, ACT_NO_DATE, &f), 1);
    tag(s, 2, ANNALS_UPOS_NOUN);
    assert_int_equal(expect_same(s, ACT_NO_DATE, &f), 2);
}

/* A sentence already tagged when the first pass ran, with a name left out
 * for its tag, is not reused: once retagged the name may be back. */
static void test_a_name_left_out_before(void **state)
{
    (void)state;
    annals_sentence *s = sentence("They will police the streets of Iraq.");
    tag(s, 2, ANNALS_UPOS_VERB);
    act_found f = untagged_pass(s, ACT_NO_DATE);
    assert_false(f.usable);
    tag(s, 2, ANNALS_UPOS_NOUN);
    assert_int_equal(expect_same(s, ACT_NO_DATE, &f), 2);
}

/* The codes are the date's: found on another date, they are looked up
 * again (Sarkozy was president from 2007 to 2012). */
static void test_another_date(void **state)
{
    (void)state;
    annals_sentence *s = sentence("Sarkozy met Iraqi troops.");
    act_found f = untagged_pass(s, act_date_of("2010-06-01"));
    int32_t later = act_date_of("2015-06-01");
    assert_int_equal(expect_same(s, later, &f), 2);
    act_mention *m;
    size_t n;
    assert_int_equal(act_find_mentions_again(&dict, &arena, s, later, &f, &m, &n), 0);
    assert_string_equal(m[0].code, "FRAELI");
    assert_int_equal(act_find_mentions_again(&dict, &arena, s, act_date_of("2010-06-01"), &f,
                                             &m, &n), 0);
    assert_string_equal(m[0].code, "FRAGOV");
}

/* A sentence whose words the coder hides (left unanalysed) has none, and
 * one with no name found has none either; no `found` at all matches. */
static void test_hidden_empty_and_none(void **state)
{
    (void)state;
    annals_sentence *s = sentence("Russian soldiers entered Iraq.");
    act_found f = untagged_pass(s, ACT_NO_DATE);
    size_t words = s->n_words;
    s->n_words = 0;
    assert_int_equal(expect_same(s, ACT_NO_DATE, &f), 0);
    s->n_words = words;
    assert_int_equal(expect_same(s, ACT_NO_DATE, NULL), 2);
    assert_int_equal(expect_same(s, ACT_NO_DATE, &f), 2);
    s = sentence("Nothing happened here today.");
    f = untagged_pass(s, ACT_NO_DATE);
    assert_true(f.usable);
    assert_int_equal(f.n, 0);
    assert_int_equal(expect_same(s, ACT_NO_DATE, &f), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_mentions_when_tags_keep_them),
        cmocka_unit_test(test_a_verb_tag_drops_a_name),
        cmocka_unit_test(test_a_name_left_out_before),
        cmocka_unit_test(test_another_date),
        cmocka_unit_test(test_hidden_empty_and_none),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
