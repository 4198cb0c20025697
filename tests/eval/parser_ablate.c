/* parser_ablate.c — what each feature template of a trained parser is
 * worth: the attachment scores on a treebank with the template's weights
 * left out at run time (syn_parser_skip_templates), one template at a
 * time, without retraining.  A ranking for choosing templates to drop;
 * the drop itself must then be retrained and measured.
 *
 *   parser_ablate PARSER.annm TAGGER.annm|gold GOLD.conllu [SKIP]
 *
 * Without SKIP: one line per template, "index UAS LAS dUAS dLAS" against
 * the full model's scores on the first line.  With SKIP, a comma-separated
 * list of template indexes: the scores with all of them left out at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/model.h"
#include "syntax/parser.h"
#include "syntax/parser_treebank.h"
#include "eval_tagger.h"

/* Reads "3,17,40" into flags; 0 on a bad list. */
static int ablate_parse_list(const char *s, unsigned char *skip)
{
    while (*s) {
        char *end;
        long i = strtol(s, &end, 10);
        if (end == s || i < 0 || i >= SYN_PF_MAX)
            return 0;
        skip[i] = 1;
        s = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: parser_ablate PARSER.annm TAGGER.annm|gold GOLD.conllu [SKIP]\n");
        return 2;
    }
    char msg[512];
    int err = 0;
    syn_model *pm = syn_model_open(argv[1], &err, msg, sizeof msg);
    syn_parser *p = pm ? syn_parser_open(pm, msg, sizeof msg) : NULL;
    if (!p) {
        fprintf(stderr, "parser_ablate: %s\n", msg);
        return 1;
    }
    int use_tagger = strcmp(argv[2], "gold") != 0;
    eval_tagger at = {0};
    if (use_tagger && eval_tagger_open(&at, argv[2], msg, sizeof msg) != 0) {
        fprintf(stderr, "parser_ablate: %s\n", msg);
        return 1;
    }
    syn_treebank tb;
    if (syn_treebank_read(&tb, argv[3], 0, msg, sizeof msg) != 0) {
        fprintf(stderr, "parser_ablate: %s\n", msg);
        return 1;
    }
    syn_retag_fn retag = use_tagger ? eval_retag : NULL;
    unsigned char skip[SYN_PF_MAX] = { 0 };
    syn_parse_scores full, sc;
    if (syn_treebank_score(&tb, p, retag, &at, &full) != 0)
        return 1;
    printf("all %.2f %.2f\n", full.uas, full.las);
    if (argc == 5) {
        if (!ablate_parse_list(argv[4], skip)) {
            fprintf(stderr, "parser_ablate: bad template list %s\n", argv[4]);
            return 2;
        }
        syn_parser_skip_templates(p, skip);
        if (syn_treebank_score(&tb, p, retag, &at, &sc) != 0)
            return 1;
        printf("skip %.2f %.2f %+.2f %+.2f\n", sc.uas, sc.las, sc.uas - full.uas, sc.las - full.las);
    } else {
        syn_parser_skip_templates(p, skip);
        for (int i = 0; i < SYN_PF_MAX; i++) {
            memset(skip, 0, sizeof skip);
            skip[i] = 1;
            if (syn_treebank_score(&tb, p, retag, &at, &sc) != 0)
                return 1;
            printf("%d %.2f %.2f %+.2f %+.2f\n", i, sc.uas, sc.las, sc.uas - full.uas,
                   sc.las - full.las);
            fflush(stdout);
        }
    }
    syn_treebank_free(&tb);
    eval_tagger_close(&at);
    syn_parser_free(p);
    syn_model_close(pm);
    return 0;
}
