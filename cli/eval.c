/* eval.c — annals eval: scores a system's CoNLL-U against a gold file
 * with the CoNLL 2018 shared-task metrics, or prints the raw text the task
 * made of a treebank.  The scorer lives in the library (src/io/ud_eval.c);
 * its header needs nothing but the C library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void eval_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals eval [--min METRIC=VALUE,...] GOLD.conllu SYSTEM.conllu\n"
            "       annals eval --text GOLD.conllu\n"
            "\n"
            "Scores SYSTEM (\"-\" for standard input) against GOLD with the metrics of the\n"
            "CoNLL 2018 shared task: Tokens, Sentences, Words, UPOS, XPOS, Lemmas, UAS and\n"
            "LAS as precision, recall and F1 (in percent), with the accuracy over aligned\n"
            "words.  Both files must spell the same text once white space is removed.\n"
            "\n"
            "Options:\n"
            "  --min LIST   e.g. Tokens=99.5,Sentences=98.5: exit 1 when any listed F1 is\n"
            "               below its minimum (metric names are case-insensitive)\n"
            "  --text       print the raw text of GOLD as the CoNLL 2018 task made it:\n"
            "               sentences joined by a space, paragraphs and documents\n"
            "               separated by a blank line\n"
            "  -h, --help   show this help\n"
            "\n"
            "Exit status: 0 scored (and every minimum met), 1 a minimum missed or a file\n"
            "could not be read or compared, 2 usage error.\n");
}

typedef struct eval_min {
    int metric;
    double value;
} eval_min;

/* Parses "Tokens=99.5,Sentences=98.5" into mins; false on a bad list. */
static bool eval_parse_mins(const char *s, eval_min *mins, size_t *n)
{
    while (*s) {
        const char *comma = strchr(s, ',');
        size_t len = comma ? (size_t)(comma - s) : strlen(s);
        const char *eq = memchr(s, '=', len);
        if (!eq || *n >= ANNALS_UD_N_METRICS * 2)
            return false;
        int m = annals_ud_metric_from_name(s, (size_t)(eq - s));
        char *end;
        double v = strtod(eq + 1, &end);
        if (m < 0 || end != s + len || end == eq + 1 || v < 0 || v > 100)
            return false;
        mins[*n].metric = m;
        mins[*n].value = v;
        (*n)++;
        s += len + (comma ? 1 : 0);
    }
    return *n > 0;
}

static FILE *eval_open(const char *path)
{
    if (!strcmp(path, "-"))
        return stdin;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        perror(path);
    return fp;
}

static int eval_text(const char *path)
{
    FILE *fp = eval_open(path);
    if (!fp)
        return CLI_SKIPPED;
    char err[512] = "";
    int rc = annals_ud_raw_text(fp, path, stdout, err, sizeof err);
    if (fp != stdin)
        fclose(fp);
    if (rc) {
        fprintf(stderr, "annals eval: %s\n", *err ? err : annals_error_name(rc));
        return CLI_SKIPPED;
    }
    return CLI_OK;
}

static int eval_score(const char *gold_path, const char *sys_path, const eval_min *mins,
                      size_t n_mins)
{
    FILE *g = eval_open(gold_path);
    if (!g)
        return CLI_SKIPPED;
    FILE *s = eval_open(sys_path);
    if (!s) {
        if (g != stdin)
            fclose(g);
        return CLI_SKIPPED;
    }
    annals_ud_scores scores;
    char err[512] = "";
    int rc = annals_ud_evaluate(g, gold_path, s, sys_path, &scores, err, sizeof err);
    if (g != stdin)
        fclose(g);
    if (s != stdin)
        fclose(s);
    if (rc) {
        fprintf(stderr, "annals eval: %s\n", *err ? err : annals_error_name(rc));
        return CLI_SKIPPED;
    }
    annals_ud_print(stdout, &scores);
    int status = CLI_OK;
    for (size_t i = 0; i < n_mins; i++) {
        double f1 = 100 * scores.m[mins[i].metric].f1;
        if (f1 < mins[i].value) {
            fprintf(stderr, "annals eval: %s F1 %.2f is below the minimum %.2f\n",
                    annals_ud_metric_name(mins[i].metric), f1, mins[i].value);
            status = CLI_SKIPPED;
        }
    }
    return status;
}

int cli_eval(int argc, char **argv)
{
    eval_min mins[ANNALS_UD_N_METRICS * 2];
    size_t n_mins = 0;
    bool text = false;
    const char *files[2];
    size_t n_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            eval_usage(stdout);
            return CLI_OK;
        } else if (!strcmp(a, "--text")) {
            text = true;
        } else if (!strcmp(a, "--min") || !strncmp(a, "--min=", 6)) {
            const char *v = a[5] == '=' ? a + 6 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v)
                return cli_usage_error("eval", "--min needs a list such as Tokens=99.5");
            if (!eval_parse_mins(v, mins, &n_mins))
                return cli_usage_error("eval", "bad --min list '%s' (e.g. Tokens=99.5,LAS=80)", v);
        } else if (a[0] == '-' && a[1] && strcmp(a, "--")) {
            return cli_usage_error("eval", "unknown option '%s'", a);
        } else {
            if (!strcmp(a, "--")) {
                if (++i >= argc)
                    break;
                a = argv[i];
            }
            if (n_files == 2)
                return cli_usage_error("eval", "too many files");
            files[n_files++] = a;
        }
    }
    if (text) {
        if (n_files != 1 || n_mins)
            return cli_usage_error("eval", "--text takes one gold file and no --min");
        return eval_text(files[0]);
    }
    if (n_files != 2)
        return cli_usage_error("eval", "needs GOLD.conllu and SYSTEM.conllu");
    if (!strcmp(files[0], "-") && !strcmp(files[1], "-"))
        return cli_usage_error("eval", "only one file can be standard input");
    return eval_score(files[0], files[1], mins, n_mins);
}
