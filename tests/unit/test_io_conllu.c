/* test_io_conllu.c — CoNLL-U reader and writer, and the CoNLL 2018 scorer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"
#include "io/conllu.h"

static const char sample[] =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = Google's car.\n"
    "1-2\tGoogle's\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tGoogle\tGoogle\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t_\t_\n"
    "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
    "3\tcar\tcar\tNOUN\tNN\tNumber=Sing\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "# newpar\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"
    "\n"
    "# newdoc id = d2\n"
    "# sent_id = s3\n"
    "1\tOne\tone\tNUM\tCD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n";

static FILE *mem(const char *s)
{
    FILE *fp = fmemopen((void *)s, strlen(s), "r");
    assert_non_null(fp);
    return fp;
}

static void test_read_documents(void **state)
{
    (void)state;
    FILE *fp = mem(sample);
    io_conllu *r = io_conllu_open(fp, "sample.conllu");
    annals_document d;
    assert_int_equal(io_conllu_next(r, &d), 1);
    assert_string_equal(d.id, "d1");
    assert_int_equal(d.n_sentences, 2);
    /* The paragraph break of "# newpar" is a blank line in the text. */
    assert_int_equal(d.text_len, strlen("Google's car.\n\nHi"));
    assert_memory_equal(d.text, "Google's car.\n\nHi", d.text_len);
    const annals_sentence *s = &d.sentences[0];
    assert_string_equal(s->id, "s1");
    assert_int_equal(s->n_words, 4);
    assert_string_equal(s->words[0].form, "Google");
    assert_int_equal(s->words[0].start, 0);
    assert_int_equal(s->words[0].end, 6);
    assert_int_equal(s->words[1].start, 6);
    assert_int_equal(s->words[1].end, 8);
    assert_true(s->words[0].flags & ANNALS_WORD_MWT_BEGIN);
    assert_true(s->words[1].flags & ANNALS_WORD_MWT_INSIDE);
    assert_true(s->words[2].flags & ANNALS_WORD_NO_SPACE_AFTER);
    assert_int_equal(s->words[0].upos, ANNALS_UPOS_PROPN);
    assert_string_equal(s->words[0].xpos, "NNP");
    assert_int_equal(s->words[0].head, 3);
    assert_string_equal(s->words[0].deprel, "nmod:poss");
    assert_null(s->words[1].feats);
    assert_int_equal(d.sentences[1].start, 15);
    assert_int_equal(io_conllu_next(r, &d), 1);
    assert_string_equal(d.id, "d2");
    assert_int_equal(d.n_sentences, 1);
    /* No "# text": built from the forms and SpaceAfter=No. */
    assert_memory_equal(d.text, "One!", 4);
    assert_int_equal(io_conllu_next(r, &d), 0);
    io_conllu_free(r);
    fclose(fp);
}

static void test_bad_sentence_skipped(void **state)
{
    (void)state;
    static const char in[] =
        "1\tGood\tgood\tADJ\tJJ\t_\t0\troot\t_\t_\n"
        "\n"
        "1\tBad\tbad\tADJ\n"
        "2\tline\n"
        "\n"
        "1\tAlso\talso\tADV\tRB\t_\t2\tadvmod\t_\t_\n"
        "2\tgood\tgood\tADJ\tJJ\t_\t0\troot\t_\t_\n"
        "\n";
    FILE *fp = mem(in);
    io_conllu *r = io_conllu_open(fp, "bad.conllu");
    annals_document d;
    assert_int_equal(io_conllu_next(r, &d), ANNALS_E_RECORD);
    assert_non_null(strstr(io_conllu_error(r), "bad.conllu:3"));
    assert_int_equal(io_conllu_next(r, &d), 1);
    assert_int_equal(d.n_sentences, 2);
    assert_string_equal(d.sentences[1].words[1].form, "good");
    assert_int_equal(io_conllu_next(r, &d), 0);
    io_conllu_free(r);
    fclose(fp);
}

static void test_long_line_and_bad_ids(void **state)
{
    (void)state;
    size_t n = 200000;
    char *in = malloc(n + 200);
    strcpy(in, "1\t");
    memset(in + 2, 'x', n);
    strcpy(in + 2 + n, "\t_\t_\t_\t_\t_\t_\t_\t_\n\n1\tok\t_\t_\t_\t_\t_\t_\t_\t_\n3\tgap\t_\t_\t_\t_\t_\t_\t_\t_\n");
    FILE *fp = mem(in);
    io_conllu *r = io_conllu_open(fp, "long.conllu");
    annals_document d;
    assert_int_equal(io_conllu_next(r, &d), ANNALS_E_RECORD);
    assert_non_null(strstr(io_conllu_error(r), "long.conllu:1: line too long"));
    assert_int_equal(io_conllu_next(r, &d), ANNALS_E_RECORD);
    assert_non_null(strstr(io_conllu_error(r), "long.conllu:4"));
    assert_int_equal(io_conllu_next(r, &d), 0);
    io_conllu_free(r);
    fclose(fp);
    free(in);
}

static void test_write(void **state)
{
    (void)state;
    static const char text[] = "Google's car.";
    annals_word w[4] = {
        {.start = 0, .end = 6, .form = "Google", .head = -1, .flags = ANNALS_WORD_MWT_BEGIN},
        {.start = 6, .end = 8, .form = "'s", .head = -1, .flags = ANNALS_WORD_MWT_INSIDE},
        {.start = 9, .end = 12, .form = "car", .head = 0, .upos = ANNALS_UPOS_NOUN,
         .lemma = "car", .deprel = "root", .flags = ANNALS_WORD_NO_SPACE_AFTER},
        {.start = 12, .end = 13, .form = ".", .head = -1},
    };
    annals_sentence s = {.start = 0, .end = 13, .text = text, .words = w, .n_words = 4};
    annals_document doc = {.id = "doc", .text = text, .text_len = strlen(text)};
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(io_conllu_write(out, &doc, &s, 1), ANNALS_OK);
    fclose(out);
    assert_string_equal(buf,
                        "# sent_id = doc-1\n"
                        "# text = Google's car.\n"
                        "1-2\tGoogle's\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "1\tGoogle\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "2\t's\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "3\tcar\tcar\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
                        "4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "\n");
    /* What was written reads back with the same words and spans. */
    FILE *in = mem(buf);
    io_conllu *r = io_conllu_open(in, "back");
    annals_document d;
    assert_int_equal(io_conllu_next(r, &d), 1);
    assert_int_equal(d.sentences[0].n_words, 4);
    assert_int_equal(d.sentences[0].words[1].start, 6);
    assert_memory_equal(d.text, text, d.text_len);
    io_conllu_free(r);
    fclose(in);
    free(buf);
}

static const char gold_eval[] =
    "# text = I can't go.\n"
    "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Yes.\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n";

static void test_eval_identical_and_different(void **state)
{
    (void)state;
    annals_ud_scores sc;
    char err[256];
    FILE *g = mem(gold_eval), *s = mem(gold_eval);
    assert_int_equal(annals_ud_evaluate(g, "g", s, "s", &sc, err, sizeof err), ANNALS_OK);
    fclose(g);
    fclose(s);
    for (int m = 0; m < ANNALS_UD_N_METRICS; m++)
        assert_true(sc.m[m].f1 > 0.9999);
    /* One sentence, "can't" as one word, "go." as one token. */
    static const char sys[] =
        "1\tI\t_\tPRON\t_\t_\t0\troot\t_\t_\n"
        "2\tcan't\t_\tAUX\t_\t_\t1\taux\t_\t_\n"
        "3\tgo.\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "4\tYes\t_\tINTJ\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "\n";
    g = mem(gold_eval);
    s = mem(sys);
    assert_int_equal(annals_ud_evaluate(g, "g", s, "s", &sc, err, sizeof err), ANNALS_OK);
    fclose(g);
    fclose(s);
    /* Tokens: gold I can't go . Yes . (6); system I can't go. Yes . (5);
     * 4 match. */
    assert_int_equal(sc.m[ANNALS_UD_TOKENS].gold, 6);
    assert_int_equal(sc.m[ANNALS_UD_TOKENS].system, 5);
    assert_int_equal(sc.m[ANNALS_UD_TOKENS].correct, 4);
    assert_int_equal(sc.m[ANNALS_UD_SENTENCES].correct, 0);
    /* Words: I, Yes and . align; "can't" aligns with neither ca nor n't. */
    assert_int_equal(sc.m[ANNALS_UD_WORDS].correct, 3);
    assert_int_equal(sc.m[ANNALS_UD_UPOS].correct, 2);
    assert_int_equal(sc.m[ANNALS_UD_UAS].correct, 0);
}

static void test_eval_text_mismatch_and_raw_text(void **state)
{
    (void)state;
    annals_ud_scores sc;
    char err[256];
    static const char other[] = "1\tNo\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    FILE *g = mem(gold_eval), *s = mem(other);
    assert_int_equal(annals_ud_evaluate(g, "g", s, "s", &sc, err, sizeof err), ANNALS_E_FORMAT);
    assert_non_null(strstr(err, "different texts"));
    fclose(g);
    fclose(s);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    g = mem(sample);
    assert_int_equal(annals_ud_raw_text(g, "g", out, err, sizeof err), ANNALS_OK);
    fclose(out);
    fclose(g);
    assert_string_equal(buf, "Google's car.\n\nHi\n\nOne!\n");
    free(buf);
    assert_int_equal(annals_ud_metric_from_name("las", 3), ANNALS_UD_LAS);
    assert_int_equal(annals_ud_metric_from_name("nope", 4), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_documents),
        cmocka_unit_test(test_bad_sentence_skipped),
        cmocka_unit_test(test_long_line_and_bad_ids),
        cmocka_unit_test(test_write),
        cmocka_unit_test(test_eval_identical_and_different),
        cmocka_unit_test(test_eval_text_mismatch_and_raw_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
