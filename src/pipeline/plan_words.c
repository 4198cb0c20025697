/* plan_words.c — the discard words of the sentence plan (see
 * plan_words.h). */
#include "pipeline/plan_words.h"

#include <stdlib.h>
#include <string.h>

#include "pipeline/resources.h"

/* ---- a set of byte strings ------------------------------------------- */

typedef struct pipe_strset {
    uint32_t *slots;         /* offset + 1 of a key in pool, 0 empty */
    size_t cap, n;
    char *pool;              /* per key: u8 length, then its bytes */
    size_t pool_n, pool_cap;
} pipe_strset;

static uint64_t pipe_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h ^ (h >> 29);
}

static bool pipe_strset_has(const pipe_strset *set, const char *k, size_t n)
{
    if (!set->n || n > 255)
        return false;
    for (size_t i = pipe_hash(k, n) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
        uint32_t off = set->slots[i];
        if (!off)
            return false;
        const char *e = set->pool + off - 1;
        if ((unsigned char)e[0] == n && memcmp(e + 1, k, n) == 0)
            return true;
    }
}

static bool pipe_strset_grow(pipe_strset *set)
{
    size_t cap = set->cap ? set->cap * 2 : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < set->cap; i++) {
        uint32_t off = set->slots[i];
        if (!off)
            continue;
        const char *e = set->pool + off - 1;
        size_t j = pipe_hash(e + 1, (unsigned char)e[0]) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = off;
    }
    free(set->slots);
    set->slots = slots;
    set->cap = cap;
    return true;
}

/* Adds k[0..n) (at most 255 bytes); false when out of memory. */
static bool pipe_strset_add(pipe_strset *set, const char *k, size_t n)
{
    if (n > 255 || pipe_strset_has(set, k, n))
        return true;
    if ((set->n + 1) * 2 > set->cap && !pipe_strset_grow(set))
        return false;
    if (set->pool_cap - set->pool_n < n + 1) {
        size_t cap = set->pool_cap ? set->pool_cap * 2 : 16384;
        while (cap - set->pool_n < n + 1)
            cap *= 2;
        if (cap > UINT32_MAX)
            return false;
        char *p = realloc(set->pool, cap);
        if (!p)
            return false;
        set->pool = p;
        set->pool_cap = cap;
    }
    size_t off = set->pool_n;
    set->pool[off] = (char)(unsigned char)n;
    memcpy(set->pool + off + 1, k, n);
    set->pool_n += n + 1;
    size_t i = pipe_hash(k, n) & (set->cap - 1);
    while (set->slots[i])
        i = (i + 1) & (set->cap - 1);
    set->slots[i] = (uint32_t)off + 1;
    set->n++;
    return true;
}

static void pipe_strset_free(pipe_strset *set)
{
    free(set->slots);
    free(set->pool);
    memset(set, 0, sizeof *set);
}

/* ---- what the plan knows ---------------------------------------------- */

/* Keys of the filter end in a tag byte: a stem that an edit stripping N
 * letters turns into a discard word ends in '0' + N, a form of the
 * exception table whose lemma is a discard word in PIPE_FORM_TAG. */
#define PIPE_FORM_TAG 'F'
#define PIPE_MAX_STRIP 9 /* the rule format's one digit */
#define PIPE_KEY_MAX 255

struct pipe_words {
    uint32_t *ids;           /* every word id of a discard phrase, sorted, unique */
    size_t n_ids;
    size_t mask_len;         /* uint64_t per mask of those ids */
    uint64_t *phrases;       /* per discard phrase, its words as a mask */
    bool filtering;          /* the lemma tables could be read backwards */
    pipe_strset filter;      /* the keys described above */
    unsigned strips;         /* bit N: some edit strips N letters */
    pipe_strset edits;       /* while building: the edits already expanded */
};

static int pipe_cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* ASCII lower case of s[0..n) into out (n < size); false when too long. */
static bool pipe_lower(const char *s, size_t n, char *out, size_t size)
{
    if (n >= size)
        return false;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    out[n] = '\0';
    return true;
}

/* The bit of word id `id` among w->ids, or -1. */
static long pipe_bit_of(const pipe_words *w, uint32_t id)
{
    const uint32_t *p = bsearch(&id, w->ids, w->n_ids, sizeof id, pipe_cmp_u32);
    return p ? (long)(p - w->ids) : -1;
}

/* The coder's id of a word, lower-cased as the coder does it. */
static uint32_t pipe_id_of(const cod_verbs *v, const char *s)
{
    char low[128];
    size_t n = strlen(s);
    if (!pipe_lower(s, n, low, sizeof low))
        return COD_NO_WORD;
    return cod_verbs_word(v, low, n);
}

static int pipe_words_ids(pipe_words *w, const cod_verbs *v)
{
    size_t n = 0;
    for (uint32_t d = 0; d < v->n_discards; d++)
        n += v->discards[d].n;
    w->ids = malloc((n ? n : 1) * sizeof *w->ids);
    if (!w->ids)
        return ANNALS_E_NOMEM;
    n = 0;
    for (uint32_t d = 0; d < v->n_discards; d++)
        for (uint8_t i = 0; i < v->discards[d].n; i++)
            if (v->discards[d].words[i] != COD_NO_WORD)
                w->ids[n++] = v->discards[d].words[i];
    qsort(w->ids, n, sizeof *w->ids, pipe_cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || w->ids[u - 1] != w->ids[i])
            w->ids[u++] = w->ids[i];
    w->n_ids = u;
    w->mask_len = (u + 63) / 64;
    if (!w->mask_len)
        w->mask_len = 1;
    w->phrases = calloc((size_t)v->n_discards * w->mask_len + 1, sizeof *w->phrases);
    if (!w->phrases)
        return ANNALS_E_NOMEM;
    for (uint32_t d = 0; d < v->n_discards; d++)
        for (uint8_t i = 0; i < v->discards[d].n; i++) {
            long b = pipe_bit_of(w, v->discards[d].words[i]);
            if (b >= 0)
                w->phrases[d * w->mask_len + (size_t)b / 64] |= (uint64_t)1 << (b % 64);
        }
    return ANNALS_OK;
}

/* Calls fn(key, value) for every entry of a lemmatiser table, by walking
 * its pool ("key\0value\0" back to back from byte 1, strmap.h).  Each
 * entry walked must be the one the table finds for its key, and the walk
 * must see as many entries as the table has slots in use: otherwise the
 * layout is not the one this code knows and false is returned. */
typedef bool (*pipe_entry_fn)(pipe_words *w, const cod_verbs *v, const char *key,
                              const char *value);

static bool pipe_walk(const syn_strmap *m, pipe_words *w, const cod_verbs *v, pipe_entry_fn fn,
                      int *rc)
{
    if (!m->slots || !m->pool || m->pool_size < 1)
        return false;
    size_t used = 0, walked = 0;
    for (uint64_t i = 0; i <= m->mask; i++)
        used += m->slots[i] != 0;
    for (size_t off = 1; off < m->pool_size;) {
        const char *key = m->pool + off;
        const char *kend = memchr(key, '\0', m->pool_size - off);
        if (!kend || (size_t)(kend - m->pool) + 1 >= m->pool_size)
            return false;
        const char *value = kend + 1;
        const char *vend = memchr(value, '\0', m->pool_size - (size_t)(value - m->pool));
        if (!vend)
            return false;
        if (syn_strmap_get(m, key, (size_t)(kend - key)) != value)
            return false;
        if (!fn(w, v, key, value)) {
            *rc = ANNALS_E_NOMEM;
            return false;
        }
        walked++;
        off = (size_t)(vend - m->pool) + 1;
    }
    return walked == used;
}

/* An exception-table entry "U" + form -> lemma: the form when the lemma
 * is a discard word. */
static bool pipe_add_form(pipe_words *w, const cod_verbs *v, const char *key, const char *value)
{
    if (!key[0] || pipe_bit_of(w, pipe_id_of(v, value)) < 0)
        return true;
    char low[PIPE_KEY_MAX + 1];
    size_t n = strlen(key + 1);
    if (!pipe_lower(key + 1, n, low, sizeof low - 1))
        return true; /* longer than any word the coder can look up */
    low[n] = PIPE_FORM_TAG;
    return pipe_strset_add(&w->filter, low, n + 1);
}

/* Sets *fresh to whether the edit "N" + lower-cased append `lapp` (alen
 * bytes, at most PIPE_KEY_MAX) is seen for the first time, and remembers
 * it (an edit too long for the set is never remembered, so it counts as
 * fresh each time).  Returns false when out of memory. */
static bool pipe_new_edit(pipe_words *w, size_t strip, const char *lapp, size_t alen,
                          bool *fresh)
{
    char edit[PIPE_KEY_MAX + 2];
    *fresh = false;
    edit[0] = (char)('0' + strip);
    memcpy(edit + 1, lapp, alen);
    if (pipe_strset_has(&w->edits, edit, alen + 1))
        return true;
    *fresh = true;
    return pipe_strset_add(&w->edits, edit, alen + 1);
}

/* A rule-table entry "U" + ending -> "Nappend|Nappend|...": for every
 * edit and discard word ending in its (lower-cased) append, the stem
 * before that append, tagged with N.  The table has thousands of endings
 * but few distinct edits, and an edit gives the same stems whatever the
 * ending, so each edit is expanded once. */
static bool pipe_add_rules(pipe_words *w, const cod_verbs *v, const char *key, const char *value)
{
    (void)key;
    for (const char *r = value; *r;) {
        size_t strip = (size_t)(unsigned char)*r - '0';
        const char *app = r + 1;
        const char *end = strchr(app, '|');
        size_t alen = end ? (size_t)(end - app) : strlen(app);
        r = end ? end + 1 : app + alen;
        if (strip > PIPE_MAX_STRIP) /* also a byte below '0': it wraps */
            continue;
        w->strips |= 1u << strip;
        char lapp[PIPE_KEY_MAX + 1];
        if (!pipe_lower(app, alen, lapp, sizeof lapp))
            continue;
        bool fresh;
        if (!pipe_new_edit(w, strip, lapp, alen, &fresh))
            return false;
        if (!fresh)
            continue;
        for (size_t i = 0; i < w->n_ids; i++) {
            const char *d = v->words[w->ids[i]];
            size_t dn = strlen(d);
            if (dn < alen || memcmp(d + dn - alen, lapp, alen) != 0 || dn - alen >= PIPE_KEY_MAX)
                continue;
            char stem[PIPE_KEY_MAX + 1];
            memcpy(stem, d, dn - alen);
            stem[dn - alen] = (char)('0' + strip);
            if (!pipe_strset_add(&w->filter, stem, dn - alen + 1))
                return false;
        }
    }
    return true;
}

int pipe_words_build(const annals_resources *r, pipe_words **out)
{
    *out = NULL;
    if (!r->verbs || !r->verbs->n_discards)
        return ANNALS_OK;
    pipe_words *w = calloc(1, sizeof *w);
    if (!w)
        return ANNALS_E_NOMEM;
    int rc = pipe_words_ids(w, r->verbs);
    if (!rc && r->has_lemmatizer) {
        w->filtering = pipe_walk(&r->lemmatizer.forms, w, r->verbs, pipe_add_form, &rc) &&
                       pipe_walk(&r->lemmatizer.rules, w, r->verbs, pipe_add_rules, &rc);
        if (!w->filtering)
            pipe_strset_free(&w->filter);
        pipe_strset_free(&w->edits);
    }
    if (rc) {
        pipe_words_free(w);
        return rc;
    }
    *out = w;
    return ANNALS_OK;
}

void pipe_words_free(pipe_words *w)
{
    if (!w)
        return;
    free(w->ids);
    free(w->phrases);
    pipe_strset_free(&w->filter);
    pipe_strset_free(&w->edits);
    free(w);
}

size_t pipe_words_mask_len(const pipe_words *w)
{
    return w ? w->mask_len : 0;
}

bool pipe_words_filtering(const pipe_words *w)
{
    return w && w->filtering;
}

/* Whether, by the filter, some lemma of `norm` (lower-cased `low`, n
 * bytes) may be a discard word: the lemmatiser gives either an exception
 * table's lemma for the form, or the form with N letters stripped and a
 * string appended, or the form itself (the form's own id is checked by
 * the caller). */
static bool pipe_filter_passes(const pipe_words *w, const char *low, size_t n)
{
    char key[PIPE_KEY_MAX + 1];
    if (n >= PIPE_KEY_MAX)
        return true;
    memcpy(key, low, n);
    key[n] = PIPE_FORM_TAG;
    if (pipe_strset_has(&w->filter, key, n + 1))
        return true;
    for (size_t strip = 0; strip <= PIPE_MAX_STRIP && strip <= n; strip++) {
        if (!(w->strips >> strip & 1u))
            continue;
        key[n - strip] = (char)('0' + strip);
        if (pipe_strset_has(&w->filter, key, n - strip + 1))
            return true;
        key[n - strip] = low[n - strip];
    }
    return false;
}

bool pipe_words_may_discard(const annals_resources *r, const char *norm)
{
    const pipe_words *w = r->plan_words;
    if (!w)
        return false;
    if (!r->has_lemmatizer || !w->filtering)
        return true;
    char low[PIPE_KEY_MAX + 1];
    size_t n = strlen(norm);
    if (!pipe_lower(norm, n, low, sizeof low))
        return true;
    return pipe_filter_passes(w, low, n);
}

static void pipe_set_bit(const pipe_words *w, uint32_t id, uint64_t *mask, bool *any)
{
    long b = id == COD_NO_WORD ? -1 : pipe_bit_of(w, id);
    if (b >= 0) {
        mask[(size_t)b / 64] |= (uint64_t)1 << (b % 64);
        *any = true;
    }
}

bool pipe_words_discard_mask(const annals_resources *r, const char *norm, uint64_t *mask)
{
    const pipe_words *w = r->plan_words;
    if (!w)
        return false;
    memset(mask, 0, w->mask_len * sizeof *mask);
    bool any = false;
    pipe_set_bit(w, pipe_id_of(r->verbs, norm), mask, &any);
    if (!r->has_lemmatizer || !pipe_words_may_discard(r, norm))
        return any;
    char buf[SYN_LEM_MAX_WORD + 16];
    for (int u = 0; u < ANNALS_UPOS_COUNT; u++) {
        const char *lemma = syn_lemma_of(&r->lemmatizer, norm, u, buf, sizeof buf);
        pipe_set_bit(w, pipe_id_of(r->verbs, lemma), mask, &any);
    }
    return any;
}

bool pipe_words_phrase_within(const pipe_words *w, uint32_t d, const uint64_t *mask)
{
    const uint64_t *p = &w->phrases[(size_t)d * w->mask_len];
    for (size_t i = 0; i < w->mask_len; i++)
        if (p[i] & ~mask[i])
            return false;
    return true;
}
