/* verbs.c — the compiled verb dictionary: interned words, sets, blocks,
 * patterns and the lemma index.  The readers of the three formats are in
 * verbs_native.c and verbs_legacy.c; they call the builders here. */
#include "coder/verbs.h"

#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "coder/verbs_build.h"

void cod_verbs_init(cod_verbs *v)
{
    memset(v, 0, sizeof *v);
}

void cod_verbs_free(cod_verbs *v)
{
    if (!v)
        return;
    for (uint32_t i = 0; i < v->n_words; i++)
        free(v->words[i]);
    free(v->words);
    free(v->word_hash);
    for (uint32_t i = 0; i < v->n_sets; i++) {
        free(v->sets[i].words);
        free(v->sets[i].starts);
        free(v->sets[i].refs);
    }
    free(v->sets);
    free(v->blocks);
    for (uint32_t i = 0; i < v->n_patterns; i++)
        free(v->patterns[i].pre); /* pre and post share one allocation */
    free(v->patterns);
    free(v->verbs);
    free(v->verb_order);
    free(v->discards);
    for (size_t i = 0; i < v->n_strings; i++)
        free(v->strings[i]);
    free(v->strings);
    memset(v, 0, sizeof *v);
}

/* Grows a vector of `size`-byte items to hold one more. */
static bool grow(void **p, uint32_t *cap, uint32_t n, size_t size)
{
    if (n < *cap)
        return true;
    uint32_t nc = *cap ? *cap * 2 : 16;
    void *q = realloc(*p, (size_t)nc * size);
    if (!q)
        return false;
    *p = q;
    *cap = nc;
    return true;
}

static uint32_t hash_word(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

/* A slot of the word table: the word's hash beside its id, so that a
 * look-up compares strings only when the hashes agree (the words
 * themselves are scattered over the heap: each string looked at costs a
 * cache miss, and the coder and the plan look up every word of a
 * sentence several times). */
static uint64_t word_slot(uint32_t hash, uint32_t id)
{
    return (uint64_t)hash << 32 | (uint64_t)(id + 1);
}

/* Puts word `id` of hash `h` in the first free slot from its own. */
static void word_insert(uint64_t *t, uint32_t cap, uint32_t h, uint32_t id)
{
    uint32_t k = h & (cap - 1);
    while (t[k])
        k = (k + 1) & (cap - 1);
    t[k] = word_slot(h, id);
}

static bool rehash(cod_verbs *v, uint32_t cap)
{
    uint64_t *t = calloc(cap, sizeof *t);
    if (!t)
        return false;
    for (uint32_t id = 0; id < v->n_words; id++) {
        word_insert(t, cap, hash_word(v->words[id], strlen(v->words[id])), id);
    }
    free(v->word_hash);
    v->word_hash = t;
    v->hash_cap = cap;
    return true;
}

uint32_t cod_verbs_word(const cod_verbs *v, const char *w, size_t n)
{
    if (!v->hash_cap)
        return COD_NO_WORD;
    uint32_t h = hash_word(w, n);
    uint32_t k = h & (v->hash_cap - 1);
    for (uint64_t slot; (slot = v->word_hash[k]) != 0; k = (k + 1) & (v->hash_cap - 1)) {
        if ((uint32_t)(slot >> 32) != h)
            continue;
        uint32_t id = (uint32_t)slot - 1;
        const char *s = v->words[id];
        if (strncmp(s, w, n) == 0 && s[n] == '\0')
            return id;
    }
    return COD_NO_WORD;
}

uint32_t cod_verbs_word_lower(const cod_verbs *v, const char *w)
{
    char low[128];
    size_t n = strlen(w);
    if (n >= sizeof low)
        return COD_NO_WORD;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
    return cod_verbs_word(v, low, n);
}

uint32_t cod_build_word(cod_verbs *v, const char *w, size_t n)
{
    char low[128];
    if (n >= sizeof low)
        n = sizeof low - 1;
    for (size_t i = 0; i < n; i++)
        low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] - 'A' + 'a') : w[i];
    uint32_t id = cod_verbs_word(v, low, n);
    if (id != COD_NO_WORD)
        return id;
    if ((v->n_words + 1) * 2 > v->hash_cap && !rehash(v, v->hash_cap ? v->hash_cap * 2 : 1024))
        return COD_NO_WORD;
    if (!grow((void **)&v->words, &v->cap_words, v->n_words, sizeof *v->words))
        return COD_NO_WORD;
    char *s = malloc(n + 1);
    if (!s)
        return COD_NO_WORD;
    memcpy(s, low, n);
    s[n] = '\0';
    id = v->n_words++;
    v->words[id] = s;
    word_insert(v->word_hash, v->hash_cap, hash_word(low, n), id);
    return id;
}

const char *cod_build_string(cod_verbs *v, const char *s, size_t n)
{
    if (v->n_strings == v->cap_strings) {
        size_t nc = v->cap_strings ? v->cap_strings * 2 : 64;
        char **q = realloc(v->strings, nc * sizeof *q);
        if (!q)
            return NULL;
        v->strings = q;
        v->cap_strings = nc;
    }
    char *c = malloc(n + 1);
    if (!c)
        return NULL;
    memcpy(c, s, n);
    c[n] = '\0';
    v->strings[v->n_strings++] = c;
    return c;
}

uint32_t cod_build_set(cod_verbs *v, const char *name, size_t n)
{
    char low[128];
    if (n >= sizeof low)
        n = sizeof low - 1;
    for (size_t i = 0; i < n; i++)
        low[i] = (name[i] >= 'a' && name[i] <= 'z') ? (char)(name[i] - 'a' + 'A') : name[i];
    /* PETRARCH writes set names with and without a final '_' */
    while (n > 1 && low[n - 1] == '_')
        n--;
    low[n] = '\0';
    for (uint32_t i = 0; i < v->n_sets; i++)
        if (strcmp(v->sets[i].name, low) == 0)
            return i;
    if (!grow((void **)&v->sets, &v->cap_sets, v->n_sets, sizeof *v->sets))
        return COD_NO_WORD;
    const char *s = cod_build_string(v, low, n);
    if (!s)
        return COD_NO_WORD;
    cod_set *set = &v->sets[v->n_sets];
    memset(set, 0, sizeof *set);
    set->name = s;
    return v->n_sets++;
}

int cod_build_set_member(cod_verbs *v, uint32_t set, const uint32_t *words, uint32_t n)
{
    cod_set *s = &v->sets[set];
    if (!grow((void **)&s->starts, &s->cap_members, s->n_members + 1, sizeof *s->starts))
        return ANNALS_E_NOMEM;
    while (s->n_words + n > s->cap_words) {
        uint32_t nc = s->cap_words ? s->cap_words * 2 : 16;
        uint32_t *q = realloc(s->words, nc * sizeof *q);
        if (!q)
            return ANNALS_E_NOMEM;
        s->words = q;
        s->cap_words = nc;
    }
    s->starts[s->n_members] = s->n_words;
    memcpy(s->words + s->n_words, words, n * sizeof *words);
    s->n_words += n;
    s->n_members++;
    s->starts[s->n_members] = s->n_words;
    return 0;
}

int cod_build_set_ref(cod_verbs *v, uint32_t set, uint32_t other)
{
    cod_set *s = &v->sets[set];
    if (!grow((void **)&s->refs, &s->cap_refs, s->n_refs, sizeof *s->refs))
        return ANNALS_E_NOMEM;
    s->refs[s->n_refs++] = other;
    return 0;
}

uint32_t cod_build_block(cod_verbs *v, const char *name, const char *code, const char *where)
{
    if (!grow((void **)&v->blocks, &v->cap_blocks, v->n_blocks, sizeof *v->blocks))
        return COD_NO_WORD;
    cod_block *b = &v->blocks[v->n_blocks];
    b->name = name;
    b->code = code;
    b->where = where;
    b->first = v->n_patterns;
    b->n = 0;
    b->native = false;
    return v->n_blocks++;
}

int cod_build_verb(cod_verbs *v, const cod_verb *verb)
{
    if (!grow((void **)&v->verbs, &v->cap_verbs, v->n_verbs, sizeof *v->verbs))
        return ANNALS_E_NOMEM;
    v->verbs[v->n_verbs++] = *verb;
    return 0;
}

int cod_build_pattern(cod_verbs *v, uint32_t block, const cod_pattern *p)
{
    /* Patterns of a block are contiguous: a block gets patterns only while
     * it is the last one, which both readers guarantee. */
    if (block + 1 != v->n_blocks)
        return ANNALS_E_ARG;
    if (!grow((void **)&v->patterns, &v->cap_patterns, v->n_patterns, sizeof *v->patterns))
        return ANNALS_E_NOMEM;
    size_t n = (size_t)p->n_pre + p->n_post;
    cod_elem *e = malloc((n ? n : 1) * sizeof *e);
    if (!e)
        return ANNALS_E_NOMEM;
    if (p->n_pre)
        memcpy(e, p->pre, p->n_pre * sizeof *e);
    if (p->n_post)
        memcpy(e + p->n_pre, p->post, p->n_post * sizeof *e);
    cod_pattern *q = &v->patterns[v->n_patterns++];
    *q = *p;
    q->pre = e;
    q->post = e + p->n_pre;
    v->blocks[block].n++;
    return 0;
}

/* Adds the members of set `from` (already expanded) to `to`. */
static int merge_set(cod_verbs *v, uint32_t to, uint32_t from)
{
    for (uint32_t m = 0; m < v->sets[from].n_members; m++) {
        const cod_set *f = &v->sets[from];
        uint32_t a = f->starts[m], b = f->starts[m + 1];
        uint32_t tmp[16];
        uint32_t n = b - a > 16 ? 16 : b - a;
        memcpy(tmp, f->words + a, n * sizeof *tmp);
        if (cod_build_set_member(v, to, tmp, n))
            return ANNALS_E_NOMEM;
    }
    return 0;
}

/* Expands the references of `set` depth-first; `depth` stops cycles. */
static int expand_set(cod_verbs *v, uint32_t set, int depth)
{
    if (depth > 8)
        return 0;
    cod_set *s = &v->sets[set];
    uint32_t n_refs = s->n_refs;
    s->n_refs = 0; /* expanded once, and a cycle sees no references */
    for (uint32_t i = 0; i < n_refs; i++) {
        uint32_t other = v->sets[set].refs[i];
        if (other == set)
            continue;
        if (expand_set(v, other, depth + 1) || merge_set(v, set, other))
            return ANNALS_E_NOMEM;
    }
    return 0;
}

static int cmp_verb_lemma(const cod_verbs *v, uint32_t x, uint32_t y)
{
    if (v->verbs[x].lemma != v->verbs[y].lemma)
        return v->verbs[x].lemma < v->verbs[y].lemma ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* A small merge sort with a context (qsort_r is not portable C17). */
static void sort_verbs(const cod_verbs *v, uint32_t *a, uint32_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_verbs(v, a, tmp, h);
    sort_verbs(v, a + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = cmp_verb_lemma(v, a[j], a[i]) < 0 ? a[j++] : a[i++];
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

/* Whether set `set` has a member with one of the words `list` (NULL-terminated). */
static bool set_has(const cod_verbs *v, uint32_t set, const char *const *list)
{
    const cod_set *s = &v->sets[set];
    for (uint32_t i = 0; i < s->n_words; i++)
        for (size_t k = 0; list[k]; k++)
            if (strcmp(v->words[s->words[i]], list[k]) == 0)
                return true;
    return false;
}

/* Negating words ("DID N'T") and modal auxiliaries, "CA N'T" and "WO N'T"
 * as the tokeniser splits "can't" and "won't". */
static const char *const cod_negating[] = {"not", "n't", "never", "didn't", "won't", "can't",
                                           NULL};
static const char *const cod_modal[] = {"would", "could", "may", "might", "should", "can",
                                        "must", "ought", "ca", "wo", "sha", NULL};

int cod_verbs_finish(cod_verbs *v)
{
    for (uint32_t i = 0; i < v->n_sets; i++)
        if (expand_set(v, i, 0))
            return ANNALS_E_NOMEM;
    /* a pattern naming a set of negations ("&NEGATVAUXVRB = DID N'T, WO
     * N'T, CA N'T") is about the negated verb itself, and when the set has
     * modal auxiliaries ("WO N'T") about the modal statement too: PETRARCH
     * matches the words the set names, whatever they are */
    for (uint32_t p = 0; p < v->n_patterns; p++) {
        cod_pattern *pt = &v->patterns[p];
        for (uint16_t e = 0; e < pt->n_pre + pt->n_post; e++) {
            const cod_elem *el = e < pt->n_pre ? &pt->pre[e] : &pt->post[e - pt->n_pre];
            if (el->kind != COD_EL_SET)
                continue;
            if (set_has(v, el->id, cod_negating))
                pt->negative = true;
            if (set_has(v, el->id, cod_modal))
                pt->modal = true;
        }
    }
    free(v->verb_order);
    v->verb_order = malloc((v->n_verbs ? v->n_verbs : 1) * sizeof *v->verb_order);
    uint32_t *tmp = malloc((v->n_verbs ? v->n_verbs : 1) * sizeof *tmp);
    if (!v->verb_order || !tmp) {
        free(tmp);
        return ANNALS_E_NOMEM;
    }
    for (uint32_t i = 0; i < v->n_verbs; i++)
        v->verb_order[i] = i;
    sort_verbs(v, v->verb_order, tmp, v->n_verbs);
    free(tmp);
    return 0;
}

const uint32_t *cod_verbs_find(const cod_verbs *v, uint32_t id, size_t *n)
{
    *n = 0;
    if (id == COD_NO_WORD || !v->verb_order)
        return NULL;
    size_t lo = 0, hi = v->n_verbs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v->verbs[v->verb_order[mid]].lemma < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < v->n_verbs && v->verbs[v->verb_order[end]].lemma == id)
        end++;
    *n = end - lo;
    return *n ? v->verb_order + lo : NULL;
}

bool cod_set_has_first(const cod_verbs *v, uint32_t set, uint32_t id)
{
    const cod_set *s = &v->sets[set];
    for (uint32_t m = 0; m < s->n_members; m++)
        if (s->starts[m] < s->starts[m + 1] && s->words[s->starts[m]] == id)
            return true;
    return false;
}
