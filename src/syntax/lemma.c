/* lemma.c — lemmas from the model's tables (see lemma.h). */
#include "syntax/lemma.h"

#include <stdio.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

char syn_lemma_upos_key(int upos)
{
    return (char)('A' + (upos > 0 && upos < ANNALS_UPOS_COUNT ? upos : 0));
}

char syn_lemma_lex_class(int upos)
{
    switch (upos) {
    case ANNALS_UPOS_NOUN: return 'n';
    case ANNALS_UPOS_VERB:
    case ANNALS_UPOS_AUX: return 'v';
    case ANNALS_UPOS_ADJ: return 'a';
    case ANNALS_UPOS_ADV: return 'r';
    default: return 0;
    }
}

int syn_lemma_present(const syn_model *m)
{
    return syn_model_section(m, SYN_LEM_SEC_FORMS, NULL) != NULL;
}

void syn_lemma_bloom_bits(const char *key, size_t len, uint64_t mask, uint64_t out[3])
{
    /* Three positions from one 128-bit hash (double hashing). */
    XXH128_hash_t h = XXH3_128bits(key, len);
    for (int i = 0; i < 3; i++)
        out[i] = (h.low64 + (uint64_t)i * (h.high64 | 1)) & mask;
}

int syn_lemma_known(const syn_lemmatizer *l, const char *key, size_t len)
{
    uint64_t bit[3];
    syn_lemma_bloom_bits(key, len, l->lexicon_mask, bit);
    for (int i = 0; i < 3; i++)
        if (!(l->lexicon[bit[i] >> 6] >> (bit[i] & 63) & 1))
            return 0;
    return 1;
}

int syn_lemma_open(syn_lemmatizer *l, const syn_model *m, char *errbuf, size_t errsize)
{
    static const char *const tags[2] = {SYN_LEM_SEC_FORMS, SYN_LEM_SEC_RULES};
    syn_strmap *maps[2] = {&l->forms, &l->rules};
    memset(l, 0, sizeof *l);
    size_t size;
    const uint32_t *lex = syn_model_section(m, SYN_LEM_SEC_LEXICON, &size);
    if (!lex || size < 16 || lex[0] < 6 || lex[0] > 32 || lex[1] != 0 ||
        size - 8 != ((size_t)1 << lex[0]) / 8) {
        if (errbuf && errsize)
            snprintf(errbuf, errsize, "lemmatiser: section %s %s", SYN_LEM_SEC_LEXICON,
                     lex ? "is inconsistent" : "is missing");
        return ANNALS_E_DATA;
    }
    l->lexicon = (const uint64_t *)(lex + 2);
    l->lexicon_mask = ((uint64_t)1 << lex[0]) - 1;
    for (int i = 0; i < 2; i++) {
        const void *d = syn_model_section(m, tags[i], &size);
        if (!d || syn_strmap_open(maps[i], d, size) != 0) {
            if (errbuf && errsize)
                snprintf(errbuf, errsize, "lemmatiser: section %s %s", tags[i],
                         d ? "is inconsistent" : "is missing");
            return ANNALS_E_DATA;
        }
    }
    return ANNALS_OK;
}

/* key = UPOS letter + text, in buf; returns its length. */
static size_t make_key(char *buf, int upos, const char *s, size_t n)
{
    buf[0] = syn_lemma_upos_key(upos);
    memcpy(buf + 1, s, n);
    buf[n + 1] = '\0';
    return n + 1;
}

/* Applies the edits listed in `rules` ("Nappend|Nappend|...") to the
 * lowercase word; the first result that is a known lemma of class `cls`
 * goes to out and 1 is returned.  Otherwise the first edit's result is
 * left in fallback (when it is still empty) and 0 is returned. */
static int try_rules(const syn_lemmatizer *l, const char *rules, const char *low, size_t n,
                     char cls, char *out, char *fallback)
{
    char cand[SYN_LEM_MAX_WORD + 16];
    while (*rules) {
        size_t strip = (size_t)(*rules - '0');
        const char *app = rules + 1;
        const char *end = strchr(app, '|');
        size_t alen = end ? (size_t)(end - app) : strlen(app);
        if (strip <= n && strip <= 9 && n - strip + alen + 1 < SYN_LEM_MAX_WORD + 8) {
            cand[0] = cls;
            memcpy(cand + 1, low, n - strip);
            memcpy(cand + 1 + n - strip, app, alen);
            size_t clen = 1 + n - strip + alen;
            cand[clen] = '\0';
            if (clen > 1) {
                if (!fallback[0])
                    memcpy(fallback, cand + 1, clen);
                if (cls && syn_lemma_known(l, cand, clen)) {
                    memcpy(out, cand + 1, clen);
                    return 1;
                }
            }
        }
        rules = end ? end + 1 : app + alen;
    }
    return 0;
}

const char *syn_lemma_of(const syn_lemmatizer *l, const char *form, int upos, char *buf,
                         size_t bufsize)
{
    size_t n = strlen(form);
    if (n == 0 || n > SYN_LEM_MAX_WORD || bufsize < SYN_LEM_MAX_WORD + 16)
        return form;
    char key[SYN_LEM_MAX_WORD + 4], low[SYN_LEM_MAX_WORD + 1];
    size_t kl = make_key(key, upos, form, n);
    const char *hit = syn_strmap_get(&l->forms, key, kl);
    if (hit)
        return hit;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = (unsigned char)form[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    /* A name's case is part of it: "Un" (of Kim Jong Un) is not "UN". */
    if (upos != ANNALS_UPOS_PROPN && memcmp(low, form, n) != 0) {
        make_key(key, upos, low, n);
        if ((hit = syn_strmap_get(&l->forms, key, kl)))
            return hit;
    }
    /* Names are their own lemma, and so is whatever has no rules. */
    if (upos == ANNALS_UPOS_PROPN)
        return form;
    char cls = syn_lemma_lex_class(upos);
    char fallback[SYN_LEM_MAX_WORD + 16] = "";
    size_t longest = n < SYN_LEM_MAX_SUFFIX ? n : SYN_LEM_MAX_SUFFIX;
    for (size_t len = longest + 1; len-- > 0;) {
        kl = make_key(key, upos, low + n - len, len);
        const char *rules = syn_strmap_get(&l->rules, key, kl);
        if (rules && try_rules(l, rules, low, n, cls, buf, fallback))
            return buf;
    }
    if (fallback[0]) {
        memcpy(buf, fallback, strlen(fallback) + 1);
        return buf;
    }
    return cls ? (memcpy(buf, low, n + 1), buf) : form;
}

int syn_lemma_sentence(const syn_lemmatizer *l, core_arena *a, annals_word *words, size_t n)
{
    char buf[SYN_LEM_MAX_WORD + 16];
    for (size_t i = 0; i < n; i++) {
        annals_word *w = &words[i];
        const char *form = w->norm ? w->norm : w->form;
        if (!form)
            continue;
        const char *lem = syn_lemma_of(l, form, w->upos, buf, sizeof buf);
        if (lem == buf && !(lem = core_arena_strdup(a, buf)))
            return ANNALS_E_NOMEM;
        w->lemma = lem;
    }
    return ANNALS_OK;
}
