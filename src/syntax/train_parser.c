/* train_parser.c — training the dependency parser: an averaged perceptron
 * with the dynamic oracle of Goldberg & Nivre (2013) for arc-hybrid and
 * error exploration (after the first epoch the trainer follows its own
 * prediction most of the time, so it learns to recover from its
 * mistakes).  The action classifier learns from every configuration; the
 * label classifier from every arc that is right, toward its gold label.
 *
 * Weights are floats during training, with the running sums that give the
 * average (w - u/c, Daumé's trick).  After each epoch the averaged weights
 * are quantised to int16 exactly as shipped and the dev set is parsed with
 * the real parser; the epoch with the best dev LAS is written.  With
 * several runs (syn_parser_train_config.runs) the written weights are the
 * mean of each run's best epoch (parameter mixing, syn_ptrain_runs).
 */
#include "syntax/train_parser.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "syntax/parser.h"
#include "syntax/parser_system.h"
#include "syntax/parser_treebank.h"

void syn_parser_train_config_init(syn_parser_train_config *cfg)
{
    cfg->act_bits = 20;
    cfg->lab_bits = 14;
    cfg->explore_from_epoch = 1;
    cfg->explore_p = 0.9;
    cfg->runs = 1;
}

/* A treebank turned into what training needs: token features, gold heads
 * (0-based, n for the root), label ids and gold dependents. */
typedef struct syn_ptrain_set {
    size_t n_sent;
    size_t *start;           /* words of sentence s: start[s] .. start[s+1] */
    syn_ptok *tok;           /* per sentence n + 1 entries: start[s] + s .. */
    int *gold_head, *gold_label;
    int *deps, *dep_start;   /* per sentence CSR of n + 2 offsets: at start[s] + 2 s */
    int max_n;
} syn_ptrain_set;

#define SYN_PTRAIN_MAX_RUNS 16

typedef struct syn_ptrain {
    syn_train_options *opt;
    const syn_parser_train_config *cfg;
    /* Labels. */
    char *label_names[SYN_PL_MAX];
    int n_labels, root_label, label_width;
    /* Weights and the sums for averaging. */
    size_t act_n, lab_n;
    float *act_w, *lab_w;
    double *act_u, *lab_u;
    double clock;
    /* The averaged weights of the best epoch of the current run, and their
     * sum over the runs done (parameter mixing). */
    float *run_act, *run_lab;
    float *mix_act, *mix_lab;
    int run_epochs[SYN_PTRAIN_MAX_RUNS];
    uint64_t rng;
} syn_ptrain;

static void syn_ptrain_log(syn_ptrain *t, int transient, const char *fmt, ...)
{
    if (!t->opt->log)
        return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    t->opt->log(t->opt->log_user, transient, line);
}

static int syn_ptrain_error(syn_ptrain *t, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->opt->error, sizeof t->opt->error, fmt, ap);
    va_end(ap);
    return code;
}

static uint64_t syn_ptrain_rand(syn_ptrain *t)
{
    /* xorshift64*: small, fast and fully determined by the seed. */
    t->rng ^= t->rng >> 12;
    t->rng ^= t->rng << 25;
    t->rng ^= t->rng >> 27;
    return t->rng * 0x2545f4914f6cdd1dull;
}

static int syn_ptrain_label_id(syn_ptrain *t, const char *name)
{
    for (int i = 0; i < t->n_labels; i++)
        if (strcmp(t->label_names[i], name) == 0)
            return i;
    if (t->n_labels >= SYN_PL_MAX)
        return -1;
    t->label_names[t->n_labels] = strdup(name);
    if (!t->label_names[t->n_labels])
        return -1;
    if (strcmp(name, "root") == 0)
        t->root_label = t->n_labels;
    return t->n_labels++;
}

static void syn_ptrain_set_free(syn_ptrain_set *d)
{
    free(d->start);
    free(d->tok);
    free(d->gold_head);
    free(d->gold_label);
    free(d->deps);
    free(d->dep_start);
    memset(d, 0, sizeof *d);
}

static int syn_ptrain_set_make(syn_ptrain *t, const syn_treebank *tb, syn_ptrain_set *d)
{
    memset(d, 0, sizeof *d);
    size_t nw = tb->n_words, ns = tb->n_sent;
    d->n_sent = ns;
    d->start = malloc((ns + 1) * sizeof *d->start);
    d->tok = malloc((nw + ns) * sizeof *d->tok);
    d->gold_head = malloc((nw + 1) * sizeof *d->gold_head);
    d->gold_label = malloc((nw + 1) * sizeof *d->gold_label);
    d->deps = malloc((nw + 1) * sizeof *d->deps);
    d->dep_start = malloc((nw + 2 * ns + 1) * sizeof *d->dep_start);
    if (!d->start || !d->tok || !d->gold_head || !d->gold_label || !d->deps || !d->dep_start)
        return ANNALS_E_NOMEM;
    memcpy(d->start, tb->start, (ns + 1) * sizeof *d->start);
    for (size_t s = 0; s < ns; s++) {
        size_t b = tb->start[s];
        int n = (int)(tb->start[s + 1] - b);
        if (n > d->max_n)
            d->max_n = n;
        syn_ptok *tok = d->tok + b + s;
        int *ds = d->dep_start + b + 2 * s;
        for (int i = 0; i <= n + 1; i++)
            ds[i] = 0;
        for (int i = 0; i < n; i++) {
            const syn_tbword *w = &tb->words[b + (size_t)i];
            syn_ptok_make(&tok[i], w->form, w->upos, w->xpos);
            int h = w->head == 0 ? n : w->head - 1;
            d->gold_head[b + (size_t)i] = h;
            int l = syn_ptrain_label_id(t, w->deprel);
            if (l < 0)
                return syn_ptrain_error(t, ANNALS_E_LIMIT, "%s: more than %d labels",
                                        t->opt->train_path, SYN_PL_MAX);
            d->gold_label[b + (size_t)i] = l;
            ds[h + 1]++;
        }
        syn_ptok_root(&tok[n]);
        for (int i = 0; i <= n; i++)
            ds[i + 1] += ds[i];
        /* Fill the dependents using a cursor per head. */
        int *cursor = malloc((size_t)(n + 1) * sizeof *cursor);
        if (!cursor)
            return ANNALS_E_NOMEM;
        memcpy(cursor, ds, (size_t)(n + 1) * sizeof *cursor);
        for (int i = 0; i < n; i++)
            d->deps[b + (size_t)cursor[d->gold_head[b + (size_t)i]]++] = i;
        free(cursor);
    }
    return 0;
}

/* Scores of the three actions with the float weights. */
static void syn_ptrain_score(const syn_ptrain *t, const uint64_t *f, int nf, float score[SYN_PA_WIDTH])
{
    float s0 = 0, s1 = 0, s2 = 0;
    for (int i = 0; i < nf; i++) {
        const float *r = t->act_w + syn_pact_row(f[i], t->cfg->act_bits) * SYN_PA_WIDTH;
        s0 += r[0];
        s1 += r[1];
        s2 += r[2];
    }
    score[0] = s0;
    score[1] = s1;
    score[2] = s2;
}

static void syn_ptrain_update_act(syn_ptrain *t, const uint64_t *f, int nf, int cls, float delta)
{
    for (int i = 0; i < nf; i++) {
        size_t k = syn_pact_row(f[i], t->cfg->act_bits) * SYN_PA_WIDTH + (size_t)cls;
        t->act_w[k] += delta;
        t->act_u[k] += t->clock * delta;
    }
}

static int syn_ptrain_best_label(const syn_ptrain *t, const uint64_t *f, int nf, int action)
{
    float acc[256];
    int width = t->label_width;
    memset(acc, 0, (size_t)width * sizeof acc[0]);
    if (nf > SYN_PF_LABEL)
        nf = SYN_PF_LABEL;
    for (int i = 0; i < nf; i++) {
        const float *r = t->lab_w + syn_plab_row(f[i], action, t->cfg->lab_bits) * (size_t)width;
        for (int k = 0; k < width; k++)
            acc[k] += r[k];
    }
    int best = -1;
    for (int k = 0; k < t->n_labels; k++)
        if (k != t->root_label && (best < 0 || acc[k] > acc[best]))
            best = k;
    return best;
}

static void syn_ptrain_update_lab(syn_ptrain *t, const uint64_t *f, int nf, int action,
                                  int label, float delta)
{
    if (nf > SYN_PF_LABEL)
        nf = SYN_PF_LABEL;
    for (int i = 0; i < nf; i++) {
        size_t k = syn_plab_row(f[i], action, t->cfg->lab_bits) * (size_t)t->label_width +
                   (size_t)label;
        t->lab_w[k] += delta;
        t->lab_u[k] += t->clock * delta;
    }
}

typedef struct syn_ptrain_stats {
    size_t states, errors, arcs, label_errors;
} syn_ptrain_stats;

/* One sentence: follow the oracle (or, when exploring, the model) and
 * update on every configuration where the model's choice costs more than
 * the best one. */
static void syn_ptrain_sentence(syn_ptrain *t, syn_ptrain_set *d, size_t si, syn_pstate *st,
                                int explore, syn_ptrain_stats *stats)
{
    size_t b = d->start[si];
    int n = (int)(d->start[si + 1] - b);
    const int *gh = d->gold_head + b;
    const int *gl = d->gold_label + b;
    const int *deps = d->deps + b;
    const int *ds = d->dep_start + b + 2 * si;
    st->n = n;
    st->tok = d->tok + b + si;
    syn_pstate_init(st);
    uint64_t f[SYN_PF_MAX];
    while (!syn_pstate_terminal(st)) {
        int nf = syn_pfeatures(st, f, t->act_w, SYN_PA_WIDTH * sizeof *t->act_w,
                               t->cfg->act_bits);
        float score[SYN_PA_WIDTH];
        syn_ptrain_score(t, f, nf, score);
        int cost[SYN_PA_COUNT], pred = -1, gold = -1, min_cost = 1 << 30;
        for (int a = 0; a < SYN_PA_COUNT; a++) {
            cost[a] = syn_pstate_valid(st, a) ? syn_poracle_cost(st, a, gh, deps, ds) : -1;
            if (cost[a] >= 0 && cost[a] < min_cost)
                min_cost = cost[a];
        }
        for (int a = 0; a < SYN_PA_COUNT; a++) {
            if (cost[a] < 0)
                continue;
            if (pred < 0 || score[a] > score[pred])
                pred = a;
            if (cost[a] == min_cost && (gold < 0 || score[a] > score[gold]))
                gold = a;
        }
        t->clock += 1;
        stats->states++;
        if (cost[pred] > min_cost) {
            stats->errors++;
            syn_ptrain_update_act(t, f, nf, gold, 1.0f);
            syn_ptrain_update_act(t, f, nf, pred, -1.0f);
        }
        int next = gold;
        if (explore && cost[pred] > min_cost &&
            (double)(syn_ptrain_rand(t) >> 11) / 9007199254740992.0 < t->cfg->explore_p)
            next = pred;
        int label = 0;
        if (next != SYN_PA_SHIFT) {
            int head, dep;
            syn_pstate_arc(st, next, &head, &dep);
            if (head == n) {
                label = t->root_label;
            } else if (gh[dep] == head) {
                label = gl[dep];
                int guess = syn_ptrain_best_label(t, f, nf, next);
                stats->arcs++;
                if (guess != label) {
                    stats->label_errors++;
                    syn_ptrain_update_lab(t, f, nf, next, label, 1.0f);
                    syn_ptrain_update_lab(t, f, nf, next, guess, -1.0f);
                }
            } else {
                label = syn_ptrain_best_label(t, f, nf, next);
            }
        }
        syn_pstate_apply(st, next, label);
    }
}

/* Weight i averaged over the updates so far (w - u/c), or w itself when
 * there are no sums (a mix of runs, already averaged). */
static double syn_ptrain_avg(const float *w, const double *u, size_t i, double clock)
{
    return u ? (double)w[i] - u[i] / clock : (double)w[i];
}

/* The factor that brings the largest averaged weight of a table to `top`:
 * the scale cancels in an argmax. */
static double syn_ptrain_scale(const float *w, const double *u, size_t count, double clock,
                               double top)
{
    double max = 0;
    for (size_t i = 0; i < count; i++) {
        double a = fabs(syn_ptrain_avg(w, u, i, clock));
        if (a > max)
            max = a;
    }
    return max > 0 ? top / max : 0;
}

/* The averaged action weights as int16, the largest 32000. */
static int16_t *syn_ptrain_quantise(const float *w, const double *u, size_t count, double clock)
{
    int16_t *q = malloc(count * sizeof *q);
    if (!q)
        return NULL;
    double scale = syn_ptrain_scale(w, u, count, clock, 32000.0);
    for (size_t i = 0; i < count; i++)
        q[i] = (int16_t)lrint(syn_ptrain_avg(w, u, i, clock) * scale);
    return q;
}

/* The averaged label weights as int8, the largest 127: on EWT dev the
 * labels come out as with int16 (81.20 against 81.21 LAS when a trained
 * model's table was requantised), and a row of 64 labels is then one
 * cache line. */
static int8_t *syn_ptrain_quantise8(const float *w, const double *u, size_t count, double clock)
{
    int8_t *q = malloc(count);
    if (!q)
        return NULL;
    double scale = syn_ptrain_scale(w, u, count, clock, 127.0);
    for (size_t i = 0; i < count; i++)
        q[i] = (int8_t)lrint(syn_ptrain_avg(w, u, i, clock) * scale);
    return q;
}

/* Keeps the averaged weights of this epoch as the run's best. */
static void syn_ptrain_keep_run(syn_ptrain *t)
{
    for (size_t i = 0; i < t->act_n; i++)
        t->run_act[i] = (float)syn_ptrain_avg(t->act_w, t->act_u, i, t->clock);
    for (size_t i = 0; i < t->lab_n; i++)
        t->run_lab[i] = (float)syn_ptrain_avg(t->lab_w, t->lab_u, i, t->clock);
}

typedef struct syn_ptrain_model {
    syn_parser_header h;
    int epoch;               /* 1-based epoch the weights are from */
    double dev_uas, dev_las;
    char *labels;
    size_t labels_size;
    int16_t *act;
    int8_t *lab;
} syn_ptrain_model;

static void syn_ptrain_model_free(syn_ptrain_model *m)
{
    free(m->labels);
    free(m->act);
    free(m->lab);
    memset(m, 0, sizeof *m);
}

/* The model of the current weights: averaged (u given) or as they are. */
static int syn_ptrain_snapshot_of(syn_ptrain *t, syn_ptrain_model *m, const float *act,
                                  const double *act_u, const float *lab, const double *lab_u)
{
    memset(m, 0, sizeof *m);
    m->h.feature_set = SYN_PARSER_FEATURE_SET;
    m->h.n_labels = (uint32_t)t->n_labels;
    m->h.label_width = (uint32_t)t->label_width;
    m->h.act_bits = t->cfg->act_bits;
    m->h.lab_bits = t->cfg->lab_bits;
    m->h.root_label = (uint32_t)t->root_label;
    for (int i = 0; i < t->n_labels; i++)
        m->labels_size += strlen(t->label_names[i]) + 1;
    m->labels = malloc(m->labels_size);
    m->act = syn_ptrain_quantise(act, act_u, t->act_n, t->clock);
    m->lab = syn_ptrain_quantise8(lab, lab_u, t->lab_n, t->clock);
    if (!m->labels || !m->act || !m->lab) {
        syn_ptrain_model_free(m);
        return ANNALS_E_NOMEM;
    }
    char *p = m->labels;
    for (int i = 0; i < t->n_labels; i++) {
        size_t l = strlen(t->label_names[i]) + 1;
        memcpy(p, t->label_names[i], l);
        p += l;
    }
    return 0;
}

static int syn_ptrain_snapshot(syn_ptrain *t, syn_ptrain_model *m)
{
    return syn_ptrain_snapshot_of(t, m, t->act_w, t->act_u, t->lab_w, t->lab_u);
}

static syn_parser *syn_ptrain_model_parser(const syn_ptrain *t, const syn_ptrain_model *m,
                                           char *err, size_t errsize)
{
    return syn_parser_from_tables(&m->h, sizeof m->h, m->labels, m->labels_size, m->act,
                                  t->act_n * sizeof(int16_t), m->lab, t->lab_n, err, errsize);
}

static const char *syn_ptrain_basename(const char *path)
{
    const char *b = path ? strrchr(path, '/') : NULL;
    return b ? b + 1 : path ? path : "-";
}

static int syn_ptrain_save(syn_ptrain *t, const syn_ptrain_model *m, const char *path)
{
    syn_model_writer *w = syn_model_writer_create();
    if (!w)
        return syn_ptrain_error(t, ANNALS_E_NOMEM, "out of memory");
    /* Where the weights come from, for whoever finds the file: the
     * treebank's licence applies to what is learnt from it. */
    char info[1024], when[160];
    if (m->epoch > 0) {
        snprintf(when, sizeof when, "epoch %d of %d", m->epoch, t->opt->epochs);
    } else {
        int k = snprintf(when, sizeof when, "the mean of %d runs of %d epochs (kept epochs",
                         t->cfg->runs, t->opt->epochs);
        for (int r = 0; r < t->cfg->runs && k > 0 && (size_t)k < sizeof when - 8; r++)
            k += snprintf(when + k, sizeof when - (size_t)k, " %d", t->run_epochs[r]);
        if (k > 0 && (size_t)k < sizeof when - 2)
            snprintf(when + k, sizeof when - (size_t)k, ")");
    }
    /* Without a dev set (a model learnt from train and dev together)
     * there is no dev score to give. */
    char dev[256];
    if (t->opt->dev_path)
        snprintf(dev, sizeof dev, "dev %s, %s, seed %lu: dev UAS %.2f LAS %.2f",
                 syn_ptrain_basename(t->opt->dev_path), when, (unsigned long)t->opt->seed,
                 m->dev_uas, m->dev_las);
    else
        snprintf(dev, sizeof dev, "no dev set, %s, seed %lu", when, (unsigned long)t->opt->seed);
    int len = snprintf(info, sizeof info,
                       "annals dependency parser: arc-hybrid, averaged perceptron, feature set %u.\n"
                       "Trained from %s (%s), %s.\n",
                       (unsigned)SYN_PARSER_FEATURE_SET, syn_ptrain_basename(t->opt->train_path),
                       t->opt->max_sentences ? "a slice" : "all sentences", dev);
    int rc = syn_model_writer_add(w, SYN_PARSER_SEC_INFO, info,
                                  (size_t)(len < (int)sizeof info ? len : (int)sizeof info - 1));
    if (rc == 0)
        rc = syn_model_writer_add(w, SYN_PARSER_SEC_HEAD, &m->h, sizeof m->h);
    if (rc == 0)
        rc = syn_model_writer_add(w, SYN_PARSER_SEC_LABELS, m->labels, m->labels_size);
    if (rc == 0)
        rc = syn_model_writer_add(w, SYN_PARSER_SEC_ACT, m->act, t->act_n * sizeof(int16_t));
    if (rc == 0)
        rc = syn_model_writer_add(w, SYN_PARSER_SEC_LAB, m->lab, t->lab_n);
    if (rc == 0)
        rc = syn_model_writer_save(w, path);
    syn_model_writer_free(w);
    if (rc != 0)
        return syn_ptrain_error(t, rc, "%s: cannot write the model", path);
    return 0;
}

static void syn_ptrain_release(syn_ptrain *t)
{
    for (int i = 0; i < t->n_labels; i++)
        free(t->label_names[i]);
    free(t->act_w);
    free(t->act_u);
    free(t->lab_w);
    free(t->lab_u);
    free(t->run_act);
    free(t->run_lab);
    free(t->mix_act);
    free(t->mix_lab);
}

static int syn_ptrain_alloc(syn_ptrain *t)
{
    /* Label rows of a whole number of cache lines (int8 weights). */
    t->label_width = (t->n_labels + 63) / 64 * 64;
    t->act_n = ((size_t)1 << t->cfg->act_bits) * SYN_PA_WIDTH;
    t->lab_n = ((size_t)1 << t->cfg->lab_bits) * (size_t)t->label_width;
    t->act_w = calloc(t->act_n, sizeof *t->act_w);
    t->act_u = calloc(t->act_n, sizeof *t->act_u);
    t->lab_w = calloc(t->lab_n, sizeof *t->lab_w);
    t->lab_u = calloc(t->lab_n, sizeof *t->lab_u);
    if (!t->act_w || !t->act_u || !t->lab_w || !t->lab_u)
        return syn_ptrain_error(t, ANNALS_E_NOMEM, "out of memory for the weights");
    return 0;
}

static int syn_ptrain_epochs(syn_ptrain *t, syn_ptrain_set *train, const syn_treebank *dev,
                             syn_ptrain_model *best)
{
    size_t ns = train->n_sent;
    size_t *order = malloc((ns ? ns : 1) * sizeof *order);
    int cap = train->max_n + 1;
    syn_pnode *node = malloc((size_t)cap * sizeof *node);
    int *stack = malloc((size_t)cap * sizeof *stack);
    unsigned char *in_stack = malloc((size_t)cap);
    int rc = (!order || !node || !stack || !in_stack) ? ANNALS_E_NOMEM : 0;
    if (rc)
        syn_ptrain_error(t, rc, "out of memory");
    for (size_t i = 0; i < ns; i++)
        order[i] = i;
    double best_las = -1;
    syn_pstate st = { .node = node, .stack = stack, .in_stack = in_stack };
    for (int e = 0; rc == 0 && e < t->opt->epochs; e++) {
        clock_t t0 = clock();
        for (size_t i = ns; i > 1; i--) {
            size_t j = (size_t)(syn_ptrain_rand(t) % i);
            size_t x = order[i - 1];
            order[i - 1] = order[j];
            order[j] = x;
        }
        syn_ptrain_stats stats = { 0 };
        int explore = e >= t->cfg->explore_from_epoch;
        for (size_t i = 0; i < ns; i++) {
            syn_ptrain_sentence(t, train, order[i], &st, explore, &stats);
            if ((i + 1) % 2000 == 0)
                syn_ptrain_log(t, 1, "epoch %d: %zu/%zu sentences", e + 1, i + 1, ns);
        }
        syn_ptrain_model m;
        rc = syn_ptrain_snapshot(t, &m);
        if (rc) {
            syn_ptrain_error(t, rc, "out of memory");
            break;
        }
        m.epoch = e + 1;
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        double las = 0;
        char msg[256] = "";
        if (dev) {
            syn_parser *p = syn_ptrain_model_parser(t, &m, msg, sizeof msg);
            syn_parse_scores sc;
            rc = p ? syn_treebank_score(dev, p, NULL, NULL, &sc) : ANNALS_E_DATA;
            syn_parser_free(p);
            if (rc) {
                syn_ptrain_model_free(&m);
                syn_ptrain_error(t, rc, "scoring the dev set failed %s", msg);
                break;
            }
            las = sc.las;
            m.dev_uas = sc.uas;
            m.dev_las = sc.las;
            snprintf(msg, sizeof msg, "; dev UAS %.2f LAS %.2f (full labels %.2f)", sc.uas,
                     sc.las, sc.las_full);
        }
        syn_ptrain_log(t, 0, "epoch %d: action errors %.2f%%, label errors %.2f%%, %.1f s%s",
                       e + 1, 100.0 * (double)stats.errors / (double)(stats.states ? stats.states : 1),
                       100.0 * (double)stats.label_errors / (double)(stats.arcs ? stats.arcs : 1),
                       secs, msg);
        if (!dev || las > best_las) {
            best_las = las;
            syn_ptrain_model_free(best);
            *best = m;
            if (t->run_act)
                syn_ptrain_keep_run(t);
        } else {
            syn_ptrain_model_free(&m);
        }
    }
    free(order);
    free(node);
    free(stack);
    free(in_stack);
    return rc;
}

/* Scores model `m` on the dev set into its dev_uas and dev_las. */
static int syn_ptrain_score_dev(syn_ptrain *t, const syn_treebank *dev, syn_ptrain_model *m)
{
    char msg[256] = "";
    syn_parser *p = syn_ptrain_model_parser(t, m, msg, sizeof msg);
    syn_parse_scores sc;
    int rc = p ? syn_treebank_score(dev, p, NULL, NULL, &sc) : ANNALS_E_DATA;
    syn_parser_free(p);
    if (rc)
        return syn_ptrain_error(t, rc, "scoring the dev set failed %s", msg);
    m->dev_uas = sc.uas;
    m->dev_las = sc.las;
    return 0;
}

/* Parameter mixing: cfg->runs trainings from fresh weights, each over its
 * own order of the sentences and stopped at its own best dev epoch; the
 * model is the mean of their averaged weights.  Runs of a perceptron
 * differ by a few tenths of a point from the order alone; their mean is
 * a linear model of the same size and speed with less of that noise.
 * One run is the plain trainer. */
static int syn_ptrain_runs(syn_ptrain *t, syn_ptrain_set *train, const syn_treebank *dev,
                           syn_ptrain_model *best)
{
    int runs = t->cfg->runs < 1 ? 1 : t->cfg->runs;
    if (runs == 1)
        return syn_ptrain_epochs(t, train, dev, best);
    t->run_act = malloc(t->act_n * sizeof *t->run_act);
    t->run_lab = malloc(t->lab_n * sizeof *t->run_lab);
    t->mix_act = calloc(t->act_n, sizeof *t->mix_act);
    t->mix_lab = calloc(t->lab_n, sizeof *t->mix_lab);
    if (!t->run_act || !t->run_lab || !t->mix_act || !t->mix_lab)
        return syn_ptrain_error(t, ANNALS_E_NOMEM, "out of memory for the runs");
    int rc = 0;
    for (int r = 0; rc == 0 && r < runs; r++) {
        syn_ptrain_log(t, 0, "run %d of %d", r + 1, runs);
        memset(t->act_w, 0, t->act_n * sizeof *t->act_w);
        memset(t->act_u, 0, t->act_n * sizeof *t->act_u);
        memset(t->lab_w, 0, t->lab_n * sizeof *t->lab_w);
        memset(t->lab_u, 0, t->lab_n * sizeof *t->lab_u);
        t->clock = 0;
        syn_ptrain_model_free(best);
        rc = syn_ptrain_epochs(t, train, dev, best);
        if (rc)
            break;
        t->run_epochs[r] = best->epoch;
        for (size_t i = 0; i < t->act_n; i++)
            t->mix_act[i] += t->run_act[i];
        for (size_t i = 0; i < t->lab_n; i++)
            t->mix_lab[i] += t->run_lab[i];
    }
    if (rc)
        return rc;
    syn_ptrain_model_free(best);
    /* The sum has the argmax of the mean: quantising rescales it anyway. */
    rc = syn_ptrain_snapshot_of(t, best, t->mix_act, NULL, t->mix_lab, NULL);
    if (rc)
        return syn_ptrain_error(t, rc, "out of memory");
    best->epoch = 0;
    if (dev) {
        rc = syn_ptrain_score_dev(t, dev, best);
        if (rc == 0)
            syn_ptrain_log(t, 0, "mean of %d runs: dev UAS %.2f LAS %.2f", runs, best->dev_uas,
                           best->dev_las);
    }
    return rc;
}

/* Scores the written model once on a test file (its own tags). */
static int syn_ptrain_test(syn_ptrain *t, const syn_ptrain_model *m, const char *path)
{
    syn_treebank tb;
    int rc = syn_treebank_read(&tb, path, 0, t->opt->error, sizeof t->opt->error);
    if (rc)
        return rc;
    char msg[256] = "";
    syn_parser *p = syn_ptrain_model_parser(t, m, msg, sizeof msg);
    syn_parse_scores sc;
    rc = p ? syn_treebank_score(&tb, p, NULL, NULL, &sc) : ANNALS_E_DATA;
    if (rc == 0)
        syn_ptrain_log(t, 0, "test %s: UAS %.2f LAS %.2f (full labels %.2f)", path, sc.uas,
                       sc.las, sc.las_full);
    else
        syn_ptrain_error(t, rc, "%s: scoring failed %s", path, msg);
    syn_parser_free(p);
    syn_treebank_free(&tb);
    return rc;
}

int syn_train_parser_with(syn_train_options *opt, const syn_parser_train_config *cfg)
{
    opt->error[0] = '\0';
    if (!opt->train_path || !opt->output_path || opt->epochs < 1)
        return snprintf(opt->error, sizeof opt->error, "need a train file, an output and epochs >= 1"),
               ANNALS_E_ARG;
    if (cfg->act_bits < 8 || cfg->act_bits > 26 || cfg->lab_bits < 8 || cfg->lab_bits > 24)
        return snprintf(opt->error, sizeof opt->error, "table sizes out of range"), ANNALS_E_ARG;
    if (cfg->runs > SYN_PTRAIN_MAX_RUNS)
        return snprintf(opt->error, sizeof opt->error, "at most %d runs", SYN_PTRAIN_MAX_RUNS),
               ANNALS_E_ARG;
    syn_ptrain t;
    memset(&t, 0, sizeof t);
    t.opt = opt;
    t.cfg = cfg;
    t.root_label = -1;
    t.rng = 0x9e3779b97f4a7c15ull ^ (uint64_t)opt->seed;
    if (!t.rng)
        t.rng = 1;
    syn_treebank train_tb, dev_tb;
    memset(&dev_tb, 0, sizeof dev_tb);
    syn_ptrain_set train;
    memset(&train, 0, sizeof train);
    syn_ptrain_model best;
    memset(&best, 0, sizeof best);
    int have_dev = 0;
    int rc = syn_treebank_read(&train_tb, opt->train_path, opt->max_sentences, opt->error,
                               sizeof opt->error);
    if (rc)
        return rc;
    if (opt->dev_path) {
        rc = syn_treebank_read(&dev_tb, opt->dev_path, 0, opt->error, sizeof opt->error);
        have_dev = rc == 0;
    }
    if (rc == 0 && train_tb.n_sent == 0)
        rc = syn_ptrain_error(&t, ANNALS_E_FORMAT, "%s: no sentences", opt->train_path);
    if (rc == 0) {
        rc = syn_ptrain_set_make(&t, &train_tb, &train);
        if (rc == ANNALS_E_NOMEM)
            syn_ptrain_error(&t, rc, "out of memory");
    }
    if (rc == 0 && t.root_label < 0)
        rc = syn_ptrain_error(&t, ANNALS_E_FORMAT, "%s: no word has the label \"root\"",
                              opt->train_path);
    if (rc == 0)
        rc = syn_ptrain_alloc(&t);
    if (rc == 0) {
        syn_ptrain_log(&t, 0, "parser: %zu sentences, %zu words, %d labels; %d epochs",
                       train_tb.n_sent, train_tb.n_words, t.n_labels, opt->epochs);
        rc = syn_ptrain_runs(&t, &train, have_dev ? &dev_tb : NULL, &best);
    }
    if (rc == 0)
        rc = syn_ptrain_save(&t, &best, opt->output_path);
    if (rc == 0 && opt->test_path)
        rc = syn_ptrain_test(&t, &best, opt->test_path);
    syn_ptrain_model_free(&best);
    syn_ptrain_set_free(&train);
    syn_treebank_free(&train_tb);
    if (have_dev)
        syn_treebank_free(&dev_tb);
    syn_ptrain_release(&t);
    return rc;
}

int syn_train_parser(syn_train_options *opt)
{
    syn_parser_train_config cfg;
    syn_parser_train_config_init(&cfg);
    if (opt->runs > 1)
        cfg.runs = opt->runs;
    return syn_train_parser_with(opt, &cfg);
}
