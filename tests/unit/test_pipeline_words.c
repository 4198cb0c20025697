/* test_pipeline_words.c — the sentence plan's discard-word filter
 * (pipeline/plan_words.h) lets through every word that can be a discard
 * phrase's word by its form or its lemma under any tag, as the exact
 * look-ups say, and keeps most other words out; and the plan leaves the
 * events as they are with every sentence parsed when a discard phrase is
 * written in inflected forms or a pronoun's antecedent is decided late. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"
#include "pipeline/plan_words.h"
#include "pipeline/resources.h"

#include "pipeline_fixture.h"

/* Whether lower-cased `w` is a word of some discard phrase. */
static bool is_discard_word(const cod_verbs *v, const char *w)
{
    char low[256];
    size_t n = strlen(w);
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    uint32_t id = cod_verbs_word(v, low, n);
    if (id == COD_NO_WORD)
        return false;
    for (uint32_t d = 0; d < v->n_discards; d++)
        for (uint8_t i = 0; i < v->discards[d].n; i++)
            if (v->discards[d].words[i] == id)
                return true;
    return false;
}

/* The exact answer, the slow way: the form or a lemma under some tag is
 * a discard word. */
static bool exact(const annals_resources *r, const char *w)
{
    if (is_discard_word(r->verbs, w))
        return true;
    char buf[SYN_LEM_MAX_WORD + 16];
    for (int u = 0; u < ANNALS_UPOS_COUNT; u++)
        if (is_discard_word(r->verbs, syn_lemma_of(&r->lemmatizer, w, u, buf, sizeof buf)))
            return true;
    return false;
}

/* Checks one word against the filter and the mask; counts positives. */
static void check_word(const annals_resources *r, const char *w, size_t *positives)
{
    uint64_t mask[64];
    assert_true(pipe_words_mask_len(r->plan_words) <= 64);
    bool want = exact(r, w);
    if (want && !pipe_words_may_discard(r, w))
        fail_msg("the filter keeps out '%s', which can be a discard word", w);
    assert_int_equal(pipe_words_discard_mask(r, w, mask), want);
    *positives += want;
}

static const char *const endings[] = {"", "s", "es", "ed", "d", "ing", "er", "ers", "est",
                                      "ies", "ied", "'s", "men", "ves", "ly", "n", "en"};
static const char *const irregular[] = {
    "drew",   "drawn",  "won",   "went", "was",   "were",  "is",    "are",  "been",
    "better", "best",   "feet",  "men",  "lives", "teams", "golfs", "boxes", "semis",
    "played", "played", "heads", "offices", "sides", "finalists", "Olympian", "THE", "Of"};

/* Every inflection of every discard word, irregular forms and the words
 * of the bundled sample news: none that can be a discard word is kept
 * out. */
static void test_filter_lets_discard_words_through(void **state)
{
    fixture *f = *state;
    const annals_resources *r = f->res;
    assert_non_null(r->plan_words);
    assert_true(r->has_lemmatizer);
    assert_true(pipe_words_filtering(r->plan_words));
    size_t positives = 0;
    const cod_verbs *v = r->verbs;
    for (uint32_t d = 0; d < v->n_discards; d++)
        for (uint8_t i = 0; i < v->discards[d].n; i++) {
            const char *word = v->words[v->discards[d].words[i]];
            for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
                char w[256];
                snprintf(w, sizeof w, "%s%s", word, endings[e]);
                check_word(r, w, &positives);
                w[0] = (char)toupper((unsigned char)w[0]);
                check_word(r, w, &positives);
                /* a final 'e' or 'y' dropped before the ending */
                size_t n = strlen(word);
                if (n > 2 && (word[n - 1] == 'e' || word[n - 1] == 'y')) {
                    snprintf(w, sizeof w, "%.*s%s", (int)(n - 1), word, endings[e]);
                    check_word(r, w, &positives);
                }
            }
        }
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
        check_word(r, irregular[i], &positives);
    FILE *in = fopen(ANNALS_SOURCE_DIR "/data/sample/news.jsonl", "r");
    assert_non_null(in);
    char w[256];
    size_t n = 0;
    for (int c; (c = fgetc(in)) != EOF;) {
        if (isalnum(c) || c == '-' || c == '\'') {
            if (n < sizeof w - 1)
                w[n++] = (char)c;
            continue;
        }
        w[n] = '\0';
        if (n)
            check_word(r, w, &positives);
        n = 0;
    }
    fclose(in);
    /* inflected forms that do lemmatise to discard words were among them */
    assert_true(positives > 100);
}

/* Most words cannot be a discard word and are told so without the
 * lemmatiser. */
static void test_filter_keeps_other_words_out(void **state)
{
    fixture *f = *state;
    static const char *const words[] = {"government", "minister", "Japan", "criticised",
                                        "tariffs", "percent", "quarter-on-quarter",
                                        "shipments", "negotiations", "1,250", "Reuters"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        assert_false(exact(f->res, words[i]));
        if (pipe_words_may_discard(f->res, words[i]))
            fail_msg("the filter lets '%s' through", words[i]);
    }
    assert_true(pipe_words_may_discard(f->res, "matches"));
    assert_true(pipe_words_may_discard(f->res, "drew"));
}

/* A story discard written in the plural, in a sentence with no actor: the
 * plan must still tag it, or the story's events would survive. */
static void test_inflected_story_discard(void **state)
{
    fixture *f = *state;
    const char *text = "France criticised Germany over the tariffs. "
                       "Both games ended in goalless draws.";
    assert_same_events(f, text);
    size_t n;
    annals_coder_events(f->all, &n);
    assert_int_equal(n, 0);
    const annals_sentence *s = annals_coder_sentences(f->skip, &n);
    assert_int_equal(n, 2);
    assert_true(s[1].words[0].upos != ANNALS_UPOS_NONE);
}

/* The sentence naming an actor is parsed only when a later sentence that
 * may take it as a pronoun's antecedent turns out to have a dictionary
 * verb once tagged. */
static void test_antecedent_parsed_only_for_a_verb(void **state)
{
    fixture *f = *state;
    const char *with_verb = "The Japanese prime minister arrived in Paris on Monday. "
                            "He condemned the attack.";
    assert_same_events(f, with_verb);
    size_t n;
    const annals_sentence *s = annals_coder_sentences(f->skip, &n);
    assert_int_equal(n, 2);
    assert_true(parsed(&s[0]));
    /* "Its" and "the visit" may be verbs to the untagged plan (it looks
     * for any word that could be a dictionary verb) but are no verbs
     * once tagged */
    const char *without = "Profits of the Japanese group were flat. Its shares fell.";
    assert_same_events(f, without);
    s = annals_coder_sentences(f->skip, &n);
    assert_int_equal(n, 2);
    assert_false(parsed(&s[1]));
    assert_false(parsed(&s[0]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_filter_lets_discard_words_through),
        cmocka_unit_test(test_filter_keeps_other_words_out),
        cmocka_unit_test(test_inflected_story_discard),
        cmocka_unit_test(test_antecedent_parsed_only_for_a_verb),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
