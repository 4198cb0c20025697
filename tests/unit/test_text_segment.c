/* test_text_segment.c — sentence splitting and UD English tokenisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"
#include "core/arena.h"
#include "text/segment.h"

/* Segments `text` and renders it as "w w w | w w" (words by spaces,
 * sentences by bars, multiword tokens' words joined by '+'). */
static char *render(const char *text, size_t *n_sent)
{
    static char out[4096];
    core_arena a;
    core_arena_init(&a, 0);
    text_sentences s = {0};
    assert_int_equal(text_segment(&a, text, 0, strlen(text), ANNALS_SENT_BODY, 0, &s), 0);
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < s.n; i++) {
        if (i)
            o += (size_t)snprintf(out + o, sizeof out - o, " | ");
        for (size_t k = 0; k < s.v[i].n_words; k++) {
            const annals_word *w = &s.v[i].words[k];
            /* The span and the form agree for ASCII input. */
            assert_int_equal(w->end - w->start, strlen(w->form));
            assert_memory_equal(text + w->start, w->form, w->end - w->start);
            assert_int_equal(w->head, -1);
            const char *sep = k == 0 ? "" : (w->flags & ANNALS_WORD_MWT_INSIDE) ? "+" : " ";
            o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", sep, w->form);
        }
    }
    *n_sent = s.n;
    text_sentences_free(&s);
    core_arena_destroy(&a);
    return out;
}

#define SEG(text, expect)                                                      \
    do {                                                                       \
        size_t n_;                                                             \
        assert_string_equal(render(text, &n_), expect);                        \
    } while (0)

static void test_clitics(void **state)
{
    (void)state;
    SEG("Google's car", "Google+'s car");
    SEG("I don't know", "I do+n't know");
    SEG("I'm gonna go", "I+'m gon+na go");
    SEG("We cannot wait", "We can+not wait");
    SEG("It won't", "It wo+n't");
    SEG("the parents' house", "the parents+' house");
    SEG("They’re here", "They+’re here");
    SEG("O'Brien said", "O'Brien said");
}

static void test_abbreviations_and_numbers(void **state)
{
    (void)state;
    SEG("Mr. Smith paid $1,000.50 on Jan. 5.", "Mr. Smith paid $ 1,000.50 on Jan. 5 .");
    SEG("The U.S. rate rose 3.5% today.", "The U.S. rate rose 3.5 % today .");
    SEG("Jennifer M. Anderson won.", "Jennifer M. Anderson won .");
    SEG("He is No. 1 and said no. Then left.", "He is No. 1 and said no . | Then left .");
    SEG("Call 713-853-3989 now", "Call 713-853-3989 now");
    SEG("a 15-year term", "a 15 - year term");
    SEG("she co-wrote it", "she co-wrote it");
    SEG("apples, pears, etc. They", "apples , pears , etc . | They");
}

static void test_sentences(void **state)
{
    (void)state;
    size_t n;
    SEG("He left. She stayed!", "He left . | She stayed !");
    SEG("\"Go home.\" He went.", "\" Go home . \" | He went .");
    SEG("(It rained.) Then sun.", "( It rained . ) | Then sun .");
    SEG("Wait... what?", "Wait ... what ?");
    SEG("e.g. this one", "e.g. this one");
    SEG("Title without stop\n\nBody text here.", "Title without stop | Body text here .");
    SEG("Short headline\nThe story begins.", "Short headline | The story begins .");
    /* After an initialism only a word that usually opens a sentence starts
     * one: a name that goes on ("U.N. Security Council") stays whole. */
    SEG("The U.N. Security Council met.", "The U.N. Security Council met .");
    SEG("He met U.S. President Biden.", "He met U.S. President Biden .");
    render("Talks were held in the U.S. The talks failed.", &n);
    assert_int_equal(n, 2);
    render("One. Two. Three.", &n);
    assert_int_equal(n, 3);
}

static void test_urls_and_addresses(void **state)
{
    (void)state;
    SEG("See http://example.com/a?b=c. Now", "See http://example.com/a?b=c . | Now");
    SEG("Mail john.smith@example.org today", "Mail john.smith@example.org today");
    SEG("Visit www.annals.org, please", "Visit www.annals.org , please");
    SEG("Nice :) really", "Nice :) really");
}

static void test_flags_and_spans(void **state)
{
    (void)state;
    const char *text = "BEIJING (Reuters) - China's leader spoke.";
    core_arena a;
    core_arena_init(&a, 0);
    text_sentences s = {0};
    size_t dl = strlen("BEIJING (Reuters) -");
    assert_int_equal(text_segment(&a, text, 0, strlen(text), ANNALS_SENT_BODY, dl, &s), 0);
    assert_int_equal(s.n, 1);
    const annals_sentence *x = &s.v[0];
    assert_string_equal(x->text, text);
    assert_true(x->words[0].flags & ANNALS_WORD_DATELINE);
    assert_true(x->words[4].flags & ANNALS_WORD_DATELINE); /* "-" */
    assert_false(x->words[5].flags & ANNALS_WORD_DATELINE);
    assert_true(x->words[1].flags & ANNALS_WORD_NO_SPACE_AFTER); /* "(" */
    assert_false(x->words[0].flags & ANNALS_WORD_NO_SPACE_AFTER);
    assert_true(x->words[5].flags & ANNALS_WORD_MWT_BEGIN);
    assert_true(x->words[6].flags & ANNALS_WORD_MWT_INSIDE);
    text_sentences_free(&s);
    /* A title is one sentence whatever its stops. */
    assert_int_equal(text_tokenize_sentence(&a, "U.S. wins. Again", 0, 16, ANNALS_SENT_TITLE, &s), 0);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.v[0].kind, ANNALS_SENT_TITLE);
    assert_int_equal(s.v[0].n_words, 4);
    text_sentences_free(&s);
    core_arena_destroy(&a);
}

static void test_typographic_and_junk(void **state)
{
    (void)state;
    /* Curly quotes, a dash, invalid bytes and NULs: no crash, spans in
     * range, forms valid. */
    static const char junk[] = "\xe2\x80\x9cYes,\xe2\x80\x9d he said \xe2\x80\x94 \xff\xfe ok\0\x01 z.";
    core_arena a;
    core_arena_init(&a, 0);
    text_sentences s = {0};
    assert_int_equal(text_segment(&a, junk, 0, sizeof junk - 1, ANNALS_SENT_BODY, 0, &s), 0);
    size_t words = 0;
    for (size_t i = 0; i < s.n; i++)
        for (size_t k = 0; k < s.v[i].n_words; k++) {
            const annals_word *w = &s.v[i].words[k];
            assert_true(w->start < w->end && w->end <= sizeof junk - 1);
            words++;
        }
    assert_string_equal(s.v[0].words[0].form, "\xe2\x80\x9c");
    assert_string_equal(s.v[0].words[0].norm, "\"");
    assert_string_equal(s.v[0].words[1].form, "Yes");
    assert_true(words >= 9);
    text_sentences_free(&s);
    core_arena_destroy(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clitics),
        cmocka_unit_test(test_abbreviations_and_numbers),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_urls_and_addresses),
        cmocka_unit_test(test_flags_and_spans),
        cmocka_unit_test(test_typographic_and_junk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
