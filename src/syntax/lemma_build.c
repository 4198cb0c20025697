/* lemma_build.c — building the lemmatiser's tables from a treebank and,
 * when available, WordNet (read at build time only: the model carries
 * what it needs). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/lemma.h"
#include "syntax/strmap.h"

#define LB_MAX_RULES 4        /* edits kept per ending */

static void lb_lower(char *dst, const char *src, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        dst[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    dst[n] = '\0';
}

/* ---- counting -------------------------------------------------------- */

/* "key\x1fvalue" strings with counts, sorted to find each key's most
 * frequent value. */
typedef struct lb_pairs {
    char **v;
    size_t n, cap;
} lb_pairs;

static int lb_push(lb_pairs *p, const char *key, const char *value)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 4096;
        char **v = realloc(p->v, cap * sizeof *v);
        if (!v)
            return -1;
        p->v = v;
        p->cap = cap;
    }
    size_t kl = strlen(key), vl = strlen(value);
    char *s = malloc(kl + vl + 2);
    if (!s)
        return -1;
    memcpy(s, key, kl);
    s[kl] = '\x1f';
    memcpy(s + kl + 1, value, vl + 1);
    p->v[p->n++] = s;
    return 0;
}

static void lb_pairs_free(lb_pairs *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
}

static int lb_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct lb_ranked {
    const char *value;
    size_t count;
} lb_ranked;

static int lb_rank_cmp(const void *a, const void *b)
{
    const lb_ranked *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->value, y->value);
}

/* For each key, its values ranked by count (ties by value, so the result
 * does not depend on input order); `keep` values joined by '|' go to the
 * map, or only the first when keep == 1. */
static int lb_rank_into(lb_pairs *p, syn_strmap_builder *out, size_t keep)
{
    qsort(p->v, p->n, sizeof *p->v, lb_cmp);
    lb_ranked *r = malloc((p->n ? p->n : 1) * sizeof *r);
    if (!r)
        return -1;
    size_t i = 0;
    while (i < p->n) {
        size_t klen = (size_t)(strchr(p->v[i], '\x1f') - p->v[i]);
        size_t nr = 0, j = i;
        while (j < p->n && strncmp(p->v[j], p->v[i], klen + 1) == 0) {
            const char *val = p->v[j] + klen + 1;
            if (nr && !strcmp(r[nr - 1].value, val))
                r[nr - 1].count++;
            else
                r[nr++] = (lb_ranked){val, 1};
            j++;
        }
        qsort(r, nr, sizeof *r, lb_rank_cmp);
        char key[512], val[512];
        size_t vl = 0;
        if (klen < sizeof key) {
            memcpy(key, p->v[i], klen);
            key[klen] = '\0';
            for (size_t k = 0; k < nr && k < keep; k++) {
                size_t l = strlen(r[k].value);
                if (vl + l + 2 >= sizeof val)
                    break;
                if (k)
                    val[vl++] = '|';
                memcpy(val + vl, r[k].value, l);
                vl += l;
            }
            val[vl] = '\0';
            if (syn_strmap_builder_put(out, key, val, 0)) {
                free(r);
                return -1;
            }
        }
        i = j;
    }
    free(r);
    return 0;
}

/* ---- the three tables ------------------------------------------------ */

/* forms: exact and lowercase form of each example -> its usual lemma. */
static int lb_forms(syn_strmap_builder *forms, const syn_lemma_example *ex, size_t n)
{
    lb_pairs p = {0};
    char key[SYN_LEM_MAX_WORD + 4];
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        size_t fl = strlen(ex[i].form);
        if (fl > SYN_LEM_MAX_WORD || !ex[i].lemma || !*ex[i].lemma || !strcmp(ex[i].lemma, "_"))
            continue;
        key[0] = syn_lemma_upos_key(ex[i].upos);
        memcpy(key + 1, ex[i].form, fl + 1);
        rc = lb_push(&p, key, ex[i].lemma);
        lb_lower(key + 1, ex[i].form, fl);
        if (!rc && strcmp(key + 1, ex[i].form))
            rc = lb_push(&p, key, ex[i].lemma);
    }
    if (!rc)
        rc = lb_rank_into(&p, forms, 1);
    lb_pairs_free(&p);
    return rc;
}

/* The edit turning `low` into `lemma` as "Nappend", or -1 when it would
 * strip more than 9 letters. */
static int lb_edit(const char *low, const char *lemma, char *out, size_t outsize,
                   size_t *strip)
{
    size_t n = strlen(low), m = strlen(lemma), c = 0;
    while (c < n && c < m && low[c] == lemma[c])
        c++;
    *strip = n - c;
    if (*strip > 9 || m - c + 2 > outsize)
        return -1;
    out[0] = (char)('0' + *strip);
    memcpy(out + 1, lemma + c, m - c + 1);
    return 0;
}

/* rules: for every distinct (UPOS, word, lemma) of an open class, its
 * edit under each ending long enough to contain the stripped letters. */
static int lb_rules(syn_strmap_builder *rules, const syn_lemma_example *ex, size_t n)
{
    syn_strmap_builder *seen = syn_strmap_builder_create();
    lb_pairs p = {0};
    int rc = seen ? 0 : -1;
    char low[SYN_LEM_MAX_WORD + 1], lem[SYN_LEM_MAX_WORD + 1], key[SYN_LEM_MAX_WORD * 2 + 8];
    char edit[SYN_LEM_MAX_WORD + 4];
    for (size_t i = 0; i < n && !rc; i++) {
        size_t fl = strlen(ex[i].form), ll = ex[i].lemma ? strlen(ex[i].lemma) : 0;
        if (ex[i].upos == ANNALS_UPOS_PROPN || !fl || !ll || fl > SYN_LEM_MAX_WORD ||
            ll > SYN_LEM_MAX_WORD || !strcmp(ex[i].lemma, "_"))
            continue;
        lb_lower(low, ex[i].form, fl);
        lb_lower(lem, ex[i].lemma, ll);
        snprintf(key, sizeof key, "%c%s\x1f%s", syn_lemma_upos_key(ex[i].upos), low, lem);
        if (syn_strmap_builder_get(seen, key))
            continue;
        if (syn_strmap_builder_put(seen, key, "", 0)) {
            rc = -1;
            break;
        }
        size_t strip;
        if (lb_edit(low, lem, edit, sizeof edit, &strip))
            continue;
        for (size_t len = strip; len <= fl && len <= SYN_LEM_MAX_SUFFIX && !rc; len++) {
            key[0] = syn_lemma_upos_key(ex[i].upos);
            memcpy(key + 1, low + fl - len, len + 1);
            rc = lb_push(&p, key, edit);
        }
    }
    if (!rc)
        rc = lb_rank_into(&p, rules, LB_MAX_RULES);
    lb_pairs_free(&p);
    syn_strmap_builder_free(seen);
    return rc;
}

static int lb_lexicon_add(syn_strmap_builder *lex, char cls, const char *lemma, size_t n)
{
    char key[SYN_LEM_MAX_WORD + 4];
    if (!cls || n == 0 || n > SYN_LEM_MAX_WORD)
        return 0;
    key[0] = cls;
    lb_lower(key + 1, lemma, n);
    return syn_strmap_builder_put(lex, key, "", 0);
}

FILE *syn_wordnet_open(const char *dir, const char *prefix, const char *name,
                       const char *suffix, char *err, size_t errsize)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s%s%s", dir, prefix, name, suffix);
    FILE *fp = fopen(path, "r");
    if (!fp)
        snprintf(err, errsize, "%s: %s", path, strerror(errno));
    return fp;
}

/* WordNet's index.POS: one lemma per line at the start, licence lines
 * begin with spaces; multiword lemmas (with '_') are left out. */
static int lb_wordnet_index(syn_strmap_builder *lex, const char *dir, const char *name,
                            char cls, char *err, size_t errsize)
{
    char line[8192];
    FILE *fp = syn_wordnet_open(dir, "index.", name, "", err, errsize);
    if (!fp)
        return ANNALS_E_IO;
    int rc = 0;
    while (!rc && fgets(line, sizeof line, fp)) {
        if (line[0] == ' ')
            continue;
        size_t n = strcspn(line, " \n");
        if (memchr(line, '_', n))
            continue;
        rc = lb_lexicon_add(lex, cls, line, n) ? ANNALS_E_NOMEM : 0;
    }
    fclose(fp);
    return rc;
}

/* WordNet's POS.exc: "inflected lemma [lemma...]": irregular forms.  The
 * treebank's own lemmas, added before, win. */
static int lb_wordnet_exc(syn_strmap_builder *forms, syn_strmap_builder *lex, const char *dir,
                          const char *name, const int *upos, size_t n_upos, char *err,
                          size_t errsize)
{
    char line[8192], key[SYN_LEM_MAX_WORD + 4];
    FILE *fp = syn_wordnet_open(dir, "", name, ".exc", err, errsize);
    if (!fp)
        return ANNALS_E_IO;
    int rc = 0;
    while (!rc && fgets(line, sizeof line, fp)) {
        char *form = strtok(line, " \n"), *lemma = strtok(NULL, " \n");
        if (!form || !lemma || strchr(form, '_') || strchr(lemma, '_') ||
            strlen(form) > SYN_LEM_MAX_WORD)
            continue;
        for (size_t u = 0; u < n_upos && !rc; u++) {
            key[0] = syn_lemma_upos_key(upos[u]);
            strcpy(key + 1, form);
            rc = syn_strmap_builder_put(forms, key, lemma, 0) ? ANNALS_E_NOMEM : 0;
        }
        if (!rc)
            rc = lb_lexicon_add(lex, syn_lemma_lex_class(upos[0]), lemma, strlen(lemma))
                     ? ANNALS_E_NOMEM
                     : 0;
    }
    fclose(fp);
    return rc;
}

static int lb_wordnet(syn_strmap_builder *forms, syn_strmap_builder *lex, const char *dir,
                      char *err, size_t errsize)
{
    static const int noun[] = {ANNALS_UPOS_NOUN}, verb[] = {ANNALS_UPOS_VERB, ANNALS_UPOS_AUX},
                     adj[] = {ANNALS_UPOS_ADJ}, adv[] = {ANNALS_UPOS_ADV};
    int rc = lb_wordnet_index(lex, dir, "noun", 'n', err, errsize);
    if (!rc)
        rc = lb_wordnet_index(lex, dir, "verb", 'v', err, errsize);
    if (!rc)
        rc = lb_wordnet_index(lex, dir, "adj", 'a', err, errsize);
    if (!rc)
        rc = lb_wordnet_index(lex, dir, "adv", 'r', err, errsize);
    if (!rc)
        rc = lb_wordnet_exc(forms, lex, dir, "noun", noun, 1, err, errsize);
    if (!rc)
        rc = lb_wordnet_exc(forms, lex, dir, "verb", verb, 2, err, errsize);
    if (!rc)
        rc = lb_wordnet_exc(forms, lex, dir, "adj", adj, 1, err, errsize);
    if (!rc)
        rc = lb_wordnet_exc(forms, lex, dir, "adv", adv, 1, err, errsize);
    return rc;
}

/* At least 20 bits a lemma: with 3 probes about one false "known" in
 * 300 (4 Mbit, 512 KiB, for the ~150,000 lemmas of WordNet and EWT). */
#define LB_BLOOM_BITS_PER_KEY 20

/* The lexicon as the Bloom filter of lemma.h. */
static int lb_add_lexicon(syn_model_writer *w, const syn_strmap_builder *b)
{
    size_t size;
    void *table = syn_strmap_builder_serialize(b, &size);
    syn_strmap m;
    if (!table || syn_strmap_open(&m, table, size) != 0) {
        free(table);
        return ANNALS_E_NOMEM;
    }
    uint32_t log2 = 9;
    while (((size_t)1 << log2) < syn_strmap_builder_count(b) * LB_BLOOM_BITS_PER_KEY)
        log2++;
    size_t bytes = 8 + ((size_t)1 << log2) / 8;
    uint32_t *out = calloc(1, bytes);
    if (!out) {
        free(table);
        return ANNALS_E_NOMEM;
    }
    out[0] = log2;
    uint64_t *bits = (uint64_t *)(out + 2), mask = ((uint64_t)1 << log2) - 1;
    for (size_t i = 0; i <= m.mask; i++) {
        if (!m.slots[i])
            continue;
        const char *key = m.pool + (uint32_t)m.slots[i];
        uint64_t pos[3];
        syn_lemma_bloom_bits(key, strlen(key), mask, pos);
        for (int k = 0; k < 3; k++)
            bits[pos[k] >> 6] |= (uint64_t)1 << (pos[k] & 63);
    }
    int rc = syn_model_writer_add(w, SYN_LEM_SEC_LEXICON, out, bytes);
    free(out);
    free(table);
    return rc;
}

static int lb_add_section(syn_model_writer *w, const char *tag, const syn_strmap_builder *b)
{
    size_t size;
    void *data = syn_strmap_builder_serialize(b, &size);
    if (!data)
        return ANNALS_E_NOMEM;
    int rc = syn_model_writer_add(w, tag, data, size);
    free(data);
    return rc;
}

int syn_lemma_build(syn_model_writer *w, const syn_lemma_example *ex, size_t n,
                    const char *wordnet_dir, char *err, size_t errsize)
{
    syn_strmap_builder *forms = syn_strmap_builder_create();
    syn_strmap_builder *rules = syn_strmap_builder_create();
    syn_strmap_builder *lex = syn_strmap_builder_create();
    int rc = forms && rules && lex ? 0 : ANNALS_E_NOMEM;
    if (!rc && (lb_forms(forms, ex, n) || lb_rules(rules, ex, n)))
        rc = ANNALS_E_NOMEM;
    for (size_t i = 0; i < n && !rc; i++)
        if (ex[i].lemma && strcmp(ex[i].lemma, "_"))
            rc = lb_lexicon_add(lex, syn_lemma_lex_class(ex[i].upos), ex[i].lemma,
                                strlen(ex[i].lemma))
                     ? ANNALS_E_NOMEM
                     : 0;
    if (!rc && wordnet_dir)
        rc = lb_wordnet(forms, lex, wordnet_dir, err, errsize);
    if (rc == ANNALS_E_NOMEM)
        snprintf(err, errsize, "out of memory building the lemmatiser");
    if (!rc)
        rc = lb_add_section(w, SYN_LEM_SEC_FORMS, forms);
    if (!rc)
        rc = lb_add_section(w, SYN_LEM_SEC_RULES, rules);
    if (!rc)
        rc = lb_add_lexicon(w, lex);
    syn_strmap_builder_free(forms);
    syn_strmap_builder_free(rules);
    syn_strmap_builder_free(lex);
    return rc;
}
