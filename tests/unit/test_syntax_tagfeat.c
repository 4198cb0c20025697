/* test_syntax_tagfeat.c — the tagger's features: the split the tagger
 * uses to fetch ahead (syn_tagfeat_static + syn_tagfeat_tags) gives
 * exactly the keys the trainer learnt from (syn_tagfeat_token), for every
 * position of a sentence and several previous tags. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "syntax/tagfeat.h"

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void test_split_matches_token(void **state)
{
    (void)state;
    static const char *const forms[] = {"The", "United", "States", "imposed", "sanctions",
                                        "on", "Iran", "in", "2012", "."};
    enum { N = sizeof forms / sizeof forms[0] };
    syn_tagword w[N];
    for (size_t i = 0; i < N; i++) {
        syn_tagfeat_word(forms[i], strlen(forms[i]), i == 0, &w[i]);
        w[i].amb = i % 4 ? (uint64_t)1 << (i % 17 + 1) : 0; /* every fourth a rare word */
        /* Some words WordNet knows, some it does not (no WordNet feature). */
        w[i].wn = i % 3 ? i % 63 + 1 : 0;
    }
    static const unsigned prev[][2] = {{SYN_TAG_START, SYN_TAG_START}, {3, SYN_TAG_START},
                                       {7, 12}, {0, 0}};
    for (size_t i = 0; i < N; i++)
        for (size_t p = 0; p < sizeof prev / sizeof prev[0]; p++) {
            uint64_t whole[SYN_TAGFEAT_MAX], split[SYN_TAGFEAT_STATIC_MAX + SYN_TAGFEAT_TAGS_MAX];
            size_t nw = syn_tagfeat_token(w, N, i, prev[p][0], prev[p][1], whole);
            size_t ns = syn_tagfeat_static(w, N, i, split);
            assert_true(ns <= SYN_TAGFEAT_STATIC_MAX);
            size_t nt = syn_tagfeat_tags(w, N, i, prev[p][0], prev[p][1], split + ns);
            assert_true(nt <= SYN_TAGFEAT_TAGS_MAX);
            assert_int_equal(nw, ns + nt);
            qsort(whole, nw, sizeof whole[0], cmp_u64);
            qsort(split, nw, sizeof split[0], cmp_u64);
            assert_memory_equal(whole, split, nw * sizeof whole[0]);
        }
}

/* The previous tags reach only the tag half: changing them leaves the
 * static keys alone and changes every tag key. */
static void test_tags_only_in_tag_half(void **state)
{
    (void)state;
    syn_tagword w[3];
    static const char *const forms[] = {"She", "met", "him"};
    for (size_t i = 0; i < 3; i++)
        syn_tagfeat_word(forms[i], strlen(forms[i]), i == 0, &w[i]);
    uint64_t a[SYN_TAGFEAT_TAGS_MAX], b[SYN_TAGFEAT_TAGS_MAX];
    size_t na = syn_tagfeat_tags(w, 3, 1, 4, SYN_TAG_START, a);
    size_t nb = syn_tagfeat_tags(w, 3, 1, 5, SYN_TAG_START, b);
    assert_int_equal(na, nb);
    for (size_t k = 0; k < na; k++)
        assert_true(a[k] != b[k]);
}

/* WordNet's classes add features to the word and its neighbours, and a
 * word WordNet does not know gives exactly the features of before. */
static void test_wordnet_features(void **state)
{
    (void)state;
    syn_tagword w[3];
    static const char *const forms[] = {"They", "imposed", "sanctions"};
    for (size_t i = 0; i < 3; i++)
        syn_tagfeat_word(forms[i], strlen(forms[i]), i == 0, &w[i]);
    uint64_t a[SYN_TAGFEAT_MAX], b[SYN_TAGFEAT_MAX];
    size_t na = syn_tagfeat_token(w, 3, 1, 4, 7, a);
    w[1].wn = 0x10;
    size_t nb = syn_tagfeat_token(w, 3, 1, 4, 7, b);
    assert_int_equal(nb, na + 3); /* the word, with its ending, with the previous tag */
    assert_memory_equal(a, b, na * sizeof a[0]); /* the templates before are untouched */
    w[2].wn = 0x09;
    w[0].wn = 0x04;
    assert_int_equal(syn_tagfeat_token(w, 3, 1, 4, 7, b), na + 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_matches_token),
        cmocka_unit_test(test_tags_only_in_tag_half),
        cmocka_unit_test(test_wordnet_features),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
