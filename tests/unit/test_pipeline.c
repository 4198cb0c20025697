/* test_pipeline.c — the coder through the public API: offsets into the
 * text as given, invalid UTF-8 repaired and reported, titles, cleaning on
 * and off, and the simple one-call path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"

typedef struct log_capture {
    int warnings;
    char last[1024];
} log_capture;

static void capture(void *user, annals_log_level level, const char *msg)
{
    log_capture *c = user;
    if (level >= ANNALS_LOG_WARN) {
        c->warnings++;
        snprintf(c->last, sizeof c->last, "%s", msg);
    }
}

typedef struct fixture {
    annals_resources *res;
    annals_coder *coder;
    log_capture log;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    annals_options opt;
    annals_options_init(&opt);
    opt.log = capture;
    opt.log_user = &f->log;
    opt.data_dir = ANNALS_SOURCE_DIR "/data";
    f->res = annals_resources_load(&opt, NULL);
    f->coder = annals_coder_create(f->res);
    *state = f;
    return f->res && f->coder ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    annals_coder_free(f->coder);
    annals_resources_free(f->res);
    free(f);
    return 0;
}

/* Every word's span lies inside its sentence, spans increase, and for
 * valid NFC input the form is the text of the span, except for words of
 * a multiword token, which may be rewritten ("wo" of "won't"). */
static void check_spans(const annals_document *doc, const annals_sentence *s, size_t n)
{
    size_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(s[i].start <= s[i].end);
        assert_true(s[i].end <= doc->text_len);
        assert_true(s[i].start >= prev_end);
        assert_true(s[i].n_words > 0);
        for (size_t k = 0; k < s[i].n_words; k++) {
            const annals_word *w = &s[i].words[k];
            assert_true(w->start >= s[i].start && w->end <= s[i].end && w->start < w->end);
            assert_true(w->head >= -1 && w->head <= (int)s[i].n_words);
            if (!(w->flags & (ANNALS_WORD_MWT_BEGIN | ANNALS_WORD_MWT_INSIDE)))
                assert_memory_equal(w->form, doc->text + w->start, w->end - w->start);
            assert_non_null(w->norm);
        }
        prev_end = s[i].end;
    }
}

static void test_spans_and_sentences(void **state)
{
    fixture *f = *state;
    const char *text = "The minister met his counterpart in Cairo on Sunday. "
                       "They signed an agreement.\n\nTalks will continue next week.";
    annals_document doc = {.id = "d1", .text = text, .text_len = strlen(text)};
    assert_int_equal(annals_coder_run(f->coder, &doc), ANNALS_OK);
    size_t n;
    const annals_sentence *s = annals_coder_sentences(f->coder, &n);
    assert_true(n >= 2);
    check_spans(&doc, s, n);
    assert_string_equal(s[0].words[0].form, "The");
    assert_int_equal(f->log.warnings, 0);
    assert_int_equal(annals_coder_invalid_bytes(f->coder), 0);
}

static void test_invalid_utf8_is_repaired_and_reported(void **state)
{
    fixture *f = *state;
    const char text[] = "Caf\xC3\xA9 owners in Par\xFFis protested. Bad \xC0\xAF bytes.";
    annals_document doc = {.id = "bad-doc", .text = text, .text_len = sizeof text - 1,
                           .origin = "in.jsonl", .origin_line = 7};
    assert_int_equal(annals_coder_run(f->coder, &doc), ANNALS_OK);
    assert_int_equal(annals_coder_invalid_bytes(f->coder), 3);
    assert_int_equal(f->log.warnings, 1);
    assert_non_null(strstr(f->log.last, "bad-doc"));
    assert_non_null(strstr(f->log.last, "in.jsonl:7"));
    size_t n;
    const annals_sentence *s = annals_coder_sentences(f->coder, &n);
    assert_true(n >= 1);
    /* The sentence text is valid UTF-8 with U+FFFD where the bytes were. */
    assert_non_null(strstr(s[0].text, "Par\xEF\xBF\xBDis"));
    assert_non_null(strstr(s[0].text, "Caf\xC3\xA9"));
}

static void test_nfc_and_folding(void **state)
{
    fixture *f = *state;
    /* "Cafe" + combining acute, and typographic quotes around a word. */
    const char text[] = "Cafe\xCC\x81 \xE2\x80\x9Chello\xE2\x80\x9D.";
    annals_document doc = {.id = "nfc", .text = text, .text_len = sizeof text - 1};
    assert_int_equal(annals_coder_run(f->coder, &doc), ANNALS_OK);
    size_t n;
    const annals_sentence *s = annals_coder_sentences(f->coder, &n);
    assert_int_equal(n, 1);
    assert_string_equal(s[0].words[0].form, "Caf\xC3\xA9");
    assert_int_equal(s[0].words[0].end, 6); /* offsets stay in the given text */
    int folded = 0;
    for (size_t k = 0; k < s[0].n_words; k++)
        folded += !strcmp(s[0].words[k].norm, "\"");
    assert_int_equal(folded, 2);
}

static void test_title_and_empty(void **state)
{
    fixture *f = *state;
    annals_document doc = {.id = "t", .text = "", .text_len = 0,
                           .title = "EU imposes sanctions on Iran"};
    assert_int_equal(annals_coder_run(f->coder, &doc), ANNALS_OK);
    size_t n;
    const annals_sentence *s = annals_coder_sentences(f->coder, &n);
    assert_int_equal(n, 1);
    assert_int_equal(s[0].kind, ANNALS_SENT_TITLE);
    assert_string_equal(s[0].text, "EU imposes sanctions on Iran");
    assert_int_equal(s[0].n_words, 5);

    annals_document empty = {.id = "e", .text = NULL, .text_len = 0};
    assert_int_equal(annals_coder_run(f->coder, &empty), ANNALS_OK);
    annals_coder_sentences(f->coder, &n);
    assert_int_equal(n, 0);
    assert_int_equal(annals_coder_run(NULL, &doc), ANNALS_E_ARG);
}

static void test_cleaner_switch(void **state)
{
    fixture *f = *state;
    const char *text = "Share this article\n\nIran condemned the decision.";
    annals_document doc = {.id = "c", .text = text, .text_len = strlen(text)};
    annals_coder_set_clean(f->coder, 0);
    assert_int_equal(annals_coder_run(f->coder, &doc), ANNALS_OK);
    size_t raw;
    annals_coder_sentences(f->coder, &raw);
    annals_coder_set_clean(f->coder, 1);
    assert_int_equal(annals_coder_run(f->coder, &doc), ANNALS_OK);
    size_t cleaned;
    const annals_sentence *s = annals_coder_sentences(f->coder, &cleaned);
    /* The share button is boilerplate: dropped only when cleaning. */
    assert_int_equal(raw, 2);
    assert_int_equal(cleaned, 1);
    assert_string_equal(s[0].words[0].form, "Iran");
}

static void test_simple_path(void **state)
{
    (void)state;
    int err = -1;
    char *out = annals_code_text("Nothing happened here.", 22, NULL, "2024-01-01", &err);
    assert_int_equal(err, ANNALS_OK);
    assert_non_null(out);
    assert_string_equal(out, ""); /* no event in that sentence */
    free(out);
    assert_null(annals_code_text(NULL, 5, NULL, NULL, &err));
    assert_int_equal(err, ANNALS_E_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spans_and_sentences),
        cmocka_unit_test(test_invalid_utf8_is_repaired_and_reported),
        cmocka_unit_test(test_nfc_and_folding),
        cmocka_unit_test(test_title_and_empty),
        cmocka_unit_test(test_cleaner_switch),
        cmocka_unit_test(test_simple_path),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
