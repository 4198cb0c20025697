/* test_pipeline_mentions.c — a sentence that cannot yield an event but
 * names actors is left untagged when no tag could change its mentions
 * (PIPE_NEED_MENTIONS): it keeps the mentions the untagged pass found,
 * the same as the tagged matcher finds, and is tagged when a lone
 * lower-case name in it ("police") could be tagged a verb and dropped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"

#include "pipeline_fixture.h"

/* Both coders code a document of `title` and `text` and give the same
 * events and mentions. */
static void code_both(fixture *f, const char *title, const char *text)
{
    assert_same_events_titled(f, title, text);
    size_t na, ns;
    const annals_mention *ma = annals_coder_mentions(f->all, &na);
    const annals_mention *ms = annals_coder_mentions(f->skip, &ns);
    assert_int_equal(na, ns);
    for (size_t i = 0; i < na; i++) {
        assert_int_equal(ma[i].sent, ms[i].sent);
        assert_int_equal(ma[i].first_word, ms[i].first_word);
        assert_int_equal(ma[i].end_word, ms[i].end_word);
        assert_string_equal(ma[i].code, ms[i].code);
    }
}

/* How many mentions sentence `si` has in the skipping coder. */
static size_t mentions_in(const fixture *f, size_t si)
{
    size_t n, count = 0;
    const annals_mention *m = annals_coder_mentions(f->skip, &n);
    for (size_t i = 0; i < n; i++)
        count += m[i].sent == si;
    return count;
}

/* A title is never coded: capitalised names in it need no tags. */
static void test_title_of_names_left_untagged(void **state)
{
    fixture *f = *state;
    code_both(f, "Japan and France sign trade pact",
              "Profits rose five pct in the first quarter.");
    size_t n;
    const annals_sentence *s = annals_coder_sentences(f->skip, &n);
    assert_int_equal(n, 2);
    assert_int_equal(s[0].kind, ANNALS_SENT_TITLE);
    assert_false(tagged(&s[0]));
    assert_true(mentions_in(f, 0) >= 2);
    const annals_sentence *all = annals_coder_sentences(f->all, &n);
    assert_true(tagged(&all[0]));
}

/* "police" alone could be tagged a verb ("to police"), which drops it:
 * the title is tagged so that its mentions are the tagged ones. */
static void test_lone_lower_case_name_is_tagged(void **state)
{
    fixture *f = *state;
    code_both(f, "Tokyo police and Japanese troops on alert",
              "Profits rose five pct in the first quarter.");
    size_t n;
    const annals_sentence *s = annals_coder_sentences(f->skip, &n);
    assert_int_equal(n, 2);
    assert_true(tagged(&s[0]));
    assert_true(mentions_in(f, 0) >= 1);
}

/* A story that names its country in sentences that yield no event: the
 * events (a role named alone takes the story's country) and mentions
 * are those of the coder that analyses everything. */
static void test_story_country_from_eventless_sentences(void **state)
{
    fixture *f = *state;
    code_both(f, "Japanese markets",
              "Japanese shares closed higher on Friday. "
              "Japanese exporters led the gains in Tokyo. "
              "The foreign minister criticised the United States over the tariffs.");
    size_t ne;
    const annals_event *e = annals_coder_events(f->skip, &ne);
    assert_int_equal(ne, 1);
    assert_string_equal(e[0].source, "JPNGOV");   /* the minister of the story's country */
    assert_string_equal(e[0].target, "USA");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_of_names_left_untagged),
        cmocka_unit_test(test_lone_lower_case_name_is_tagged),
        cmocka_unit_test(test_story_country_from_eventless_sentences),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
