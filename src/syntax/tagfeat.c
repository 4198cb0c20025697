/* tagfeat.c — hashing words and building the tagger's features. */
#include "syntax/tagfeat.h"

#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/* Feature templates; the number is mixed into the key so that the same
 * value under two templates gives two different features. */
enum {
    TF_BIAS = 1, TF_LOWER, TF_FORM, TF_PRE1, TF_PRE2, TF_PRE3, TF_PRE4, TF_SUF1, TF_SUF2,
    TF_SUF3, TF_SUF4, TF_SHAPE, TF_FLAGS, TF_PREV_LOWER, TF_NEXT_LOWER, TF_PREV2_LOWER,
    TF_NEXT2_LOWER, TF_PREV_SUF3, TF_NEXT_SUF3, TF_PREV_SHAPE, TF_NEXT_SHAPE, TF_T1,
    TF_T1T2, TF_T1_LOWER, TF_PREV_CUR, TF_CUR_NEXT, TF_T1_NEXT, TF_NEXT_SUF2, TF_PREV_SUF2,
    TF_T1_SUF3, TF_AMB0, TF_AMB1, TF_AMB2, TF_AMBM1, TF_AMB1_LOWER, TF_T1_AMB0, TF_AMB0_AMB1,
    TF_WN0, TF_WN1, TF_WNM1, TF_WN0_SUF2, TF_T1_WN0
};

/* A strong 64-bit mix (the finaliser of SplitMix64): cheap, and every
 * input bit reaches every output bit, which the open-addressing table of
 * the model relies on. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

static uint64_t key2(unsigned tmpl, uint64_t a)
{
    return mix(a ^ ((uint64_t)tmpl * 0x9e3779b97f4a7c15ull));
}

static uint64_t key3(unsigned tmpl, uint64_t a, uint64_t b)
{
    return mix(key2(tmpl, a) + b * 0xff51afd7ed558ccdull);
}

static uint64_t hash_bytes(const char *s, size_t n, uint64_t salt)
{
    return XXH3_64bits_withSeed(s, n, salt);
}

/* Start of the k-th last character (UTF-8 aware). */
static size_t suffix_start(const char *s, size_t len, size_t k)
{
    size_t i = len;
    while (k && i > 0) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
        k--;
    }
    return i;
}

/* End of the first k characters (UTF-8 aware). */
static size_t prefix_end(const char *s, size_t len, size_t k)
{
    size_t i = 0;
    while (k && i < len) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        k--;
    }
    return i;
}

static char shape_class(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return 'X';
    if (c >= 'a' && c <= 'z')
        return 'x';
    if (c >= '0' && c <= '9')
        return 'd';
    if (c >= 0x80)
        return 'u';
    return (char)c;
}

void syn_tagfeat_word(const char *form, size_t len, int first, syn_tagword *out)
{
    char low[64], shape[16];
    size_t n = len < sizeof low ? len : sizeof low;
    size_t ns = 0;
    int upper = 0, lower = 0, digit = 0, hyphen = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)form[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        upper += c >= 'A' && c <= 'Z';
        lower += c >= 'a' && c <= 'z';
        digit += c >= '0' && c <= '9';
        hyphen += c == '-';
        char k = shape_class(c);
        if (k == 'u' && (c & 0xC0) == 0x80)
            continue;
        if (ns < sizeof shape && (ns == 0 || shape[ns - 1] != k))
            shape[ns++] = k;
    }
    out->lower = hash_bytes(low, n, 1);
    out->form = hash_bytes(form, n, 2);
    for (size_t k = 0; k < 4; k++) {
        size_t pe = prefix_end(low, n, k + 1);
        size_t ss = suffix_start(low, n, k + 1);
        out->pre[k] = hash_bytes(low, pe, 10 + k);
        out->suf[k] = hash_bytes(low + ss, n - ss, 20 + k);
    }
    out->shape = hash_bytes(shape, ns, 3);
    unsigned caps = n && form[0] >= 'A' && form[0] <= 'Z';
    unsigned flags = caps | (upper && !lower) << 1 | (digit != 0) << 2 | (hyphen != 0) << 3 |
                     (first != 0) << 4 | (n >= 6) << 5;
    out->flags = flags;
    out->amb = 0;
    out->wn = 0;
    out->sure = 0;
}

/* Stand-ins for the words beyond either end of the sentence. */
static const syn_tagword pad_before = {.lower = 0x5ec0de01, .shape = 0x5ec0de02,
                                       .suf = {0x5ec0de03, 0x5ec0de04, 0x5ec0de05, 0x5ec0de06},
                                       .amb = 1u << 30};
static const syn_tagword pad_after = {.lower = 0x5ec0de11, .shape = 0x5ec0de12,
                                      .suf = {0x5ec0de13, 0x5ec0de14, 0x5ec0de15, 0x5ec0de16},
                                      .amb = 1u << 31};

static const syn_tagword *at(const syn_tagword *w, size_t n, size_t i, long d)
{
    long j = (long)i + d;
    if (j < 0)
        return &pad_before;
    if ((size_t)j >= n)
        return &pad_after;
    return &w[j];
}

/* WordNet's classes of a word, as a feature value.  A word WordNet does
 * not know gives no feature, so that a model trained without WordNet has
 * exactly the features it had before these templates.  (Firing them only
 * for words training saw less than twice is cheaper but kept less than
 * half of the gain: EWT dev UPOS 95.08 against 95.20.) */
static uint64_t wn_of(const syn_tagword *w)
{
    return w->wn;
}

static size_t wn_static(const syn_tagword *c, const syn_tagword *p1, const syn_tagword *n1,
                        uint64_t *out)
{
    size_t k = 0;
    if (wn_of(c)) {
        out[k++] = key2(TF_WN0, c->wn);
        out[k++] = key3(TF_WN0_SUF2, c->wn, c->suf[1]);
    }
    if (wn_of(n1))
        out[k++] = key2(TF_WN1, n1->wn);
    if (wn_of(p1))
        out[k++] = key2(TF_WNM1, p1->wn);
    return k;
}

size_t syn_tagfeat_token(const syn_tagword *w, size_t n, size_t i, unsigned prev1,
                         unsigned prev2, uint64_t *out)
{
    const syn_tagword *c = &w[i];
    const syn_tagword *p1 = at(w, n, i, -1), *p2 = at(w, n, i, -2);
    const syn_tagword *n1 = at(w, n, i, 1), *n2 = at(w, n, i, 2);
    size_t k = 0;
    out[k++] = key2(TF_BIAS, 0);
    out[k++] = key2(TF_LOWER, c->lower);
    out[k++] = key2(TF_FORM, c->form);
    out[k++] = key2(TF_PRE1, c->pre[0]);
    out[k++] = key2(TF_PRE2, c->pre[1]);
    out[k++] = key2(TF_PRE3, c->pre[2]);
    out[k++] = key2(TF_PRE4, c->pre[3]);
    out[k++] = key2(TF_SUF1, c->suf[0]);
    out[k++] = key2(TF_SUF2, c->suf[1]);
    out[k++] = key2(TF_SUF3, c->suf[2]);
    out[k++] = key2(TF_SUF4, c->suf[3]);
    out[k++] = key2(TF_SHAPE, c->shape);
    out[k++] = key2(TF_FLAGS, c->flags);
    out[k++] = key2(TF_PREV_LOWER, p1->lower);
    out[k++] = key2(TF_NEXT_LOWER, n1->lower);
    out[k++] = key2(TF_PREV2_LOWER, p2->lower);
    out[k++] = key2(TF_NEXT2_LOWER, n2->lower);
    out[k++] = key2(TF_PREV_SUF3, p1->suf[2]);
    out[k++] = key2(TF_NEXT_SUF3, n1->suf[2]);
    out[k++] = key2(TF_PREV_SUF2, p1->suf[1]);
    out[k++] = key2(TF_NEXT_SUF2, n1->suf[1]);
    out[k++] = key2(TF_PREV_SHAPE, p1->shape);
    out[k++] = key2(TF_NEXT_SHAPE, n1->shape);
    out[k++] = key2(TF_T1, prev1);
    out[k++] = key3(TF_T1T2, prev1, prev2);
    out[k++] = key3(TF_T1_LOWER, prev1, c->lower);
    out[k++] = key3(TF_T1_SUF3, prev1, c->suf[2]);
    out[k++] = key3(TF_PREV_CUR, p1->lower, c->lower);
    out[k++] = key3(TF_CUR_NEXT, c->lower, n1->lower);
    out[k++] = key3(TF_T1_NEXT, prev1, n1->lower);
    out[k++] = key2(TF_AMB0, c->amb);
    out[k++] = key2(TF_AMB1, n1->amb);
    out[k++] = key2(TF_AMB2, n2->amb);
    out[k++] = key2(TF_AMBM1, p1->amb);
    out[k++] = key3(TF_AMB1_LOWER, n1->amb, c->lower);
    out[k++] = key3(TF_T1_AMB0, prev1, c->amb);
    out[k++] = key3(TF_AMB0_AMB1, c->amb, n1->amb);
    k += wn_static(c, p1, n1, out + k);
    if (wn_of(c))
        out[k++] = key3(TF_T1_WN0, prev1, c->wn);
    return k;
}

/* The two halves below must list, between them, exactly the templates of
 * syn_tagfeat_token (tests/unit/test_syntax_tagfeat.c checks it). */
size_t syn_tagfeat_static(const syn_tagword *w, size_t n, size_t i, uint64_t *out)
{
    const syn_tagword *c = &w[i];
    const syn_tagword *p1 = at(w, n, i, -1), *p2 = at(w, n, i, -2);
    const syn_tagword *n1 = at(w, n, i, 1), *n2 = at(w, n, i, 2);
    size_t k = 0;
    out[k++] = key2(TF_BIAS, 0);
    out[k++] = key2(TF_LOWER, c->lower);
    out[k++] = key2(TF_FORM, c->form);
    out[k++] = key2(TF_PRE1, c->pre[0]);
    out[k++] = key2(TF_PRE2, c->pre[1]);
    out[k++] = key2(TF_PRE3, c->pre[2]);
    out[k++] = key2(TF_PRE4, c->pre[3]);
    out[k++] = key2(TF_SUF1, c->suf[0]);
    out[k++] = key2(TF_SUF2, c->suf[1]);
    out[k++] = key2(TF_SUF3, c->suf[2]);
    out[k++] = key2(TF_SUF4, c->suf[3]);
    out[k++] = key2(TF_SHAPE, c->shape);
    out[k++] = key2(TF_FLAGS, c->flags);
    out[k++] = key2(TF_PREV_LOWER, p1->lower);
    out[k++] = key2(TF_NEXT_LOWER, n1->lower);
    out[k++] = key2(TF_PREV2_LOWER, p2->lower);
    out[k++] = key2(TF_NEXT2_LOWER, n2->lower);
    out[k++] = key2(TF_PREV_SUF3, p1->suf[2]);
    out[k++] = key2(TF_NEXT_SUF3, n1->suf[2]);
    out[k++] = key2(TF_PREV_SUF2, p1->suf[1]);
    out[k++] = key2(TF_NEXT_SUF2, n1->suf[1]);
    out[k++] = key2(TF_PREV_SHAPE, p1->shape);
    out[k++] = key2(TF_NEXT_SHAPE, n1->shape);
    out[k++] = key3(TF_PREV_CUR, p1->lower, c->lower);
    out[k++] = key3(TF_CUR_NEXT, c->lower, n1->lower);
    out[k++] = key2(TF_AMB0, c->amb);
    out[k++] = key2(TF_AMB1, n1->amb);
    out[k++] = key2(TF_AMB2, n2->amb);
    out[k++] = key2(TF_AMBM1, p1->amb);
    out[k++] = key3(TF_AMB1_LOWER, n1->amb, c->lower);
    out[k++] = key3(TF_AMB0_AMB1, c->amb, n1->amb);
    k += wn_static(c, p1, n1, out + k);
    return k;
}

size_t syn_tagfeat_tags(const syn_tagword *w, size_t n, size_t i, unsigned prev1,
                        unsigned prev2, uint64_t *out)
{
    const syn_tagword *c = &w[i], *n1 = at(w, n, i, 1);
    size_t k = 0;
    out[k++] = key2(TF_T1, prev1);
    out[k++] = key3(TF_T1T2, prev1, prev2);
    out[k++] = key3(TF_T1_LOWER, prev1, c->lower);
    out[k++] = key3(TF_T1_SUF3, prev1, c->suf[2]);
    out[k++] = key3(TF_T1_NEXT, prev1, n1->lower);
    out[k++] = key3(TF_T1_AMB0, prev1, c->amb);
    if (wn_of(c))
        out[k++] = key3(TF_T1_WN0, prev1, c->wn);
    return k;
}
