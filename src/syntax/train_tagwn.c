/* train_tagwn.c — the WordNet form table of the tagger (train_tagwn.h). */
#include "syntax/train_tagwn.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "syntax/lemma.h"
#include "syntax/tagfeat.h"
#include "syntax/tagger.h"

#define TW_MAX_WORD 60 /* longer lemmas are left out (none in WordNet is a real word) */

typedef struct tw_list {
    syn_tagwn_form *v;
    size_t n, cap;
} tw_list;

static int tw_add(tw_list *l, const char *form, size_t len, uint32_t bits)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 1 << 16;
        syn_tagwn_form *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return ANNALS_E_NOMEM;
        l->v = v;
        l->cap = cap;
    }
    syn_tagword tw;
    syn_tagfeat_word(form, len, 0, &tw);
    l->v[l->n++] = (syn_tagwn_form){tw.lower, bits};
    return 0;
}

static int tw_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Adds stem[0..n) + ending. */
static int tw_add_end(tw_list *l, const char *stem, size_t n, const char *ending, uint32_t bits)
{
    char buf[TW_MAX_WORD + 8];
    size_t e = strlen(ending);
    memcpy(buf, stem, n);
    memcpy(buf + n, ending, e);
    return tw_add(l, buf, n + e, bits);
}

/* The -s form: "boxes", "cities", "plays", "cats". */
static int tw_add_s(tw_list *l, const char *w, size_t n, uint32_t bits)
{
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 0;
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
        return tw_add_end(l, w, n, "es", bits);
    if (last == 'y' && n > 1 && !tw_vowel(prev))
        return tw_add_end(l, w, n - 1, "ies", bits);
    return tw_add_end(l, w, n, "s", bits);
}

/* The -ed and -ing forms, with a doubled final consonant as a second
 * guess after a short vowel ("stopped"; "visitted" is no word and costs
 * only a slot). */
static int tw_add_verb_forms(tw_list *l, const char *w, size_t n)
{
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 0;
    int rc = tw_add_s(l, w, n, SYN_TAG_WN_VS);
    if (!rc && last == 'e')
        rc = tw_add_end(l, w, n, "d", SYN_TAG_WN_VED);
    else if (!rc && last == 'y' && n > 1 && !tw_vowel(prev))
        rc = tw_add_end(l, w, n - 1, "ied", SYN_TAG_WN_VED);
    else if (!rc)
        rc = tw_add_end(l, w, n, "ed", SYN_TAG_WN_VED);
    if (!rc && last == 'e' && n > 1 && prev == 'i')
        rc = tw_add_end(l, w, n - 2, "ying", SYN_TAG_WN_VING);
    else if (!rc && last == 'e' && n > 2 && prev != 'e' && prev != 'y' && prev != 'o')
        rc = tw_add_end(l, w, n - 1, "ing", SYN_TAG_WN_VING);
    else if (!rc)
        rc = tw_add_end(l, w, n, "ing", SYN_TAG_WN_VING);
    if (!rc && n >= 3 && !tw_vowel(last) && last != 'w' && last != 'x' && last != 'y' &&
        tw_vowel(prev) && !tw_vowel(w[n - 3])) {
        char d[TW_MAX_WORD + 2];
        memcpy(d, w, n);
        d[n] = last;
        rc = tw_add_end(l, d, n + 1, "ed", SYN_TAG_WN_VED);
        if (!rc)
            rc = tw_add_end(l, d, n + 1, "ing", SYN_TAG_WN_VING);
    }
    return rc;
}

static int tw_add_lemma(tw_list *l, const char *w, size_t n, char cls)
{
    switch (cls) {
    case 'n': {
        int rc = tw_add(l, w, n, SYN_TAG_WN_NOUN);
        return rc ? rc : tw_add_s(l, w, n, SYN_TAG_WN_NOUN);
    }
    case 'v': {
        int rc = tw_add(l, w, n, SYN_TAG_WN_VB);
        return rc ? rc : tw_add_verb_forms(l, w, n);
    }
    default:
        return tw_add(l, w, n, SYN_TAG_WN_ADJ);
    }
}

/* index.POS: the lemma starts each line; licence lines start with a
 * space; multiword lemmas (with '_') are left out. */
static int tw_read_index(tw_list *l, const char *dir, const char *name, char cls, char *err,
                         size_t errsize)
{
    char line[8192];
    FILE *fp = syn_wordnet_open(dir, "index.", name, "", err, errsize);
    if (!fp)
        return ANNALS_E_IO;
    int rc = 0;
    while (!rc && fgets(line, sizeof line, fp)) {
        size_t n = strcspn(line, " \n");
        if (line[0] == ' ' || n == 0 || n > TW_MAX_WORD || memchr(line, '_', n))
            continue;
        rc = tw_add_lemma(l, line, n, cls);
    }
    fclose(fp);
    return rc;
}

/* POS.exc: "form lemma ...": irregular forms.  A verb's is its -ing form
 * when it ends so, else taken for a past form ("went", "taken"). */
static int tw_read_exc(tw_list *l, const char *dir, const char *name, char cls, char *err,
                       size_t errsize)
{
    char line[8192];
    FILE *fp = syn_wordnet_open(dir, "", name, ".exc", err, errsize);
    if (!fp)
        return ANNALS_E_IO;
    int rc = 0;
    while (!rc && fgets(line, sizeof line, fp)) {
        size_t n = strcspn(line, " \n");
        if (n == 0 || n > TW_MAX_WORD || memchr(line, '_', n))
            continue;
        uint32_t bits = SYN_TAG_WN_ADJ;
        if (cls == 'n')
            bits = SYN_TAG_WN_NOUN;
        else if (cls == 'v')
            bits = n > 3 && memcmp(line + n - 3, "ing", 3) == 0 ? SYN_TAG_WN_VING : SYN_TAG_WN_VED;
        rc = tw_add(l, line, n, bits);
    }
    fclose(fp);
    return rc;
}

static int tw_cmp(const void *a, const void *b)
{
    const syn_tagwn_form *x = a, *y = b;
    return x->hash < y->hash ? -1 : x->hash > y->hash;
}

int syn_tagwn_build(const char *dir, syn_tagwn_form **out, size_t *n, char *err, size_t errsize)
{
    static const char *const names[3] = {"noun", "verb", "adj"};
    static const char classes[3] = {'n', 'v', 'a'};
    tw_list l = {0};
    int rc = 0;
    for (int i = 0; i < 3 && !rc; i++)
        rc = tw_read_index(&l, dir, names[i], classes[i], err, errsize);
    for (int i = 0; i < 3 && !rc; i++)
        rc = tw_read_exc(&l, dir, names[i], classes[i], err, errsize);
    if (rc) {
        if (rc == ANNALS_E_NOMEM)
            snprintf(err, errsize, "out of memory reading WordNet");
        free(l.v);
        return rc;
    }
    qsort(l.v, l.n, sizeof *l.v, tw_cmp);
    size_t k = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (k && l.v[k - 1].hash == l.v[i].hash)
            l.v[k - 1].bits |= l.v[i].bits;
        else
            l.v[k++] = l.v[i];
    }
    *out = l.v;
    *n = k;
    return 0;
}

uint32_t syn_tagwn_find(const syn_tagwn_form *forms, size_t n, uint64_t hash)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (forms[mid].hash < hash)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && forms[lo].hash == hash ? forms[lo].bits : 0;
}
