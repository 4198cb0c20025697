/* train_tagger.c — training the tagger (averaged perceptron) and building
 * the lemmatiser into one model file.
 *
 * Training keeps an exact feature table: feature key -> a short run of
 * (class, weight, running total, timestamp) entries, created only when an
 * update touches them, so memory follows the evidence and not the number
 * of classes.  The averaged weights are quantised into the runtime layout
 * of tagger.h after every epoch and the dev set is scored by the very
 * tagger that will load the file; the best epoch is written.  With
 * several runs (syn_train_options.runs) each starts from zero weights
 * over its own orders of the sentences and keeps its best epoch; the
 * model written is the mean of those averaged weights (parameter mixing,
 * as the parser's trainer does). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "io/conllu.h"
#include "syntax/lemma.h"
#include "syntax/tagfeat.h"
#include "syntax/tagger.h"
#include "syntax/train.h"
#include "syntax/train_tagwn.h"
#include "text/utf8.h"

#define TT_NO_CLASS 255u
#define TT_QMAX 8388607.0     /* largest 24-bit weight */
#define TT_MAX_PAIRS (1u << 24)

void syn_train_options_init(syn_train_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->epochs = 10;
    opt->seed = 1;
}

static void tt_log(const syn_train_options *opt, int transient, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void tt_log(const syn_train_options *opt, int transient, const char *fmt, ...)
{
    if (!opt->log)
        return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    opt->log(opt->log_user, transient, line);
}

static int tt_fail(syn_train_options *opt, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int tt_fail(syn_train_options *opt, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(opt->error, sizeof opt->error, fmt, ap);
    va_end(ap);
    return rc;
}

/* ---- corpus ------------------------------------------------------------ */

typedef struct tt_word {
    size_t form, lemma, xpos; /* offsets into the corpus strings */
    uint8_t upos;
    uint8_t cls;              /* gold class, TT_NO_CLASS when none */
} tt_word;

typedef struct tt_corpus {
    core_buf str;
    tt_word *w;
    size_t n_words, cap_words;
    size_t *sent;             /* first word of each sentence; sent[n_sent] = n_words */
    size_t n_sent, cap_sent;
    syn_tagword *tw;          /* features of every word, after loading */
} tt_corpus;

static const char *tt_str(const tt_corpus *c, size_t off)
{
    return c->str.data + off;
}

static size_t tt_put(tt_corpus *c, const char *s)
{
    size_t off = c->str.len;
    core_buf_append(&c->str, s ? s : "_", strlen(s ? s : "_") + 1);
    return off;
}

static int tt_add_sentence(tt_corpus *c, core_arena *a, const annals_sentence *s)
{
    if (c->n_sent + 2 > c->cap_sent) {
        size_t cap = c->cap_sent ? c->cap_sent * 2 : 1024;
        size_t *v = realloc(c->sent, cap * sizeof *v);
        if (!v)
            return ANNALS_E_NOMEM;
        c->sent = v;
        c->cap_sent = cap;
    }
    if (c->n_words + s->n_words > c->cap_words) {
        size_t cap = c->cap_words ? c->cap_words * 2 : 16384;
        while (cap < c->n_words + s->n_words)
            cap *= 2;
        tt_word *v = realloc(c->w, cap * sizeof *v);
        if (!v)
            return ANNALS_E_NOMEM;
        c->w = v;
        c->cap_words = cap;
    }
    c->sent[c->n_sent++] = c->n_words;
    for (size_t i = 0; i < s->n_words; i++) {
        const annals_word *g = &s->words[i];
        /* The tagger sees the folded form at run time; so must training. */
        const char *norm = text_fold(a, g->form);
        if (!norm)
            return ANNALS_E_NOMEM;
        tt_word *w = &c->w[c->n_words++];
        w->form = tt_put(c, norm);
        w->lemma = tt_put(c, g->lemma);
        w->xpos = tt_put(c, g->xpos);
        w->upos = (uint8_t)g->upos;
        w->cls = TT_NO_CLASS;
    }
    c->sent[c->n_sent] = c->n_words;
    return c->str.failed ? ANNALS_E_NOMEM : ANNALS_OK;
}

static int tt_load(syn_train_options *opt, const char *path, size_t max_sent, tt_corpus *c)
{
    memset(c, 0, sizeof *c);
    FILE *fp = fopen(path, "r");
    if (!fp)
        return tt_fail(opt, ANNALS_E_IO, "cannot open '%s'", path);
    io_conllu *r = io_conllu_open(fp, path);
    if (!r) {
        fclose(fp);
        return tt_fail(opt, ANNALS_E_NOMEM, "out of memory");
    }
    core_arena a;
    core_arena_init(&a, 0);
    int rc;
    annals_document doc;
    size_t skipped = 0;
    while ((rc = io_conllu_next(r, &doc)) != 0) {
        if (rc == ANNALS_E_RECORD) {
            tt_log(opt, 0, "skipped: %s", io_conllu_error(r));
            skipped++;
            continue;
        }
        if (rc < 0)
            break;
        for (size_t i = 0; i < doc.n_sentences && rc > 0; i++) {
            if (max_sent && c->n_sent >= max_sent)
                break;
            if (doc.sentences[i].n_words && tt_add_sentence(c, &a, &doc.sentences[i]))
                rc = ANNALS_E_NOMEM;
        }
        core_arena_reset(&a);
        if (rc < 0 || (max_sent && c->n_sent >= max_sent))
            break;
    }
    if (rc < 0)
        tt_fail(opt, rc, "%s: %s", path,
                rc == ANNALS_E_NOMEM ? "out of memory" : io_conllu_error(r));
    io_conllu_free(r);
    fclose(fp);
    core_arena_destroy(&a);
    if (rc >= 0 && c->n_sent == 0)
        rc = tt_fail(opt, ANNALS_E_FORMAT, "%s: no sentences", path);
    if (rc < 0)
        return rc;
    c->tw = malloc((c->n_words ? c->n_words : 1) * sizeof *c->tw);
    if (!c->tw)
        return tt_fail(opt, ANNALS_E_NOMEM, "out of memory");
    for (size_t s = 0; s < c->n_sent; s++)
        for (size_t i = c->sent[s]; i < c->sent[s + 1]; i++) {
            const char *f = tt_str(c, c->w[i].form);
            syn_tagfeat_word(f, strlen(f), i == c->sent[s], &c->tw[i]);
        }
    tt_log(opt, 0, "%s: %zu sentences, %zu words%s", path, c->n_sent, c->n_words,
           skipped ? " (some skipped)" : "");
    return ANNALS_OK;
}

static void tt_corpus_free(tt_corpus *c)
{
    core_buf_free(&c->str);
    free(c->w);
    free(c->sent);
    free(c->tw);
}

/* ---- classes: the joint (UPOS, XPOS) tags of the training data --------- */

typedef struct tt_class {
    uint8_t upos;
    const char *xpos;         /* into the training corpus */
    size_t count;
} tt_class;

typedef struct tt_classes {
    tt_class v[SYN_TAGGER_MAX_CLASSES];
    size_t n;
} tt_classes;

static int tt_class_cmp(const void *a, const void *b)
{
    const tt_class *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    if (x->upos != y->upos)
        return x->upos < y->upos ? -1 : 1;
    return strcmp(x->xpos, y->xpos);
}

static size_t tt_class_find(const tt_classes *k, int upos, const char *xpos)
{
    for (size_t i = 0; i < k->n; i++)
        if (k->v[i].upos == upos && !strcmp(k->v[i].xpos, xpos))
            return i;
    return TT_NO_CLASS;
}

/* Collects the classes, most frequent first (at most 255: the rarest
 * beyond that are left untrained), and labels the corpus with them. */
static void tt_make_classes(tt_corpus *c, tt_classes *k)
{
    tt_class all[1024];
    size_t n = 0;
    for (size_t i = 0; i < c->n_words; i++) {
        const tt_word *w = &c->w[i];
        if (w->upos == ANNALS_UPOS_NONE)
            continue;
        const char *x = tt_str(c, w->xpos);
        size_t j = 0;
        while (j < n && !(all[j].upos == w->upos && !strcmp(all[j].xpos, x)))
            j++;
        if (j == n) {
            if (n == sizeof all / sizeof all[0])
                continue;
            all[n++] = (tt_class){w->upos, x, 0};
        }
        all[j].count++;
    }
    qsort(all, n, sizeof all[0], tt_class_cmp);
    k->n = n < SYN_TAGGER_MAX_CLASSES ? n : SYN_TAGGER_MAX_CLASSES;
    memcpy(k->v, all, k->n * sizeof all[0]);
}

static void tt_label(tt_corpus *c, const tt_classes *k)
{
    for (size_t i = 0; i < c->n_words; i++)
        c->w[i].cls = (uint8_t)tt_class_find(k, c->w[i].upos, tt_str(c, c->w[i].xpos));
}

/* ---- the word table: UPOS tags seen with each word ----------------------- */

#define TT_AMB_MIN 2          /* occurrences a word needs to be listed */
#define TT_SURE_MIN 50        /* ... to be tagged without scoring, when */
#define TT_SURE_SHARE 0.995   /* ... this share of them had one class */

typedef struct tt_hu {
    uint64_t hash;
    uint8_t upos, cls;
} tt_hu;

static int tt_hu_cmp(const void *a, const void *b)
{
    const tt_hu *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (int)x->cls - (int)y->cls;
}

/* class + 1 of the group v[0..n) (sorted by class) when one class has
 * the sure share of a frequent word, else 0. */
static uint32_t tt_sure(const tt_hu *v, size_t n)
{
    size_t best = 0, best_cls = TT_NO_CLASS;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].cls == v[i].cls)
            j++;
        if (j - i > best) {
            best = j - i;
            best_cls = v[i].cls;
        }
        i = j;
    }
    if (n < TT_SURE_MIN || best_cls == TT_NO_CLASS || (double)best < TT_SURE_SHARE * (double)n)
        return 0;
    return (uint32_t)best_cls + 1;
}

/* Index of `hash` in wn[0..n) (sorted), n when absent. */
static size_t tt_wn_index(const syn_tagwn_form *wn, size_t n, uint64_t hash)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (wn[mid].hash < hash)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && wn[lo].hash == hash ? lo : n;
}

static void tt_amb_put(uint64_t *slots, size_t n_slots, uint64_t hash, uint32_t bits)
{
    size_t k = hash & (n_slots - 1);
    while (slots[k])
        k = (k + 1) & (n_slots - 1);
    slots[k] = (uint64_t)((uint32_t)(hash >> 32) | 1u) << 32 | bits;
}

/* Builds the open-addressing table of tagger.h (check << 32 | bits) from
 * the training words and the WordNet forms wn[0..n_wn) (sorted, may be
 * empty); *log2 receives its size.  A training word listed gets its
 * WordNet bits beside its tags; a WordNet form that is not listed gets an
 * entry of its own with no tags. */
static uint64_t *tt_build_amb(const tt_corpus *c, const syn_tagwn_form *wn, size_t n_wn,
                              uint32_t *log2)
{
    tt_hu *v = malloc((c->n_words ? c->n_words : 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < c->n_words; i++)
        v[i] = (tt_hu){c->tw[i].lower, c->w[i].upos, c->w[i].cls};
    qsort(v, c->n_words, sizeof *v, tt_hu_cmp);
    size_t words = n_wn;
    for (size_t i = 0; i < c->n_words; i++)
        words += i == 0 || v[i].hash != v[i - 1].hash;
    /* Filled up to three quarters: with WordNet's forms the table is some
     * 180,000 words, and 2^18 slots (2 MiB) rather than 2^19 keep it
     * closer to the caches; a probe rarely leaves its cache line. */
    *log2 = 4;
    while (((size_t)1 << *log2) * 3 < words * 4)
        (*log2)++;
    size_t n_slots = (size_t)1 << *log2;
    uint64_t *slots = calloc(n_slots, sizeof *slots);
    uint8_t *listed = calloc(n_wn ? n_wn : 1, 1);
    for (size_t i = 0; slots && listed && i < c->n_words;) {
        size_t j = i;
        uint32_t bits = 0;
        while (j < c->n_words && v[j].hash == v[i].hash)
            bits |= 1u << v[j++].upos;
        if (j - i >= TT_AMB_MIN && bits) {
            bits |= tt_sure(v + i, j - i) << 24;
            bits |= syn_tagwn_find(wn, n_wn, v[i].hash) << SYN_TAG_WN_SHIFT;
            tt_amb_put(slots, n_slots, v[i].hash, bits);
            size_t f = tt_wn_index(wn, n_wn, v[i].hash);
            if (f < n_wn)
                listed[f] = 1;
        }
        i = j;
    }
    for (size_t f = 0; slots && listed && f < n_wn; f++)
        if (!listed[f])
            tt_amb_put(slots, n_slots, wn[f].hash, wn[f].bits << SYN_TAG_WN_SHIFT);
    if (!listed) {
        free(slots);
        slots = NULL;
    }
    free(listed);
    free(v);
    return slots;
}

/* Sets the word-table bits of every word of c, as the tagger will. */
static void tt_set_amb(tt_corpus *c, const uint64_t *amb, uint32_t log2, size_t n_classes)
{
    syn_tagger t = {.amb = amb, .amb_mask = ((uint64_t)1 << log2) - 1,
                    .n_classes = n_classes};
    for (size_t i = 0; i < c->n_words; i++)
        syn_tagger_lookup_word(&t, &c->tw[i]);
}

/* ---- the perceptron ---------------------------------------------------- */

typedef struct tt_entry {
    double total;             /* sum of the weight over time, up to ts */
    float w;
    uint32_t ts;
    uint8_t cls;
} tt_entry;

typedef struct tt_feat {
    uint64_t key;
    uint32_t start;
    uint16_t len, cap;
} tt_feat;

typedef struct tt_model {
    size_t n_classes;
    tt_feat *f;
    size_t n_f, cap_f;
    uint32_t *index;          /* feature + 1, 0 = empty */
    size_t index_cap;
    tt_entry *e;
    size_t n_e, cap_e;
    uint32_t now;             /* examples seen: the averaging clock */
} tt_model;

static uint32_t tt_lookup(const tt_model *m, uint64_t key)
{
    if (!m->index_cap)
        return 0;
    size_t i = key & (m->index_cap - 1);
    while (m->index[i]) {
        if (m->f[m->index[i] - 1].key == key)
            return m->index[i];
        i = (i + 1) & (m->index_cap - 1);
    }
    return 0;
}

static int tt_grow_index(tt_model *m)
{
    size_t cap = m->index_cap ? m->index_cap * 2 : 1 << 16;
    uint32_t *idx = calloc(cap, sizeof *idx);
    if (!idx)
        return -1;
    for (size_t f = 0; f < m->n_f; f++) {
        size_t i = m->f[f].key & (cap - 1);
        while (idx[i])
            i = (i + 1) & (cap - 1);
        idx[i] = (uint32_t)f + 1;
    }
    free(m->index);
    m->index = idx;
    m->index_cap = cap;
    return 0;
}

/* Index + 1 of the feature `key`, created when new; 0 when out of memory. */
static uint32_t tt_intern(tt_model *m, uint64_t key)
{
    uint32_t f = tt_lookup(m, key);
    if (f)
        return f;
    if ((m->n_f + 1) * 2 > m->index_cap && tt_grow_index(m))
        return 0;
    if (m->n_f == m->cap_f) {
        size_t cap = m->cap_f ? m->cap_f * 2 : 1 << 16;
        tt_feat *v = realloc(m->f, cap * sizeof *v);
        if (!v)
            return 0;
        m->f = v;
        m->cap_f = cap;
    }
    m->f[m->n_f] = (tt_feat){key, 0, 0, 0};
    size_t i = key & (m->index_cap - 1);
    while (m->index[i])
        i = (i + 1) & (m->index_cap - 1);
    m->index[i] = (uint32_t)++m->n_f;
    return (uint32_t)m->n_f;
}

/* The entry of class `cls` in feature f, appended when new (moving the
 * feature's run to the end of the pool when it is full). */
static tt_entry *tt_entry_of(tt_model *m, tt_feat *f, unsigned cls)
{
    for (uint16_t k = 0; k < f->len; k++)
        if (m->e[f->start + k].cls == cls)
            return &m->e[f->start + k];
    if (f->len == f->cap) {
        size_t cap = f->cap ? (size_t)f->cap * 2 : 2;
        if (m->n_e + cap > m->cap_e) {
            size_t ncap = m->cap_e ? m->cap_e * 2 : 1 << 20;
            while (ncap < m->n_e + cap)
                ncap *= 2;
            tt_entry *v = realloc(m->e, ncap * sizeof *v);
            if (!v)
                return NULL;
            m->e = v;
            m->cap_e = ncap;
        }
        memcpy(m->e + m->n_e, m->e + f->start, f->len * sizeof *m->e);
        f->start = (uint32_t)m->n_e;
        f->cap = (uint16_t)cap;
        m->n_e += cap;
    }
    tt_entry *e = &m->e[f->start + f->len++];
    *e = (tt_entry){0, 0, m->now, (uint8_t)cls};
    return e;
}

static int tt_update(tt_model *m, const uint64_t *keys, size_t nk, unsigned gold,
                     unsigned guess)
{
    for (size_t k = 0; k < nk; k++) {
        uint32_t fi = tt_intern(m, keys[k]);
        if (!fi)
            return ANNALS_E_NOMEM;
        for (int side = 0; side < 2; side++) {
            tt_entry *e = tt_entry_of(m, &m->f[fi - 1], side ? guess : gold);
            if (!e)
                return ANNALS_E_NOMEM;
            e->total += (double)(m->now - e->ts) * e->w;
            e->ts = m->now;
            e->w += side ? -1.0f : 1.0f;
        }
    }
    return ANNALS_OK;
}

static unsigned tt_predict(const tt_model *m, const uint64_t *keys, size_t nk)
{
    float scores[SYN_TAGGER_MAX_CLASSES];
    memset(scores, 0, m->n_classes * sizeof scores[0]);
    for (size_t k = 0; k < nk; k++) {
        uint32_t fi = tt_lookup(m, keys[k]);
        if (!fi)
            continue;
        const tt_feat *f = &m->f[fi - 1];
        for (uint16_t j = 0; j < f->len; j++)
            scores[m->e[f->start + j].cls] += m->e[f->start + j].w;
    }
    unsigned best = 0;
    for (unsigned c = 1; c < m->n_classes; c++)
        if (scores[c] > scores[best])
            best = c;
    return best;
}

static uint64_t tt_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* One pass over the sentences in `order`; returns the share of words
 * tagged right before their update, or a negative error. */
static double tt_epoch(const syn_train_options *opt, tt_model *m, const tt_corpus *c,
                       const size_t *order, int epoch, int *rc)
{
    uint64_t keys[SYN_TAGFEAT_MAX];
    size_t right = 0, total = 0;
    for (size_t k = 0; k < c->n_sent; k++) {
        size_t s = order[k], b = c->sent[s], n = c->sent[s + 1] - b;
        unsigned p1 = SYN_TAG_START, p2 = SYN_TAG_START;
        for (size_t i = 0; i < n; i++) {
            unsigned gold = c->w[b + i].cls, guess;
            if (c->tw[b + i].sure) {
                /* The tagger will not score this word either. */
                guess = c->tw[b + i].sure - 1;
                total++;
                right += guess == gold;
                p2 = p1;
                p1 = guess;
                continue;
            }
            size_t nk = syn_tagfeat_token(c->tw + b, n, i, p1, p2, keys);
            guess = tt_predict(m, keys, nk);
            m->now++;
            if (gold != TT_NO_CLASS) {
                total++;
                if (guess == gold)
                    right++;
                else if ((*rc = tt_update(m, keys, nk, gold, guess)) != 0)
                    return 0;
            }
            p2 = p1;
            p1 = guess;
        }
        if ((k + 1) % 2000 == 0)
            tt_log(opt, 1, "epoch %d: %zu/%zu sentences", epoch, k + 1, c->n_sent);
    }
    *rc = 0;
    return total ? (double)right / (double)total : 0;
}

/* ---- the runtime sections ------------------------------------------- */

static double tt_avg(const tt_model *m, const tt_entry *e)
{
    double total = e->total + (double)(m->now - e->ts) * e->w;
    return m->now ? total / m->now : 0;
}

static int tt_add_classes(syn_model_writer *w, const tt_classes *k)
{
    uint32_t cls[2 * SYN_TAGGER_MAX_CLASSES];
    core_buf names = CORE_BUF_INIT;
    core_buf_putc(&names, '\0');
    for (size_t i = 0; i < k->n; i++) {
        cls[2 * i] = k->v[i].upos;
        cls[2 * i + 1] = (uint32_t)names.len;
        core_buf_append(&names, k->v[i].xpos, strlen(k->v[i].xpos) + 1);
    }
    int rc = names.failed ? ANNALS_E_NOMEM : 0;
    if (!rc)
        rc = syn_model_writer_add(w, SYN_TAG_SEC_CLASSES, cls, k->n * 8);
    if (!rc)
        rc = syn_model_writer_add(w, SYN_TAG_SEC_NAMES, names.data, names.len);
    core_buf_free(&names);
    return rc;
}

/* Quantises the averaged weights into the open-addressing layout.  A
 * weight under `floor` (in quantised units, of TT_QMAX for the largest) is
 * left out: 0 keeps every weight that does not round to zero. */
static int tt_add_weights(syn_model_writer *w, const tt_model *m, long floor, size_t *out_pairs)
{
    double max = 0;
    for (size_t f = 0; f < m->n_f; f++)
        for (uint16_t j = 0; j < m->f[f].len; j++) {
            double a = fabs(tt_avg(m, &m->e[m->f[f].start + j]));
            if (a > max)
                max = a;
        }
    double scale = max > 0 ? TT_QMAX / max : 1;
    uint32_t *pairs = malloc((m->n_e ? m->n_e : 1) * sizeof *pairs);
    uint32_t *runs = malloc((m->n_f ? m->n_f : 1) * sizeof *runs);
    if (!pairs || !runs) {
        free(pairs);
        free(runs);
        return ANNALS_E_NOMEM;
    }
    size_t np = 0, used = 0;
    for (size_t f = 0; f < m->n_f; f++) {
        size_t start = np;
        for (uint16_t j = 0; j < m->f[f].len; j++) {
            const tt_entry *e = &m->e[m->f[f].start + j];
            long q = lround(tt_avg(m, e) * scale);
            if (q != 0 && labs(q) >= floor)
                pairs[np++] = (uint32_t)((uint32_t)(q & 0xFFFFFF) << 8 | e->cls);
        }
        runs[f] = (uint32_t)(np - start);
        used += np > start;
    }
    uint32_t log2 = 4;
    while (((size_t)1 << log2) * 5 < used * 7)
        log2++;
    size_t n_slots = (size_t)1 << log2;
    uint64_t *slots = calloc(n_slots, sizeof *slots);
    int rc = slots ? 0 : ANNALS_E_NOMEM;
    if (!rc && np >= TT_MAX_PAIRS)
        rc = ANNALS_E_LIMIT;
    for (size_t f = 0, start = 0; f < m->n_f && !rc; start += runs[f], f++) {
        if (!runs[f])
            continue;
        uint64_t key = m->f[f].key;
        size_t i = key & (n_slots - 1);
        while (slots[i])
            i = (i + 1) & (n_slots - 1);
        slots[i] = (uint64_t)((uint32_t)(key >> 32) | 1u) << 32 | (uint64_t)start << 8 | runs[f];
    }
    uint32_t meta[4] = {SYN_TAG_FEATURE_SET, (uint32_t)m->n_classes, log2, (uint32_t)np};
    if (!rc)
        rc = syn_model_writer_add(w, SYN_TAG_SEC_META, meta, sizeof meta);
    if (!rc)
        rc = syn_model_writer_add(w, SYN_TAG_SEC_SLOTS, slots, n_slots * 8);
    if (!rc)
        rc = syn_model_writer_add(w, SYN_TAG_SEC_PAIRS, pairs, np * 4);
    *out_pairs = np;
    free(slots);
    free(pairs);
    free(runs);
    return rc;
}

/* ---- scoring ---------------------------------------------------------- */

typedef struct tt_scores {
    size_t words, upos, xpos, lemma;
} tt_scores;

static int tt_score(const syn_tagger *t, const syn_lemmatizer *l, const tt_corpus *c,
                    tt_scores *out)
{
    memset(out, 0, sizeof *out);
    uint8_t cls[1024];
    char buf[SYN_LEM_MAX_WORD + 16];
    for (size_t s = 0; s < c->n_sent; s++) {
        size_t b = c->sent[s], n = c->sent[s + 1] - b;
        if (n > sizeof cls)
            continue;
        syn_tagger_classes(t, c->tw + b, n, cls);
        for (size_t i = 0; i < n; i++) {
            const tt_word *w = &c->w[b + i];
            int upos = t->upos[cls[i]];
            out->words++;
            out->upos += upos == w->upos;
            out->xpos += !strcmp(t->xpos[cls[i]], tt_str(c, w->xpos));
            if (l) {
                const char *lem = syn_lemma_of(l, tt_str(c, w->form), upos, buf, sizeof buf);
                out->lemma += !strcmp(lem, tt_str(c, w->lemma));
            }
        }
    }
    return 0;
}

static double pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0;
}

/* Opens the model image `img` and scores corpus c with it. */
static int tt_score_image(syn_train_options *opt, const void *img, size_t size,
                          const tt_corpus *c, tt_scores *sc)
{
    char err[256];
    int e;
    syn_model *mm = syn_model_from_memory(img, size, "(in training)", &e, err, sizeof err);
    if (!mm)
        return tt_fail(opt, e, "%s", err);
    syn_tagger t;
    syn_lemmatizer l;
    int rc = syn_tagger_open(&t, mm, err, sizeof err);
    if (!rc)
        rc = syn_lemma_open(&l, mm, err, sizeof err);
    if (rc)
        tt_fail(opt, rc, "the trained model does not load: %s", err);
    else
        tt_score(&t, &l, c, sc);
    syn_model_close(mm);
    return rc;
}

/* ---- the whole run ------------------------------------------------------ */

/* The lemmatiser's sections, built once into a model of their own from
 * which every epoch's file copies them. */
static int tt_build_lemmas(syn_train_options *opt, const tt_corpus *c, void **img,
                           size_t *size)
{
    syn_lemma_example *ex = malloc((c->n_words ? c->n_words : 1) * sizeof *ex);
    syn_model_writer *w = syn_model_writer_create();
    int rc = ex && w ? 0 : tt_fail(opt, ANNALS_E_NOMEM, "out of memory");
    for (size_t i = 0; i < c->n_words && !rc; i++)
        ex[i] = (syn_lemma_example){tt_str(c, c->w[i].form), tt_str(c, c->w[i].lemma),
                                    c->w[i].upos};
    if (!rc)
        rc = syn_lemma_build(w, ex, c->n_words, opt->wordnet_dir, opt->error,
                             sizeof opt->error);
    if (!rc && !(*img = syn_model_writer_image(w, size)))
        rc = tt_fail(opt, ANNALS_E_NOMEM, "out of memory");
    free(ex);
    syn_model_writer_free(w);
    return rc;
}

static int tt_copy_sections(syn_model_writer *w, const void *img, size_t size)
{
    static const char *const tags[3] = {SYN_LEM_SEC_FORMS, SYN_LEM_SEC_RULES,
                                        SYN_LEM_SEC_LEXICON};
    int e;
    syn_model *m = syn_model_from_memory(img, size, "lemmas", &e, NULL, 0);
    if (!m)
        return e;
    int rc = 0;
    for (int i = 0; i < 3 && !rc; i++) {
        size_t n;
        const void *d = syn_model_section(m, tags[i], &n);
        rc = d ? syn_model_writer_add(w, tags[i], d, n) : ANNALS_E_DATA;
    }
    syn_model_close(m);
    return rc;
}

/* The model file of the current weights, as an image; weights under
 * `floor` are left out (tt_add_weights). */
static int tt_image(const tt_model *m, const tt_classes *k, const uint64_t *amb,
                    uint32_t amb_log2, const void *lem, size_t lem_size, long floor,
                    void **img, size_t *size, size_t *pairs)
{
    syn_model_writer *w = syn_model_writer_create();
    if (!w)
        return ANNALS_E_NOMEM;
    int rc = tt_add_classes(w, k);
    if (!rc)
        rc = syn_model_writer_add(w, SYN_TAG_SEC_AMBIG, amb, ((size_t)1 << amb_log2) * 8);
    if (!rc)
        rc = tt_add_weights(w, m, floor, pairs);
    if (!rc)
        rc = tt_copy_sections(w, lem, lem_size);
    if (!rc && !(*img = syn_model_writer_image(w, size)))
        rc = ANNALS_E_NOMEM;
    syn_model_writer_free(w);
    return rc;
}

/* Writes the image beside the output first and renames it over, so that
 * a failed run never leaves a half-written model where one was. */
static int tt_write(syn_train_options *opt, const void *img, size_t size)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", opt->output_path) >= (int)sizeof tmp)
        return tt_fail(opt, ANNALS_E_ARG, "output path too long");
    FILE *fp = fopen(tmp, "wb");
    int ok = fp && fwrite(img, 1, size, fp) == size;
    if (fp && fclose(fp) != 0)
        ok = 0;
    if (ok && rename(tmp, opt->output_path) != 0)
        ok = 0;
    if (!ok) {
        remove(tmp);
        return tt_fail(opt, ANNALS_E_IO, "cannot write '%s'", opt->output_path);
    }
    return 0;
}

typedef struct tt_run {
    tt_corpus train, dev;
    tt_classes classes;
    tt_model model;
    tt_model snap;            /* with several runs: the run's best epoch */
    tt_model mix;             /* ... and the sum of the runs' best epochs */
    size_t *order;
    void *lem, *best;
    size_t lem_size, best_size;
    uint64_t *amb;
    uint32_t amb_log2;
} tt_run;

static void tt_model_free(tt_model *m)
{
    size_t n_classes = m->n_classes;
    free(m->f);
    free(m->index);
    free(m->e);
    memset(m, 0, sizeof *m);
    m->n_classes = n_classes;
}

/* dst becomes a copy of src (its old arrays freed). */
static int tt_model_copy(tt_model *dst, const tt_model *src)
{
    tt_model_free(dst);
    *dst = *src;
    dst->f = malloc((src->cap_f ? src->cap_f : 1) * sizeof *dst->f);
    dst->index = malloc((src->index_cap ? src->index_cap : 1) * sizeof *dst->index);
    dst->e = malloc((src->cap_e ? src->cap_e : 1) * sizeof *dst->e);
    if (!dst->f || !dst->index || !dst->e) {
        tt_model_free(dst);
        return ANNALS_E_NOMEM;
    }
    memcpy(dst->f, src->f, src->n_f * sizeof *dst->f);
    if (src->index_cap)
        memcpy(dst->index, src->index, src->index_cap * sizeof *dst->index);
    memcpy(dst->e, src->e, src->n_e * sizeof *dst->e);
    return ANNALS_OK;
}

/* Adds the averaged weights of `run` to the sums of `mix`.  The sums are
 * kept as fixed weights-times-time totals with no live weight, so that
 * once mix->now is the number of runs tt_avg gives their mean. */
static int tt_mix_add(tt_model *mix, const tt_model *run)
{
    for (size_t f = 0; f < run->n_f; f++) {
        uint32_t fi = tt_intern(mix, run->f[f].key);
        if (!fi)
            return ANNALS_E_NOMEM;
        for (uint16_t j = 0; j < run->f[f].len; j++) {
            const tt_entry *src = &run->e[run->f[f].start + j];
            tt_entry *e = tt_entry_of(mix, &mix->f[fi - 1], src->cls);
            if (!e)
                return ANNALS_E_NOMEM;
            e->total += tt_avg(run, src);
        }
    }
    return ANNALS_OK;
}

static void tt_run_free(tt_run *r)
{
    tt_corpus_free(&r->train);
    tt_corpus_free(&r->dev);
    tt_model_free(&r->model);
    tt_model_free(&r->snap);
    tt_model_free(&r->mix);
    free(r->order);
    free(r->lem);
    free(r->best);
    free(r->amb);
}

/* One run from zero weights with shuffling seed `seed`: keeps the best
 * epoch's image in r->best and, when `snapshot`, its weights in r->snap. */
static int tt_train_epochs(syn_train_options *opt, tt_run *r, unsigned long seed, int snapshot)
{
    uint64_t rng = seed;
    double best_dev = -1;
    for (size_t i = 0; i < r->train.n_sent; i++)
        r->order[i] = i;
    for (int ep = 1; ep <= opt->epochs; ep++) {
        for (size_t i = r->train.n_sent; i > 1; i--) {
            size_t j = (size_t)(tt_rand(&rng) % i);
            size_t t = r->order[i - 1];
            r->order[i - 1] = r->order[j];
            r->order[j] = t;
        }
        int rc;
        double acc = tt_epoch(opt, &r->model, &r->train, r->order, ep, &rc);
        if (rc)
            return tt_fail(opt, rc, "out of memory in training");
        void *img = NULL;
        size_t size, pairs;
        if ((rc = tt_image(&r->model, &r->classes, r->amb, r->amb_log2, r->lem, r->lem_size, 0,
                           &img, &size, &pairs)))
            return tt_fail(opt, rc, "cannot build the model (%s)", annals_error_name(rc));
        tt_scores sc = {0};
        if (r->dev.n_sent && (rc = tt_score_image(opt, img, size, &r->dev, &sc))) {
            free(img);
            return rc;
        }
        double dev = pct(sc.upos, sc.words);
        int better = !r->dev.n_sent || dev > best_dev;
        if (r->dev.n_sent)
            tt_log(opt, 0,
                   "epoch %d/%d: train %.2f%%, dev UPOS %.2f%% XPOS %.2f%% lemma %.2f%% "
                   "(%zu features, %zu weights)%s",
                   ep, opt->epochs, 100 * acc, dev, pct(sc.xpos, sc.words),
                   pct(sc.lemma, sc.words), r->model.n_f, pairs, better ? " *" : "");
        else
            tt_log(opt, 0, "epoch %d/%d: train %.2f%% (%zu features, %zu weights)", ep,
                   opt->epochs, 100 * acc, r->model.n_f, pairs);
        if (better) {
            free(r->best);
            r->best = img;
            r->best_size = size;
            best_dev = dev;
            if (snapshot && (rc = tt_model_copy(&r->snap, &r->model)))
                return tt_fail(opt, rc, "out of memory in training");
        } else {
            free(img);
        }
    }
    return 0;
}

/* The smallest mean weight a mix keeps: 1/256 of the largest.  Most of
 * the weights under it are features one run alone learnt a little (a
 * single run has few: 5 % of its weights); they made a mix of 5 runs 77 %
 * larger (901,000 weights, twice the slots) and its tagging a third
 * slower. */
#define TT_MIX_FLOOR ((long)(TT_QMAX / 256))

/* Parameter mixing: opt->runs runs, each from zero weights and its own
 * seed; r->best becomes the image of the mean of their best epochs. */
static int tt_train_runs(syn_train_options *opt, tt_run *r)
{
    int runs = opt->runs > 1 ? opt->runs : 1;
    if (runs == 1)
        return tt_train_epochs(opt, r, opt->seed, 0);
    r->mix.n_classes = r->model.n_classes;
    for (int k = 0; k < runs; k++) {
        tt_log(opt, 0, "run %d of %d (seed %lu)", k + 1, runs, opt->seed + (unsigned long)k);
        tt_model_free(&r->model);
        int rc = tt_train_epochs(opt, r, opt->seed + (unsigned long)k, 1);
        if (!rc && (rc = tt_mix_add(&r->mix, &r->snap)))
            tt_fail(opt, rc, "out of memory in training");
        if (rc)
            return rc;
    }
    r->mix.now = (uint32_t)runs;
    free(r->best);
    r->best = NULL;
    size_t pairs;
    int rc = tt_image(&r->mix, &r->classes, r->amb, r->amb_log2, r->lem, r->lem_size,
                      TT_MIX_FLOOR, &r->best, &r->best_size, &pairs);
    if (rc)
        return tt_fail(opt, rc, "cannot build the model (%s)", annals_error_name(rc));
    tt_scores sc = {0};
    if (r->dev.n_sent && (rc = tt_score_image(opt, r->best, r->best_size, &r->dev, &sc)))
        return rc;
    if (r->dev.n_sent)
        tt_log(opt, 0, "mean of %d runs: dev UPOS %.2f%% XPOS %.2f%% lemma %.2f%% (%zu weights)",
               runs, pct(sc.upos, sc.words), pct(sc.xpos, sc.words), pct(sc.lemma, sc.words),
               pairs);
    else
        tt_log(opt, 0, "mean of %d runs (%zu weights)", runs, pairs);
    return 0;
}

/* Scores the model written on the test file, as the dev file was. */
static int tt_test(syn_train_options *opt, tt_run *r)
{
    tt_corpus test;
    int rc = tt_load(opt, opt->test_path, 0, &test);
    if (!rc) {
        tt_set_amb(&test, r->amb, r->amb_log2, r->classes.n);
        tt_scores sc;
        rc = tt_score_image(opt, r->best, r->best_size, &test, &sc);
        if (!rc)
            tt_log(opt, 0, "test %s: UPOS %.2f%% XPOS %.2f%% lemma %.2f%% (%zu words)",
                   opt->test_path, pct(sc.upos, sc.words), pct(sc.xpos, sc.words),
                   pct(sc.lemma, sc.words), sc.words);
    }
    tt_corpus_free(&test);
    return rc;
}

int syn_train_tagger(syn_train_options *opt)
{
    opt->error[0] = '\0';
    if (!opt->train_path || !opt->output_path || opt->epochs < 1)
        return tt_fail(opt, ANNALS_E_ARG, "a train file, an output file and epochs >= 1 are needed");
    tt_run r;
    memset(&r, 0, sizeof r);
    int rc = tt_load(opt, opt->train_path, opt->max_sentences, &r.train);
    if (!rc && opt->dev_path)
        rc = tt_load(opt, opt->dev_path, 0, &r.dev);
    if (!rc) {
        tt_make_classes(&r.train, &r.classes);
        tt_label(&r.train, &r.classes);
        r.model.n_classes = r.classes.n;
        tt_log(opt, 0, "%zu tags (UPOS+XPOS)", r.classes.n);
        rc = tt_build_lemmas(opt, &r.train, &r.lem, &r.lem_size);
    }
    syn_tagwn_form *wn = NULL;
    size_t n_wn = 0;
    if (!rc && opt->wordnet_dir)
        rc = syn_tagwn_build(opt->wordnet_dir, &wn, &n_wn, opt->error, sizeof opt->error);
    if (!rc && n_wn)
        tt_log(opt, 0, "%zu word forms from WordNet", n_wn);
    if (!rc && !(r.amb = tt_build_amb(&r.train, wn, n_wn, &r.amb_log2)))
        rc = tt_fail(opt, ANNALS_E_NOMEM, "out of memory");
    free(wn);
    if (!rc) {
        tt_set_amb(&r.train, r.amb, r.amb_log2, r.classes.n);
        tt_set_amb(&r.dev, r.amb, r.amb_log2, r.classes.n);
    }
    if (!rc && !(r.order = malloc(r.train.n_sent * sizeof *r.order)))
        rc = tt_fail(opt, ANNALS_E_NOMEM, "out of memory");
    if (!rc)
        rc = tt_train_runs(opt, &r);
    if (!rc)
        rc = tt_write(opt, r.best, r.best_size);
    if (!rc)
        tt_log(opt, 0, "wrote %s (%zu bytes)", opt->output_path, r.best_size);
    if (!rc && opt->test_path)
        rc = tt_test(opt, &r);
    tt_run_free(&r);
    return rc;
}
