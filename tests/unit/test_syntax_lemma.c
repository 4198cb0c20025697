/* test_syntax_lemma.c — the lemmatiser: the shipped model on the verb and
 * noun forms the event coder depends on, rules learnt from a handful of
 * examples, and the string tables under it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"
#include "syntax/lemma.h"
#include "syntax/model.h"
#include "syntax/strmap.h"
#include "syntax/tagger.h"

#define SHIPPED ANNALS_SOURCE_DIR "/data/models/tagger.annm"

typedef struct lemma_case {
    const char *form;
    int upos;
    const char *lemma;
} lemma_case;

static void test_shipped_lemmas(void **state)
{
    (void)state;
    static const lemma_case cases[] = {
        {"imposed", ANNALS_UPOS_VERB, "impose"},     {"met", ANNALS_UPOS_VERB, "meet"},
        {"sanctions", ANNALS_UPOS_NOUN, "sanction"}, {"talks", ANNALS_UPOS_NOUN, "talk"},
        {"talks", ANNALS_UPOS_VERB, "talk"},         {"ruled", ANNALS_UPOS_VERB, "rule"},
        {"was", ANNALS_UPOS_AUX, "be"},              {"was", ANNALS_UPOS_VERB, "be"},
        {"children", ANNALS_UPOS_NOUN, "child"},     {"Sanctions", ANNALS_UPOS_NOUN, "sanction"},
        {"condemned", ANNALS_UPOS_VERB, "condemn"},  {"stopped", ANNALS_UPOS_VERB, "stop"},
        {"negotiating", ANNALS_UPOS_VERB, "negotiate"}, {"seized", ANNALS_UPOS_VERB, "seize"},
        {"fled", ANNALS_UPOS_VERB, "flee"},          {"countries", ANNALS_UPOS_NOUN, "country"},
        {"Obama", ANNALS_UPOS_PROPN, "Obama"},       {"bigger", ANNALS_UPOS_ADJ, "big"},
        {"reaffirmed", ANNALS_UPOS_VERB, "reaffirm"}, {"The", ANNALS_UPOS_DET, "the"},
        {"Un", ANNALS_UPOS_PROPN, "Un"},
    };
    char err[256];
    int e;
    syn_model *m = syn_model_open(SHIPPED, &e, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    syn_lemmatizer l;
    assert_int_equal(syn_lemma_open(&l, m, err, sizeof err), 0);
    char buf[SYN_LEM_MAX_WORD + 16];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = syn_lemma_of(&l, cases[i].form, cases[i].upos, buf, sizeof buf);
        if (strcmp(got, cases[i].lemma) != 0)
            fail_msg("%s/%s: got '%s', want '%s'", cases[i].form,
                     syn_upos_name(cases[i].upos), got, cases[i].lemma);
    }
    /* A word longer than the limit is its own lemma. */
    char longw[SYN_LEM_MAX_WORD + 10];
    memset(longw, 'a', sizeof longw - 1);
    longw[sizeof longw - 1] = '\0';
    assert_ptr_equal(syn_lemma_of(&l, longw, ANNALS_UPOS_NOUN, buf, sizeof buf), longw);
    syn_model_close(m);
}

/* Rules learnt from a few regular verbs generalise to unseen ones; the
 * form table keeps irregular ones. */
static void test_learnt_rules(void **state)
{
    (void)state;
    static const syn_lemma_example ex[] = {
        {"walked", "walk", ANNALS_UPOS_VERB},  {"talked", "talk", ANNALS_UPOS_VERB},
        {"played", "play", ANNALS_UPOS_VERB},  {"hoped", "hope", ANNALS_UPOS_VERB},
        {"went", "go", ANNALS_UPOS_VERB},      {"boxes", "box", ANNALS_UPOS_NOUN},
        {"cities", "city", ANNALS_UPOS_NOUN},  {"parties", "party", ANNALS_UPOS_NOUN},
        {"Went", "go", ANNALS_UPOS_VERB},      {"cats", "cat", ANNALS_UPOS_NOUN},
        {"dogs", "dog", ANNALS_UPOS_NOUN},     {"jumps", "jump", ANNALS_UPOS_VERB},
    };
    syn_model_writer *w = syn_model_writer_create();
    char err[256] = "";
    assert_int_equal(syn_lemma_build(w, ex, sizeof ex / sizeof ex[0], NULL, err, sizeof err), 0);
    size_t size;
    void *img = syn_model_writer_image(w, &size);
    syn_model_writer_free(w);
    int e;
    syn_model *m = syn_model_from_memory(img, size, "lemmas", &e, err, sizeof err);
    assert_non_null(m);
    syn_lemmatizer l;
    assert_int_equal(syn_lemma_open(&l, m, err, sizeof err), 0);
    char buf[SYN_LEM_MAX_WORD + 16];
    /* "-ped" was seen only in hoped -> hope, which would give "jumpe"; the
     * lexicon knows "jump" (from "jumps"), reached by the "-ed" edit. */
    assert_string_equal(syn_lemma_of(&l, "jumped", ANNALS_UPOS_VERB, buf, sizeof buf), "jump");
    assert_string_equal(syn_lemma_of(&l, "went", ANNALS_UPOS_VERB, buf, sizeof buf), "go");
    assert_string_equal(syn_lemma_of(&l, "WENT", ANNALS_UPOS_VERB, buf, sizeof buf), "go");
    assert_string_equal(syn_lemma_of(&l, "ladies", ANNALS_UPOS_NOUN, buf, sizeof buf), "lady");
    assert_string_equal(syn_lemma_of(&l, "birds", ANNALS_UPOS_NOUN, buf, sizeof buf), "bird");
    /* "-oped" was seen only as hoped -> hope (strip "d"): the edit of the
     * longest matching ending wins over the commoner "-ed" -> "". */
    assert_string_equal(syn_lemma_of(&l, "roped", ANNALS_UPOS_VERB, buf, sizeof buf), "rope");
    syn_model_close(m);
    free(img);
}

static void test_strmap(void **state)
{
    (void)state;
    syn_strmap_builder *b = syn_strmap_builder_create();
    char key[32], val[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "key%d", i);
        snprintf(val, sizeof val, "value%d", i * 7);
        assert_int_equal(syn_strmap_builder_put(b, key, val, 0), 0);
    }
    assert_int_equal(syn_strmap_builder_put(b, "key5", "other", 0), 0);
    assert_string_equal(syn_strmap_builder_get(b, "key5"), "value35");
    assert_int_equal(syn_strmap_builder_put(b, "key5", "other", 1), 0);
    assert_int_equal(syn_strmap_builder_put(b, "", "empty key", 0), 0);
    assert_int_equal(syn_strmap_builder_count(b), 1001);
    size_t size;
    uint64_t *data = syn_strmap_builder_serialize(b, &size);
    syn_strmap_builder_free(b);
    syn_strmap m;
    assert_int_equal(syn_strmap_open(&m, data, size), 0);
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "key%d", i);
        snprintf(val, sizeof val, "value%d", i * 7);
        const char *got = syn_strmap_get(&m, key, strlen(key));
        assert_non_null(got);
        assert_string_equal(got, i == 5 ? "other" : val);
    }
    assert_string_equal(syn_strmap_get(&m, "", 0), "empty key");
    assert_null(syn_strmap_get(&m, "key1000", 7));
    assert_null(syn_strmap_get(&m, "key", 3));
    /* A slot pointing past the pool, or a pool not ending in NUL. */
    unsigned char *bytes = (unsigned char *)data;
    uint32_t log2 = ((uint32_t *)bytes)[0];
    uint64_t *slots = (uint64_t *)(bytes + 16);
    size_t i = 0;
    while (!slots[i])
        i++;
    uint64_t saved = slots[i];
    slots[i] = (saved & 0xFFFFFFFF00000000ull) | 0xFFFFFFF0u;
    assert_int_equal(syn_strmap_open(&m, data, size), -1);
    slots[i] = saved;
    bytes[size - 1] = 'x';
    assert_int_equal(syn_strmap_open(&m, data, size), -1);
    bytes[size - 1] = '\0';
    assert_int_equal(syn_strmap_open(&m, data, size - 8), -1);
    ((uint32_t *)bytes)[0] = log2 + 1;
    assert_int_equal(syn_strmap_open(&m, data, size), -1);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_lemmas),
        cmocka_unit_test(test_learnt_rules),
        cmocka_unit_test(test_strmap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
