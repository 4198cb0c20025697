/* parser_eval.c — scores the dependency parser on a UD treebank with gold
 * tokens (CoNLL 2018 UAS and LAS over all words, punctuation included),
 * with the treebank's gold tags or with the tagger's predicted tags.
 *
 *   parser_eval PARSER.annm TAGGER.annm|gold GOLD.conllu [MIN_UAS MIN_LAS]
 *
 * Exit 0 when the minimums are met, 1 when not or on an error, 77 (skip)
 * when the treebank or a model file is absent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "syntax/model.h"
#include "syntax/parser.h"
#include "syntax/parser_treebank.h"
#include "eval_tagger.h"

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 6) {
        fprintf(stderr, "usage: parser_eval PARSER.annm TAGGER.annm|gold GOLD.conllu [MIN_UAS MIN_LAS]\n");
        return 2;
    }
    const char *parser_path = argv[1], *tagger_path = argv[2], *gold = argv[3];
    int use_tagger = strcmp(tagger_path, "gold") != 0;
    if (access(gold, R_OK) != 0 || access(parser_path, R_OK) != 0 ||
        (use_tagger && access(tagger_path, R_OK) != 0)) {
        fprintf(stderr, "parser_eval: skipped: %s, %s or %s is absent\n", gold, parser_path,
                tagger_path);
        return 77;
    }
    char msg[512];
    int err = 0;
    syn_model *pm = syn_model_open(parser_path, &err, msg, sizeof msg);
    syn_parser *p = pm ? syn_parser_open(pm, msg, sizeof msg) : NULL;
    if (!p) {
        fprintf(stderr, "parser_eval: %s\n", msg);
        return 1;
    }
    eval_tagger et = {0};
    if (use_tagger && eval_tagger_open(&et, tagger_path, msg, sizeof msg) != 0) {
        fprintf(stderr, "parser_eval: %s\n", msg);
        return 1;
    }
    syn_treebank tb;
    if (syn_treebank_read(&tb, gold, 0, msg, sizeof msg) != 0) {
        fprintf(stderr, "parser_eval: %s\n", msg);
        return 1;
    }
    syn_parse_scores sc;
    int rc = syn_treebank_score(&tb, p, use_tagger ? eval_retag : NULL, &et, &sc);
    if (rc != 0) {
        fprintf(stderr, "parser_eval: parsing failed (%d)\n", rc);
        return 1;
    }
    printf("%s (%s tags): %zu sentences, %zu words: UAS %.2f LAS %.2f (full labels %.2f)\n",
           gold, use_tagger ? "predicted" : "gold", sc.sentences, sc.words, sc.uas, sc.las,
           sc.las_full);
    int ok = 1;
    if (argc == 6) {
        double min_uas = atof(argv[4]), min_las = atof(argv[5]);
        if (sc.uas < min_uas || sc.las < min_las) {
            fprintf(stderr, "parser_eval: below the minimum UAS %.2f LAS %.2f\n", min_uas, min_las);
            ok = 0;
        }
    }
    syn_treebank_free(&tb);
    eval_tagger_close(&et);
    syn_parser_free(p);
    syn_model_close(pm);
    return ok ? 0 : 1;
}
