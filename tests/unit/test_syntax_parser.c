/* Tests of the dependency parser: the dynamic oracle, training end to end
 * on a small slice, robustness (any length, any tags: always one tree),
 * and refusal of bad model tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "syntax/model.h"
#include "syntax/parser.h"
#include "syntax/parser_system.h"
#include "syntax/parser_treebank.h"
#include "syntax/train_parser.h"

#define EWT ANNALS_SHARED_DIR "/data/ud-english-ewt/"

/* A small treebank written by the test itself, so that training and
 * robustness are tested without ../shared. */
static const char *const tiny_conllu =
    "# text = The cat sat on the mat .\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsat\tsit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
    "6\tmat\tmat\tNOUN\tNN\t_\t3\tobl\t_\t_\n"
    "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tbark\tbark\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "\n"
    "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
    "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "4\thome\thome\tADV\tRB\t_\t3\tadvmod\t_\t_\n"
    "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
    "6\tsleep\tsleep\tVERB\tVB\t_\t3\tconj\t_\t_\n"
    "\n";

static char tmpdir[256];

static char *tmp_path(const char *name)
{
    static char buf[4][300];
    static int k;
    char *p = buf[k++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", tmpdir, name);
    return p;
}

static int setup_tmp(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/annals-test-parser-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    FILE *fp = fopen(tmp_path("tiny.conllu"), "w");
    if (!fp)
        return -1;
    /* Repeat the sentences so that a few epochs learn them. */
    for (int i = 0; i < 20; i++)
        fputs(tiny_conllu, fp);
    fclose(fp);
    return 0;
}

static int teardown_tmp(void **state)
{
    (void)state;
    const char *files[] = { "tiny.conllu", "tiny.annm", "slice.annm", "api1.annm", "api2.annm" };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        unlink(tmp_path(files[i]));
    rmdir(tmpdir);
    return 0;
}

static char last_line[512];

static void quiet_log(void *user, int transient, const char *line)
{
    (void)user;
    if (!transient)
        snprintf(last_line, sizeof last_line, "%s", line);
}

static int train_model(const char *train, const char *dev, const char *test, const char *out,
                       size_t max_sent, int epochs)
{
    syn_train_options opt;
    memset(&opt, 0, sizeof opt);
    opt.train_path = train;
    opt.dev_path = dev;
    opt.test_path = test;
    opt.output_path = out;
    opt.epochs = epochs;
    opt.seed = 7;
    opt.max_sentences = max_sent;
    opt.log = quiet_log;
    syn_parser_train_config cfg;
    syn_parser_train_config_init(&cfg);
    cfg.act_bits = 16;
    cfg.lab_bits = 12;
    int rc = syn_train_parser_with(&opt, &cfg);
    if (rc)
        print_error("training failed: %s\n", opt.error);
    return rc;
}

/* Whether heads[0..n) (1-based, 0 = root) form one tree with one root. */
static int is_tree(const annals_word *w, size_t n)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i].head < 0 || (size_t)w[i].head > n || w[i].deprel == NULL)
            return 0;
        if (w[i].head == 0) {
            roots++;
            if (strcmp(w[i].deprel, "root") != 0)
                return 0;
        } else if (strcmp(w[i].deprel, "root") == 0) {
            return 0;
        }
    }
    if (roots != 1)
        return 0;
    /* Every word reaches the root in at most n steps: no cycles. */
    for (size_t i = 0; i < n; i++) {
        size_t k = i, steps = 0;
        while (w[k].head != 0) {
            k = (size_t)w[k].head - 1;
            if (++steps > n)
                return 0;
        }
    }
    return 1;
}

static int is_projective(const int *head, int n) /* 0-based heads, n = root */
{
    for (int i = 0; i < n; i++) {
        int a = i < head[i] ? i : head[i], b = i < head[i] ? head[i] : i;
        for (int k = a + 1; k < b; k++) {
            /* Every word between a word and its head descends from the head. */
            int x = k, steps = 0;
            while (x != head[i] && x != n && steps++ <= n)
                x = head[x];
            if (x != head[i])
                return 0;
        }
    }
    return 1;
}

/* Following a zero-cost transition at every step rebuilds a projective
 * gold tree exactly, and some transition always has cost zero. */
static void check_oracle(const syn_treebank *tb, size_t max_sent, size_t *checked)
{
    for (size_t s = 0; s < tb->n_sent && s < max_sent; s++) {
        int n = (int)(tb->start[s + 1] - tb->start[s]);
        const syn_tbword *g = &tb->words[tb->start[s]];
        int *gh = malloc((size_t)(n + 1) * sizeof *gh);
        int *ds = calloc((size_t)(n + 2), sizeof *ds);
        int *deps = malloc((size_t)(n + 1) * sizeof *deps);
        int *cur = malloc((size_t)(n + 1) * sizeof *cur);
        syn_ptok *tok = malloc((size_t)(n + 1) * sizeof *tok);
        syn_pnode *node = malloc((size_t)(n + 1) * sizeof *node);
        int *stack = malloc((size_t)(n + 1) * sizeof *stack);
        unsigned char *in = malloc((size_t)(n + 1));
        assert_non_null(in);
        for (int i = 0; i < n; i++) {
            gh[i] = g[i].head == 0 ? n : g[i].head - 1;
            ds[gh[i] + 1]++;
            syn_ptok_make(&tok[i], g[i].form, g[i].upos, g[i].xpos);
        }
        syn_ptok_root(&tok[n]);
        for (int i = 0; i <= n; i++)
            ds[i + 1] += ds[i];
        memcpy(cur, ds, (size_t)(n + 1) * sizeof *cur);
        for (int i = 0; i < n; i++)
            deps[cur[gh[i]]++] = i;
        if (is_projective(gh, n)) {
            syn_pstate st = { .n = n, .tok = tok, .node = node, .stack = stack, .in_stack = in };
            syn_pstate_init(&st);
            int steps = 0;
            while (!syn_pstate_terminal(&st)) {
                int best = -1;
                for (int a = 0; a < SYN_PA_COUNT; a++)
                    if (syn_pstate_valid(&st, a) && syn_poracle_cost(&st, a, gh, deps, ds) == 0) {
                        best = a;
                        break;
                    }
                assert_true(best >= 0);
                syn_pstate_apply(&st, best, 0);
                assert_true(++steps <= 2 * n + 1);
            }
            for (int i = 0; i < n; i++)
                assert_int_equal(node[i].head, gh[i]);
            (*checked)++;
        }
        free(gh);
        free(ds);
        free(deps);
        free(cur);
        free(tok);
        free(node);
        free(stack);
        free(in);
    }
}

/* The feature templates fit their buffer, and the label classifier's
 * share is a strict prefix of them. */
static void test_feature_count(void **state)
{
    (void)state;
    syn_ptok tok[3];
    syn_pnode node[3];
    int stack[3];
    unsigned char in[3];
    syn_ptok_make(&tok[0], "Dogs", ANNALS_UPOS_NOUN, "NNS");
    syn_ptok_make(&tok[1], "bark", ANNALS_UPOS_VERB, "VBP");
    syn_ptok_root(&tok[2]);
    syn_pstate st = { .n = 2, .tok = tok, .node = node, .stack = stack, .in_stack = in };
    syn_pstate_init(&st);
    uint64_t f[SYN_PF_MAX];
    int nf = syn_pfeatures(&st, f, NULL, 0, 0);
    assert_true(nf <= SYN_PF_MAX);
    assert_true(nf > SYN_PF_LABEL);
    syn_pstate_apply(&st, SYN_PA_SHIFT, 0);
    assert_int_equal(syn_pfeatures(&st, f, NULL, 0, 0), nf);
    /* Different configurations give different features. */
    uint64_t g[SYN_PF_MAX];
    syn_pstate_apply(&st, SYN_PA_LEFT, 1);
    syn_pfeatures(&st, g, NULL, 0, 0);
    assert_true(memcmp(f, g, (size_t)nf * sizeof f[0]) != 0);
    /* Prefetching rows of a table changes no feature. */
    static int16_t table[(1u << 10) * SYN_PA_WIDTH];
    uint64_t h[SYN_PF_MAX];
    assert_int_equal(syn_pfeatures(&st, h, table, SYN_PA_WIDTH * sizeof table[0], 10), nf);
    assert_memory_equal(g, h, (size_t)nf * sizeof g[0]);
    /* No two templates give one hash, even where their values agree (the
     * empty positions of this configuration): each has its own seed. */
    for (int i = 0; i < nf; i++)
        for (int j = i + 1; j < nf; j++)
            assert_true(g[i] != g[j]);
}

static void test_oracle_tiny(void **state)
{
    (void)state;
    syn_treebank tb;
    char err[256];
    assert_int_equal(syn_treebank_read(&tb, tmp_path("tiny.conllu"), 3, err, sizeof err), 0);
    assert_int_equal(tb.n_sent, 3);
    assert_int_equal(tb.n_words, 7 + 2 + 6);
    size_t checked = 0;
    check_oracle(&tb, 3, &checked);
    assert_int_equal(checked, 3);
    syn_treebank_free(&tb);
}

static void test_oracle_ewt(void **state)
{
    (void)state;
    syn_treebank tb;
    char err[256];
    if (access(EWT "en_ewt-ud-dev.conllu", R_OK) != 0)
        skip();
    assert_int_equal(syn_treebank_read(&tb, EWT "en_ewt-ud-dev.conllu", 0, err, sizeof err), 0);
    size_t checked = 0;
    check_oracle(&tb, tb.n_sent, &checked);
    /* EWT is mostly projective. */
    assert_true(checked > tb.n_sent * 9 / 10);
    syn_treebank_free(&tb);
}

static void test_treebank_rejects_bad_heads(void **state)
{
    (void)state;
    const char *path = tmp_path("bad.conllu");
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("1\tA\ta\tDET\tDT\t_\t5\tdet\t_\t_\n\n", fp);
    fclose(fp);
    syn_treebank tb;
    char err[256];
    assert_int_equal(syn_treebank_read(&tb, path, 0, err, sizeof err), ANNALS_E_FORMAT);
    assert_non_null(strstr(err, "bad.conllu"));
    fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("1\tA\ta\tDET\n\n", fp);
    fclose(fp);
    assert_int_equal(syn_treebank_read(&tb, path, 0, err, sizeof err), ANNALS_E_FORMAT);
    print_message("%s\n", err);
    assert_non_null(strstr(err, "bad.conllu"));
    assert_non_null(strstr(err, "1"));
    unlink(path);
}

/* Trains on the tiny treebank, then parses nonsense of every size. */
static void test_robust_any_input(void **state)
{
    (void)state;
    assert_int_equal(train_model(tmp_path("tiny.conllu"), NULL, NULL, tmp_path("tiny.annm"), 0, 3), 0);
    int err = 0;
    char msg[256];
    syn_model *m = syn_model_open(tmp_path("tiny.annm"), &err, msg, sizeof msg);
    assert_non_null(m);
    syn_parser *p = syn_parser_open(m, msg, sizeof msg);
    assert_non_null(p);
    assert_true(syn_parser_label_count(p) >= 8);
    syn_parser_work *w = syn_parser_work_create();
    assert_non_null(w);

    /* The training sentence itself comes back right. */
    const char *forms[] = { "The", "cat", "sat", "on", "the", "mat", "." };
    const int upos[] = { ANNALS_UPOS_DET, ANNALS_UPOS_NOUN, ANNALS_UPOS_VERB, ANNALS_UPOS_ADP,
                         ANNALS_UPOS_DET, ANNALS_UPOS_NOUN, ANNALS_UPOS_PUNCT };
    const char *xpos[] = { "DT", "NN", "VBD", "IN", "DT", "NN", "." };
    const int heads[] = { 2, 3, 0, 6, 6, 3, 3 };
    annals_word words[600];
    memset(words, 0, sizeof words);
    for (int i = 0; i < 7; i++) {
        words[i].form = forms[i];
        words[i].upos = upos[i];
        words[i].xpos = xpos[i];
    }
    assert_int_equal(syn_parser_parse(p, w, words, 7), ANNALS_OK);
    for (int i = 0; i < 7; i++)
        assert_int_equal(words[i].head, heads[i]);
    assert_string_equal(words[1].deprel, "nsubj");
    assert_string_equal(words[2].deprel, "root");

    /* Leaving templates out (parser_ablate): no flag set parses as
     * before; every template left out still gives a tree. */
    unsigned char skip[SYN_PF_MAX];
    memset(skip, 0, sizeof skip);
    syn_parser_skip_templates(p, skip);
    assert_int_equal(syn_parser_parse(p, w, words, 7), ANNALS_OK);
    for (int i = 0; i < 7; i++)
        assert_int_equal(words[i].head, heads[i]);
    memset(skip, 1, sizeof skip);
    assert_int_equal(syn_parser_parse(p, w, words, 7), ANNALS_OK);
    assert_true(is_tree(words, 7));
    syn_parser_skip_templates(p, NULL);

    /* One word. */
    memset(words, 0, sizeof words);
    words[0].form = "Hello";
    assert_int_equal(syn_parser_parse(p, w, words, 1), ANNALS_OK);
    assert_int_equal(words[0].head, 0);
    assert_string_equal(words[0].deprel, "root");

    /* Zero words is a no-op. */
    assert_int_equal(syn_parser_parse(p, w, words, 0), ANNALS_OK);

    /* With arena scratch, as in the coder: the same parse. */
    memset(words, 0, sizeof words);
    for (int i = 0; i < 7; i++) {
        words[i].form = forms[i];
        words[i].upos = upos[i];
        words[i].xpos = xpos[i];
    }
    core_arena arena;
    core_arena_init(&arena, 0);
    assert_int_equal(syn_parser_parse_in(p, &arena, words, 7), ANNALS_OK);
    for (int i = 0; i < 7; i++)
        assert_int_equal(words[i].head, heads[i]);
    core_arena_destroy(&arena);

    /* Long sentences with arbitrary forms and tags, out-of-range UPOS,
     * missing XPOS and forms. */
    static const char *junk[] = { "", "x", "\xff\xfe", "the", "ÉTÉ", "12345", ",", NULL };
    uint64_t r = 12345;
    for (size_t n = 2; n <= 500; n = n * 3 + 1) {
        memset(words, 0, sizeof words);
        for (size_t i = 0; i < n; i++) {
            r = r * 6364136223846793005ull + 1442695040888963407ull;
            words[i].form = junk[(r >> 33) % 8];
            words[i].upos = (int)((r >> 40) % 40) - 10;
            words[i].xpos = (r >> 50) % 3 ? "NN" : NULL;
        }
        assert_int_equal(syn_parser_parse(p, w, words, n), ANNALS_OK);
        assert_true(is_tree(words, n));
    }
    syn_parser_work_free(w);
    syn_parser_free(p);
    syn_model_close(m);
}

static void test_bad_tables_refused(void **state)
{
    (void)state;
    syn_parser_header h = { SYN_PARSER_FEATURE_SET, 2, 16, 4, 4, 0, { 0, 0 } };
    static const char labels[] = "root\0det";
    static int16_t act[16 * SYN_PA_WIDTH];
    static int8_t lab[16 * 16];
    char msg[256];
    syn_parser *p = syn_parser_from_tables(&h, sizeof h, labels, sizeof labels, act, sizeof act,
                                           lab, sizeof lab, msg, sizeof msg);
    assert_non_null(p);
    syn_parser_free(p);
    /* Each field broken in turn. */
    syn_parser_header b = h;
    b.feature_set = 99;
    assert_null(syn_parser_from_tables(&b, sizeof b, labels, sizeof labels, act, sizeof act, lab,
                                       sizeof lab, msg, sizeof msg));
    assert_non_null(strstr(msg, "feature"));
    b = h;
    b.n_labels = 3;
    assert_null(syn_parser_from_tables(&b, sizeof b, labels, sizeof labels, act, sizeof act, lab,
                                       sizeof lab, msg, sizeof msg));
    b = h;
    b.label_width = 8; /* int8 rows come in multiples of 16 */
    assert_null(syn_parser_from_tables(&b, sizeof b, labels, sizeof labels, act, sizeof act, lab,
                                       sizeof lab, msg, sizeof msg));
    assert_non_null(strstr(msg, "label"));
    assert_null(syn_parser_from_tables(&h, sizeof h, labels, sizeof labels, act, sizeof act, lab,
                                       sizeof lab - 1, msg, sizeof msg));
    assert_non_null(strstr(msg, "PARSWLAB"));
    b = h;
    b.root_label = 2;
    assert_null(syn_parser_from_tables(&b, sizeof b, labels, sizeof labels, act, sizeof act, lab,
                                       sizeof lab, msg, sizeof msg));
    assert_null(syn_parser_from_tables(&h, sizeof h, labels, sizeof labels, act, sizeof act - 2,
                                       lab, sizeof lab, msg, sizeof msg));
    assert_non_null(strstr(msg, "PARSWACT"));
    assert_null(syn_parser_from_tables(&h, sizeof h, labels, sizeof labels - 1, act, sizeof act,
                                       lab, sizeof lab, msg, sizeof msg));
    assert_null(syn_parser_from_tables(&h, sizeof h - 1, labels, sizeof labels, act, sizeof act,
                                       lab, sizeof lab, msg, sizeof msg));
    assert_null(syn_parser_from_tables(&h, sizeof h, labels, sizeof labels, act, sizeof act, NULL,
                                       0, msg, sizeof msg));
}

/* Training end to end on a slice of EWT: a few hundred sentences, two
 * epochs, then a sanity floor on dev. */
static void test_train_slice(void **state)
{
    (void)state;
    if (access(EWT "en_ewt-ud-train.conllu", R_OK) != 0)
        skip();
    assert_int_equal(train_model(EWT "en_ewt-ud-train.conllu", NULL, tmp_path("tiny.conllu"),
                                 tmp_path("slice.annm"), 400, 2),
                     0);
    /* The test file is scored once, after the model is written. */
    assert_non_null(strstr(last_line, "tiny.conllu: UAS"));
    int err = 0;
    char msg[256];
    syn_model *m = syn_model_open(tmp_path("slice.annm"), &err, msg, sizeof msg);
    assert_non_null(m);
    syn_parser *p = syn_parser_open(m, msg, sizeof msg);
    assert_non_null(p);
    syn_treebank dev;
    assert_int_equal(syn_treebank_read(&dev, EWT "en_ewt-ud-dev.conllu", 500, msg, sizeof msg), 0);
    syn_parse_scores sc;
    assert_int_equal(syn_treebank_score(&dev, p, NULL, NULL, &sc), 0);
    print_message("slice of 400 sentences, 2 epochs: dev UAS %.2f LAS %.2f\n", sc.uas, sc.las);
    assert_int_equal(sc.sentences, 500);
    assert_true(sc.uas >= 65.0);
    assert_true(sc.las >= 55.0);
    assert_true(sc.las <= sc.uas);
    syn_treebank_free(&dev);
    syn_parser_free(p);
    syn_model_close(m);
}

/* What the public trainer logged, by level. */
typedef struct api_log {
    int count[4];
    char last_info[512];
} api_log;

static void api_capture(void *user, annals_log_level level, const char *message)
{
    api_log *log = user;
    if (level >= ANNALS_LOG_DEBUG && level <= ANNALS_LOG_ERROR)
        log->count[level]++;
    if (level == ANNALS_LOG_INFO)
        snprintf(log->last_info, sizeof log->last_info, "%s", message);
}

static unsigned char *read_all(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *buf = malloc(len > 0 ? (size_t)len : 1);
    *size = buf && len > 0 ? fread(buf, 1, (size_t)len, fp) : 0;
    fclose(fp);
    return buf;
}

/* The public trainer (annals.h, section 15): a parser that opens, one INFO
 * line per epoch with the dev scores and one for the test file, the same
 * bytes from the same seed, and refusals that say why. */
static void test_public_train_parser(void **state)
{
    (void)state;
    annals_train_options opt;
    annals_train_options_init(&opt);
    assert_int_equal(opt.epochs, 10);
    assert_int_equal(opt.seed, 1);
    api_log log;
    memset(&log, 0, sizeof log);
    /* tmp_path() reuses its buffers: keep the names. */
    char tiny[300], api1[300], api2[300];
    snprintf(tiny, sizeof tiny, "%s", tmp_path("tiny.conllu"));
    snprintf(api1, sizeof api1, "%s", tmp_path("api1.annm"));
    snprintf(api2, sizeof api2, "%s", tmp_path("api2.annm"));
    opt.train_path = tiny;
    opt.dev_path = tiny;
    opt.test_path = tiny;
    opt.output_path = api1;
    opt.epochs = 3;
    opt.log = api_capture;
    opt.log_user = &log;
    char err[256];
    int rc = annals_train_parser(&opt, err, sizeof err);
    if (rc)
        print_error("training failed: %s\n", err);
    assert_int_equal(rc, 0);
    assert_string_equal(err, "");
    /* A header line, three epochs, the test score. */
    assert_int_equal(log.count[ANNALS_LOG_INFO], 5);
    assert_int_equal(log.count[ANNALS_LOG_WARN] + log.count[ANNALS_LOG_ERROR], 0);
    assert_non_null(strstr(log.last_info, "tiny.conllu: UAS 100.00 LAS 100.00"));
    opt.output_path = api2;
    opt.log = NULL;
    assert_int_equal(annals_train_parser(&opt, err, sizeof err), 0);
    size_t n1 = 0, n2 = 0;
    unsigned char *b1 = read_all(api1, &n1);
    unsigned char *b2 = read_all(api2, &n2);
    assert_non_null(b1);
    assert_non_null(b2);
    assert_true(n1 > 0 && n1 == n2);
    assert_memory_equal(b1, b2, n1);
    free(b1);
    free(b2);
    int e = 0;
    char msg[256];
    syn_model *m = syn_model_open(api1, &e, msg, sizeof msg);
    assert_non_null(m);
    syn_parser *p = syn_parser_open(m, msg, sizeof msg);
    assert_non_null(p);
    syn_parser_free(p);
    syn_model_close(m);

    opt.output_path = NULL;
    assert_int_equal(annals_train_parser(&opt, err, sizeof err), ANNALS_E_ARG);
    assert_true(err[0] != '\0');
    opt.output_path = api2;
    opt.train_path = "/nonexistent/train.conllu";
    assert_true(annals_train_parser(&opt, err, sizeof err) < 0);
    assert_non_null(strstr(err, "/nonexistent/train.conllu"));
    assert_int_equal(annals_train_parser(NULL, err, sizeof err), ANNALS_E_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_feature_count),
        cmocka_unit_test(test_oracle_tiny),
        cmocka_unit_test(test_oracle_ewt),
        cmocka_unit_test(test_treebank_rejects_bad_heads),
        cmocka_unit_test(test_robust_any_input),
        cmocka_unit_test(test_bad_tables_refused),
        cmocka_unit_test(test_train_slice),
        cmocka_unit_test(test_public_train_parser),
    };
    return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}
